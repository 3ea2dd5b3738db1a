// Morris (1991) elementary-effects screening: which parameters move the first break date most (mu*), and how unevenly (sigma).
//
// API:
//   morrisScreening(scenario, options?) -> Morris
//     options: { parameters? (keys; default every mechanism parameter and every rule), trajectories = 10, levels = 4,
//                runs = 20 (common random numbers per point), seed = 1, alliance = 0 }
import type { Model } from '../../engine/model.js';
import { MECHANISM_IDS, RULES } from '../../engine/parameters.js';
import { runModel } from '../../engine/run.js';
import { runStream, uniform } from '../../random/streams.js';
import type { Scenario } from '../../scenario/schema.js';
import { modelAt } from './model-at.js';
import { defaultFreeKeys, freeParameters, fromUnit } from './parameter-space.js';

/** Settings of a screening. */
export interface MorrisOptions {
  parameters?: string[];
  trajectories?: number;
  levels?: number;
  runs?: number;
  seed?: number;
  alliance?: number;
  /** Told after each point of the design how many were simulated, of (parameters + 1) × trajectories. */
  onProgress?: (points: number, total: number) => void;
}

/** One parameter's elementary effects, in months of break date per change across its whole range. */
export interface MorrisRow {
  key: string;
  min: number;
  max: number;
  /** Mean of the absolute elementary effects: overall influence. */
  muStar: number;
  /** Mean of the signed effects: positive = a higher value delays the break. */
  mu: number;
  /** Standard deviation of the effects: non-linearity or interaction. */
  sigma: number;
}

/** A screening's result, parameters by mu* descending. */
export interface Morris {
  rows: MorrisRow[];
  outcome: string;
  trajectories: number;
  levels: number;
  runs: number;
  seed: number;
  evaluations: number;
  simulations: number;
}

/**
 * The outcome screened: the mean over runs 0..runs-1 (common random numbers) of the alliance's first broken-or-hostile month,
 * counted from the period start; a run that never breaks counts as the month after the period.
 */
export function meanBreakMonth(model: Model, runs: number, seed: number, alliance: number): number {
  let total = 0;
  for (let r = 0; r < runs; r++) {
    const b = runModel(model, runStream(seed, r)).firstBreak[alliance];
    total += b < 0 ? model.months : b;
  }
  return total / runs;
}

/**
 * Elementary effects on `trajectories` one-at-a-time paths through a `levels`-level grid of the unit cube (step
 * levels / (2 (levels - 1))), each path starting at a seeded random grid point and moving every parameter once, in a seeded
 * random order, up when it can and down otherwise.
 * @example morrisScreening(scenario, { trajectories: 10 }).rows[0].key
 */
export function morrisScreening(scenario: Scenario, options: MorrisOptions = {}): Morris {
  const enabled = MECHANISM_IDS.filter((m) => scenario.mechanisms[m]?.enabled ?? true);
  const keys = options.parameters ?? defaultFreeKeys(enabled, Object.keys(RULES));
  const space = freeParameters(scenario, keys);
  const r = options.trajectories ?? 10;
  const p = options.levels ?? 4;
  if (p < 2) throw new RangeError('Morris screening needs at least 2 levels');
  const runs = options.runs ?? 20;
  const seed = options.seed ?? 1;
  const alliance = options.alliance ?? 0;
  if (alliance < 0 || alliance >= scenario.alliances.length) throw new RangeError(`the scenario has no alliance number ${alliance}`);
  const k = space.length;
  const delta = p / (2 * (p - 1));
  const rng = runStream(seed, 2_000_003);
  let points = 0;
  // One compiled model for every point of the design, its parameters swapped in.
  const model = modelAt(scenario, { mode: 'predict' });
  const f = (u: number[]) => {
    const y = meanBreakMonth(model.at(fromUnit(space, u)), runs, seed, alliance);
    options.onProgress?.(++points, (space.length + 1) * r);
    return y;
  };
  const effects: number[][] = space.map(() => []);
  let evaluations = 0;
  for (let t = 0; t < r; t++) {
    const x = space.map(() => Math.floor(uniform(rng) * p) / (p - 1));
    const order = space.map((_, i) => i);
    for (let i = k - 1; i > 0; i--) {
      const j = Math.floor(uniform(rng) * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let y = f(x);
    evaluations++;
    for (const i of order) {
      const step = x[i] + delta <= 1 + 1e-12 ? delta : -delta;
      x[i] += step;
      const y2 = f(x);
      evaluations++;
      effects[i].push((y2 - y) / step);
      y = y2;
    }
  }
  const rows = space.map((s, i) => {
    const e = effects[i];
    const mu = e.reduce((a, b) => a + b, 0) / e.length;
    const muStar = e.reduce((a, b) => a + Math.abs(b), 0) / e.length;
    const sigma = e.length > 1 ? Math.sqrt(e.reduce((a, b) => a + (b - mu) ** 2, 0) / (e.length - 1)) : 0;
    return { key: s.key, min: s.min, max: s.max, muStar, mu, sigma };
  });
  rows.sort((a, b) => b.muStar - a.muStar || a.key.localeCompare(b.key));
  return { rows, outcome: `mean first broken-or-hostile month of ${scenario.alliances[alliance].id} from ${scenario.meta.period.start}`, trajectories: r, levels: p, runs, seed, evaluations, simulations: evaluations * runs };
}
