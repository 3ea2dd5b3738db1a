// Summary statistics of an ensemble kept in constant memory as integer counts and sums, so that chunks, workers and shards add up to the same bytes.
import { STATUSES } from '../../engine/state.js';
import { addCounts, binOf, COOPERATION_BINS, denseCounts, sparseCounts } from './histogram.js';
import { finalStatusesInto, type DigestShape, type RunDigest } from './run-digest.js';

/**
 * Counts over the runs added so far. Break months are counted exactly (one bin per month, the last bin for "never");
 * cooperation is summed in millionths (the precision written to files) and binned in COOPERATION_BINS.
 */
export interface EnsembleStats {
  runs: number;
  /** Per alliance, months 0..T-1 then "never": `[alliance * (T + 1) + month]`. */
  firstBroken: Float64Array;
  firstHostile: Float64Array;
  /** Per alliance and cause of the first break (BREAK_CAUSES order): `[alliance * BREAK_CAUSES.length + cause]`. */
  breakCause: Float64Array;
  /** Per alliance: runs whose first break came while the breaking member's smoothed margin was below its outside option. */
  breakBelow: Float64Array;
  /** Per alliance and final status: `[alliance * 4 + status]`. */
  finalStatus: Float64Array;
  /** Per alliance: summed status changes and acts. */
  changes: Float64Array;
  acts: Float64Array;
  /** Per dyad and year: summed yearly mean cooperation in millionths, and its histogram `[(dyad * Y + year) * bins + bin]`. */
  coopSum: Float64Array;
  coopHist: Float64Array;
}

/**
 * What set a first break, as the ensemble reports it: the members' margins (the status rule), an act (a defection), force, or
 * both relations deep in conflict.
 */
export const BREAK_CAUSES = ['margin', 'act', 'force', 'relations'] as const;
const CAUSE_OF: Record<string, number> = { margin: 0, defection: 1, force: 2, relations: 3 };

/** The stats of no runs, laid out for a shape. */
export function emptyStats(shape: DigestShape): EnsembleStats {
  const A = shape.alliances.length;
  const cells = shape.dyads.length * shape.years.length;
  return {
    runs: 0,
    firstBroken: new Float64Array(A * (shape.months + 1)),
    firstHostile: new Float64Array(A * (shape.months + 1)),
    breakCause: new Float64Array(A * BREAK_CAUSES.length),
    breakBelow: new Float64Array(A),
    finalStatus: new Float64Array(A * STATUSES.length),
    changes: new Float64Array(A),
    acts: new Float64Array(A),
    coopSum: new Float64Array(cells),
    coopHist: new Float64Array(cells * COOPERATION_BINS.bins),
  };
}

/** A value as written to files, in millionths: the same rounding as formatNumber, so statistics agree with runs.csv. */
export function micro(x: number): number {
  return Math.round(x * 1e6);
}

/**
 * Counts one run's digest; `final` is its final statuses when the caller has them already (finalStatusesInto).
 * @example const stats = emptyStats(shape); addDigest(stats, shape, digester(model, shape, emptyDigest(shape))(runStream(7, 0)));
 */
export function addDigest(stats: EnsembleStats, shape: DigestShape, d: RunDigest, final = finalStatusesInto(d.summary, new Int32Array(shape.alliances.length))): void {
  const T = shape.months;
  const B = COOPERATION_BINS.bins;
  stats.runs++;
  for (let a = 0; a < shape.alliances.length; a++) {
    const fb = d.summary.firstBreak[a];
    const fh = d.summary.firstHostile[a];
    stats.firstBroken[a * (T + 1) + (fb < 0 ? T : fb)]++;
    stats.firstHostile[a * (T + 1) + (fh < 0 ? T : fh)]++;
    if (fb >= 0) {
      stats.breakCause[a * BREAK_CAUSES.length + CAUSE_OF[d.summary.firstBreakReason[a]]]++;
      if (d.summary.firstBreakBelow[a]) stats.breakBelow[a]++;
    }
    stats.finalStatus[a * STATUSES.length + final[a]]++;
    stats.acts[a] += d.acts[a];
  }
  const { changes } = d.summary;
  for (let c = 0; c < changes.length; c++) stats.changes[changes[c].alliance]++;
  for (let cell = 0; cell < d.cooperation.length; cell++) {
    const m = micro(d.cooperation[cell]);
    stats.coopSum[cell] += m;
    stats.coopHist[cell * B + binOf(COOPERATION_BINS, m / 1e6)]++;
  }
}

/** Adds the counts of b into a (the stats of two disjoint sets of runs of the same model). */
export function mergeStats(a: EnsembleStats, b: EnsembleStats): void {
  a.runs += b.runs;
  addCounts(a.firstBroken, b.firstBroken);
  addCounts(a.firstHostile, b.firstHostile);
  addCounts(a.breakCause, b.breakCause);
  addCounts(a.breakBelow, b.breakBelow);
  addCounts(a.finalStatus, b.finalStatus);
  addCounts(a.changes, b.changes);
  addCounts(a.acts, b.acts);
  addCounts(a.coopSum, b.coopSum);
  addCounts(a.coopHist, b.coopHist);
}

/** Stats as plain JSON (sparse where counts are mostly zero); the form they are checkpointed, shipped between processes and merged in. */
export interface StatsJson {
  runs: number;
  firstBroken: [number, number][];
  firstHostile: [number, number][];
  breakCause: number[];
  breakBelow: number[];
  finalStatus: number[];
  changes: number[];
  acts: number[];
  coopSum: number[];
  coopHist: [number, number][];
}

/** Stats as JSON-ready data. */
export function statsToJson(s: EnsembleStats): StatsJson {
  return {
    runs: s.runs,
    firstBroken: sparseCounts(s.firstBroken),
    firstHostile: sparseCounts(s.firstHostile),
    breakCause: [...s.breakCause],
    breakBelow: [...s.breakBelow],
    finalStatus: [...s.finalStatus],
    changes: [...s.changes],
    acts: [...s.acts],
    coopSum: [...s.coopSum],
    coopHist: sparseCounts(s.coopHist),
  };
}

/** Stats back from JSON, checked against the shape they must have; throws RangeError when they do not fit. */
export function statsFromJson(j: StatsJson, shape: DigestShape): EnsembleStats {
  const s = emptyStats(shape);
  const dense = (xs: number[], into: Float64Array, what: string) => {
    if (!Array.isArray(xs) || xs.length !== into.length) throw new RangeError(`${what} has ${xs?.length} values, expected ${into.length}`);
    into.set(xs);
  };
  if (!Number.isInteger(j.runs) || j.runs < 0) throw new RangeError('runs must be a whole number');
  s.runs = j.runs;
  s.firstBroken.set(denseCounts(j.firstBroken, s.firstBroken.length));
  s.firstHostile.set(denseCounts(j.firstHostile, s.firstHostile.length));
  dense(j.breakCause, s.breakCause, 'breakCause');
  dense(j.breakBelow, s.breakBelow, 'breakBelow');
  dense(j.finalStatus, s.finalStatus, 'finalStatus');
  dense(j.changes, s.changes, 'changes');
  dense(j.acts, s.acts, 'acts');
  dense(j.coopSum, s.coopSum, 'coopSum');
  s.coopHist.set(denseCounts(j.coopHist, s.coopHist.length));
  return s;
}
