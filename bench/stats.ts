// Small statistics for benchmarks: medians, and timing of repeated work in one process (time-batches.mjs).

export { median, timeBatches } from './time-batches.mjs';
