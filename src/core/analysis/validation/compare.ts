// Explanations compared: each declared mechanism set is fitted on the training window and scored out of sample, with an
// evidence weight from the held-out log score, and the ranking re-done on scenarios whose judgements are perturbed.
//
// API:
//   compareExplanations(scenario, options?) -> Comparison
//     options: FitOptions (train, every, measure, seed, seeds, restarts, evaluations) plus
//              { test?, runs = 100, perturbations = 5, explanations? (ids to compare; default all declared) }
//   compareJobs / runCompareJob / assembleComparison: the same, split into independent jobs for a worker pool
import type { Explanation, Scenario } from '../../scenario/schema.js';
import { fitScenario, fitSettings, type FitOptions, type FitResult } from '../fitting/fit.js';
import { defaultTestWindow, scoreOutOfSample, type OutOfSample } from './out-of-sample.js';
import { perturbJudgements } from './perturb.js';
import { spearman } from './statistics.js';
import { checkWindow, formatWindow, parseWindow, trainingWindow } from '../record/window.js';

/** How to compare. */
export interface CompareOptions extends Omit<FitOptions, 'mechanisms' | 'parameters' | 'fixed'> {
  test?: string;
  runs?: number;
  /** Number of perturbations of the judgements that reach the model to re-rank under (0: none; see perturb.ts). */
  perturbations?: number;
  explanations?: string[];
}

/** One explanation's fit and out-of-sample score. */
export interface ExplanationScore {
  id: string;
  name: string;
  mechanisms: string[];
  fit: FitResult;
  outOfSample: OutOfSample;
  /** Held-out evidence weight: exp(total log score) normalised over the explanations (pseudo-Bayesian model averaging). */
  weight: number;
  rank: number;
}

/** The ranking under one perturbation of the judgements (perturb.ts). */
export interface PerturbedRanking {
  index: number;
  ranking: string[];
  logScores: number[];
  winner: string;
  /** Spearman correlation of this perturbation's log scores with the unperturbed ones. */
  spearman: number | null;
}

/** The whole comparison. */
export interface Comparison {
  explanations: ExplanationScore[];
  /** Explanation ids, best first by held-out log score. */
  ranking: string[];
  /** Every naive baseline scored on the unperturbed test window, and the strongest of them by log score (the headline). */
  baselines: OutOfSample['baselines'];
  strongest: OutOfSample['strongest'];
  perturbed: PerturbedRanking[];
  /** Share of perturbations with the same winner, and the mean Spearman correlation of their log scores with the unperturbed. */
  stability: { sameWinner: number | null; meanSpearman: number | null };
  options: Required<Pick<CompareOptions, 'every' | 'measure' | 'seed' | 'seeds' | 'restarts' | 'evaluations' | 'runs' | 'perturbations'>> & { train: string; test: string };
}

/** Orders explanation indices best first: higher log score, then lower RMSE, then declaration order. */
function rankOf(scores: { logScore: number; rmse: number }[]): number[] {
  return scores.map((_, i) => i).sort((a, b) => scores[b].logScore - scores[a].logScore || scores[a].rmse - scores[b].rmse || a - b);
}

/** One unit of work: fit and score one explanation on one version of the scenario (0 = as written, k = perturbation k). */
export interface CompareJob {
  variant: number;
  explanation: string;
}

/** A job's result. */
export interface CompareJobResult {
  fit: FitResult;
  oos: OutOfSample;
}

/** The options with every default filled in. */
function withDefaults(options: CompareOptions): CompareOptions {
  return { every: 'quarter', measure: 'goldstein', seed: 1, seeds: 8, restarts: 2, evaluations: 1000, runs: 100, perturbations: 5, ...options };
}

/** The explanations compared, checked against the declared ones (a RangeError names an unknown id). */
function chosenExplanations(scenario: Scenario, options: CompareOptions): Explanation[] {
  const declared = scenario.explanations;
  if (declared.length === 0) throw new RangeError('the scenario declares no explanations (add an `explanations` block)');
  for (const id of options.explanations ?? []) {
    if (!declared.some((e) => e.id === id)) throw new RangeError(`unknown explanation "${id}" (declared: ${declared.map((e) => e.id).join(', ')})`);
  }
  return options.explanations ? declared.filter((e) => options.explanations!.includes(e.id)) : declared;
}

/** Checks a comparison's options before any work: explanations declared, windows inside the period and in order (RangeError). */
export function checkCompareOptions(scenario: Scenario, options: CompareOptions = {}): void {
  const opts = withDefaults(options);
  chosenExplanations(scenario, opts);
  const train = trainingWindow(scenario, opts.train);
  const test = checkWindow(scenario, opts.test ? parseWindow(opts.test) : defaultTestWindow(scenario, train), 'the test window');
  if (test.first <= train.last) throw new RangeError(`the test window ${formatWindow(test)} must start after the training window ${formatWindow(train)}`);
}

/** Every job of a comparison, variant by variant, explanations in declaration order. */
export function compareJobs(scenario: Scenario, options: CompareOptions = {}): CompareJob[] {
  const opts = withDefaults(options);
  const chosen = chosenExplanations(scenario, opts);
  const jobs: CompareJob[] = [];
  for (let k = 0; k <= (opts.perturbations ?? 0); k++) for (const e of chosen) jobs.push({ variant: k, explanation: e.id });
  return jobs;
}

/**
 * Runs one job; deterministic, so jobs may run in any order on any number of workers.
 * @example const results = compareJobs(s, o).map((j) => runCompareJob(s, o, j)); assembleComparison(s, o, results);
 */
export function runCompareJob(scenario: Scenario, options: CompareOptions, job: CompareJob): CompareJobResult {
  const opts = withDefaults(options);
  const world = job.variant === 0 ? scenario : perturbJudgements(scenario, opts.seed ?? 1, job.variant);
  const e = chosenExplanations(scenario, opts).find((x) => x.id === job.explanation)!;
  const fit = fitScenario(world, { ...opts, mechanisms: e.mechanisms });
  const oos = scoreOutOfSample(world, fitSettings(fit), { train: fit.train, test: opts.test, every: fit.every, measure: fit.measure, runs: opts.runs, seed: (opts.seed ?? 1) + 1 });
  return { fit, oos };
}

/** Puts the jobs' results (in compareJobs order) together: ranking, evidence weights, perturbation study. */
export function assembleComparison(scenario: Scenario, options: CompareOptions, results: CompareJobResult[]): Comparison {
  const opts = withDefaults(options);
  const chosen = chosenExplanations(scenario, opts);
  const E = chosen.length;
  const base = results.slice(0, E);
  const logScores = base.map((b) => b.oos.model.logScore);
  const points = base[0].oos.dyads.reduce((s, d) => s + d.periods.length, 0);
  const top = Math.max(...logScores);
  const raw = logScores.map((l) => Math.exp((l - top) * points));
  const total = raw.reduce((s, x) => s + x, 0);
  const order = rankOf(base.map((b) => ({ logScore: b.oos.model.logScore, rmse: b.oos.model.rmse })));
  const explanations: ExplanationScore[] = chosen.map((e, i) => ({
    id: e.id,
    name: e.name,
    mechanisms: e.mechanisms,
    fit: base[i].fit,
    outOfSample: base[i].oos,
    weight: raw[i] / total,
    rank: order.indexOf(i) + 1,
  }));
  const ranking = order.map((i) => chosen[i].id);

  const perturbed: PerturbedRanking[] = [];
  for (let k = 1; k <= (opts.perturbations ?? 0); k++) {
    const scores = results.slice(k * E, (k + 1) * E);
    const ls = scores.map((s) => s.oos.model.logScore);
    const o = rankOf(scores.map((s) => ({ logScore: s.oos.model.logScore, rmse: s.oos.model.rmse })));
    perturbed.push({ index: k, ranking: o.map((i) => chosen[i].id), logScores: ls, winner: chosen[o[0]].id, spearman: E > 1 ? spearman(logScores, ls) : null });
  }
  const rhos = perturbed.map((p) => p.spearman).filter((x): x is number => x !== null);
  const first = base[0].oos;
  return {
    explanations,
    ranking,
    baselines: first.baselines,
    strongest: first.strongest,
    perturbed,
    stability: {
      sameWinner: perturbed.length ? perturbed.filter((p) => p.winner === ranking[0]).length / perturbed.length : null,
      meanSpearman: rhos.length ? rhos.reduce((s, x) => s + x, 0) / rhos.length : null,
    },
    options: {
      train: base[0].fit.train,
      test: first.test,
      every: opts.every!,
      measure: opts.measure!,
      seed: opts.seed!,
      seeds: opts.seeds!,
      restarts: opts.restarts!,
      evaluations: opts.evaluations!,
      runs: opts.runs!,
      perturbations: opts.perturbations!,
    },
  };
}

/**
 * Fits and scores each declared explanation; ranks them by held-out log score; repeats under perturbed intensities.
 * @example const c = compareExplanations(scenario, { train: '1880-1887', perturbations: 3 }); c.ranking[0];
 */
export function compareExplanations(scenario: Scenario, options: CompareOptions = {}): Comparison {
  return assembleComparison(scenario, options, compareJobs(scenario, options).map((job) => runCompareJob(scenario, options, job)));
}
