// Small statistics for benchmarks: medians and timing of repeated work in one process.

/** The median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs `fn` in `repeats` timed batches of `batch` calls after a warm-up, returning seconds per call of each batch. */
export function timeBatches(fn: () => void, batch: number, repeats: number): number[] {
  for (let i = 0; i < batch; i++) fn();
  const out: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn();
    out.push(Number(process.hrtime.bigint() - t0) / 1e9 / batch);
  }
  return out;
}
