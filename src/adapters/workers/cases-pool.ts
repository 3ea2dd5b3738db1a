// Runs the independent jobs of the cross-case analyses (shared-fit restarts, leave-one-case-out folds, recovery fits) on a
// piscina worker pool; each job is deterministic, so results put together in job order do not depend on the worker count.
import { Piscina } from 'piscina';
import type { Case } from '../../core/analysis/fitting/fit-cases.js';
import { runCasesJob, type CasesJob, type CasesJobOptions, type CasesJobResult } from './cases-job.js';
import { workerTask } from './worker-task.js';

/** What every worker needs, sent once: the checked cases and the options. */
export interface CasesPoolData {
  cases: Case[];
  options: CasesJobOptions;
}

const TASK = workerTask('cases-task');

/**
 * Runs the jobs with `workers` threads (1: in this thread), calling `done` after each; results come back in job order.
 * @example const results = await casesJobsOnWorkers(cases, options, jobs, 2, (n) => progress(n));
 */
export async function casesJobsOnWorkers(
  cases: Case[], options: CasesJobOptions, jobs: CasesJob[], workers: number, done: (finished: number) => void = () => {},
): Promise<CasesJobResult[]> {
  let finished = 0;
  const tick = <T>(r: T): T => {
    done(++finished);
    return r;
  };
  if (workers <= 1 || jobs.length <= 1) {
    const out: CasesJobResult[] = [];
    for (const job of jobs) {
      out.push(tick(runCasesJob(cases, options, job)));
      // Yield to the event loop so that progress reaches stderr between jobs.
      await new Promise((r) => setImmediate(r));
    }
    return out;
  }
  const threads = Math.min(workers, jobs.length);
  const pool = new Piscina({ filename: TASK.href, minThreads: threads, maxThreads: threads, workerData: { cases, options } satisfies CasesPoolData, execArgv: TASK.execArgv });
  try {
    return await Promise.all(jobs.map((job) => pool.run(job).then((r: CasesJobResult) => tick(r))));
  } finally {
    await pool.destroy();
  }
}
