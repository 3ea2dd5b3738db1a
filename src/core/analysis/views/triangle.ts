// Dittmer's (1981) strategic triangle: three pairwise relations classified year by year as one of four configurations.
import type { RunResult } from '../../engine/simulate.js';
import { monthYear } from '../../time/month.js';

/**
 * An edge is amicable when its relation, the mean of the two directed relations (-1 hostile .. +1 close), is above this.
 * Zero is the stated line: a pair that is on balance more cooperative than hostile counts as amicable, as in Dittmer's
 * two-valued scheme (amity or enmity, no neutral).
 */
export const AMICABLE_THRESHOLD = 0;

/** Dittmer's four configurations of a triangle of amity (+) and enmity (-). */
export const CONFIGURATIONS = ['ménage à trois', 'romantic triangle', 'stable marriage', 'unit veto'] as const;
/** A configuration of the strategic triangle. */
export type Configuration = (typeof CONFIGURATIONS)[number];

/** A classified triangle: the configuration and who holds which place in it. */
export interface TriangleShape {
  configuration: Configuration;
  /** Romantic triangle: the pivot, amicable with both wings. */
  pivot?: string;
  /** Stable marriage: the amicable pair. Romantic triangle: the two wings. */
  pair?: [string, string];
  /** Stable marriage: the third, at odds with both. */
  outsider?: string;
}

/**
 * Classifies three actors' pairwise relations; `ab` is the relation of a and b, and so on.
 * @example classifyTriangle(['T', 'A', 'B'], { ab: -0.4, bc: 0.6, ca: -0.7 }) // stable marriage of A and B against T
 */
export function classifyTriangle(ids: [string, string, string], edges: { ab: number; bc: number; ca: number }): TriangleShape {
  const [a, b, c] = ids;
  const amicable = [edges.ab > AMICABLE_THRESHOLD, edges.bc > AMICABLE_THRESHOLD, edges.ca > AMICABLE_THRESHOLD];
  // The vertex opposite each edge: c opposite ab, a opposite bc, b opposite ca.
  const opposite = [c, a, b];
  const ends: [string, string][] = [[a, b], [b, c], [c, a]];
  const count = amicable.filter(Boolean).length;
  if (count === 3) return { configuration: 'ménage à trois' };
  if (count === 0) return { configuration: 'unit veto' };
  if (count === 2) {
    const hostile = amicable.indexOf(false);
    return { configuration: 'romantic triangle', pivot: opposite[hostile], pair: ends[hostile] };
  }
  const friendly = amicable.indexOf(true);
  return { configuration: 'stable marriage', pair: ends[friendly], outsider: opposite[friendly] };
}

/** One year of the triangle: the mean relation of each pair over the year's months and its configuration. */
export interface TriangleYear extends TriangleShape {
  year: number;
  ids: [string, string, string];
  edges: { ab: number; bc: number; ca: number };
}

/**
 * The triangle of three actors year by year in a recorded run (a year counts if the run covers any of its months).
 * @example triangleByYear(simulate(scenario), ['T', 'A', 'B'])
 */
export function triangleByYear(r: RunResult, ids: [string, string, string]): TriangleYear[] {
  const { model } = r;
  const n = model.actorIds.length;
  const T = model.months;
  const [ia, ib, ic] = ids.map((id) => {
    const k = model.actorIds.indexOf(id);
    if (k < 0) throw new RangeError(`unknown actor "${id}" in the triangle`);
    return k;
  });
  const pairMean = (x: number, y: number, t0: number, t1: number) => {
    let sum = 0;
    for (let t = t0; t < t1; t++) sum += r.relation[(x * n + y) * T + t] + r.relation[(y * n + x) * T + t];
    return sum / (2 * (t1 - t0));
  };
  const out: TriangleYear[] = [];
  let t0 = 0;
  while (t0 < T) {
    const year = monthYear(model.start + t0);
    let t1 = t0;
    while (t1 < T && monthYear(model.start + t1) === year) t1++;
    const edges = { ab: pairMean(ia, ib, t0, t1), bc: pairMean(ib, ic, t0, t1), ca: pairMean(ic, ia, t0, t1) };
    out.push({ year, ids, edges, ...classifyTriangle(ids, edges) });
    t0 = t1;
  }
  return out;
}
