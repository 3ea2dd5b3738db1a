// Command-line options shared by the cross-case commands (fit with several files, validate-cases, recover): the budget,
// the workers, the shards, reading the case files, and progress on stderr.
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { parseShard, shardRange, type Shard } from '../../core/analysis/ensembles/ensemble-plan.js';
import type { Case } from '../../core/analysis/fitting/fit-cases.js';
import { readScenario } from '../files/read-scenario.js';
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
  return cmd
    .option('--seed <n>', 'master seed', '1')
    .option('--seeds <n>', 'runs per case per loss evaluation (common random numbers)', defaults.seeds)
    .option('--restarts <n>', 'independent CMA-ES restarts per fit', defaults.restarts)
    .option('--evaluations <n>', 'loss evaluations per restart', defaults.evaluations)
    .option('--runs <n>', 'runs per predicted case', defaults.runs)
    .option('--workers <n>', 'worker threads (the result is the same for any number)', String(Math.min(2, availableParallelism())))
    .option('--shard <I/N>', 'do only shard I of N of the jobs and write them to --out; put shards together with --from')
    .option('--quiet', 'no progress on stderr');
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
