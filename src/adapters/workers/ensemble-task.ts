// The piscina worker of an ensemble: compiles the model once from workerData, then runs the chunks it is given.
import { workerData } from 'node:worker_threads';
import { compile } from '../../core/engine/compile.js';
import { chunkArrays, runChunk, type ChunkArrays, type ChunkResult } from '../../core/analysis/ensembles/ensemble-chunk.js';
import type { RunRange } from '../../core/analysis/ensembles/ensemble-plan.js';
import { digestShape } from '../../core/analysis/ensembles/run-digest.js';
import { expectRuns } from '../../core/engine/fused-run.js';
import type { EnsembleWorkerData } from './ensemble-pool.js';

const job = workerData as EnsembleWorkerData;
const model = compile(job.scenario, job.compile);
const shape = digestShape(model);
expectRuns(model, job.runsEach);

// The per-run numbers' arrays, kept from chunk to chunk: a result is copied as it is posted to the main thread, before the
// next chunk writes over them, and fresh arrays (megabytes a chunk) cost this thread their memory mapped and zeroed anew
// each time. (Handing them over instead of copying them would detach them, and V8 then compiles every typed-array access
// of the engine's loop with a check for a detached buffer: the runs took a fifth longer, measured.)
let kept: ChunkArrays | undefined;

/** Runs one chunk of the ensemble in this worker thread. */
export default function runEnsembleChunk(range: RunRange): ChunkResult {
  const runs = range.to - range.from;
  if (kept === undefined || kept.cooperation.length < runs * shape.dyads.length * shape.years.length) kept = chunkArrays(shape, runs);
  return runChunk(model, shape, job.seed, range, kept);
}
