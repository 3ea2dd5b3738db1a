// Calibration: CMA-ES over the free parameters within their bounds, minimising the declared loss on a training window.
//
// API:
//   fitScenario(scenario, options?) -> FitResult
//     options: { train = '1880-1887', every = 'quarter', measure = 'goldstein', seed = 1, seeds = 8, restarts = 3,
//                evaluations = 2000 (per restart), mechanisms = the scenario's enabled ones, rules = DEFAULT_FIT_RULES,
//                parameters = explicit keys instead, fixed = overrides kept fixed }
//   fitSettings(fit) -> { mechanisms, params }   the compile options that run the fitted model
import { MECHANISM_IDS } from '../../engine/parameters.js';
import type { Scenario } from '../../scenario/schema.js';
import { minimise, type Minimum } from './cmaes.js';
import { lossFunction, target, type Measure } from './loss.js';
import { modelAt } from './model-at.js';
import { DEFAULT_FIT_RULES, defaultFreeKeys, freeParameters, fromUnit, toUnit, type FreeParameter } from './parameter-space.js';
import type { Every } from '../record/periods.js';
import { recordSeries, type RecordSeries } from '../record/record.js';
import { checkWindow, formatWindow, parseWindow, trainingWindow } from '../record/window.js';

/** How to fit. Every field has a default. */
export interface FitOptions {
  /** Training window, `YYYY-YYYY` or `YYYY-MM..YYYY-MM`. */
  train?: string;
  every?: Every;
  measure?: Measure;
  /** Master seed of the common random numbers and of the optimiser. */
  seed?: number;
  /** Runs per loss evaluation (common random numbers: the same runs for every candidate). */
  seeds?: number;
  restarts?: number;
  /** Loss evaluations per restart. */
  evaluations?: number;
  /** A restart stops early when its best losses of 11 generations lie within this; default 1e-9 (0: never early). */
  tolerance?: number;
  /** Mechanisms switched on (the others off); default: those the scenario has enabled. */
  mechanisms?: string[];
  /** Rule parameters fitted besides the mechanisms' own. */
  rules?: string[];
  /** The exact parameter keys to fit, instead of the enabled mechanisms' parameters and `rules`. */
  parameters?: string[];
  /** Fixed parameter overrides applied before fitting (not fitted), e.g. a perturbation study's setting. */
  fixed?: Record<string, number>;
  /** The record to fit (default: the scenario's own); a recovery study passes one simulated from known parameters. */
  record?: RecordSeries;
  /**
   * Told after each loss evaluation how many were made, the most the budget allows (restarts stop early, so fewer may come)
   * and the parameters just evaluated (the fit benchmark re-runs them bare).
   */
  onProgress?: (evaluations: number, budget: number, params: Record<string, number>) => void;
}

/** A fitted parameter: bounds, the scenario's value, the best fit and its spread over restarts. */
export interface FittedParameter {
  key: string;
  min: number;
  max: number;
  bounds: 'prior' | 'engine';
  start: number;
  fitted: number;
  /** Standard deviation of the restarts' best values. */
  spread: number;
  /** Each restart's best value. */
  restarts: number[];
}

/** What a fit found. */
export interface FitResult {
  train: string;
  every: Every;
  measure: Measure;
  seed: number;
  seeds: number;
  mechanisms: string[];
  parameters: FittedParameter[];
  /** Loss at the best parameters, and at the scenario's own values (the same seeds). */
  loss: number;
  startLoss: number;
  restartLosses: number[];
  evaluations: number;
  simulations: number;
}

/** Each free parameter's bounds, starting value, best fit, spread over the restarts and every restart's best, on its own scale. */
export function fittedParameters(space: FreeParameter[], m: Minimum, best: Record<string, number>): FittedParameter[] {
  return space.map((p, i) => ({
    key: p.key,
    min: p.min,
    max: p.max,
    bounds: p.bounds,
    start: p.value,
    fitted: best[p.key],
    spread: m.spread[i] * (p.max - p.min),
    restarts: m.runs.map((r) => p.min + (p.max - p.min) * r.best[i]),
  }));
}

/** The mechanism switches for a set of enabled mechanisms: listed ones on, the rest off. */
export function mechanismSwitches(enabled: string[]): Record<string, boolean> {
  return Object.fromEntries(MECHANISM_IDS.map((m) => [m, enabled.includes(m)]));
}

/**
 * Fits the scenario's parameters to its record over the training window; deterministic for a given seed.
 * @example const fit = fitScenario(scenario, { train: '1880-1887', restarts: 3 }); fit.parameters[0].fitted;
 */
export function fitScenario(scenario: Scenario, options: FitOptions = {}): FitResult {
  const train = trainingWindow(scenario, options.train);
  const every = options.every ?? 'quarter';
  const measure = options.measure ?? 'goldstein';
  const seed = options.seed ?? 1;
  const seeds = { seed, count: options.seeds ?? 8 };
  const enabled = options.mechanisms ?? MECHANISM_IDS.filter((m) => scenario.mechanisms[m]?.enabled ?? true);
  const mechanisms = mechanismSwitches(enabled);
  const space = freeParameters(scenario, options.parameters ?? defaultFreeKeys(enabled, options.rules ?? DEFAULT_FIT_RULES));
  const t = target(scenario, options.record ?? recordSeries(scenario), train, every, measure);
  const fixed = options.fixed ?? {};
  const until = formatWindow(train).slice(-7);
  const budget = 1 + (options.restarts ?? 3) * (options.evaluations ?? 2000);
  let done = 0;
  // One compiled model for every evaluation, its parameters swapped in, and one set of scoring buffers.
  const model = modelAt(scenario, { mode: 'predict', until, mechanisms });
  const lossOf = lossFunction(model.model, t, seeds);
  const lossAt = (params: Record<string, number>) => {
    const l = lossOf(model.at({ ...fixed, ...params }));
    // A restart evaluates whole generations, so it may overrun its budget by part of one.
    options.onProgress?.(++done, Math.max(budget, done), params);
    return l;
  };

  const startValues = Object.fromEntries(space.map((p) => [p.key, p.value]));
  const startLoss = lossAt(startValues);
  const m = minimise((points) => points.map((u) => lossAt(fromUnit(space, u))), space.length, {
    seed,
    restarts: options.restarts ?? 3,
    maxEvaluations: options.evaluations ?? 2000,
    tolFun: options.tolerance,
    x0: toUnit(space, startValues),
  });
  const best = fromUnit(space, m.best);
  const parameters = fittedParameters(space, m, best);
  const evaluations = m.evaluations + 1;
  return {
    train: formatWindow(train),
    every,
    measure,
    seed,
    seeds: seeds.count,
    mechanisms: enabled,
    parameters,
    loss: m.bestLoss,
    startLoss,
    restartLosses: m.runs.map((r) => r.bestLoss),
    evaluations,
    simulations: evaluations * seeds.count,
  };
}

/** The compile options that run the fitted model: its mechanism switches and fitted parameter values. */
export function fitSettings(fit: Pick<FitResult, 'mechanisms' | 'parameters'>): { mechanisms: Record<string, boolean>; params: Record<string, number> } {
  return { mechanisms: mechanismSwitches(fit.mechanisms), params: Object.fromEntries(fit.parameters.map((p) => [p.key, p.fitted])) };
}
