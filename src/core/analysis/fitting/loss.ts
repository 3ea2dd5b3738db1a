// The declared loss of a fit: mean squared error between the simulated cooperation of the alliance dyads, averaged over a fixed
// set of seeds (common random numbers, so that two parameter sets are compared on the same draws), and the record, per period.
import { ACT_GOLDSTEIN, ACT_INDEX } from '../../engine/acts.js';
import type { Model } from '../../engine/model.js';
import { runModel, type Trace } from '../../engine/run.js';
import { runStream } from '../../random/streams.js';
import type { Scenario } from '../../scenario/schema.js';
import { binSeries, periodOf, periodRange, type Every } from '../record/periods.js';
import { dyadSeries, type RecordSeries } from '../record/record.js';
import type { DyadIndex } from '../record/simulated.js';
import type { Window } from '../record/window.js';

/** Which record series a fit aims at: the Goldstein weights of the acts (like-for-like with the simulated acts) or the judged intensities. */
export type Measure = 'goldstein' | 'intensity';

/** The record a loss compares runs with: alliance dyads' series binned into the window's periods. */
export interface Target {
  dyads: DyadIndex[];
  labels: string[];
  every: Every;
  measure: Measure;
  /** Period indices of the window, inclusive. */
  first: number;
  last: number;
  /** Per dyad, the recorded value of each period first..last. */
  observed: Float64Array[];
}

/** The seeds of a loss: runs 0..count-1 of master seed `seed`. */
export interface SeedSet {
  seed: number;
  count: number;
}

/**
 * The recorded series of the scenario's alliance dyads over a window, binned by `every`.
 * @example target(scenario, recordSeries(scenario), parseWindow('1880-1887'), 'quarter', 'goldstein')
 */
export function target(scenario: Scenario, record: RecordSeries, window: Window, every: Every, measure: Measure): Target {
  const ids = scenario.actors.map((a) => a.id);
  const dyads = scenario.alliances.flatMap((al) => {
    const [a, b] = al.members.map((m) => ids.indexOf(m));
    return [{ from: a, to: b }, { from: b, to: a }];
  });
  const [first, last] = periodRange(window.first, window.last, every);
  const observed = dyads.map((d) => {
    const s = dyadSeries(record, ids[d.from], ids[d.to]);
    return s ? binSeries(s[measure], record.start, every, first, last) : new Float64Array(last - first + 1);
  });
  return { dyads, labels: dyads.map((d) => `${ids[d.from]}->${ids[d.to]}`), every, measure, first, last, observed };
}

/**
 * Loss = mean over dyads and periods of (seed-averaged simulated - recorded)^2: the model's expected path against the record,
 * a simulated-method-of-moments criterion. Common random numbers make it a deterministic function of the parameters.
 * @example const l = loss(compile(scenario, { params }), t, { seed: 1, count: 8 });
 */
export function loss(model: Model, t: Target, seeds: SeedSet): number {
  return lossFunction(model, t, seeds)(model);
}

/**
 * The loss as a function of models of one shape (the same actors, start and months as `shape`, e.g. one model whose parameters
 * change), with its buffers allocated once: what a fit evaluates thousands of times. Gives exactly what loss() gives.
 * @example const lossOf = lossFunction(m.model, t, seeds); lossOf(m.at(params));
 */
export function lossFunction(shape: Pick<Model, 'months' | 'start' | 'actorIds'>, t: Target, seeds: SeedSet): (model: Model) => number {
  const T = shape.months;
  const n = shape.actorIds.length;
  const D = t.dyads.length;
  const P = Math.max(0, t.last - t.first + 1);
  const slot = new Int32Array(n * n).fill(-1);
  t.dyads.forEach((d, k) => (slot[d.from * n + d.to] = k));
  // Each run month's period within the window (-1 outside), as binSeries places it.
  const period = Int32Array.from({ length: T }, (_, m) => {
    const p = periodOf(shape.start + m, t.every) - t.first;
    return p >= 0 && p < P ? p : -1;
  });
  const coop = new Float64Array(D * T);
  const binned = new Float64Array(P);
  const mean = new Float64Array(D * P);
  // The Goldstein weights of the dyads' simulated acts, summed per dyad and month (what simulateRecord keeps, less the act lists).
  const trace: Trace = {
    act(m, _alliance, from, to, kind) {
      const k = slot[from * n + to];
      if (k >= 0) coop[k * T + m] += ACT_GOLDSTEIN[ACT_INDEX[kind]];
    },
    actLatent: false,
  };
  return (model) => {
    if (model.months !== T || model.start !== shape.start || model.actorIds.length !== n) throw new RangeError('lossFunction: the model has another shape than the one it was made for');
    mean.fill(0);
    for (let s = 0; s < seeds.count; s++) {
      coop.fill(0);
      runModel(model, runStream(seeds.seed, s), trace);
      // Summed month by month into periods, then averaged over seeds, in the order binSeries and the per-seed mean use.
      for (let k = 0; k < D; k++) {
        binned.fill(0);
        for (let m = 0; m < T; m++) if (period[m] >= 0) binned[period[m]] += coop[k * T + m];
        for (let p = 0; p < P; p++) mean[k * P + p] += binned[p] / seeds.count;
      }
    }
    let total = 0;
    let count = 0;
    for (let k = 0; k < D; k++) {
      const o = t.observed[k];
      for (let p = 0; p < P; p++) {
        total += (mean[k * P + p] - o[p]) ** 2;
        count++;
      }
    }
    return count > 0 ? total / count : 0;
  };
}
