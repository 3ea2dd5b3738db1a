// Ensemble benchmark: throughput with 2 workers against 1 (goal >= 1.85x) and the peak memory of a 1,000,000-run ensemble (goal <= 500 MB).
// Throughput is measured in this process (the pool, journal and files the CLI uses); the million-run case runs as `schism ensemble` in a
// child process that reports its own peak RSS. SCHISM_BENCH_MILLION=N changes the size of the memory case (e.g. 100000 for a quick
// look); SCHISM_BENCH_RUNS the size of the throughput case. The scenario is the reference one.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEnsemble } from '../src/adapters/workers/run-ensemble.js';
import { buildWorld } from '../src/core/analysis/counterfactuals/counterfactual-world.js';
import { loadScenarioText } from '../src/core/scenario/parse.js';
import { median } from './stats.js';

const FILE = 'scenarios/sino-soviet.yaml';

interface ChildRun {
  ok: boolean;
  wall: number;
  cpu: number;
  rssMb: number;
  err: string;
}

/** Runs `schism ensemble` in a child process; returns wall and CPU seconds and peak RSS. */
function ensembleChild(runs: number, workers: number, out: string): ChildRun {
  const t0 = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/ensemble-child.ts', 'ensemble', FILE, '--runs', String(runs), '--workers', String(workers), '--chunk', '250', '--quiet', '--out', out], { encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = /peak-rss-kib (\d+) cpu-us (\d+)/.exec(child.stderr);
  rmSync(out, { recursive: true, force: true });
  return { ok: child.status === 0 && m !== null, wall, cpu: m ? Number(m[2]) / 1e6 : Number.NaN, rssMb: m ? Number(m[1]) / 1024 : Number.NaN, err: child.stderr.slice(-1500) };
}

/** Runs an ensemble in this process (pool, journal and files as the CLI does); returns wall seconds, steady runs/s after the first chunk lands, and CPU seconds of all threads. */
async function inProcess(runs: number, workers: number, out: string): Promise<{ wall: number; steady: number; cpu: number }> {
  const scenario = loadScenarioText(readFileSync(FILE, 'utf8'), FILE);
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let first: { t: bigint; done: number } | undefined;
  await runEnsemble({
    world: buildWorld(scenario, {}), inputs: { scenario: { file: FILE, sha256: '-' }, variants: [] },
    seed: 1, runs, workers, chunk: 1000, out,
    onProgress: (done) => {
      if (done > 0 && !first) first = { t: process.hrtime.bigint(), done };
    },
  });
  const t1 = process.hrtime.bigint();
  const c = process.cpuUsage(c0);
  rmSync(out, { recursive: true, force: true });
  const f = first as { t: bigint; done: number } | undefined;
  return { wall: Number(t1 - t0) / 1e9, steady: f ? (runs - f.done) / (Number(t1 - f.t) / 1e9) : Number.NaN, cpu: (c.user + c.system) / 1e6 };
}

/** Prints throughput for 1 and 2 workers (medians of alternating repeats) and the peak RSS of a million-run ensemble in a child process. */
export async function benchEnsemble(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'schism-bench-ensemble-'));
  const runs = Number(process.env.SCHISM_BENCH_RUNS ?? 16000);
  const load0 = loadavg()[0];
  const by: Record<number, { wall: number; steady: number; cpu: number }[]> = { 1: [], 2: [] };
  await inProcess(500, 2, join(dir, 'warm-up'));
  for (let r = 0; r < 3; r++) for (const w of [1, 2]) by[w].push(await inProcess(runs, w, join(dir, `w${w}`)));
  const med = (w: number, k: 'wall' | 'steady' | 'cpu') => median(by[w].map((x) => x[k]));
  process.stdout.write(`reference scenario, ${runs} runs per ensemble (pool, journal and files as the CLI does), chunks of 1000 (the CLI default), 3 alternating repeats, medians\n`);
  for (const w of [1, 2]) {
    process.stdout.write(`${w} worker${w > 1 ? 's' : ' '}: ${med(w, 'steady').toFixed(0).padStart(6)} runs/s once the first chunk has landed   ${med(w, 'wall').toFixed(2)} s wall with pool start-up   ${((med(w, 'cpu') / runs) * 1e3).toFixed(2)} ms CPU per run   ${(med(w, 'cpu') / med(w, 'wall')).toFixed(2)} cores used\n`);
  }
  process.stdout.write(`speed-up 2 vs 1 workers: ${(med(2, 'steady') / med(1, 'steady')).toFixed(2)}x steady (goal >= 1.85x), ${(med(1, 'wall') / med(2, 'wall')).toFixed(2)}x with start-up\n`);
  // The speed-up needs two idle cores; the load average shows whether the machine had them.
  process.stdout.write(`load average ${load0.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end, on ${cpus().length} cores\n`);

  const million = Number(process.env.SCHISM_BENCH_MILLION ?? 1_000_000);
  const big = ensembleChild(million, 2, join(dir, 'million'));
  if (!big.ok) process.stdout.write(`${million}-run ensemble failed: ${big.err}\n`);
  else {
    process.stdout.write(`${million} runs on 2 workers: ${big.wall.toFixed(0)} s, ${(million / big.wall).toFixed(0)} runs/s; peak RSS ${big.rssMb.toFixed(0)} MB (goal <= 500 MB), summaries streamed\n`);
  }
  rmSync(dir, { recursive: true, force: true });
}
