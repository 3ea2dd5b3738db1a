// Runs the schism CLI in this process with the given arguments and, on exit, prints its peak resident set size and CPU time
// (getrusage: all threads). bench/ensemble.ts runs ensembles through it in child processes: `node --import tsx bench/ensemble-child.ts ensemble FILE ...`.
process.argv = [process.argv[0], 'schism', ...process.argv.slice(2)];
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`peak-rss-kib ${u.maxRSS} cpu-us ${u.userCPUTime + u.systemCPUTime}\n`);
});
await import('../src/adapters/cli/main.js');
