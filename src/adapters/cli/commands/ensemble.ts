// `schism ensemble FILE --runs N`: many runs on a worker pool, streamed to disk, resumable, shardable across machines.
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { parseShard, shardRange, type Shard } from '../../../core/analysis/ensembles/ensemble-plan.js';
import { readScenario } from '../../files/read-scenario.js';
import { ResumeConflict } from '../../files/ensemble-journal.js';
import { runEnsemble } from '../../workers/run-ensemble.js';
import { integerOption, UsageError } from '../exit.js';
import { progressBar } from '../progress.js';
import { addWorldOptions, readWorlds, type WorldFlags } from '../world-options.js';

interface EnsembleFlags extends WorldFlags {
  runs: string;
  workers?: string;
  seed?: string;
  shard?: string;
  chunk?: string;
  quiet?: boolean;
  out: string;
}

/** Registers the ensemble command. */
export function registerEnsemble(program: Command): void {
  const command = program
    .command('ensemble')
    .argument('<file>', 'scenario file (YAML or JSON)')
    .description('run many seeded predictions on worker threads; per-run rows and summary statistics streamed to disk; resumable')
    .requiredOption('--runs <n>', 'number of runs in the whole ensemble (over all shards)')
    .option('--workers <n>', 'worker threads (default: the number of cores)')
    .option('--seed <n>', 'master seed (default: the scenario\'s meta.seed); run i uses the stream (seed, i)')
    .option('--shard <I/N>', 'do only shard I of N: the contiguous block of runs floor(I*runs/N) .. floor((I+1)*runs/N)-1')
    .option('--chunk <n>', 'runs per chunk, the unit of work and of the resume journal (default: a quarter of each worker\'s share, 1000 to 5000); does not change the output')
    .option('--quiet', 'no progress bar')
    .option('--out <dir>', 'output folder', 'runs/ensemble');
  addWorldOptions(command).action(async (file: string, flags: EnsembleFlags) => {
    const runs = integerOption('--runs', flags.runs);
    if (runs < 1) throw new UsageError('--runs must be at least 1');
    const workers = flags.workers === undefined ? availableParallelism() : integerOption('--workers', flags.workers);
    if (workers < 1) throw new UsageError('--workers must be at least 1');
    const chunk = flags.chunk === undefined ? undefined : integerOption('--chunk', flags.chunk);
    if (chunk !== undefined && chunk < 1) throw new UsageError('--chunk must be at least 1');
    let shard: Shard | undefined;
    try {
      shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    const { scenario, text } = await readScenario(file);
    const seed = flags.seed === undefined ? scenario.meta.seed : integerOption('--seed', flags.seed);
    const { world, factualFiles, files } = await readWorlds(scenario, flags);
    const variants = [...factualFiles, ...files];
    const sha256 = createHash('sha256').update(text).digest('hex');
    const bar = progressBar('ensemble', Boolean(flags.quiet));
    let result;
    try {
      result = await runEnsemble({
        world, inputs: { scenario: { file: basename(file), sha256 }, variants }, seed, runs, shard, workers, chunk, out: flags.out,
        onProgress: (done, total) => bar.update(done, total),
      });
    } catch (err) {
      if (err instanceof ResumeConflict) throw new UsageError(err.message);
      if (err instanceof RangeError) throw new UsageError(err.message);
      throw err;
    } finally {
      bar.stop();
    }
    const range = shardRange(runs, shard);
    const lines = [`${scenario.meta.title}: ${range.to - range.from} runs (${range.from}..${range.to - 1} of ${runs}), seed ${seed}${result.resumedAt ? `, resumed after ${result.resumedAt}` : ''}`];
    type Line = { id: string; firstBroken: { share: number; quantiles: Record<string, string | null> }; firstBreakCause: Record<string, number | null> };
    const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);
    for (const a of result.summary.alliances as Line[]) {
      const q = a.firstBroken.quantiles;
      const c = a.firstBreakCause;
      lines.push(`  ${a.id}: broken or worse within the period in ${(a.firstBroken.share * 100).toFixed(1)}% of runs; first break p05 ${q.p05 ?? 'after the period'}, median ${q.p50 ?? 'after the period'}, p95 ${q.p95 ?? 'after the period'}`);
      lines.push(`    first breaks by cause: margin ${pct(c.margin)}, act ${pct(c.act)}, force ${pct(c.force)}, relations ${pct(c.relations)}; breaking member below its outside option ${pct(c.belowOutside)}`);
    }
    lines.push(`  outputs in ${flags.out}/`);
    process.stdout.write(`${lines.join('\n')}\n`);
    for (const w of result.summary.warnings as string[]) process.stderr.write(`warning: ${w}\n`);
  });
}
