// The held-out case's independent series (COPDAB) as a second target of leave-one-case-out: COPDAB's yearly net scores are
// on another scale than the record's yearly Goldstein sums (another event set, another weighting), so each fold maps them
// onto the record's scale with a line fitted on its training cases alone, and the held-out case's own record never enters.
//
// API:
//   calibrationPoints(scenario, copdab) -> CalibrationPoint[]    a case's (COPDAB, record) yearly pairs, every directed dyad
//   fitCalibration(points) -> Calibration                         record ≈ intercept + slope × COPDAB by least squares
//   foldCalibration(points, heldOut) -> Calibration               the fit on every case's points but the held-out one's
//   independentTarget(scenario, target, copdab) -> IndependentTarget | null   the held-out alliance dyads' COPDAB, yearly
//   onRecordScale(target, line) -> IndependentTarget              mapped by a fold's line
import type { CopdabMonth } from '../../datasets/state-data.js';
import type { Scenario } from '../../scenario/schema.js';
import { monthIndex } from '../../time/month.js';
import type { Target } from '../fitting/loss.js';
import { binSeries } from '../record/periods.js';
import { dyadSeries, recordSeries } from '../record/record.js';
import { mean } from './statistics.js';

/** Fewer points than this leave a fold without a calibration (a line through a handful of years says little). */
export const MIN_CALIBRATION_POINTS = 5;

/** One year of one directed dyad: COPDAB's net score and the record's Goldstein sum over the same months. */
export interface CalibrationPoint {
  copdab: number;
  record: number;
}

/** A fold's map from COPDAB to the record's scale; the numbers are null, and `note` says why, when it cannot be fitted. */
export interface Calibration {
  n: number;
  slope: number | null;
  intercept: number | null;
  r2: number | null;
  /** The residual variance SSR / (n − 2): how far the record strays from the line, added to the observation variance. */
  residualVariance: number | null;
  note: string | null;
}

/** The held-out case's second target: per alliance dyad (as in `target`), per period first..last, the value (COPDAB's units until mapped by onRecordScale) or null. */
export interface IndependentTarget {
  observed: (number | null)[][];
  /** Scored years (every covered year but the case's first), as `first-last`, and how many dyad-years they hold. */
  years: string;
  count: number;
}

/** COPDAB indexed by directed dyad of COW codes, then month index. */
type CopdabIndex = Map<string, Map<number, number>>;

/** The rows by directed dyad and month (a few thousand rows: rebuilt per call rather than cached). */
function indexOf(copdab: CopdabMonth[]): CopdabIndex {
  const index: CopdabIndex = new Map();
  for (const row of copdab) {
    const key = `${row.from}-${row.to}`;
    if (!index.has(key)) index.set(key, new Map());
    index.get(key)!.set(monthIndex(row.month), row.value);
  }
  return index;
}

/**
 * COPDAB's yearly sums of one directed dyad over the period's months of each year y0..y1; null for a year in which COPDAB
 * misses any of those months (a partial sum would not be on the record's footing).
 */
function copdabYearly(series: Map<number, number>, periodFirst: number, periodLast: number, y0: number, y1: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let y = y0; y <= y1; y++) {
    let sum = 0;
    let covered = true;
    for (let m = Math.max(periodFirst, y * 12); m <= Math.min(periodLast, y * 12 + 11); m++) {
      const v = series.get(m);
      if (v === undefined) {
        covered = false;
        break;
      }
      sum += v;
    }
    out.push(covered ? sum : null);
  }
  return out;
}

/**
 * Every year of the case's period that COPDAB covers, for every directed dyad of its actors (by COW code) that both COPDAB
 * and the record have (an alliance dyad, or one with at least one observed act), as (COPDAB, record) pairs.
 * @example calibrationPoints(scenario, stateData.copdab).length
 */
export function calibrationPoints(scenario: Scenario, copdab: CopdabMonth[]): CalibrationPoint[] {
  const index = indexOf(copdab);
  const record = recordSeries(scenario);
  const first = monthIndex(scenario.meta.period.start);
  const last = monthIndex(scenario.meta.period.end);
  const [y0, y1] = [Math.floor(first / 12), Math.floor(last / 12)];
  const points: CalibrationPoint[] = [];
  for (const from of scenario.actors) {
    for (const to of scenario.actors) {
      if (from === to || from.cow === undefined || to.cow === undefined) continue;
      const series = index.get(`${from.cow}-${to.cow}`);
      const d = dyadSeries(record, from.id, to.id);
      if (!series || !d) continue;
      const cop = copdabYearly(series, first, last, y0, y1);
      const rec = binSeries(d.goldstein, record.start, 'year', y0, y1);
      cop.forEach((x, p) => {
        if (x !== null) points.push({ copdab: x, record: rec[p] });
      });
    }
  }
  return points;
}

/**
 * Least squares of record = intercept + slope × COPDAB, with R² and the residual variance SSR / (n − 2); no line (and a note)
 * with fewer than MIN_CALIBRATION_POINTS points or constant COPDAB values.
 * @example fitCalibration([{ copdab: 0, record: 1 }, ...]).slope
 */
export function fitCalibration(points: CalibrationPoint[]): Calibration {
  const n = points.length;
  const none = (note: string): Calibration => ({ n, slope: null, intercept: null, r2: null, residualVariance: null, note });
  if (n < MIN_CALIBRATION_POINTS) return none(`${n} training dyad-years with both COPDAB and the record (at least ${MIN_CALIBRATION_POINTS} needed)`);
  const mx = mean(points.map((q) => q.copdab));
  const my = mean(points.map((q) => q.record));
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const q of points) {
    sxx += (q.copdab - mx) ** 2;
    sxy += (q.copdab - mx) * (q.record - my);
    syy += (q.record - my) ** 2;
  }
  if (!(sxx > 1e-12)) return none('the training COPDAB values do not vary');
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let ssr = 0;
  for (const q of points) ssr += (q.record - intercept - slope * q.copdab) ** 2;
  return { n, slope, intercept, r2: syy > 1e-12 ? 1 - ssr / syy : null, residualVariance: ssr / (n - 2), note: null };
}

/**
 * The calibration of the fold that holds out case `heldOut`: fitted on the other cases' points only, so the held-out
 * case's record cannot shape the scale it is scored on.
 * @example foldCalibration(cases.map((c) => calibrationPoints(c.scenario, copdab)), 0)
 */
export function foldCalibration(pointsByCase: CalibrationPoint[][], heldOut: number): Calibration {
  return fitCalibration(pointsByCase.flatMap((p, k) => (k === heldOut ? [] : p)));
}

/**
 * The held-out case's alliance dyads' COPDAB yearly series (in COPDAB's units) over the years of `target` (the record's
 * yearly target of the whole period) that COPDAB covers, the first year left out as the record's scoring does; null when
 * COPDAB has no such year for any alliance dyad.
 * @example independentTarget(scenario, yearlyTarget, copdab)?.years
 */
export function independentTarget(scenario: Scenario, target: Pick<Target, 'dyads' | 'first' | 'last'>, copdab: CopdabMonth[]): IndependentTarget | null {
  const index = indexOf(copdab);
  const first = monthIndex(scenario.meta.period.start);
  const last = monthIndex(scenario.meta.period.end);
  let count = 0;
  const years: number[] = [];
  const observed = target.dyads.map((d) => {
    const [from, to] = [scenario.actors[d.from].cow, scenario.actors[d.to].cow];
    const series = from === undefined || to === undefined ? undefined : index.get(`${from}-${to}`);
    if (!series) return Array.from({ length: target.last - target.first + 1 }, () => null);
    return copdabYearly(series, first, last, target.first, target.last).map((x, p) => {
      if (x === null || p === 0) return null;
      count++;
      years.push(target.first + p);
      return x;
    });
  });
  if (count === 0) return null;
  return { observed, years: `${Math.min(...years)}-${Math.max(...years)}`, count };
}

/**
 * The target on the record's scale: each value mapped by the fold's line (a calibration that could be fitted).
 * @example onRecordScale(independentTarget(s, t, copdab)!, { slope: 0.1, intercept: 2 }).observed
 */
export function onRecordScale(t: IndependentTarget, line: { slope: number; intercept: number }): IndependentTarget {
  return { ...t, observed: t.observed.map((row) => row.map((x) => (x === null ? null : line.intercept + line.slope * x))) };
}
