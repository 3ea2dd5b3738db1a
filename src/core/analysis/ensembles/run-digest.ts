// What an ensemble keeps of one run: its status path in brief, its acts per alliance, and the yearly mean cooperation of each ally toward the other.
import type { Model } from '../../engine/model.js';
import { runModel, type RunSummary, type Trace } from '../../engine/run.js';
import { STATUSES } from '../../engine/state.js';
import type { RandomStream } from '../../random/streams.js';
import { monthIndex, monthLabel, monthYear } from '../../time/month.js';

/** One direction of an alliance: `from` acts toward `to` (actor indices and ids). */
export interface AllianceDyad {
  alliance: number;
  from: number;
  to: number;
  fromId: string;
  toId: string;
}

/** The layout of a model's digests: its alliances, their directed dyads and the calendar years of its period. */
export interface DigestShape {
  /** Month index of the period's first month, and how many months it has. */
  start: number;
  months: number;
  alliances: string[];
  /** Per alliance, the member-order direction (a to b) then the other (b to a). */
  dyads: AllianceDyad[];
  /** Calendar years the period touches, in order. */
  years: number[];
  /** Per month of the period, the index into `years`. */
  yearOf: Int32Array;
  /** Per year, how many of its months fall in the period (the divisor of the yearly mean). */
  monthsIn: Int32Array;
}

/** What an ensemble keeps of one run. */
export interface RunDigest {
  summary: RunSummary;
  /** Per alliance: the acts the model chose within it. */
  acts: Int32Array;
  /** Yearly mean monthly cooperation per dyad and year: `[dyad * years + year]`, in act-intensity units (-10..10 per act). */
  cooperation: Float64Array;
}

/**
 * The digest layout of a model.
 * @example const shape = digestShape(compile(scenario)); shape.dyads.length === 2 * shape.alliances.length
 */
export function digestShape(model: Model): DigestShape {
  const first = monthYear(model.start);
  const last = monthYear(model.start + model.months - 1);
  const years = Array.from({ length: last - first + 1 }, (_, y) => first + y);
  const yearOf = new Int32Array(model.months);
  const monthsIn = new Int32Array(years.length);
  for (let t = 0; t < model.months; t++) {
    yearOf[t] = monthYear(model.start + t) - first;
    monthsIn[yearOf[t]]++;
  }
  const ids = model.actorIds;
  const dyads = model.alliances.flatMap((al, a) => [
    { alliance: a, from: al.a, to: al.b, fromId: ids[al.a], toId: ids[al.b] },
    { alliance: a, from: al.b, to: al.a, fromId: ids[al.b], toId: ids[al.a] },
  ]);
  return { start: model.start, months: model.months, alliances: model.alliances.map((a) => a.id), dyads, years, yearOf, monthsIn };
}

/** An empty digest to be filled run after run (reused, so that a chunk of runs allocates once). */
export function emptyDigest(shape: DigestShape): RunDigest {
  return {
    summary: { initial: [], changes: [], firstBreak: [], firstBreakReason: [], firstBreakBelow: [], firstHostile: [], acts: 0 },
    acts: new Int32Array(shape.alliances.length),
    cooperation: new Float64Array(shape.dyads.length * shape.years.length),
  };
}

/**
 * Digests runs of `model` into `into`: one run per call, on the fast path, its trace made once for all of them.
 * @example const digest = digester(model, shape, emptyDigest(shape)); digest(runStream(7, 0)).summary.firstBreak[0]
 */
export function digester(model: Model, shape: DigestShape, into: RunDigest): (rng: RandomStream) => RunDigest {
  const Y = shape.years.length;
  const n = model.actorIds.length;
  const { acts, cooperation: sums } = into;
  const cells = Int32Array.from(shape.dyads, (d) => d.from * n + d.to);
  // Acts per alliance and each month's cooperation summed per dyad and year, which the engine's fused loop counts itself.
  const trace: Trace = { tally: { acts, cells, periodOf: shape.yearOf, periods: Y, sums } };
  return (rng) => {
    sums.fill(0);
    acts.fill(0);
    into.summary = runModel(model, rng, trace);
    for (let d = 0; d < cells.length; d++) for (let y = 0; y < Y; y++) sums[d * Y + y] /= shape.monthsIn[y];
    return into;
  };
}

/** Writes the final status of each alliance (an index into STATUSES) from a run summary into `into`, and returns it. */
export function finalStatusesInto(summary: RunSummary, into: Int32Array): Int32Array {
  const { initial, changes } = summary;
  for (let a = 0; a < initial.length; a++) into[a] = STATUSES.indexOf(initial[a]);
  for (let c = 0; c < changes.length; c++) into[changes[c].alliance] = STATUSES.indexOf(changes[c].to);
  return into;
}

/** A shape as plain data for manifests: enough to read an ensemble's files back and merge them without the scenario. */
export interface DigestLayout {
  start: string;
  months: number;
  alliances: string[];
  dyads: { alliance: string; from: string; to: string }[];
  years: number[];
}

/** The layout of a shape, for the manifest. */
export function layoutOf(shape: DigestShape): DigestLayout {
  return {
    start: monthLabel(shape.start),
    months: shape.months,
    alliances: shape.alliances,
    dyads: shape.dyads.map((d) => ({ alliance: shape.alliances[d.alliance], from: d.fromId, to: d.toId })),
    years: shape.years,
  };
}

/** A shape rebuilt from a manifest's layout (actor indices are unknown there and set to -1: enough to merge and summarise, not to run). */
export function shapeOfLayout(layout: DigestLayout): DigestShape {
  const start = monthIndex(layout.start);
  const first = layout.years[0];
  const yearOf = new Int32Array(layout.months);
  const monthsIn = new Int32Array(layout.years.length);
  for (let t = 0; t < layout.months; t++) {
    yearOf[t] = monthYear(start + t) - first;
    monthsIn[yearOf[t]]++;
  }
  return {
    start,
    months: layout.months,
    alliances: layout.alliances,
    dyads: layout.dyads.map((d) => ({ alliance: layout.alliances.indexOf(d.alliance), from: -1, to: -1, fromId: d.from, toId: d.to })),
    years: layout.years,
    yearOf,
    monthsIn,
  };
}
