// Ensemble benchmark, on the compiled code a user runs (dist/), every ensemble and bare engine in a plain node process of its
// own (bench/ensemble-run-child.mjs, bench/bare-child.mjs): the CPU cost of a run inside an ensemble against the bare engine's
// (goal <= 1.15x), first paired in time (a 1-worker ensemble with a bare engine beside it on the same core,
// bench/bare-companion.mjs, the figure the goal is read from), then unpaired on 20,000 runs (once the first runs are done,
// split by thread, and whole) and on the throughput case's, and in one process what a worker's digest adds to a run
// (bench/digest-child.mjs); throughput with 2 workers against 1 (goal >= 1.85x on 200,000 runs) with the load average; and
// the peak memory of a 1,000,000-run ensemble (goal <= 500 MB) as `schism ensemble` in a child process.
// SCHISM_BENCH_PAIRED sets the runs of the paired case (default 60000) and SCHISM_BENCH_PAIRED_REPEATS its repeats (default
// 5), SCHISM_BENCH_RUNS the size of the throughput case (default 200000), SCHISM_BENCH_REPEATS the repeats of it and of the
// unpaired case (default 3), SCHISM_BENCH_SMALL the runs of the unpaired case (default 20000), SCHISM_BENCH_BATCHES the
// paired batches of the in-process digest cost (bench/digest-child.mjs, default 40), SCHISM_BENCH_MILLION the memory case
// (0 skips it). The scenario is the reference one.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultChunk } from '../src/core/analysis/ensembles/ensemble-plan.js';
import { ensureBuild } from './compiled.js';
import { median } from './stats.js';

const FILE = 'scenarios/sino-soviet.yaml';

interface ChildRun {
  ok: boolean;
  wall: number;
  cpu: number;
  rssMb: number;
  err: string;
}

/** Runs the compiled `schism ensemble` in a child process; returns wall and CPU seconds and peak RSS. */
function ensembleChild(runs: number, workers: number, out: string): ChildRun {
  const t0 = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['bench/ensemble-child.mjs', 'ensemble', FILE, '--runs', String(runs), '--workers', String(workers), '--chunk', '250', '--quiet', '--out', out], { encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = /peak-rss-kib (\d+) cpu-us (\d+)/.exec(child.stderr);
  rmSync(out, { recursive: true, force: true });
  return { ok: child.status === 0 && m !== null, wall, cpu: m ? Number(m[2]) / 1e6 : Number.NaN, rssMb: m ? Number(m[1]) / 1024 : Number.NaN, err: child.stderr.slice(-1500) };
}

const loads = () => loadavg().map((x) => x.toFixed(1)).join(' ');

/**
 * One ensemble's figures: wall seconds, steady runs/s once the first chunk lands, CPU seconds of all threads and of the main
 * one, and CPU seconds per run over the second half of the runs, from the chunk that lands half way to the last (pool
 * start-up and the workers' warm-up before it, the summaries and the pool's closing after it).
 */
interface Measured {
  wall: number;
  steady: number;
  cpu: number;
  steadyCpu: number;
  mainCpu: number;
  /** CPU seconds per run over the second half, up to the last chunk, by thread: main, the busiest other (the worker, with one), the rest. */
  steadyThreads: { main: number; busiest: number; rest: number };
  /** CPU seconds after the last chunk landed: the summaries written and put in place, the pool closed. */
  finishCpu: number;
  /** The second half on the monotonic clock (ns): from the chunk that landed half way to the last. */
  window: [number, number];
  loadBefore: string;
  loadAfter: string;
}

/** An ensemble in a plain node process (bench/ensemble-run-child.mjs: pool, journal and files as the CLI has them). */
function ensembleRun(runs: number, workers: number, out: string): Measured {
  const loadBefore = loads();
  const child = spawnSync(process.execPath, ['bench/ensemble-run-child.mjs', FILE, String(runs), String(workers), out], { encoding: 'utf8' });
  rmSync(out, { recursive: true, force: true });
  if (child.status !== 0) throw new Error(`bench/ensemble-run-child.mjs failed: ${child.stderr}`);
  return { ...(JSON.parse(child.stdout) as Omit<Measured, 'loadBefore' | 'loadAfter'>), loadBefore, loadAfter: loads() };
}

/** The bare engine's CPU seconds per run over `runs` runs, as bench/bare-child.mjs times them in a plain node process. */
function bareEngine(runs: number): { whole: number; steady: number } {
  const child = spawnSync(process.execPath, ['bench/bare-child.mjs', FILE, String(runs)], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`bench/bare-child.mjs failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as { whole: number; steady: number };
}

/** What a worker's digest adds to a run, in one process (bench/digest-child.mjs): CPU seconds per run of each, and their ratio. */
function digestCost(batches: number): { bare: number; digested: number; ratio: number; batches: number } {
  const child = spawnSync(process.execPath, ['bench/digest-child.mjs', FILE, String(batches)], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`bench/digest-child.mjs failed: ${child.stderr}`);
  return { ...(JSON.parse(child.stdout) as { bare: number; digested: number; ratio: number }), batches };
}

/** [monotonic clock ns, CPU seconds of the process, runs] after each batch of the bare engine beside an ensemble (bare-companion.mjs). */
type Sample = [number, number, number];

/** The bare engine's CPU seconds per run between two instants of the monotonic clock, from a companion's samples (linearly between them). */
function bareOver(samples: Sample[], [from, to]: [number, number]): number {
  const at = (t: number): [number, number] => {
    const i = Math.min(Math.max(samples.findIndex((x) => x[0] >= t), 1), samples.length - 1);
    const [ta, ca, ra] = samples[i - 1];
    const [tb, cb, rb] = samples[i];
    const f = (t - ta) / (tb - ta);
    return [ca + f * (cb - ca), ra + f * (rb - ra)];
  };
  if (samples.length < 2 || samples[0][0] > from || samples[samples.length - 1][0] < to) throw new Error('the bare engine beside the ensemble did not run over its whole window');
  const [c0, r0] = at(from);
  const [c1, r1] = at(to);
  return (c1 - c0) / (r1 - r0);
}

/** Where the paired case pins its two processes: taskset's argument list for the last core, or none without taskset (not Linux). */
function oneCore(): string[] {
  const probe = spawnSync('taskset', ['-c', '0', 'true']);
  return probe.status === 0 ? ['taskset', '-c', String(cpus().length - 1)] : [];
}

/** Spawns `node ARGS`, under `pin` (taskset's arguments) when given. */
function spawnPinned(pin: string[], args: string[]): ChildProcessWithoutNullStreams {
  const [command, ...rest] = [...pin, process.execPath, ...args];
  return spawn(command, rest, { stdio: 'pipe' });
}

/** A child's standard output so far, kept as it comes. */
function heard(child: ChildProcessWithoutNullStreams): { text: string } {
  const said = { text: '' };
  child.stdout.on('data', (piece) => (said.text += String(piece)));
  return said;
}

/**
 * A 1-worker ensemble and the bare engine in the same seconds, on the same core: a bare engine (bench/bare-companion.mjs) runs
 * beside the ensemble (bench/ensemble-run-child.mjs) from before it starts until it is done, and its CPU per run is read over
 * exactly the ensemble's second half. This host's speed drifts by a fifth and more within a minute and differs between its
 * cores; two processes sharing one core by turns of a few ms see the same machine (two bare engines paired so: 0.99-1.01x).
 */
async function pairedOnOneCore(runs: number, out: string, pin: string[]): Promise<{ ensemble: Measured; bare: number }> {
  const companion = spawnPinned(pin, ['bench/bare-companion.mjs', FILE]);
  const said = heard(companion);
  const stopped = once(companion, 'close');
  // The companion says "ready" once warm; its samples follow when it is stopped.
  while (!said.text.includes('ready\n')) {
    if ((await Promise.race([once(companion.stdout, 'data'), stopped.then(() => 'stopped')])) === 'stopped') {
      throw new Error('bench/bare-companion.mjs stopped before it was ready');
    }
  }
  const loadBefore = loads();
  const child = spawnPinned(pin, ['bench/ensemble-run-child.mjs', FILE, String(runs), '1', out]);
  const result = heard(child);
  const [code] = (await once(child, 'close')) as [number | null];
  companion.stdin.end('stop\n');
  const [stoppedWith] = (await stopped) as [number | null];
  if (stoppedWith !== 0) throw new Error('bench/bare-companion.mjs failed');
  rmSync(out, { recursive: true, force: true });
  if (code !== 0) throw new Error('bench/ensemble-run-child.mjs failed');
  const ensemble = { ...(JSON.parse(result.text) as Omit<Measured, 'loadBefore' | 'loadAfter'>), loadBefore, loadAfter: loads() };
  const samples = JSON.parse(said.text.slice(said.text.indexOf('ready\n') + 'ready\n'.length)) as Sample[];
  return { ensemble, bare: bareOver(samples, ensemble.window) };
}

/** A second half's CPU per run by thread, as a repeat line gives it (Linux; /proc counts in hundredths of a second). */
function threadSplit(x: Measured): string {
  const t = x.steadyThreads;
  return `worker thread ${(t.busiest * 1e6).toFixed(0)}, main ${(t.main * 1e6).toFixed(1)}, other threads ${(t.rest * 1e6).toFixed(1)} µs`;
}

/** Prints the ensemble's CPU per run against the bare engine's, throughput for 1 and 2 workers, and the million-run peak memory. */
export async function benchEnsemble(): Promise<void> {
  ensureBuild();
  const dir = mkdtempSync(join(tmpdir(), 'schism-bench-ensemble-'));
  const runs = Number(process.env.SCHISM_BENCH_RUNS ?? 200_000);
  const repeats = Number(process.env.SCHISM_BENCH_REPEATS ?? 3);
  const load0 = loads();

  // The goal's figure: the CPU a run costs in a 1-worker ensemble against the bare engine's, each ensemble paired in time
  // with a bare engine on the same core.
  const pairedRuns = Number(process.env.SCHISM_BENCH_PAIRED ?? 60_000);
  const pairedRepeats = Number(process.env.SCHISM_BENCH_PAIRED_REPEATS ?? 5);
  const pin = oneCore();
  process.stdout.write(
    `compiled code (dist/); reference scenario; load average ${load0}\n` +
      `CPU per run, a 1-worker ensemble of ${pairedRuns} runs (chunks of ${defaultChunk(pairedRuns, 1)}) beside a bare engine in the same seconds, ` +
      `${pin.length > 0 ? `both on one core (${pin.join(' ')})` : 'unpinned (no taskset: the two may see different cores)'}; ` +
      `the ensemble's second half (from the chunk that lands half way to the last) against the bare engine over the same seconds; goal <= 1.15x:\n`,
  );
  const paired: { ensemble: Measured; bare: number }[] = [];
  for (let r = 0; r < pairedRepeats; r++) {
    const p = await pairedOnOneCore(pairedRuns, join(dir, 'paired'), pin);
    paired.push(p);
    process.stdout.write(
      `  repeat ${r + 1}: ensemble ${(p.ensemble.steadyCpu * 1e6).toFixed(1)} µs a run (${threadSplit(p.ensemble)}), bare ${(p.bare * 1e6).toFixed(1)} µs = ` +
        `${(p.ensemble.steadyCpu / p.bare).toFixed(3)}x; after the last chunk ${(p.ensemble.finishCpu * 1e3).toFixed(0)} ms; load average ${p.ensemble.loadBefore} before, ${p.ensemble.loadAfter} after\n`,
    );
  }
  const pairedRatios = paired.map((p) => p.ensemble.steadyCpu / p.bare);
  const share = (pick: (t: Measured['steadyThreads']) => number) => median(paired.map((p) => pick(p.ensemble.steadyThreads) / p.bare));
  process.stdout.write(
    `  median ${median(pairedRatios).toFixed(3)}x (paired ratios ${pairedRatios.map((x) => x.toFixed(3)).join(', ')}): the worker thread ` +
      `${share((t) => t.busiest).toFixed(3)}x the bare engine's, the main thread ${(share((t) => t.main) * 100).toFixed(1)}% of it, other threads ` +
      `${(share((t) => t.rest) * 100).toFixed(1)}% (/proc's ticks of 10 ms)\n`,
  );

  // Unpaired, one process after the other (the host's drift between them included): a 1-worker ensemble of 20,000 runs
  // against the bare engine doing as many, alternating. Whole: the ensemble's process with pool start-up, the workers'
  // compiling, journal and files, against a plain process compiling the model and running it. Steady: each over the
  // second half of its runs.
  const small = Number(process.env.SCHISM_BENCH_SMALL ?? 20_000);
  const pairs: { bare: { whole: number; steady: number }; ensemble: Measured }[] = [];
  process.stdout.write(`unpaired, ${repeats} alternating repeats, medians:\n`);
  for (let r = 0; r < repeats; r++) {
    const bare = bareEngine(small);
    const ensemble = ensembleRun(small, 1, join(dir, 'cpu'));
    pairs.push({ bare, ensemble });
    process.stdout.write(
      `  repeat ${r + 1}: bare ${(bare.whole * 1e6).toFixed(0)} µs whole, ${(bare.steady * 1e6).toFixed(0)} µs steady; 1-worker ensemble ` +
        `${((ensemble.cpu / small) * 1e6).toFixed(0)} µs whole (main thread ${((ensemble.mainCpu / ensemble.cpu) * 100).toFixed(1)}%), ` +
        `${(ensemble.steadyCpu * 1e6).toFixed(0)} µs steady (${threadSplit(ensemble)}); load average ${ensemble.loadAfter}\n`,
    );
  }
  const us = (xs: number[]) => `${(median(xs) * 1e6).toFixed(0)} µs`;
  const worker = pairs.map((p) => p.ensemble.steadyThreads.busiest / p.bare.steady);
  const ratio = (pick: (p: (typeof pairs)[number]) => [number, number]) => {
    const rs = pairs.map((p) => pick(p)[0] / pick(p)[1]);
    return `${median(rs).toFixed(2)}x (repeat by repeat ${rs.map((x) => x.toFixed(2)).join(', ')})`;
  };
  process.stdout.write(
    `CPU per run unpaired, ${small} runs (each figure from its own process: the host's drift between processes is in the ratios):\n` +
      `  steady (the second half of the runs): ensemble ${us(pairs.map((p) => p.ensemble.steadyCpu))} against bare ${us(pairs.map((p) => p.bare.steady))} = ` +
      `${ratio((p) => [p.ensemble.steadyCpu, p.bare.steady])}\n` +
      `    of which the worker thread alone ${us(pairs.map((p) => p.ensemble.steadyThreads.busiest))} = ${median(worker).toFixed(2)}x the bare engine's (repeat by repeat ${worker.map((x) => x.toFixed(2)).join(', ')}), ` +
      `the main thread ${us(pairs.map((p) => p.ensemble.steadyThreads.main))}, other threads ${us(pairs.map((p) => p.ensemble.steadyThreads.rest))}\n` +
      `  whole (pool start-up, compiling, journal and files included): ensemble ${us(pairs.map((p) => p.ensemble.cpu / small))} against bare ${us(pairs.map((p) => p.bare.whole))} = ` +
      `${ratio((p) => [p.ensemble.cpu / small, p.bare.whole])}\n`,
  );

  // What the digest adds to a run, measured in one process, where alternating batches see the same machine.
  const digest = digestCost(Number(process.env.SCHISM_BENCH_BATCHES ?? 40));
  const mainShare = median(pairs.map((p) => p.ensemble.mainCpu / p.ensemble.cpu));
  process.stdout.write(
    `  in one process, alternating batches of 500 runs (the machine's drift cancels): a run digested as a worker digests it ` +
      `${(digest.digested * 1e6).toFixed(0)} µs against ${(digest.bare * 1e6).toFixed(0)} µs summary-only = ${digest.ratio.toFixed(3)}x (median of ${digest.batches} paired batches); ` +
      `with the main thread's ${(mainShare * 100).toFixed(1)}% of the ensembles' CPU above, ${(digest.ratio / (1 - mainShare)).toFixed(2)}x ` +
      `(V8's helper threads, and any difference between a worker thread and a process's main thread, left out)\n`,
  );

  // Throughput, and beside it the bare engine doing as many runs: the CPU per run of a long ensemble, its start-up spread thin.
  const by: Record<number, Measured[]> = { 1: [], 2: [] };
  const bareLong: number[] = [];
  for (let r = 0; r < repeats; r++) {
    bareLong.push(bareEngine(runs).whole);
    for (const w of [1, 2]) {
      const x = ensembleRun(runs, w, join(dir, `w${w}`));
      by[w].push(x);
      process.stdout.write(
        `  repeat ${r + 1}, ${w} worker${w > 1 ? 's' : ''}: ${x.steady.toFixed(0)} runs/s steady, ${x.wall.toFixed(1)} s wall, ${x.cpu.toFixed(1)} s CPU (main thread ${x.mainCpu.toFixed(1)} s), ` +
          `${(x.cpu / x.wall).toFixed(2)} cores used${w === 1 ? `; the second half's ${(x.steadyCpu * 1e6).toFixed(0)} µs a run: ${threadSplit(x)}` : ''}; load average ${x.loadBefore} before, ${x.loadAfter} after\n`,
      );
    }
  }
  const med = (w: number, k: 'wall' | 'steady' | 'cpu' | 'mainCpu') => median(by[w].map((x) => x[k]));
  const cores = (w: number) => med(w, 'cpu') / med(w, 'wall');
  process.stdout.write(
    `throughput: ${runs} runs per ensemble (pool, journal and files as the CLI does), chunks as the CLI makes them by default ` +
      `(${defaultChunk(runs, 1)} runs with 1 worker, ${defaultChunk(runs, 2)} with 2)\n`,
  );
  for (const w of [1, 2]) {
    process.stdout.write(
      `${w} worker${w > 1 ? 's' : ' '}: ${med(w, 'steady').toFixed(0).padStart(6)} runs/s once the first chunk has landed   ${med(w, 'wall').toFixed(2)} s wall with pool start-up   ` +
        `${med(w, 'cpu').toFixed(1)} s CPU of the whole process (all threads), ${((med(w, 'cpu') / runs) * 1e6).toFixed(0)} µs per run, ` +
        `${((med(w, 'mainCpu') / med(w, 'cpu')) * 100).toFixed(1)}% of it the main thread   ${cores(w).toFixed(2)} cores used\n`,
    );
  }
  const longRatios = by[1].map((x, r) => x.cpu / runs / bareLong[r]);
  process.stdout.write(
    `CPU per run, ${runs} runs, whole: 1-worker ensemble ${((med(1, 'cpu') / runs) * 1e6).toFixed(0)} µs against bare ${(median(bareLong) * 1e6).toFixed(0)} µs = ` +
      `${median(longRatios).toFixed(2)}x (repeat by repeat ${longRatios.map((x) => x.toFixed(2)).join(', ')}; unpaired, start-up included)\n`,
  );
  const speedUps = by[2].map((x, r) => x.steady / by[1][r].steady);
  process.stdout.write(
    `speed-up 2 vs 1 workers: ${(med(2, 'steady') / med(1, 'steady')).toFixed(2)}x steady (goal >= 1.85x; repeat by repeat ${speedUps.map((x) => x.toFixed(2)).join(', ')}), ` +
      `${(med(1, 'wall') / med(2, 'wall')).toFixed(2)}x with start-up\n`,
  );
  // The speed-up needs two idle cores: with fewer, it measures the share of a busy machine each ensemble got, not scaling.
  const free = cores(2) >= 1.7;
  process.stdout.write(
    free
      ? `the 2-worker ensemble used ${cores(2).toFixed(2)} cores: the speed-up above is 2-core scaling\n`
      : `the machine did not give two free cores (the 2-worker ensemble used ${cores(2).toFixed(2)} cores; load average ${loads()} on ${cpus().length} cores): ` +
          `the speed-up above is not 2-core scaling. The figures are CPU per run (${((med(1, 'cpu') / runs) * 1e6).toFixed(0)} µs with 1 worker, ` +
          `${((med(2, 'cpu') / runs) * 1e6).toFixed(0)} µs with 2) and cores used (${cores(1).toFixed(2)} and ${cores(2).toFixed(2)})\n`,
  );
  process.stdout.write(`load average ${load0} at the start, ${loads()} at the end, on ${cpus().length} cores\n`);

  const million = Number(process.env.SCHISM_BENCH_MILLION ?? 1_000_000);
  if (million > 0) {
    const big = ensembleChild(million, 2, join(dir, 'million'));
    if (!big.ok) process.stdout.write(`${million}-run ensemble failed: ${big.err}\n`);
    else {
      process.stdout.write(`${million} runs on 2 workers: ${big.wall.toFixed(0)} s, ${(million / big.wall).toFixed(0)} runs/s; peak RSS ${big.rssMb.toFixed(0)} MB (goal <= 500 MB), summaries streamed\n`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
}
