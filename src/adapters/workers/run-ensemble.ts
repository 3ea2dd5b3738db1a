// Runs an ensemble end to end: journal (resume), worker pool (chunks in order), streamed counts, then the summaries put in place atomically.
import type { World } from '../../core/analysis/counterfactuals/counterfactual-world.js';
import { chunkArrays } from '../../core/analysis/ensembles/ensemble-chunk.js';
import { chunkRanges, defaultChunk, shardRange, type Shard } from '../../core/analysis/ensembles/ensemble-plan.js';
import { statsToJson } from '../../core/analysis/ensembles/ensemble-stats.js';
import { digestShape, layoutOf } from '../../core/analysis/ensembles/run-digest.js';
import { compile } from '../../core/engine/compile.js';
import { breakDatesCsv, chunkWriter, cooperationBandsCsv, cooperationHeader, ensembleSummary, RUNS_HEADER } from '../../core/output/ensemble.js';
import { SCHISM_VERSION } from '../../core/version.js';
import { openJournal } from '../files/ensemble-journal.js';
import { runChunksInOrder } from './ensemble-pool.js';

/** What to run: the world (scenario and its counterfactual changes), the seeds, the share of runs and where the output goes. */
export interface EnsembleRequest {
  world: World;
  /** The scenario file (by name) and variant files with their SHA-256, recorded in the manifest. */
  inputs: { scenario: { file: string; sha256: string }; variants: { file: string; sha256: string }[] };
  seed: number;
  runs: number;
  shard?: Shard;
  workers: number;
  /** Runs per chunk: the unit of work of a worker and of the journal (default: defaultChunk of the runs left and the workers). */
  chunk?: number;
  out: string;
  /** Called after each chunk is on disk, with runs done and runs in this shard. */
  onProgress?: (done: number, total: number) => void;
}

/** The files an ensemble writes, in the manifest's order. */
export const ENSEMBLE_FILES = ['manifest.json', 'summary.json', 'break-dates.csv', 'cooperation-bands.csv', 'runs.csv', 'cooperation.csv', 'stats.json'];

/**
 * Runs (or resumes) an ensemble and returns its summary. Output bytes depend only on the scenario, the world, the seed,
 * the run count and the range: not on workers, chunk size, interruptions or machine.
 */
export async function runEnsemble(req: EnsembleRequest): Promise<{ summary: Record<string, unknown>; resumedAt: number }> {
  const model = compile(req.world.scenario, req.world.compile);
  const shape = digestShape(model);
  const range = shardRange(req.runs, req.shard);
  const total = range.to - range.from;
  const job = {
    schism: SCHISM_VERSION,
    kind: 'ensemble',
    scenario: { ...req.inputs.scenario, title: req.world.scenario.meta.title },
    variants: req.inputs.variants,
    mode: 'predict',
    recordUsed: false,
    seed: req.seed,
    runs: req.runs,
    range,
    changes: req.world.changes,
    mechanisms: model.params.enabled,
    parameters: { mechanisms: model.params.mechanisms, rules: model.params.rules },
    layout: layoutOf(shape),
  };
  const journal = await openJournal(req.out, job, shape, { 'runs.csv': RUNS_HEADER, 'cooperation.csv': cooperationHeader(shape) }, total);
  const resumedAt = journal.done;
  const summary = () => ensembleSummary(journal.stats, shape);
  if (journal.placed) return { summary: summary(), resumedAt };
  try {
    req.onProgress?.(journal.done, total);
    const left = { from: range.from + journal.done, to: range.to };
    const chunks = chunkRanges(left, req.chunk ?? defaultChunk(left.to - left.from, req.workers));
    // Each chunk's bytes are on disk before the next is written over them.
    const write = chunkWriter(shape);
    await runChunksInOrder({ scenario: req.world.scenario, compile: req.world.compile, seed: req.seed }, chunks, req.workers, async (result) => {
      await journal.append(write(result));
      req.onProgress?.(journal.done, total);
    }, (runs) => chunkArrays(shape, runs, SharedArrayBuffer));
    const s = summary();
    await journal.finish({
      'manifest.json': `${JSON.stringify({ ...job, files: ENSEMBLE_FILES }, null, 2)}\n`,
      'summary.json': `${JSON.stringify(s, null, 2)}\n`,
      'break-dates.csv': breakDatesCsv(journal.stats, shape),
      'cooperation-bands.csv': cooperationBandsCsv(journal.stats, shape),
      'stats.json': `${JSON.stringify(statsToJson(journal.stats))}\n`,
    });
    return { summary: s, resumedAt };
  } finally {
    await journal.close();
  }
}
