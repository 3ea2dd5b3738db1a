// The piscina worker of an ensemble: compiles the model once from workerData, then runs the chunks it is given.
import { workerData } from 'node:worker_threads';
import { compile } from '../../core/engine/compile.js';
import { runChunk, type ChunkResult } from '../../core/analysis/ensembles/ensemble-chunk.js';
import { digestShape } from '../../core/analysis/ensembles/run-digest.js';
import { expectRuns } from '../../core/engine/fused-run.js';
import type { EnsembleTask, EnsembleWorkerData } from './ensemble-pool.js';

const job = workerData as EnsembleWorkerData;
const model = compile(job.scenario, job.compile);
const shape = digestShape(model);
expectRuns(model, job.runsEach);

/** Runs one chunk of the ensemble in this worker thread, its per-run numbers written into the shared arrays it is given. */
export default function runEnsembleChunk(task: EnsembleTask): ChunkResult {
  return runChunk(model, shape, job.seed, task.range, task.into);
}
