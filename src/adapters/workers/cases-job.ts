// The jobs a cases pool runs, by kind: a restart of a fit shared across cases, or a leave-one-case-out fold's restart.
import type { CmaesResult } from '../../core/analysis/fitting/cmaes.js';
import { runCasesFitRestart, type Case, type CasesFitOptions } from '../../core/analysis/fitting/fit-cases.js';
import { runLooJob, type LooJob, type LooOptions } from '../../core/analysis/validation/leave-one-case-out.js';

/** The options every job of one analysis shares. */
export type CasesJobOptions = CasesFitOptions & LooOptions;

/** One job. */
export type CasesJob = { kind: 'fit'; restart: number } | ({ kind: 'loo' } & LooJob);

/** A job's result. */
export type CasesJobResult = CmaesResult;

/** Runs one job in this thread. */
export function runCasesJob(cases: Case[], options: CasesJobOptions, job: CasesJob): CasesJobResult {
  return job.kind === 'fit' ? runCasesFitRestart(cases, options, job.restart) : runLooJob(cases, options, job);
}
