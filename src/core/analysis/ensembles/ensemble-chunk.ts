// One chunk of an ensemble: runs [from, to) on the fast path, their per-run lines and their counts, the unit a worker does.
import type { Model } from '../../engine/model.js';
import { digestLines } from '../../output/ensemble.js';
import { runStream } from '../../random/streams.js';
import { addDigest, emptyStats, type EnsembleStats } from './ensemble-stats.js';
import type { RunRange } from './ensemble-plan.js';
import { digestRun, emptyDigest, type DigestShape } from './run-digest.js';

/** What a chunk hands back: its lines for runs.csv and cooperation.csv, in run order, and the counts of its runs. */
export interface ChunkResult extends RunRange {
  runs: string;
  cooperation: string;
  stats: EnsembleStats;
}

/**
 * Runs a chunk; each run's stream comes from (seed, run index) alone, so the result does not depend on who runs it.
 * @example const r = runChunk(model, digestShape(model), 7, { from: 0, to: 100 });
 */
export function runChunk(model: Model, shape: DigestShape, seed: number, range: RunRange): ChunkResult {
  const stats = emptyStats(shape);
  const digest = emptyDigest(shape);
  let runs = '';
  let cooperation = '';
  for (let i = range.from; i < range.to; i++) {
    digestRun(model, shape, runStream(seed, i), digest);
    addDigest(stats, shape, digest);
    const lines = digestLines(shape, i, digest);
    runs += lines.runs;
    cooperation += lines.cooperation;
  }
  return { from: range.from, to: range.to, runs, cooperation, stats };
}
