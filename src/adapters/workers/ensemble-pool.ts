// Runs an ensemble's chunks on a piscina worker pool and hands the results back in chunk order, with few in flight at once.
import { Piscina } from 'piscina';
import type { ChunkResult } from '../../core/analysis/ensembles/ensemble-chunk.js';
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

const TASK = workerTask('ensemble-task');

/**
 * Runs the chunks on `workers` threads and calls `onChunk` for each result in chunk order (awaiting it before the next),
 * keeping at most two chunks per worker in flight so that memory stays bounded whatever the ensemble's size.
 * @example await runChunksInOrder(job, chunks, 2, async (r) => journal.append(r));
 */
export async function runChunksInOrder(
  job: EnsembleJob,
  chunks: RunRange[],
  workers: number,
  onChunk: (result: ChunkResult) => Promise<void>,
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
  const inflight: Promise<ChunkResult>[] = [];
  let next = 0;
  try {
    for (let k = 0; k < chunks.length; k++) {
      while (next < chunks.length && next - k < window) inflight.push(pool.run(chunks[next++]) as Promise<ChunkResult>);
      await onChunk(await (inflight.shift() as Promise<ChunkResult>));
    }
  } finally {
    await Promise.allSettled(inflight);
    await pool.destroy();
  }
}
