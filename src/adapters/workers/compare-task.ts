// The piscina worker of `schism compare`: runs the comparison jobs it is given on the scenario and options from workerData.
import { workerData } from 'node:worker_threads';
import { runCompareJob, type CompareJob, type CompareJobResult } from '../../core/analysis/validation/compare.js';
import type { ComparePoolData } from './compare-pool.js';

const data = workerData as ComparePoolData;

/** Fits and scores one explanation on one version of the scenario, in this worker thread. */
export default function runJob(job: CompareJob): CompareJobResult {
  return runCompareJob(data.scenario, data.options, job);
}
