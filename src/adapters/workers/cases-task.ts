// The piscina worker of the cross-case analyses: runs the jobs it is given on the cases and options from workerData.
import { workerData } from 'node:worker_threads';
import type { CasesPoolData } from './cases-pool.js';
import { runCasesJob, type CasesJob, type CasesJobResult } from './cases-job.js';

const data = workerData as CasesPoolData;

/** Runs one job in this worker thread. */
export default function runJob(job: CasesJob): CasesJobResult {
  return runCasesJob(data.cases, data.options, job);
}
