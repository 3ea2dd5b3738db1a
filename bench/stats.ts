// Small statistics for benchmarks: medians, and timing of repeated work in one process (time-batches.mjs).

/** The median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export { timeBatches } from './time-batches.mjs';
