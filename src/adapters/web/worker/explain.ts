// Scores sets of mechanisms against the record: a stated fit (RMSE of yearly cooperation) and the median predicted break.
import { compile } from '../../../core/engine/compile.js';
import { MECHANISM_IDS } from '../../../core/engine/parameters.js';
import { simulateModel } from '../../../core/engine/simulate.js';
import type { Scenario } from '../../../core/scenario/schema.js';
import type { Counterfactual } from '../state/counterfactual.js';
import { applyCounterfactual } from './apply-counterfactual.js';
import type { ExplanationScore } from './protocol.js';
import { recordedCooperation } from './recorded.js';
import { fanOfRuns, simulatedCooperation } from './run-view.js';

/** Sums a monthly series into calendar years, starting at month index `start` (year * 12 + month - 1). */
export function yearly(series: number[], start: number): number[] {
  const out: number[] = [];
  series.forEach((x, t) => {
    const y = Math.floor((start + t) / 12) - Math.floor(start / 12);
    out[y] = (out[y] ?? 0) + x;
  });
  return out;
}

/** Root mean square difference of two equal-length series. */
export function rmse(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return Math.sqrt(s / Math.max(1, a.length));
}

/**
 * For each set (only its mechanisms on, everything else as in the counterfactual, predict mode): the RMSE between simulated and
 * recorded cooperation summed by calendar year over both directions of every alliance, averaged over `seeds` recorded runs; the
 * same RMSE for a model that never acts (the null line); and the median first break over a fan of 5 × seeds fast runs.
 */
export function scoreExplanations(scenario: Scenario, cf: Counterfactual, sets: { id: string; name: string; mechanisms: string[] }[], seeds: number, now: () => number): ExplanationScore[] {
  return sets.map((set) => {
    const off = MECHANISM_IDS.filter((m) => !set.mechanisms.includes(m));
    const applied = applyCounterfactual(scenario, { ...cf, mode: 'predict', off });
    const model = compile(applied.scenario, applied.options);
    const ids = model.actorIds;
    const recorded = model.alliances.flatMap((al) => [
      yearly(recordedCooperation(scenario, ids[al.a], ids[al.b]).slice(0, model.months), model.start),
      yearly(recordedCooperation(scenario, ids[al.b], ids[al.a]).slice(0, model.months), model.start),
    ]);
    let total = 0;
    for (let k = 0; k < seeds; k++) {
      const r = simulateModel(model, cf.seed, k);
      const sim = model.alliances.flatMap((al) => [
        yearly(simulatedCooperation(r, al.a, al.b), model.start),
        yearly(simulatedCooperation(r, al.b, al.a), model.start),
      ]);
      total += rmse(sim.flat(), recorded.flat());
    }
    const flat = recorded.flat();
    const fan = fanOfRuns(model, cf.seed, seeds * 5, now);
    const first = fan.alliances[0];
    return {
      id: set.id,
      name: set.name,
      mechanisms: set.mechanisms,
      rmse: total / Math.max(1, seeds),
      nullRmse: rmse(flat.map(() => 0), flat),
      medianBreak: first ? first.median : null,
      brokeShare: first ? first.broke / fan.runs : 0,
    };
  });
}
