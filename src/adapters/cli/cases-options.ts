// Command-line options shared by the cross-case commands (fit with several files, validate-cases, recover): the budget,
// the workers, the shards, reading the case files, and progress on stderr.
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { parseShard, shardRange, type Shard } from '../../core/analysis/ensembles/ensemble-plan.js';
import type { Case } from '../../core/analysis/fitting/fit-cases.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stableJson } from '../../core/output/stable-json.js';
import { writeFolderAtomic } from '../files/atomic-write.js';
import { readScenario } from '../files/read-scenario.js';
import { loadStateData, STATE_DATA_FILES } from '../files/read-state-data.js';
import type { CopdabMonth } from '../../core/datasets/state-data.js';
import type { CasesJob, CasesJobOptions, CasesJobResult } from '../workers/cases-job.js';
import { casesJobsOnWorkers } from '../workers/cases-pool.js';
import { integerOption, UsageError } from './exit.js';

/** The raw flags as commander gives them. */
export interface CasesFlags {
  out: string;
  seed: string;
  seeds: string;
  restarts: string;
  evaluations: string;
  runs: string;
  workers: string;
  shard?: string;
  quiet?: boolean;
}

/** Adds the budget, worker and shard options with the given defaults. */
export function withCasesOptions(cmd: Command, defaults: { seeds: string; restarts: string; evaluations: string; runs: string }): Command {
  return withParallelOptions(
    cmd
      .option('--seed <n>', 'master seed', '1')
      .option('--seeds <n>', 'runs per case per loss evaluation (common random numbers)', defaults.seeds)
      .option('--restarts <n>', 'independent CMA-ES restarts per fit', defaults.restarts)
      .option('--evaluations <n>', 'loss evaluations per restart', defaults.evaluations)
      .option('--runs <n>', 'runs per predicted case', defaults.runs)
      .option('--quiet', 'no progress on stderr'),
  );
}

/** Adds the worker and shard options. */
export function withParallelOptions(cmd: Command): Command {
  return cmd
    .option('--workers <n>', 'worker threads (the result is the same for any number)', String(Math.min(2, availableParallelism())))
    .option('--shard <I/N>', 'do only shard I of N of the jobs and write them to --out; put shards together with --from')
    .option('--from <dirs...>', 'put together the shard folders written with --shard, in order, instead of computing');
}

/** Refuses --shard and --from for one file: only the jobs of several files' analyses are split into shards. */
export function refuseShardsForOneFile(flags: { shard?: string; from?: string[] }, what: string, runs: string): void {
  if (flags.shard !== undefined || flags.from !== undefined) throw new UsageError(`--shard and --from are for ${what} across several files; one file's ${runs} on --workers`);
}

/** The checked budget. */
export function casesBudgetOf(flags: CasesFlags) {
  const positive = (name: string, v: string) => {
    const n = integerOption(name, v);
    if (n < 1) throw new UsageError(`${name} must be at least 1`);
    return n;
  };
  let shard: Shard | undefined;
  try {
    shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  return {
    seed: integerOption('--seed', flags.seed),
    seeds: positive('--seeds', flags.seeds),
    restarts: positive('--restarts', flags.restarts),
    evaluations: positive('--evaluations', flags.evaluations),
    runs: positive('--runs', flags.runs),
    workers: positive('--workers', flags.workers),
    shard,
  };
}

/** The jobs of a shard (all of them without one): a contiguous block, so that shards put together in order give every job. */
export function shardJobs<T>(jobs: T[], shard: Shard | undefined): { jobs: T[]; from: number } {
  const r = shardRange(jobs.length, shard);
  return { jobs: jobs.slice(r.from, r.to), from: r.from };
}

/** Reads the case files, each named by its file name; a file named twice is a usage error. */
export async function readCases(files: string[]): Promise<Case[]> {
  const names = files.map((f) => basename(f));
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new UsageError(`the case ${dup} is given twice`);
  return Promise.all(files.map(async (f, i) => ({ name: names[i], scenario: (await readScenario(f)).scenario })));
}

/** A progress line on stderr, rewritten in place on a terminal, one line per tenth otherwise. */
export function progress(what: string, total: number, quiet = false): (done: number) => void {
  const started = Date.now();
  let shown = -1;
  return (done) => {
    if (quiet) return;
    const tenth = Math.floor((done * 10) / total);
    if (!process.stderr.isTTY && tenth === shown && done !== total) return;
    shown = tenth;
    const line = `${what}: ${done}/${total} jobs, ${((Date.now() - started) / 1000).toFixed(0)} s`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}${done === total ? '\n' : ''}` : `${line}\n`);
  };
}

/**
 * The results of every job, in job order: read from the shard folders given with --from, or computed on the workers. With
 * --shard, only that shard's jobs are computed and written to --out/jobs.json, and the result is null (nothing to assemble).
 */
export async function jobResults<R extends CasesJobResult>(
  what: string, cases: Case[], options: CasesJobOptions, jobs: CasesJob[], flags: CasesFlags & { from?: string[] }, budget: ReturnType<typeof casesBudgetOf>,
): Promise<R[] | null> {
  if (flags.from) {
    const results: R[] = [];
    for (const dir of flags.from) results.push(...(JSON.parse(await readFile(join(dir, 'jobs.json'), 'utf8')) as { results: R[] }).results);
    if (results.length !== jobs.length) throw new UsageError(`the shards hold ${results.length} jobs, the ${what} has ${jobs.length}: give every shard, in order`);
    return results;
  }
  const { jobs: mine, from } = shardJobs(jobs, budget.shard);
  const results = (await casesJobsOnWorkers(cases, options, mine, budget.workers, progress(what, mine.length, flags.quiet))) as R[];
  if (!budget.shard) return results;
  await writeFolderAtomic(flags.out, { 'jobs.json': stableJson({ shard: `${budget.shard.index}/${budget.shard.count}`, from, results }) });
  process.stdout.write(`shard ${budget.shard.index}/${budget.shard.count}: jobs ${from}..${from + mine.length - 1} of ${jobs.length} in ${flags.out}/jobs.json\n`);
  return null;
}

/**
 * The COPDAB series that validate-cases and compare score the held-out cases against, read once in the main thread (the
 * workers never need them); undefined, with a warning on stderr, when the file is missing from data/.
 */
export async function independentSeries(command: string): Promise<CopdabMonth[] | undefined> {
  const { copdab } = (await loadStateData(undefined, ['copdab'])).data;
  // The file ships with schism; a copy without it still validates, and says what it leaves out.
  if (!copdab) process.stderr.write(`${command}: warning: ${STATE_DATA_FILES.copdab} not found under data/: no scores against the independent series\n`);
  return copdab;
}
