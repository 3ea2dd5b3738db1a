// Ensemble benchmark, on the compiled code a user runs (dist/): the CPU cost of a run inside an ensemble against the bare
// engine's (goal <= 1.15x), throughput with 2 workers against 1 (goal >= 1.85x on 200,000 runs) with the load average,
// and the peak memory of a 1,000,000-run ensemble (goal <= 500 MB) as `schism ensemble` in a child process.
// SCHISM_BENCH_RUNS sets the size of the throughput case (default 200000), SCHISM_BENCH_REPEATS its alternating repeats
// (default 3), SCHISM_BENCH_MILLION the memory case (0 skips it). The scenario is the reference one.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { compiled, ensureBuild } from './compiled.js';
import { median } from './stats.js';

const FILE = 'scenarios/sino-soviet.yaml';

type Modules = {
  runEnsemble: typeof import('../src/adapters/workers/run-ensemble.js').runEnsemble;
  buildWorld: typeof import('../src/core/analysis/counterfactuals/counterfactual-world.js').buildWorld;
  loadScenarioText: typeof import('../src/core/scenario/parse.js').loadScenarioText;
  compile: typeof import('../src/core/engine/compile.js').compile;
  runModel: typeof import('../src/core/engine/run.js').runModel;
  runStream: typeof import('../src/core/random/streams.js').runStream;
};

async function load(): Promise<Modules> {
  return {
    ...(await compiled<Pick<Modules, 'runEnsemble'>>('adapters/workers/run-ensemble.js')),
    ...(await compiled<Pick<Modules, 'buildWorld'>>('core/analysis/counterfactuals/counterfactual-world.js')),
    ...(await compiled<Pick<Modules, 'loadScenarioText'>>('core/scenario/parse.js')),
    ...(await compiled<Pick<Modules, 'compile'>>('core/engine/compile.js')),
    ...(await compiled<Pick<Modules, 'runModel'>>('core/engine/run.js')),
    ...(await compiled<Pick<Modules, 'runStream'>>('core/random/streams.js')),
  };
}

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

const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** An ensemble in this process (pool, journal and files as the CLI does): wall seconds, steady runs/s once the first chunk lands, CPU seconds of all threads. */
async function inProcess(m: Modules, runs: number, workers: number, out: string): Promise<{ wall: number; steady: number; cpu: number }> {
  const scenario = m.loadScenarioText(readFileSync(FILE, 'utf8'), FILE);
  const c0 = cpuSeconds();
  const t0 = process.hrtime.bigint();
  let first: { t: bigint; done: number } | undefined;
  await m.runEnsemble({
    world: m.buildWorld(scenario, {}), inputs: { scenario: { file: FILE, sha256: '-' }, variants: [] },
    seed: 1, runs, workers, chunk: 1000, out,
    onProgress: (done) => {
      if (done > 0 && !first) first = { t: process.hrtime.bigint(), done };
    },
  });
  const t1 = process.hrtime.bigint();
  const cpu = cpuSeconds() - c0;
  rmSync(out, { recursive: true, force: true });
  const f = first as { t: bigint; done: number } | undefined;
  return { wall: Number(t1 - t0) / 1e9, steady: f ? (runs - f.done) / (Number(t1 - f.t) / 1e9) : Number.NaN, cpu };
}

/** CPU seconds per run of the bare engine (runModel, summary only) on this thread, over `runs` runs. */
function bareEngine(m: Modules, runs: number): number {
  const model = m.compile(m.loadScenarioText(readFileSync(FILE, 'utf8'), FILE));
  const c0 = cpuSeconds();
  for (let i = 0; i < runs; i++) m.runModel(model, m.runStream(1, i));
  return (cpuSeconds() - c0) / runs;
}

/** Prints the ensemble's CPU per run against the bare engine's, throughput for 1 and 2 workers, and the million-run peak memory. */
export async function benchEnsemble(): Promise<void> {
  ensureBuild();
  const m = await load();
  const dir = mkdtempSync(join(tmpdir(), 'schism-bench-ensemble-'));
  const runs = Number(process.env.SCHISM_BENCH_RUNS ?? 200_000);
  const repeats = Number(process.env.SCHISM_BENCH_REPEATS ?? 3);
  const load0 = loadavg()[0];

  // CPU per run: a 1-worker ensemble of 20,000 runs against the bare engine, alternating, in this process.
  bareEngine(m, 2000);
  await inProcess(m, 1000, 1, join(dir, 'warm-up'));
  const small = 20_000;
  const bare: number[] = [];
  const inEnsemble: number[] = [];
  for (let r = 0; r < repeats; r++) {
    bare.push(bareEngine(m, small));
    inEnsemble.push((await inProcess(m, small, 1, join(dir, 'cpu'))).cpu / small);
  }
  process.stdout.write(`compiled code (dist/); reference scenario; ${repeats} alternating repeats, medians\n`);
  process.stdout.write(
    `CPU per run: bare engine ${(median(bare) * 1e6).toFixed(0)} µs; in a 1-worker ensemble of ${small} runs (all threads, pool start-up, journal and files included) ${(median(inEnsemble) * 1e6).toFixed(0)} µs = ${(median(inEnsemble) / median(bare)).toFixed(2)}x (goal <= 1.15x)\n`,
  );

  const by: Record<number, { wall: number; steady: number; cpu: number }[]> = { 1: [], 2: [] };
  for (let r = 0; r < repeats; r++) for (const w of [1, 2]) by[w].push(await inProcess(m, runs, w, join(dir, `w${w}`)));
  const med = (w: number, k: 'wall' | 'steady' | 'cpu') => median(by[w].map((x) => x[k]));
  process.stdout.write(`throughput: ${runs} runs per ensemble (pool, journal and files as the CLI does), chunks of 1000 (the CLI default)\n`);
  for (const w of [1, 2]) {
    process.stdout.write(`${w} worker${w > 1 ? 's' : ' '}: ${med(w, 'steady').toFixed(0).padStart(6)} runs/s once the first chunk has landed   ${med(w, 'wall').toFixed(2)} s wall with pool start-up   ${((med(w, 'cpu') / runs) * 1e6).toFixed(0)} µs CPU per run   ${(med(w, 'cpu') / med(w, 'wall')).toFixed(2)} cores used\n`);
  }
  process.stdout.write(`speed-up 2 vs 1 workers: ${(med(2, 'steady') / med(1, 'steady')).toFixed(2)}x steady (goal >= 1.85x), ${(med(1, 'wall') / med(2, 'wall')).toFixed(2)}x with start-up\n`);
  // The speed-up needs two idle cores; the load average shows whether the machine had them.
  process.stdout.write(`load average ${load0.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end, on ${cpus().length} cores\n`);

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
