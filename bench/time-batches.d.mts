/** The median of a list of numbers. */
export function median(xs: number[]): number;
/** Runs `fn` in `repeats` timed batches of `batch` calls after a warm-up, returning CPU seconds per call of each batch. */
export function timeBatches(fn: () => void, batch: number, repeats: number): number[];
