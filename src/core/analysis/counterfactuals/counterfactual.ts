// Counterfactual against factual with common random numbers: run i of both worlds draws from the same stream (seed, i), so differences are the world's doing.
import type { Model } from '../../engine/model.js';
import { runModel, type Trace } from '../../engine/run.js';
import { runStream } from '../../random/streams.js';
import { micro } from '../ensembles/ensemble-stats.js';
import { binOf, COOPERATION_BINS } from '../ensembles/histogram.js';
import { digestShape, type DigestShape } from '../ensembles/run-digest.js';

/** The two worlds compared. */
export const WORLDS = ['factual', 'counterfactual'] as const;
/** One of the two worlds. */
export type WorldName = (typeof WORLDS)[number];

/** Counts of one world over the runs: first-break months (last bin "never") and the trailing-year cooperation per dyad and month. */
export interface WorldCounts {
  /** `[alliance * (T + 1) + month]`, the last bin of each alliance for "never". */
  firstBroken: Float64Array;
  /** Summed trailing 12-month mean cooperation in millionths, `[dyad * T + t]`, and its histogram `[(dyad * T + t) * bins + bin]`. */
  coopSum: Float64Array;
  coopHist: Float64Array;
}

/** How the counterfactual moved the first break of one alliance, run by run. */
export interface PairedShift {
  /** Runs where both worlds broke, and the histogram of the shift (counterfactual minus factual, months) `[shift + T]`. */
  bothBroke: number;
  shift: Float64Array;
  earlier: number;
  same: number;
  later: number;
  /** Runs where only one world broke within the period, and where neither did. */
  onlyFactualBroke: number;
  onlyCounterfactualBroke: number;
  neitherBroke: number;
}

/** The comparison: both worlds' counts, the paired shifts, and every run's first break in both worlds. */
export interface CounterfactualResult {
  runs: number;
  seed: number;
  shape: DigestShape;
  worlds: Record<WorldName, WorldCounts>;
  paired: PairedShift[];
  /** Per run and alliance: first-break month in each world (-1 never), `[run * A + alliance]`. */
  firstBreak: Record<WorldName, Int32Array>;
}

/** The months the cooperation bands average over: a single month is mostly zero or one act, so its quantiles say little. */
export const COOPERATION_WINDOW = 12;

function emptyCounts(shape: DigestShape): WorldCounts {
  const cells = shape.dyads.length * shape.months;
  return {
    firstBroken: new Float64Array(shape.alliances.length * (shape.months + 1)),
    coopSum: new Float64Array(cells),
    coopHist: new Float64Array(cells * COOPERATION_BINS.bins),
  };
}

/** Runs one world's run i and counts it; returns the first-break months. */
function countRun(model: Model, shape: DigestShape, seed: number, i: number, counts: WorldCounts): number[] {
  const T = shape.months;
  const B = COOPERATION_BINS.bins;
  const n = model.actorIds.length;
  const cells = shape.dyads.map((d) => d.from * n + d.to);
  const ring = new Float64Array(cells.length * COOPERATION_WINDOW);
  const sums = new Float64Array(cells.length);
  // Each month's cooperation only (the `cooperation` hook, which the engine's fused loop serves).
  const trace: Trace = {
    cooperation(t, coop) {
      const slot = t % COOPERATION_WINDOW;
      const span = Math.min(t + 1, COOPERATION_WINDOW);
      for (let d = 0; d < cells.length; d++) {
        const x = coop[cells[d]];
        sums[d] += x - ring[d * COOPERATION_WINDOW + slot];
        ring[d * COOPERATION_WINDOW + slot] = x;
        const m = micro(sums[d] / span);
        counts.coopSum[d * T + t] += m;
        counts.coopHist[(d * T + t) * B + binOf(COOPERATION_BINS, m / 1e6)]++;
      }
    },
  };
  const summary = runModel(model, runStream(seed, i), trace);
  summary.firstBreak.forEach((fb, a) => counts.firstBroken[a * (T + 1) + (fb < 0 ? T : fb)]++);
  return summary.firstBreak;
}

/**
 * Runs `runs` paired runs of the factual and counterfactual models (same period and alliances) and counts them.
 * @example const r = compareWorlds(compile(scenario), compile(world.scenario, world.compile), { runs: 500, seed: 7 });
 */
export function compareWorlds(factual: Model, counterfactual: Model, options: { runs: number; seed: number }): CounterfactualResult {
  const shape = digestShape(factual);
  const other = digestShape(counterfactual);
  if (other.start !== shape.start || other.months !== shape.months || other.alliances.join() !== shape.alliances.join()) {
    throw new RangeError('the counterfactual must keep the scenario\'s period and alliances');
  }
  const { runs, seed } = options;
  const A = shape.alliances.length;
  const T = shape.months;
  const worlds = { factual: emptyCounts(shape), counterfactual: emptyCounts(shape) };
  const firstBreak = { factual: new Int32Array(runs * A), counterfactual: new Int32Array(runs * A) };
  const paired: PairedShift[] = shape.alliances.map(() => ({
    bothBroke: 0, shift: new Float64Array(2 * T + 1), earlier: 0, same: 0, later: 0, onlyFactualBroke: 0, onlyCounterfactualBroke: 0, neitherBroke: 0,
  }));
  for (let i = 0; i < runs; i++) {
    const f = countRun(factual, shape, seed, i, worlds.factual);
    const c = countRun(counterfactual, shape, seed, i, worlds.counterfactual);
    for (let a = 0; a < A; a++) {
      firstBreak.factual[i * A + a] = f[a];
      firstBreak.counterfactual[i * A + a] = c[a];
      const p = paired[a];
      if (f[a] >= 0 && c[a] >= 0) {
        p.bothBroke++;
        p.shift[c[a] - f[a] + T]++;
        if (c[a] < f[a]) p.earlier++;
        else if (c[a] > f[a]) p.later++;
        else p.same++;
      } else if (f[a] >= 0) p.onlyFactualBroke++;
      else if (c[a] >= 0) p.onlyCounterfactualBroke++;
      else p.neitherBroke++;
    }
  }
  return { runs, seed, shape, worlds, paired, firstBreak };
}
