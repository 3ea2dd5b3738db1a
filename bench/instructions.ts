// Instructions a run costs inside a 1-worker ensemble against the bare engine's, counted, not timed: on a shared host whose
// speed moves by a third between and within processes, timed ratios of the same code ran 0.72-1.70x apart, while counted
// instructions repeat. Each child (bench/ensemble-run-child.mjs, bench/bare-child.mjs, on the compiled code) runs under
// valgrind's callgrind with V8 in its --predictable mode (compiling and collecting garbage on the thread that runs the code,
// in the same order each time; without it the same count drifted by 16,000-40,000 instructions a run between two processes),
// once with SCHISM_BENCH_FEWER runs and once with SCHISM_BENCH_MORE (defaults 5,000 and 10,000: both at least the 5,000 runs
// after which a model's loop is written out, so both run the same loop); a run's instructions are the difference over the
// runs between. Ensemble threads are counted apart (callgrind --separate-threads): its main thread, the worker, the rest.
// Instructions are not time (a cache miss or a mispredicted branch costs more than an instruction, the kernel's work for
// file writes is not counted), so this is the noise-free reading beside the timed ensemble bench, not a replacement for it.
// Needs valgrind (Debian: apt-get install valgrind); says so and returns when it is missing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultChunk } from '../src/core/analysis/ensembles/ensemble-plan.js';
import { ensureBuild } from './compiled.js';

const FILE = 'scenarios/sino-soviet.yaml';

/** Instructions of each thread of one child under callgrind, the process's first thread first. */
function countedThreads(dir: string, name: string, args: string[]): number[] {
  const out = join(dir, name);
  const child = spawnSync(
    'valgrind',
    ['--tool=callgrind', '--separate-threads=yes', `--callgrind-out-file=${out}`, '--cache-sim=no', process.execPath, '--predictable', ...args],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  if (child.status !== 0) throw new Error(`callgrind of ${args.join(' ')} failed: ${child.stderr.slice(-1500)}`);
  // One file per thread, `NAME-01`, `NAME-02`, ...; each holds its total as `summary: N`.
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`))
    .sort()
    .map((f) => Number(/^summary: (\d+)$/m.exec(readFileSync(join(dir, f), 'utf8'))?.[1] ?? Number.NaN));
}

/** A bare-engine process's instructions (all threads), `runs` runs. */
function bare(dir: string, runs: number): number {
  return countedThreads(dir, `bare-${runs}`, ['bench/bare-child.mjs', FILE, String(runs)]).reduce((a, b) => a + b, 0);
}

/** A 1-worker ensemble process's instructions, `runs` runs: its main thread, the busiest other (the worker), the rest. */
function ensemble(dir: string, runs: number): { main: number; worker: number; rest: number } {
  const [main, ...others] = countedThreads(dir, `ensemble-${runs}`, ['bench/ensemble-run-child.mjs', FILE, String(runs), '1', join(dir, `out-${runs}`)]);
  others.sort((a, b) => b - a);
  return { main, worker: others[0], rest: others.slice(1).reduce((a, b) => a + b, 0) };
}

/** Prints the instructions a run costs in a 1-worker ensemble, by thread, against the bare engine's. */
export async function benchInstructions(): Promise<void> {
  if (spawnSync('valgrind', ['--version']).status !== 0) {
    process.stdout.write('valgrind not found (Debian: apt-get install valgrind): no instruction counts\n');
    return;
  }
  ensureBuild();
  const fewer = Number(process.env.SCHISM_BENCH_FEWER ?? 5_000);
  const more = Number(process.env.SCHISM_BENCH_MORE ?? 10_000);
  const dir = mkdtempSync(join(tmpdir(), 'schism-bench-instructions-'));
  try {
    const span = more - fewer;
    const perRun = (a: number, b: number) => (b - a) / span;
    const b = perRun(bare(dir, fewer), bare(dir, more));
    const e0 = ensemble(dir, fewer);
    const e1 = ensemble(dir, more);
    const main = perRun(e0.main, e1.main);
    const worker = perRun(e0.worker, e1.worker);
    const rest = perRun(e0.rest, e1.rest);
    const whole = main + worker + rest;
    const k = (x: number) => `${(x / 1000).toFixed(1)}k`;
    process.stdout.write(
      `instructions a run, the ${span} runs between a ${fewer}- and a ${more}-run process (callgrind, V8 --predictable; ensembles in ` +
        `chunks of ${defaultChunk(fewer, 1)} and ${defaultChunk(more, 1)}, as the CLI makes them):\n` +
        `  bare engine ${k(b)}\n` +
        `  1-worker ensemble ${k(whole)} = ${(whole / b).toFixed(3)}x the bare engine's (goal for CPU <= 1.15x): the worker thread ${k(worker)} ` +
        `(${(worker / b).toFixed(3)}x), the main thread ${k(main)}, the other threads ${k(rest)}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
