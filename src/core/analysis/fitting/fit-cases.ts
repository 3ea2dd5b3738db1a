// One model across cases: a single set of mechanism parameters and rules fitted to several scenarios at once, each case
// keeping its own stated judgements (interests, relations, leaders, issues). The loss is the mean of the cases' own losses,
// so a long case does not outweigh a short one. Restarts are independent jobs, for worker threads or shards.
//
// API:
//   casesFitJobs(options) -> restart indices;  runCasesFitRestart(cases, options, r) -> CmaesResult
//   assembleCasesFit(cases, options, runs) -> CasesFit;  fitCases(cases, options) = all of it in this thread
import { MECHANISM_IDS } from '../../engine/parameters.js';
import type { Scenario } from '../../scenario/schema.js';
import { monthIndex, monthLabel } from '../../time/month.js';
import { recordSeries } from '../record/record.js';
import { formatWindow, trainingWindow, type Window } from '../record/window.js';
import { combineRestarts, minimiseRestart, type CmaesResult, type MinimiseOptions } from './cmaes.js';
import { fittedParameters, mechanismSwitches, type FitOptions, type FittedParameter } from './fit.js';
import { lossFunction, target, type Target } from './loss.js';
import { modelAt } from './model-at.js';
import { DEFAULT_FIT_RULES, defaultFreeKeys, engineSpace, fromUnit, toUnit, type FreeParameter } from './parameter-space.js';

/** A case of a library: its name (file name or title) and scenario. */
export interface Case {
  name: string;
  scenario: Scenario;
}

/** How to fit across cases. Every field has a default. */
export interface CasesFitOptions extends Pick<FitOptions, 'every' | 'measure' | 'seed' | 'restarts' | 'evaluations' | 'rules'> {
  /** Which part of each case's record to fit: its training window (declared, else the first third of its period) or its whole period. */
  window?: 'training' | 'whole';
  /** Runs per case per loss evaluation (common random numbers). */
  seeds?: number;
  /** Mechanisms switched on; default: every mechanism that at least one case enables. */
  mechanisms?: string[];
}

/** What a shared fit found: one parameter set, its loss over the cases, and each case's own loss at it. */
export interface CasesFit {
  cases: { name: string; window: string; loss: number; startLoss: number }[];
  mechanisms: string[];
  parameters: FittedParameter[];
  loss: number;
  startLoss: number;
  restartLosses: number[];
  evaluations: number;
  simulations: number;
  options: Required<Omit<CasesFitOptions, 'mechanisms' | 'rules'>>;
}

/** The options with every default filled in. */
export function casesFitDefaults(options: CasesFitOptions): Required<Omit<CasesFitOptions, 'mechanisms' | 'rules'>> {
  return { window: 'training', every: 'quarter', measure: 'goldstein', seed: 1, seeds: 4, restarts: 2, evaluations: 400, ...options };
}

/** A case's fitting window: its training window (declared, else the first third of its period) or its whole period. */
export function caseWindow(scenario: Scenario, which: 'training' | 'whole'): Window {
  if (which === 'whole') return { first: monthIndex(scenario.meta.period.start), last: monthIndex(scenario.meta.period.end) };
  return trainingWindow(scenario);
}

/** The mechanisms a shared fit switches on: the requested ones, or every mechanism some case enables. */
export function sharedMechanisms(cases: Case[], requested?: string[]): string[] {
  if (requested) return requested;
  return MECHANISM_IDS.filter((m) => cases.some((c) => c.scenario.mechanisms[m]?.enabled ?? true));
}

interface Prepared {
  space: FreeParameter[];
  mechanisms: string[];
  targets: { target: Target; until: string; window: Window }[];
  lossAt(params: Record<string, number>): { total: number; perCase: number[] };
  minimiseOptions: MinimiseOptions;
}

function prepare(cases: Case[], options: CasesFitOptions): Prepared {
  if (cases.length === 0) throw new RangeError('a fit across cases needs at least one case');
  const o = casesFitDefaults(options);
  const mechanisms = sharedMechanisms(cases, options.mechanisms);
  const switches = mechanismSwitches(mechanisms);
  const space = engineSpace(defaultFreeKeys(mechanisms, options.rules ?? DEFAULT_FIT_RULES));
  const targets = cases.map((c) => {
    const window = caseWindow(c.scenario, o.window);
    return { window, until: monthLabel(window.last), target: target(c.scenario, recordSeries(c.scenario), window, o.every, o.measure) };
  });
  const seeds = { seed: o.seed, count: o.seeds };
  // Each case compiled once, its parameters swapped in per evaluation, with its own scoring buffers.
  const scorers = cases.map((c, k) => {
    const model = modelAt(c.scenario, { mode: 'predict', until: targets[k].until, mechanisms: switches });
    return { model, lossOf: lossFunction(model.model, targets[k].target, seeds) };
  });
  const lossAt = (params: Record<string, number>) => {
    const perCase = scorers.map((s) => s.lossOf(s.model.at(params)));
    return { total: perCase.reduce((s, x) => s + x, 0) / perCase.length, perCase };
  };
  const x0 = toUnit(space, Object.fromEntries(space.map((p) => [p.key, p.value])));
  return { space, mechanisms, targets, lossAt, minimiseOptions: { seed: o.seed, restarts: o.restarts, maxEvaluations: o.evaluations, x0 } };
}

/** The restart indices of a shared fit: the independent jobs. */
export function casesFitJobs(options: CasesFitOptions): number[] {
  return Array.from({ length: casesFitDefaults(options).restarts }, (_, r) => r);
}

/**
 * Runs restart r of the shared fit; deterministic, so restarts may run on any worker in any order.
 * @example const runs = casesFitJobs(o).map((r) => runCasesFitRestart(cases, o, r));
 */
export function runCasesFitRestart(cases: Case[], options: CasesFitOptions, r: number): CmaesResult {
  const p = prepare(cases, options);
  return minimiseRestart((points) => points.map((u) => p.lossAt(fromUnit(p.space, u)).total), p.space.length, p.minimiseOptions, r);
}

/** Puts the restarts (in job order) together: the best parameters, their spread, and each case's loss at them. */
export function assembleCasesFit(cases: Case[], options: CasesFitOptions, runs: CmaesResult[]): CasesFit {
  const o = casesFitDefaults(options);
  const p = prepare(cases, options);
  const m = combineRestarts(runs);
  const best = fromUnit(p.space, m.best);
  const start = p.lossAt(Object.fromEntries(p.space.map((x) => [x.key, x.value])));
  const atBest = p.lossAt(best);
  const evaluations = m.evaluations;
  return {
    cases: cases.map((c, k) => ({ name: c.name, window: formatWindow(p.targets[k].window), loss: atBest.perCase[k], startLoss: start.perCase[k] })),
    mechanisms: p.mechanisms,
    parameters: fittedParameters(p.space, m, best),
    loss: atBest.total,
    startLoss: start.total,
    restartLosses: m.runs.map((run) => run.bestLoss),
    evaluations,
    simulations: evaluations * o.seeds * cases.length,
    options: o,
  };
}

/**
 * Fits one shared parameter set across the cases in this thread.
 * @example const fit = fitCases([{ name: 'a', scenario }], { restarts: 1, evaluations: 50 }); fit.parameters[0].fitted;
 */
export function fitCases(cases: Case[], options: CasesFitOptions = {}): CasesFit {
  return assembleCasesFit(cases, options, casesFitJobs(options).map((r) => runCasesFitRestart(cases, options, r)));
}

/** Checks the cases before any work: each has an alliance and a window that fits its period (RangeError otherwise). */
export function checkCases(cases: Case[], options: CasesFitOptions = {}): void {
  prepare(cases, options);
  for (const c of cases) if (c.scenario.alliances.length === 0) throw new RangeError(`${c.name}: the scenario has no alliance to fit`);
}

