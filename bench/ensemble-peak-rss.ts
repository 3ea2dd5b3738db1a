// Runs the schism CLI in this process with the given arguments and prints its peak resident set size (getrusage maxRSS, all threads) on exit.
// Used by bench/ensemble.ts to measure a million-run ensemble in a child process: `node --import tsx bench/ensemble-peak-rss.ts ensemble FILE ...`.
process.argv = [process.argv[0], 'schism', ...process.argv.slice(2)];
process.on('exit', () => process.stderr.write(`peak-rss-kib ${process.resourceUsage().maxRSS}\n`));
await import('../src/adapters/cli/main.js');
