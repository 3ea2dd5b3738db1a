// Timing of repeated work in one process, and medians, in plain JavaScript so that a benchmark's child process without tsx
// (engine-child.mjs, digest-child.mjs) times and sums up its work as the benchmarks do; stats.ts hands both on to them.

/** The median of a list of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Runs `fn` in `repeats` timed batches of `batch` calls after a warm-up, returning CPU seconds per call of each batch.
 * CPU time (user + system of this process) rather than wall time, so that a busy machine inflates the figures less.
 */
export function timeBatches(fn, batch, repeats) {
  for (let i = 0; i < batch; i++) fn();
  const out = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = process.cpuUsage();
    for (let i = 0; i < batch; i++) fn();
    const dt = process.cpuUsage(t0);
    out.push((dt.user + dt.system) / 1e6 / batch);
  }
  return out;
}
