// Runs a comparison's jobs on a piscina worker pool; the jobs are deterministic, so the result does not depend on the worker count.
import { Piscina } from 'piscina';
import { assembleComparison, compareExplanations, compareJobs, type CompareOptions, type Comparison } from '../../core/analysis/validation/compare.js';
import type { Scenario } from '../../core/scenario/schema.js';
import { workerTask } from './worker-task.js';

/** What every worker needs, sent once: the checked scenario and the comparison's options. */
export interface ComparePoolData {
  scenario: Scenario;
  options: CompareOptions;
}

const TASK = workerTask('compare-task');

/**
 * Compares the explanations with `workers` threads (1: in this thread); results are put together in job order.
 * @example const c = await compareOnWorkers(scenario, { perturbations: 3 }, 2);
 */
export async function compareOnWorkers(scenario: Scenario, options: CompareOptions, workers: number, onProgress?: (done: number, total: number) => void): Promise<Comparison> {
  const jobs = compareJobs(scenario, options);
  if (workers <= 1 || jobs.length <= 1) return compareExplanations(scenario, options);
  const pool = new Piscina({
    filename: TASK.href,
    minThreads: Math.min(workers, jobs.length),
    maxThreads: Math.min(workers, jobs.length),
    workerData: { scenario, options } satisfies ComparePoolData,
    execArgv: TASK.execArgv,
  });
  try {
    let done = 0;
    onProgress?.(0, jobs.length);
    const results = await Promise.all(jobs.map(async (job) => {
      const r = await pool.run(job);
      onProgress?.(++done, jobs.length);
      return r;
    }));
    return assembleComparison(scenario, options, results);
  } finally {
    await pool.destroy();
  }
}
