// Fixed-bin histograms kept as integer counts, so that they add up exactly and merge in any order to the same bytes.

/** Bins centred on lo, lo + width, ..., lo + (bins - 1) * width; values beyond either end fall in the end bins. */
export interface Bins {
  lo: number;
  width: number;
  bins: number;
}

/** The bins used for yearly or monthly mean cooperation: -10..10 (the Goldstein range) in steps of 0.05. */
export const COOPERATION_BINS: Bins = { lo: -10, width: 0.05, bins: 401 };

/**
 * The bin a value falls in (nearest centre, clamped to the ends).
 * @example binOf(COOPERATION_BINS, 0) === 200
 */
export function binOf(spec: Bins, x: number): number {
  const b = Math.round((x - spec.lo) / spec.width);
  return b < 0 ? 0 : b >= spec.bins ? spec.bins - 1 : b;
}

/** The centre value of bin b. */
export function binCentre(spec: Bins, b: number): number {
  return spec.lo + b * spec.width;
}

/**
 * The q-quantile of a histogram stored at counts[offset .. offset + bins): the lowest bin whose cumulative count reaches
 * ceil(q * total) (the inverse of the empirical distribution function), or -1 when the histogram is empty.
 * @example quantileBin(Float64Array.of(1, 0, 3), 0, 3, 0.5) === 2
 */
export function quantileBin(counts: ArrayLike<number>, offset: number, bins: number, q: number, total?: number): number {
  let n = total ?? 0;
  if (total === undefined) for (let b = 0; b < bins; b++) n += counts[offset + b];
  if (n === 0) return -1;
  const rank = Math.max(1, Math.ceil(q * n));
  let seen = 0;
  for (let b = 0; b < bins; b++) {
    seen += counts[offset + b];
    if (seen >= rank) return b;
  }
  return bins - 1;
}

/** Adds counts b into a element by element (exact while counts stay below 2^53). */
export function addCounts(a: Float64Array, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new RangeError(`cannot add counts of length ${b.length} to ${a.length}`);
  for (let i = 0; i < a.length; i++) a[i] += b[i];
}

/** Counts as sparse [index, count] pairs (most bins are empty), for JSON. */
export function sparseCounts(a: ArrayLike<number>): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== 0) out.push([i, a[i]]);
  return out;
}

/** Fills a dense array of the given length from sparse [index, count] pairs. */
export function denseCounts(pairs: readonly (readonly [number, number])[], length: number): Float64Array {
  const a = new Float64Array(length);
  for (const [i, c] of pairs) {
    if (!Number.isInteger(i) || i < 0 || i >= length) throw new RangeError(`bin ${i} is outside 0..${length - 1}`);
    a[i] = c;
  }
  return a;
}
