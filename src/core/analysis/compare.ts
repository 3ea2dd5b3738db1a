// Explanations compared: each declared mechanism set is fitted on the training window and scored out of sample, with an
// evidence weight from the held-out log score, and the ranking re-done on scenarios whose judged intensities are perturbed.
//
// API:
//   compareExplanations(scenario, options?) -> Comparison
//     options: FitOptions (train, every, measure, seed, seeds, restarts, evaluations) plus
//              { test?, runs = 40, perturbations = 3, explanations? (ids to compare; default all declared) }
import type { Explanation, Scenario } from '../scenario/schema.js';
import { fitScenario, fitSettings, type FitOptions, type FitResult } from './fit.js';
import { scoreOutOfSample, type OutOfSample } from './out-of-sample.js';
import { perturbIntensities } from './perturb.js';
import { spearman } from './statistics.js';

/** How to compare. */
export interface CompareOptions extends Omit<FitOptions, 'mechanisms' | 'parameters' | 'fixed'> {
  test?: string;
  runs?: number;
  /** Number of ±1 perturbations of the judged intensities to re-rank under (0: none). */
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

/** The ranking under one perturbation of the judged intensities. */
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
  baselines: { persistence: OutOfSample['persistence']; trend: OutOfSample['trend']; turningPointMae: OutOfSample['turningPointMae'] };
  perturbed: PerturbedRanking[];
  /** Share of perturbations with the same winner, and the mean Spearman correlation of their log scores with the unperturbed. */
  stability: { sameWinner: number | null; meanSpearman: number | null };
  options: Required<Pick<CompareOptions, 'train' | 'every' | 'measure' | 'seed' | 'seeds' | 'restarts' | 'evaluations' | 'runs' | 'perturbations'>> & { test: string };
}

/** Orders explanation indices best first: higher log score, then lower RMSE, then declaration order. */
function rankOf(scores: { logScore: number; rmse: number }[]): number[] {
  return scores.map((_, i) => i).sort((a, b) => scores[b].logScore - scores[a].logScore || scores[a].rmse - scores[b].rmse || a - b);
}

function scoreAll(scenario: Scenario, chosen: Explanation[], options: CompareOptions): { fit: FitResult; oos: OutOfSample }[] {
  return chosen.map((e) => {
    const fit = fitScenario(scenario, { ...options, mechanisms: e.mechanisms });
    const oos = scoreOutOfSample(scenario, fitSettings(fit), {
      train: fit.train,
      test: options.test,
      every: fit.every,
      measure: fit.measure,
      runs: options.runs,
      seed: (options.seed ?? 1) + 1,
    });
    return { fit, oos };
  });
}

/**
 * Fits and scores each declared explanation; ranks them by held-out log score; repeats under perturbed intensities.
 * @example const c = compareExplanations(scenario, { train: '1950-1957', perturbations: 3 }); c.ranking[0];
 */
export function compareExplanations(scenario: Scenario, options: CompareOptions = {}): Comparison {
  const declared = scenario.explanations;
  if (declared.length === 0) throw new RangeError('the scenario declares no explanations (add an `explanations` block)');
  for (const id of options.explanations ?? []) {
    if (!declared.some((e) => e.id === id)) throw new RangeError(`unknown explanation "${id}" (declared: ${declared.map((e) => e.id).join(', ')})`);
  }
  const chosen = options.explanations ? declared.filter((e) => options.explanations!.includes(e.id)) : declared;
  const opts: CompareOptions = { train: '1950-1957', every: 'quarter', measure: 'goldstein', seed: 1, seeds: 8, restarts: 2, evaluations: 300, runs: 40, perturbations: 3, ...options };
  const base = scoreAll(scenario, chosen, opts);
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
    const scores = scoreAll(perturbIntensities(scenario, opts.seed ?? 1, k), chosen, opts);
    const ls = scores.map((s) => s.oos.model.logScore);
    const o = rankOf(scores.map((s) => ({ logScore: s.oos.model.logScore, rmse: s.oos.model.rmse })));
    perturbed.push({ index: k, ranking: o.map((i) => chosen[i].id), logScores: ls, winner: chosen[o[0]].id, spearman: chosen.length > 1 ? spearman(logScores, ls) : null });
  }
  const rhos = perturbed.map((p) => p.spearman).filter((x): x is number => x !== null);
  const first = base[0].oos;
  return {
    explanations,
    ranking,
    baselines: { persistence: first.persistence, trend: first.trend, turningPointMae: { ...first.turningPointMae, model: null } },
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
