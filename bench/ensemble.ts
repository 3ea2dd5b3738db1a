// Ensemble benchmark: throughput with 2 workers against 1 (goal >= 1.85x) and the peak memory of a 1,000,000-run ensemble (goal <= 500 MB).
// Set SCHISM_BENCH_MILLION=N to change the size of the memory case (e.g. 100000 for a quick look); the scenario is the reference one.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWorld } from '../src/core/analysis/counterfactual-world.js';
import { loadScenarioText } from '../src/core/scenario/parse.js';
import { runEnsemble } from '../src/adapters/workers/run-ensemble.js';
import { median } from './stats.js';

const FILE = 'scenarios/sino-soviet.yaml';

/** Runs `runs` runs on `workers` threads; returns whole wall seconds and steady-state runs per second (after the first chunk lands, so that pool start-up is left out). */
async function timeEnsemble(workers: number, runs: number, dir: string): Promise<{ wall: number; steady: number; cpu: number }> {
  const scenario = loadScenarioText(readFileSync(FILE, 'utf8'), FILE);
  const out = join(dir, `w${workers}-${Math.random().toString(36).slice(2)}`);
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let first: { t: bigint; done: number } | null = null;
  await runEnsemble({
    world: buildWorld(scenario, {}),
    inputs: { scenario: { file: FILE, sha256: '-' }, variants: [] },
    seed: 1, runs, workers, chunk: 250, out,
    onProgress: (done) => {
      if (done > 0 && !first) first = { t: process.hrtime.bigint(), done };
    },
  });
  const t1 = process.hrtime.bigint();
  const c = process.cpuUsage(c0);
  rmSync(out, { recursive: true, force: true });
  const f = first as { t: bigint; done: number } | null;
  return { wall: Number(t1 - t0) / 1e9, steady: f ? (runs - f.done) / (Number(t1 - f.t) / 1e9) : Number.NaN, cpu: (c.user + c.system) / 1e6 };
}

/** Prints throughput for 1 and 2 workers (medians of alternating repeats) and the peak RSS of a million-run ensemble run in a child process. */
export async function benchEnsemble(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'schism-bench-ensemble-'));
  const runs = 6000;
  const one: number[] = [];
  const two: number[] = [];
  const wall1: number[] = [];
  const wall2: number[] = [];
  const cpu1: number[] = [];
  const cpu2: number[] = [];
  const load0 = loadavg()[0];
  for (let r = 0; r < 3; r++) {
    const a = await timeEnsemble(1, runs, dir);
    const b = await timeEnsemble(2, runs, dir);
    one.push(a.steady);
    two.push(b.steady);
    wall1.push(a.wall);
    wall2.push(b.wall);
    cpu1.push(a.cpu);
    cpu2.push(b.cpu);
  }
  const m1 = median(one);
  const m2 = median(two);
  process.stdout.write(`reference scenario, ${runs} runs per ensemble, chunks of 250, 3 alternating repeats (medians)\n`);
  process.stdout.write(`1 worker : ${m1.toFixed(0).padStart(7)} runs/s steady   ${median(wall1).toFixed(2)} s wall with pool start-up\n`);
  process.stdout.write(`2 workers: ${m2.toFixed(0).padStart(7)} runs/s steady   ${median(wall2).toFixed(2)} s wall with pool start-up\n`);
  process.stdout.write(`speed-up 2 vs 1 workers: ${(m2 / m1).toFixed(2)}x steady (goal >= 1.85x), ${(median(wall1) / median(wall2)).toFixed(2)}x wall\n`);
  // The wall-clock speed-up needs two idle cores; CPU seconds show whether parallelism itself costs anything.
  const share = (cpu: number[], wall: number[]) => (median(cpu) / median(wall)).toFixed(2);
  process.stdout.write(`CPU per run: ${((median(cpu1) / runs) * 1e3).toFixed(2)} ms with 1 worker, ${((median(cpu2) / runs) * 1e3).toFixed(2)} ms with 2 (ratio ${(median(cpu2) / median(cpu1)).toFixed(2)}); cores used: ${share(cpu1, wall1)} and ${share(cpu2, wall2)}; load average ${load0.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end on ${cpus().length} cores\n`);

  const million = Number(process.env.SCHISM_BENCH_MILLION ?? 1_000_000);
  const out = join(dir, 'million');
  const t0 = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/ensemble-peak-rss.ts', 'ensemble', FILE, '--runs', String(million), '--workers', '2', '--quiet', '--out', out], { encoding: 'utf8' });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const rss = /peak-rss-kib (\d+)/.exec(child.stderr);
  if (child.status !== 0 || !rss) {
    process.stdout.write(`million-run ensemble failed (exit ${child.status}): ${child.stderr.slice(-2000)}\n`);
  } else {
    const mb = Number(rss[1]) / 1024;
    const size = (name: string) => (spawnSync('du', ['-sm', join(out, name)], { encoding: 'utf8' }).stdout.split('\t')[0] ?? '?');
    process.stdout.write(`${million} runs on 2 workers in a child process: ${secs.toFixed(0)} s, ${(million / secs).toFixed(0)} runs/s; peak RSS ${mb.toFixed(0)} MB (goal <= 500 MB); runs.csv ${size('runs.csv')} MB, cooperation.csv ${size('cooperation.csv')} MB on disk\n`);
  }
  rmSync(dir, { recursive: true, force: true });
}
