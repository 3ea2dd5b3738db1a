// The piscina worker of `schism fit`: runs the restarts it is given on the scenario and options from workerData.
import { workerData } from 'node:worker_threads';
import type { CmaesResult } from '../../core/analysis/fitting/cmaes.js';
import { runFitRestart } from '../../core/analysis/fitting/fit.js';
import type { FitPoolData, FitPoolJob } from './fit-pool.js';

const data = workerData as FitPoolData;

/** Runs one restart in this worker thread, posting a message on the job's port after each loss evaluation. */
export default function runRestart(job: FitPoolJob): CmaesResult {
  try {
    return runFitRestart(data.scenario, data.options, job.restart, () => job.port.postMessage(1));
  } finally {
    job.port.close();
  }
}
