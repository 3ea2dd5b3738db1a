// The strategic triangle as the scenario's events tell it, year by year: what happened, set beside the model's triangle.
import type { Scenario } from '../../scenario/schema.js';
import { monthIndex, monthYear } from '../../time/month.js';
import { classifyTriangle, type TriangleShape, type TriangleYear } from './triangle.js';

/**
 * The judged intensity (−10..10) that makes a year's summed acts read as a relation of tanh(1) ≈ 0.76. A judgement: one
 * treaty-sized act (+8 to +9) or one armed clash (−10) in a year marks that year clearly amicable or hostile, and the
 * scale saturates so that a busy year does not count for more than a clear one.
 */
export const RECORD_SCALE = 10;

/**
 * How many years an edge's last value is carried on when the scenario has no event between the pair. A judgement: the
 * scenario records the events that matter to the alliance, so a long silence says that nothing was recorded, not that
 * nothing changed; after this many quiet years the edge is unknown and the year is not classified.
 */
export const CARRY_YEARS = 2;

/** A year of the record's triangle: the edges and shape as the events tell them, or no shape when an edge is unknown. */
export interface RecordTriangleYear {
  year: number;
  ids: [string, string, string];
  /** Each edge's value, null where the pair has had no event for more than CARRY_YEARS years. */
  edges: { ab: number | null; bc: number | null; ca: number | null };
  /** Per edge, true when the scenario has no event between the pair that year and an earlier value was carried on. */
  carried: { ab: boolean; bc: boolean; ca: boolean };
  /** Dittmer's shape, when every edge is known. */
  shape: (TriangleShape & { edges: { ab: number; bc: number; ca: number } }) | null;
}

/**
 * The triangle of three actors from the scenario's events (drivers and record, both directions): each year's edge is
 * tanh(summed intensity / RECORD_SCALE); a year without events keeps the last value for up to CARRY_YEARS years, and the
 * first year starts from the scenario's stated initial relations (the mean of the two directions).
 * @example recordTriangleByYear(scenario, ['T', 'A', 'B'])[0].configuration
 */
export function recordTriangleByYear(scenario: Scenario, ids: [string, string, string]): RecordTriangleYear[] {
  const start = monthIndex(scenario.meta.period.start);
  const end = monthIndex(scenario.meta.period.end);
  const first = monthYear(start);
  const last = monthYear(end);
  const [a, b, c] = ids;
  const pairs = { ab: [a, b], bc: [b, c], ca: [c, a] } as const;
  const sums = { ab: new Map<number, number>(), bc: new Map<number, number>(), ca: new Map<number, number>() };
  for (const e of scenario.events) {
    if (e.to === undefined || e.intensity === 0) continue;
    const m = monthIndex(e.date);
    if (m < start || m > end) continue;
    for (const key of ['ab', 'bc', 'ca'] as const) {
      const [x, y] = pairs[key];
      if ((e.from === x && e.to === y) || (e.from === y && e.to === x)) sums[key].set(monthYear(m), (sums[key].get(monthYear(m)) ?? 0) + e.intensity);
    }
  }
  const initial = (x: string, y: string) => {
    const r = scenario.relations.filter((r) => (r.from === x && r.to === y) || (r.from === y && r.to === x));
    return r.length ? r.reduce((s, q) => s + q.initial, 0) / r.length : 0;
  };
  const value = { ab: initial(a, b), bc: initial(b, c), ca: initial(c, a) };
  const seen = { ab: first, bc: first, ca: first };
  const out: RecordTriangleYear[] = [];
  for (let year = first; year <= last; year++) {
    const carried = { ab: true, bc: true, ca: true };
    const edges: RecordTriangleYear['edges'] = { ab: null, bc: null, ca: null };
    for (const key of ['ab', 'bc', 'ca'] as const) {
      const sum = sums[key].get(year);
      if (sum !== undefined) {
        value[key] = Math.tanh(sum / RECORD_SCALE);
        seen[key] = year;
        carried[key] = false;
      }
      if (year === first) carried[key] = sum === undefined;
      edges[key] = year - seen[key] <= CARRY_YEARS ? value[key] : null;
    }
    const known = edges.ab !== null && edges.bc !== null && edges.ca !== null;
    const full = { ab: edges.ab ?? 0, bc: edges.bc ?? 0, ca: edges.ca ?? 0 };
    out.push({ year, ids, edges, carried, shape: known ? { ...classifyTriangle(ids, full), edges: full } : null });
  }
  return out;
}

/** Years in which the model's triangle has the record's configuration, over the years the record can classify. */
export function configurationAgreement(model: readonly TriangleYear[], record: readonly RecordTriangleYear[]): { years: number; same: number } {
  const byYear = new Map(record.flatMap((y) => (y.shape ? [[y.year, y.shape.configuration] as const] : [])));
  const both = model.filter((y) => byYear.has(y.year));
  return { years: both.length, same: both.filter((y) => byYear.get(y.year) === y.configuration).length };
}
