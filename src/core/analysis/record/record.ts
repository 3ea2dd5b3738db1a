// The observed record as series: monthly cooperation-conflict per directed dyad, by Goldstein weight and by judged intensity.
//
// API for other modules and the report:
//   recordSeries(scenario, { rules? }) -> RecordSeries   monthly series per directed dyad, and the record's turning points
//   recordSeriesRows(series, every)    -> rows           tidy rows (period, from, to, measure, value) at month/quarter/year
//   dyadSeries(series, from, to)       -> DyadSeries      one dyad's series, or undefined
import type { Scenario, ScenarioEvent } from '../../scenario/schema.js';
import { monthIndex } from '../../time/month.js';
import { binSeries, periodLabel, periodRange, type Every } from './periods.js';
import { isAlliancePair, recordTurningPoints, turningPointRules, type RecordTurningPoint, type TurningPointRule } from './turning-points.js';

/** One directed dyad's monthly series; month 0 is the scenario's first month. */
export interface DyadSeries {
  from: string;
  to: string;
  /** Whether both are members of one alliance (then only record events count; otherwise drivers count too). */
  alliance: boolean;
  /** Sum of the Goldstein weights of the month's acts (acts without one add nothing here). */
  goldstein: Float64Array;
  /** Sum of the judged intensities of the month's acts. */
  intensity: Float64Array;
  /** Number of acts in the month. */
  count: Int32Array;
}

/** The record as series: every directed dyad that has acts, plus both directions of every alliance. */
export interface RecordSeries {
  /** Month index of month 0. */
  start: number;
  months: number;
  dyads: DyadSeries[];
  turningPoints: RecordTurningPoint[];
  /** Acts counted in the series that carry no Goldstein weight (they add to intensity only). */
  missingGoldstein: number;
}

/**
 * Whether an event belongs to the observed record of its dyad: the allies' own acts (role record) always; between other
 * pairs, where the scenario has no record role to give (a third power's acts are drivers), drivers too.
 */
export function isObservedAct(scenario: Scenario, e: ScenarioEvent): boolean {
  if (e.to === undefined || e.to === e.from) return false;
  return e.role === 'record' || !isAlliancePair(scenario, e.from, e.to);
}

/**
 * The record's monthly series per directed dyad. A joint act counts in both directions; an act with an `end` counts once,
 * in its start month.
 * @example const s = recordSeries(scenario); dyadSeries(s, 'B', 'A')?.intensity
 */
export function recordSeries(scenario: Scenario, options: { rules?: TurningPointRule[] } = {}): RecordSeries {
  const start = monthIndex(scenario.meta.period.start);
  const months = monthIndex(scenario.meta.period.end) - start + 1;
  const order = scenario.actors.map((a) => a.id);
  const byKey = new Map<string, DyadSeries>();
  const dyad = (from: string, to: string): DyadSeries => {
    const key = `${from}\u0000${to}`;
    let d = byKey.get(key);
    if (!d) {
      d = { from, to, alliance: isAlliancePair(scenario, from, to), goldstein: new Float64Array(months), intensity: new Float64Array(months), count: new Int32Array(months) };
      byKey.set(key, d);
    }
    return d;
  };
  for (const al of scenario.alliances) {
    dyad(al.members[0], al.members[1]);
    dyad(al.members[1], al.members[0]);
  }
  let missingGoldstein = 0;
  for (const e of scenario.events) {
    if (!isObservedAct(scenario, e)) continue;
    const t = monthIndex(e.date) - start;
    if (t < 0 || t >= months) continue;
    if (e.goldstein === undefined) missingGoldstein += e.joint ? 2 : 1;
    const directions: [string, string][] = e.joint ? [[e.from, e.to!], [e.to!, e.from]] : [[e.from, e.to!]];
    for (const [from, to] of directions) {
      const d = dyad(from, to);
      d.goldstein[t] += e.goldstein ?? 0;
      d.intensity[t] += e.intensity;
      d.count[t] += 1;
    }
  }
  const rank = (d: DyadSeries) => (d.alliance ? 0 : 1);
  const dyads = [...byKey.values()].sort(
    (x, y) => rank(x) - rank(y) || order.indexOf(x.from) - order.indexOf(y.from) || order.indexOf(x.to) - order.indexOf(y.to),
  );
  return { start, months, dyads, turningPoints: recordTurningPoints(scenario, options.rules ?? turningPointRules(scenario)), missingGoldstein };
}

/** One directed dyad's series, if the record has it. */
export function dyadSeries(series: RecordSeries, from: string, to: string): DyadSeries | undefined {
  return series.dyads.find((d) => d.from === from && d.to === to);
}

/** A tidy row of the record series. */
export interface RecordRow {
  period: string;
  from: string;
  to: string;
  goldstein: number;
  intensity: number;
  acts: number;
}

/** The series aggregated to months, quarters or years, one row per period and directed dyad, in period then dyad order. */
export function recordSeriesRows(series: RecordSeries, every: Every): RecordRow[] {
  const [first, last] = periodRange(series.start, series.start + series.months - 1, every);
  const binned = series.dyads.map((d) => ({
    d,
    g: binSeries(d.goldstein, series.start, every, first, last),
    j: binSeries(d.intensity, series.start, every, first, last),
    c: binSeries(d.count, series.start, every, first, last),
  }));
  const rows: RecordRow[] = [];
  for (let p = first; p <= last; p++) {
    for (const { d, g, j, c } of binned) {
      rows.push({ period: periodLabel(p, every), from: d.from, to: d.to, goldstein: g[p - first], intensity: j[p - first], acts: c[p - first] });
    }
  }
  return rows;
}
