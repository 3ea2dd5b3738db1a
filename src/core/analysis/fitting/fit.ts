// Calibration: CMA-ES over the free parameters within their bounds, minimising the declared loss on a training window.
//
// API:
//   fitScenario(scenario, options?) -> FitResult
//     options: { train = '1880-1887', every = 'quarter', measure = 'goldstein', seed = 1, seeds = 8, restarts = 3,
//                evaluations = 2000 (per restart), mechanisms = the scenario's enabled ones, rules = DEFAULT_FIT_RULES,
//                parameters = explicit keys instead, fixed = overrides kept fixed }
//   fitSettings(fit) -> { mechanisms, params }   the compile options that run the fitted model
import { expectRuns } from '../../engine/fused-run.js';
import { MECHANISM_IDS } from '../../engine/parameters.js';
import type { Scenario } from '../../scenario/schema.js';
import { combineRestarts, minimiseRestart, type CmaesResult, type MinimiseOptions, type Minimum } from './cmaes.js';
import { lossFunction, target, type Measure } from './loss.js';
import { modelAt } from './model-at.js';
import { DEFAULT_FIT_RULES, defaultFreeKeys, freeParameters, fromUnit, toUnit, type FreeParameter } from './parameter-space.js';
import type { Every } from '../record/periods.js';
import { recordSeries, type RecordSeries } from '../record/record.js';
import { checkWindow, formatWindow, parseWindow, trainingWindow, type Window } from '../record/window.js';

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

/** A fit made ready to evaluate: its free parameters, the loss at a parameter set, and the settings of its restarts. */
interface PreparedFit {
  train: Window;
  every: Every;
  measure: Measure;
  seeds: { seed: number; count: number };
  enabled: string[];
  space: FreeParameter[];
  startValues: Record<string, number>;
  lossAt(params: Record<string, number>): number;
  /** Tells the engine that about this many loss evaluations are to come (expectRuns). */
  expect(evaluations: number): void;
  minimiseOptions: MinimiseOptions;
  /** fitBudget of the options. */
  budget: number;
}

function prepareFit(scenario: Scenario, options: FitOptions): PreparedFit {
  const train = trainingWindow(scenario, options.train);
  const every = options.every ?? 'quarter';
  const measure = options.measure ?? 'goldstein';
  const seed = options.seed ?? 1;
  const seeds = { seed, count: options.seeds ?? 8 };
  const enabled = options.mechanisms ?? MECHANISM_IDS.filter((m) => scenario.mechanisms[m]?.enabled ?? true);
  const space = freeParameters(scenario, options.parameters ?? defaultFreeKeys(enabled, options.rules ?? DEFAULT_FIT_RULES));
  const t = target(scenario, options.record ?? recordSeries(scenario), train, every, measure);
  const fixed = options.fixed ?? {};
  // One compiled model for every evaluation, its parameters swapped in, and one set of scoring buffers.
  const model = modelAt(scenario, { mode: 'predict', until: formatWindow(train).slice(-7), mechanisms: mechanismSwitches(enabled) });
  const lossOf = lossFunction(model.model, t, seeds);
  const startValues = Object.fromEntries(space.map((p) => [p.key, p.value]));
  const restarts = options.restarts ?? 3;
  const evaluations = options.evaluations ?? 2000;
  return {
    train, every, measure, seeds, enabled, space, startValues,
    lossAt: (params) => lossOf(model.at({ ...fixed, ...params })),
    // Every evaluation runs the one model (unless its parameters reshape it, and each compiles afresh).
    expect: (n) => {
      if (model.recompiled.length === 0) expectRuns(model.model, n * seeds.count);
    },
    minimiseOptions: { seed, restarts, maxEvaluations: evaluations, tolFun: options.tolerance, x0: toUnit(space, startValues) },
    budget: fitBudget(options),
  };
}

/** The restart indices of a fit: its independent jobs. */
export function fitJobs(options: FitOptions): number[] {
  return Array.from({ length: options.restarts ?? 3 }, (_, r) => r);
}

/** The most loss evaluations a fit's budget allows: the scenario's own values, then every restart's. */
export function fitBudget(options: FitOptions): number {
  return 1 + fitJobs(options).length * (options.evaluations ?? 2000);
}

/**
 * Runs restart r of the fit, telling `onEvaluation` after each loss evaluation; deterministic, so restarts may run on any
 * worker in any order and assembleFit puts them together as fitScenario would.
 * @example const runs = fitJobs(o).map((r) => runFitRestart(scenario, o, r)); assembleFit(scenario, o, runs);
 */
export function runFitRestart(scenario: Scenario, options: FitOptions, r: number, onEvaluation?: (params: Record<string, number>) => void): CmaesResult {
  const p = prepareFit(scenario, options);
  return restartOf(p, r, onEvaluation);
}

function restartOf(p: PreparedFit, r: number, onEvaluation?: (params: Record<string, number>) => void): CmaesResult {
  p.expect(p.minimiseOptions.maxEvaluations);
  return minimiseRestart((points) => points.map((u) => {
    const params = fromUnit(p.space, u);
    const l = p.lossAt(params);
    onEvaluation?.(params);
    return l;
  }), p.space.length, p.minimiseOptions, r);
}

/**
 * Puts the restarts (in job order) together with the loss at the scenario's own values (computed here when not given).
 * @example assembleFit(scenario, options, fitJobs(options).map((r) => runFitRestart(scenario, options, r)))
 */
export function assembleFit(scenario: Scenario, options: FitOptions, runs: CmaesResult[], startLoss?: number): FitResult {
  const p = prepareFit(scenario, options);
  return assemble(p, runs, startLoss ?? p.lossAt(p.startValues));
}

function assemble(p: PreparedFit, runs: CmaesResult[], startLoss: number): FitResult {
  const m = combineRestarts(runs);
  const best = fromUnit(p.space, m.best);
  const evaluations = m.evaluations + 1;
  return {
    train: formatWindow(p.train),
    every: p.every,
    measure: p.measure,
    seed: p.seeds.seed,
    seeds: p.seeds.count,
    mechanisms: p.enabled,
    parameters: fittedParameters(p.space, m, best),
    loss: m.bestLoss,
    startLoss,
    restartLosses: m.runs.map((r) => r.bestLoss),
    evaluations,
    simulations: evaluations * p.seeds.count,
  };
}

/**
 * Fits the scenario's parameters to its record over the training window; deterministic for a given seed.
 * @example const fit = fitScenario(scenario, { train: '1880-1887', restarts: 3 }); fit.parameters[0].fitted;
 */
export function fitScenario(scenario: Scenario, options: FitOptions = {}): FitResult {
  const p = prepareFit(scenario, options);
  let done = 0;
  // A restart evaluates whole generations, so it may overrun its budget by part of one.
  const tell = (params: Record<string, number>) => options.onProgress?.(++done, Math.max(p.budget, done), params);
  const startLoss = p.lossAt(p.startValues);
  tell(p.startValues);
  const runs = fitJobs(options).map((r) => restartOf(p, r, tell));
  return assemble(p, runs, startLoss);
}

/** The compile options that run the fitted model: its mechanism switches and fitted parameter values. */
export function fitSettings(fit: Pick<FitResult, 'mechanisms' | 'parameters'>): { mechanisms: Record<string, boolean>; params: Record<string, number> } {
  return { mechanisms: mechanismSwitches(fit.mechanisms), params: Object.fromEntries(fit.parameters.map((p) => [p.key, p.fitted])) };
}
