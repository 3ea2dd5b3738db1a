// Explanations compared across a case library: each explanation's mechanisms alone, validated leave-one-case-out, ranked
// by the pooled held-out log score of the yearly series, with the Brier score, break-date error and each case beside it.
//
// API:
//   compareCasesJobs(cases, options) -> CompareCasesJob[];  runCompareCasesJob(cases, options, job) -> CmaesResult
//   assembleCompareCases(cases, options, results, copdab?) -> CasesComparison (with COPDAB, each explanation's scores against
//                                                            the cases' independent series too, as validate-cases has them)
import type { CopdabMonth } from '../../datasets/state-data.js';
import type { Explanation } from '../../scenario/schema.js';
import type { CmaesResult } from '../fitting/cmaes.js';
import type { Case } from '../fitting/fit-cases.js';
import { assembleLoo, looJobs, runLooJob, type LooJob, type LooOptions, type LooStudy } from './leave-one-case-out.js';

/** Options: the leave-one-case-out budget and the explanations (each a set of mechanisms). */
export interface CompareCasesOptions extends LooOptions {
  explanations: Explanation[];
}

/** One unit of work: one explanation's fold restart. */
export interface CompareCasesJob extends LooJob {
  explanation: string;
}

/** The comparison: explanations best first by pooled held-out log score, each with its whole study. */
export interface CasesComparison {
  ranking: string[];
  explanations: { id: string; name: string; mechanisms: string[]; study: LooStudy }[];
}

/** The explanations a library is compared on: those of the first case that declares any (RangeError when none does). */
export function libraryExplanations(cases: Case[]): Explanation[] {
  const withAny = cases.find((c) => c.scenario.explanations.length > 0);
  if (!withAny) throw new RangeError('no case declares explanations (add an `explanations` block to one of them)');
  return withAny.scenario.explanations;
}

const forExplanation = (options: CompareCasesOptions, e: Explanation): LooOptions => {
  const { explanations: _, ...rest } = options;
  return { ...rest, mechanisms: e.mechanisms };
};

/** Every job: explanations in order, each with its leave-one-case-out jobs. */
export function compareCasesJobs(cases: Case[], options: CompareCasesOptions): CompareCasesJob[] {
  return options.explanations.flatMap((e) => looJobs(cases, forExplanation(options, e)).map((j) => ({ ...j, explanation: e.id })));
}

/** Runs one job; deterministic. */
export function runCompareCasesJob(cases: Case[], options: CompareCasesOptions, job: CompareCasesJob): CmaesResult {
  const e = options.explanations.find((x) => x.id === job.explanation)!;
  return runLooJob(cases, forExplanation(options, e), job);
}

/**
 * Puts the results (in compareCasesJobs order) together and ranks the explanations (ties: lower mean Brier, then order); with
 * COPDAB, each explanation's study also scores its forecasts against the cases' independent series (not used to rank).
 */
export function assembleCompareCases(cases: Case[], options: CompareCasesOptions, results: CmaesResult[], copdab?: CopdabMonth[]): CasesComparison {
  const jobs = compareCasesJobs(cases, options);
  const explanations = options.explanations.map((e) => ({
    id: e.id,
    name: e.name,
    mechanisms: e.mechanisms,
    study: assembleLoo(cases, forExplanation(options, e), results.filter((_, i) => jobs[i].explanation === e.id), copdab),
  }));
  const score = (i: number) => explanations[i].study.summary[0];
  const order = explanations.map((_, i) => i).sort((a, b) => (score(b).meanLogScore ?? -Infinity) - (score(a).meanLogScore ?? -Infinity) || score(a).meanBrier - score(b).meanBrier || a - b);
  return { ranking: order.map((i) => explanations[i].id), explanations };
}
