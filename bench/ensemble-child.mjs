// Runs the compiled schism CLI in this process with the given arguments and, on exit, prints its peak resident set size
// and CPU time (getrusage: all threads). bench/ensemble.ts runs ensembles through it: `node bench/ensemble-child.mjs ensemble FILE ...`.
process.argv = [process.argv[0], 'schism', ...process.argv.slice(2)];
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`peak-rss-kib ${u.maxRSS} cpu-us ${u.userCPUTime + u.systemCPUTime}\n`);
});
await import('../dist/adapters/cli/main.js');
