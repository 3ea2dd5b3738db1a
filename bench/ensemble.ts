// Ensemble benchmark: throughput with 2 workers against 1 (goal >= 1.85x) and the peak memory of a 1,000,000-run ensemble (goal <= 500 MB).
// Every ensemble runs as `schism ensemble` in a child process, as a user would run it. SCHISM_BENCH_MILLION=N changes the size
// of the memory case (e.g. 100000 for a quick look); SCHISM_BENCH_RUNS the size of the throughput case. The scenario is the reference one.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** Prints throughput for 1 and 2 workers (medians of alternating repeats) and the peak RSS of a million-run ensemble. */
export async function benchEnsemble(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'schism-bench-ensemble-'));
  const runs = Number(process.env.SCHISM_BENCH_RUNS ?? 8000);
  const load0 = loadavg()[0];
  const by: Record<number, ChildRun[]> = { 1: [], 2: [] };
  const startup: Record<number, ChildRun[]> = { 1: [], 2: [] };
  for (let r = 0; r < 3; r++) {
    for (const w of [1, 2]) {
      // A one-run ensemble measures start-up (loading, compiling, starting the pool, writing), which the throughput leaves out.
      const s = ensembleChild(1, w, join(dir, `s${w}`));
      const c = ensembleChild(runs, w, join(dir, `w${w}`));
      if (!c.ok || !s.ok) {
        process.stdout.write(`ensemble with ${w} worker(s) failed: ${c.err}${s.err}\n`);
        return;
      }
      by[w].push(c);
      startup[w].push(s);
    }
  }
  const wall = (w: number) => median(by[w].map((c) => c.wall));
  const cpu = (w: number) => median(by[w].map((c) => c.cpu));
  const rate = (w: number) => runs / (wall(w) - median(startup[w].map((c) => c.wall)));
  process.stdout.write(`reference scenario, ${runs} runs per ensemble, schism ensemble in a child process, 3 alternating repeats, medians\n`);
  for (const w of [1, 2]) {
    process.stdout.write(`${w} worker${w > 1 ? 's' : ' '}: ${rate(w).toFixed(0).padStart(6)} runs/s after start-up (${median(startup[w].map((c) => c.wall)).toFixed(2)} s)   ${wall(w).toFixed(2)} s wall in all   ${((cpu(w) / runs) * 1e3).toFixed(2)} ms CPU per run   ${(cpu(w) / wall(w)).toFixed(2)} cores used\n`);
  }
  process.stdout.write(`speed-up 2 vs 1 workers: ${(rate(2) / rate(1)).toFixed(2)}x after start-up (goal >= 1.85x), ${(wall(1) / wall(2)).toFixed(2)}x in all; CPU per run 2 vs 1: ${(cpu(2) / cpu(1)).toFixed(2)}x\n`);
  // The wall-clock speed-up needs two idle cores; the load average shows whether the machine had them.
  process.stdout.write(`load average ${load0.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end, on ${cpus().length} cores\n`);

  const million = Number(process.env.SCHISM_BENCH_MILLION ?? 1_000_000);
  const big = ensembleChild(million, 2, join(dir, 'million'));
  if (!big.ok) process.stdout.write(`${million}-run ensemble failed: ${big.err}\n`);
  else {
    process.stdout.write(`${million} runs on 2 workers: ${big.wall.toFixed(0)} s, ${(million / big.wall).toFixed(0)} runs/s; peak RSS ${big.rssMb.toFixed(0)} MB (goal <= 500 MB), summaries streamed\n`);
  }
  rmSync(dir, { recursive: true, force: true });
}
