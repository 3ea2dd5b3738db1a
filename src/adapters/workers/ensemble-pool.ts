// Runs an ensemble's chunks on a piscina worker pool and hands the results back in chunk order, with few in flight at once.
import { Piscina } from 'piscina';
import type { ChunkArrays, ChunkResult } from '../../core/analysis/ensembles/ensemble-chunk.js';
import type { RunRange } from '../../core/analysis/ensembles/ensemble-plan.js';
import type { CompileOptions } from '../../core/engine/compile.js';
import type { Scenario } from '../../core/scenario/schema.js';
import { workerTask } from './worker-task.js';

/** What every worker needs, sent once when the pool starts: the (checked) scenario, how to compile it, and the master seed. */
export interface EnsembleJob {
  scenario: Scenario;
  compile: CompileOptions;
  seed: number;
}

/** A job as a worker gets it: with about how many runs each worker will make (the pool's share of the chunks' runs). */
export interface EnsembleWorkerData extends EnsembleJob {
  runsEach: number;
}

/** One chunk as a worker gets it: its runs, and the arrays (on shared memory) its per-run numbers are written into. */
export interface EnsembleTask {
  range: RunRange;
  into: ChunkArrays;
}

const TASK = workerTask('ensemble-task');

/**
 * Runs the chunks on `workers` threads and calls `onChunk` for each result in chunk order (awaiting it before the next),
 * keeping at most two chunks per worker in flight so that memory stays bounded whatever the ensemble's size. A chunk's
 * per-run numbers go into arrays from `arrays(runs)`, which are reused once `onChunk` has returned: a result's arrays hold
 * its numbers only until then. They are on shared memory: a worker writes a chunk's numbers where the main thread reads
 * them. Posted back as ordinary arrays, a chunk's megabytes were copied, and the main thread's fresh memory for each copy
 * cost it about as much as writing the lines. (Handed over instead, the arrays would be detached in the worker, and V8
 * then compiles every typed-array access of the engine's loop with a check for a detached buffer: runs took a fifth
 * longer, measured.)
 * @example await runChunksInOrder(job, chunks, 2, async (r) => journal.append(write(r)), (runs) => chunkArrays(shape, runs, SharedArrayBuffer));
 */
export async function runChunksInOrder(
  job: EnsembleJob,
  chunks: RunRange[],
  workers: number,
  onChunk: (result: ChunkResult) => Promise<void>,
  arrays: (runs: number) => ChunkArrays,
): Promise<void> {
  if (chunks.length === 0) return;
  const runs = chunks.reduce((sum, c) => sum + (c.to - c.from), 0);
  const runsEach = Math.ceil(runs / Math.min(workers, chunks.length));
  const pool = new Piscina({
    filename: TASK.href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
    workerData: { ...job, runsEach } satisfies EnsembleWorkerData,
    execArgv: TASK.execArgv,
  });
  const window = workers * 2;
  // As many arrays as chunks in flight, made as they are first needed, each big enough for the largest chunk.
  const largest = chunks.reduce((most, c) => Math.max(most, c.to - c.from), 0);
  const free: ChunkArrays[] = [];
  const inflight: { into: ChunkArrays; result: Promise<ChunkResult> }[] = [];
  let next = 0;
  try {
    for (let k = 0; k < chunks.length; k++) {
      while (next < chunks.length && next - k < window) {
        const into = free.pop() ?? arrays(largest);
        inflight.push({ into, result: pool.run({ range: chunks[next++], into } satisfies EnsembleTask) as Promise<ChunkResult> });
      }
      const done = inflight.shift() as (typeof inflight)[number];
      await onChunk(await done.result);
      free.push(done.into);
    }
  } finally {
    await Promise.allSettled(inflight.map((x) => x.result));
    await pool.destroy();
  }
}
