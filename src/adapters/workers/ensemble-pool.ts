// Runs an ensemble's chunks on a piscina worker pool and hands the results back in chunk order, with few in flight at once.
import { Piscina } from 'piscina';
import type { ChunkResult } from '../../core/analysis/ensemble-chunk.js';
import type { RunRange } from '../../core/analysis/ensemble-plan.js';
import type { CompileOptions } from '../../core/engine/compile.js';
import type { Scenario } from '../../core/scenario/schema.js';

/** What every worker needs, sent once when the pool starts: the (checked) scenario, how to compile it, and the master seed. */
export interface EnsembleJob {
  scenario: Scenario;
  compile: CompileOptions;
  seed: number;
}

const TASK = new URL(`./ensemble-task.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

/** Node flags a worker needs to load the TypeScript task when schism runs from source through tsx. */
function workerExecArgv(): string[] {
  if (!TASK.pathname.endsWith('.ts')) return [];
  if (process.execArgv.some((a) => a.includes('tsx'))) return process.execArgv;
  return [...process.execArgv, '--import', import.meta.resolve('tsx')];
}

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
  const pool = new Piscina({
    filename: TASK.href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
    workerData: job,
    execArgv: workerExecArgv(),
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
