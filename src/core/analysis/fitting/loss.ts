// The declared loss of a fit: mean squared error between the simulated cooperation of the alliance dyads, averaged over a fixed
// set of seeds (common random numbers, so that two parameter sets are compared on the same draws), and the record, per period.
import type { Model } from '../../engine/model.js';
import type { Scenario } from '../../scenario/schema.js';
import { binSeries, periodRange, type Every } from '../record/periods.js';
import { dyadSeries, type RecordSeries } from '../record/record.js';
import { simulateRecord, type DyadIndex } from '../record/simulated.js';
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
 * Binned simulated series of one run for the target's dyads and periods (per dyad, first..last).
 */
export function simulatedPeriods(model: Model, t: Target, seed: number, runIndex: number): Float64Array[] {
  const run = simulateRecord(model, t.dyads, seed, runIndex);
  const T = run.months;
  return t.dyads.map((_, k) => binSeries(run.coop.subarray(k * T, (k + 1) * T), model.start, t.every, t.first, t.last));
}

/**
 * Loss = mean over dyads and periods of (seed-averaged simulated - recorded)^2: the model's expected path against the record,
 * a simulated-method-of-moments criterion. Common random numbers make it a deterministic function of the parameters.
 * @example const l = loss(compile(scenario, { params }), t, { seed: 1, count: 8 });
 */
export function loss(model: Model, t: Target, seeds: SeedSet): number {
  const mean = t.observed.map((o) => new Float64Array(o.length));
  for (let s = 0; s < seeds.count; s++) {
    simulatedPeriods(model, t, seeds.seed, s).forEach((series, k) => {
      for (let p = 0; p < series.length; p++) mean[k][p] += series[p] / seeds.count;
    });
  }
  let total = 0;
  let count = 0;
  mean.forEach((series, k) => {
    for (let p = 0; p < series.length; p++) {
      total += (series[p] - t.observed[k][p]) ** 2;
      count++;
    }
  });
  return count > 0 ? total / count : 0;
}
