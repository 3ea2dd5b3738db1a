// The jobs a cases pool runs, by kind: a restart of a fit shared across cases, a leave-one-case-out fold's restart, or
// one explanation's fold restart in a comparison across cases, or one simulated record of a recovery study (on the first
// case) with every explanation fitted to it.
import type { CmaesResult } from '../../core/analysis/fitting/cmaes.js';
import type { Explanation } from '../../core/scenario/schema.js';
import { runCasesFitRestart, type Case, type CasesFitOptions } from '../../core/analysis/fitting/fit-cases.js';
import { runCompareCasesJob, type CompareCasesJob } from '../../core/analysis/validation/compare-cases.js';
import { runLooJob, type LooJob, type LooOptions } from '../../core/analysis/validation/leave-one-case-out.js';
import { runRecoveryJob, type RecoveryJob, type RecoveryJobResult, type RecoveryOptions } from '../../core/analysis/validation/recovery.js';

/** The options every job of one analysis shares. */
export type CasesJobOptions = CasesFitOptions & LooOptions & { recovery?: RecoveryOptions; explanations?: Explanation[] };

/** One job. */
export type CasesJob = { kind: 'fit'; restart: number } | ({ kind: 'loo' } & LooJob) | ({ kind: 'recover' } & RecoveryJob) | ({ kind: 'compare' } & CompareCasesJob);

/** A job's result. */
export type CasesJobResult = CmaesResult | RecoveryJobResult;

/** Runs one job in this thread. */
export function runCasesJob(cases: Case[], options: CasesJobOptions, job: CasesJob): CasesJobResult {
  switch (job.kind) {
    case 'fit':
      return runCasesFitRestart(cases, options, job.restart);
    case 'loo':
      return runLooJob(cases, options, job);
    case 'compare':
      return runCompareCasesJob(cases, { ...options, explanations: options.explanations ?? [] }, job);
    case 'recover': {
      const { kind: _, ...rest } = job;
      return runRecoveryJob(cases[0].scenario, options.recovery ?? {}, rest);
    }
  }
}
