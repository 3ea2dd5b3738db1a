// Which runs an ensemble does: its shard of the run indices (contiguous blocks) and the chunks it journals them in.

/** Shard `index` of `count` (0-based), as written `--shard I/N`. */
export interface Shard {
  index: number;
  count: number;
}

/** A half-open range of run indices [from, to). */
export interface RunRange {
  from: number;
  to: number;
}

/**
 * Reads `I/N` (0 <= I < N); throws RangeError with the reason otherwise.
 * @example parseShard('2/4') // { index: 2, count: 4 }
 */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (!m) throw new RangeError(`--shard takes I/N, e.g. 0/4, not "${text}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) throw new RangeError(`--shard ${text}: N must be at least 1`);
  if (index >= count) throw new RangeError(`--shard ${text}: I runs from 0 to N-1`);
  return { index, count };
}

/**
 * The runs of a shard: contiguous blocks, so that merging is concatenation in shard order.
 * Shard I of N gets [floor(I*R/N), floor((I+1)*R/N)); the blocks tile 0..R-1 with sizes differing by at most one.
 * @example shardRange(10, { index: 1, count: 4 }) // { from: 2, to: 5 }
 */
export function shardRange(runs: number, shard: Shard = { index: 0, count: 1 }): RunRange {
  return { from: Math.floor((shard.index * runs) / shard.count), to: Math.floor(((shard.index + 1) * runs) / shard.count) };
}

/** Splits a range into consecutive chunks of at most `size` runs. */
export function chunkRanges(range: RunRange, size: number): RunRange[] {
  if (!(size >= 1)) throw new RangeError('a chunk holds at least one run');
  const out: RunRange[] = [];
  for (let from = range.from; from < range.to; from += size) out.push({ from, to: Math.min(range.to, from + size) });
  return out;
}

/** The fewest runs a chunk holds when the caller does not say (see defaultChunk). */
export const MIN_CHUNK = 1000;
/** The most runs a chunk holds when the caller does not say (see defaultChunk). */
export const MAX_CHUNK = 5000;

/**
 * Runs per chunk when none is given: a quarter of each worker's share of the runs, kept between MIN_CHUNK and MAX_CHUNK.
 * Each chunk costs the main thread a checkpoint and file writes, about 3 ms: a 1-worker ensemble of 60,000 runs took
 * 0.46-0.50 s of main-thread CPU in chunks of 1,000 and 0.31-0.33 s in chunks of 5,000, a third less. Smaller chunks than
 * 1,000 (the default before) cost more again: 2,000 runs on 2 workers took 2.3-2.5 s of CPU in chunks of 250 against
 * 1.9-2.2 s in chunks of 1,000.
 * @example defaultChunk(200_000, 2) // 5000
 */
export function defaultChunk(runs: number, workers: number): number {
  return Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, Math.ceil(runs / (4 * Math.max(1, workers)))));
}
