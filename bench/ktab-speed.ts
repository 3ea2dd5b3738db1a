// schism's SMP against KTAB's smpc, like with like: model against model (both warm, KTAB's logging minimal), whole
// process against whole process (both compiled, start-up included), and the scaling curves of both over actors and
// dimensions, with positions compared turn by turn everywhere. Needs KTAB_SMPC (a built smpc) and KTAB_DATA (KTAB's
// examples/smp/doc); KTAB is built outside the project. KTAB_BENCH_REPEATS (default 3) repeats; KTAB_BENCH_MAX_SECONDS
// (default 60) skips smpc scaling cells expected to take longer than that; KTAB_BENCH_PARTS=reference or
// scaling runs one half; KTAB_BENCH_DIMS the dimensions of the scaling curves (default 1,3,10).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedProblem } from './bargaining.js';
import { ensureBuild } from './compiled.js';
import { compare, runOurs, runSmpc, type Positions } from './ktab-compare.js';
import { median } from './stats.js';

/** CPU (user + system) and wall seconds of a whole child process, as the shell's `time` reports them. */
export interface ProcessTime {
  cpu: number;
  wall: number;
}

/** Runs a command to completion and returns its CPU and wall seconds (bash's `time`: the child's own rusage). */
export function timeProcess(cmd: string, args: string[], cwd?: string, env?: NodeJS.ProcessEnv): ProcessTime {
  const r = spawnSync('bash', ['-c', 'TIMEFORMAT="%3U %3S %3R"; { time "$@" >/dev/null 2>"$SCHISM_BENCH_ERR"; } 2>&1', '_', cmd, ...args], {
    cwd,
    env: { ...(env ?? process.env), SCHISM_BENCH_ERR: '/dev/null' },
    encoding: 'utf8',
  });
  const m = /([\d.]+) ([\d.]+) ([\d.]+)\s*$/.exec(r.stdout);
  if (r.status !== 0 || !m) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stdout}${r.stderr}`);
  return { cpu: Number(m[1]) + Number(m[2]), wall: Number(m[3]) };
}

/**
 * `schism bargain --model smp` on a CSV as a user runs it: bin/schism.js, with its check that dist/ is current (about
 * 10 ms of CPU), then the bundled CLI in dist/cli/. ensureBuild() has built dist/ first.
 */
function schismProcess(csv: string): ProcessTime {
  const out = mkdtempSync(join(tmpdir(), 'schism-bench-'));
  try {
    return timeProcess(process.execPath, ['bin/schism.js', 'bargain', csv, '--model', 'smp', '--out', join(out, 'r')], undefined, userEnv());
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The environment without a request to run the source (SCHISM_FROM_SOURCE), so that bin/schism.js runs dist/. */
function userEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.SCHISM_FROM_SOURCE;
  return env;
}

/** smpc --logmin on a CSV: its whole-process times, and the positions it stored. */
function smpcProcess(smpc: string, csv: string): ProcessTime & { positions: Positions } {
  let times: ProcessTime = { cpu: 0, wall: 0 };
  const { positions } = runSmpc(smpc, csv, process.env.KTAB_LOGGER, (cmd, args, cwd) => {
    times = timeProcess(cmd, args, cwd);
  });
  return { ...times, positions };
}

/** Our SMP, warm: the median CPU seconds of `repeats` model runs after one warm-up, in this process. */
function oursWarm(csv: string, repeats: number): { seconds: number; positions: Positions } {
  const first = runOurs(csv);
  const s = Array.from({ length: repeats }, () => runOurs(csv).cpu);
  return { seconds: median(s), positions: first.positions };
}

/** A generated SMP problem written as a KTAB CSV (capabilities, positions and saliences as KTAB's randomSMP draws them). */
export function generatedCsv(n: number, dims: number, seed: number): string {
  const { cap, sal, pos } = generatedProblem(n, dims, seed);
  const head = Array.from({ length: dims }, (_, d) => `Pstn${d + 1},Sal${d + 1}`).join(',');
  const rows = cap.map((c, i) => `A${String(i).padStart(3, '0')},generated,${c.toFixed(3)},${Array.from({ length: dims }, (_, d) => `${(pos[i * dims + d] * 100).toFixed(2)},${(sal[i][d] * 100).toFixed(2)}`).join(',')},`);
  return `Gen-${n}x${dims},"generated, seed ${seed}",${n},${dims},\nActor,Description,Power,${head},\n${rows.join('\n')}\n`;
}

const agree = (k: Positions, o: Positions) => {
  const c = compare(k, o);
  return c.firstOff < 0 && c.statesKtab === c.statesOurs ? `same (${c.statesOurs - 1} turns, max diff ${c.maxDiff.toExponential(0)})` : `**differ** (turns ${c.statesKtab - 1} / ${c.statesOurs - 1}, first off at ${c.firstOff})`;
};

const s = (x: number) => (x < 0.1 ? `${(x * 1000).toFixed(1)} ms` : `${x.toFixed(2)} s`);

/** Model against model and process against process on KTAB's two reference inputs. */
function referenceCases(smpc: string, data: string, repeats: number): string {
  // smpc's own start-up and database set-up, measured on the smallest input: subtracted to estimate its model time.
  const dir = mkdtempSync(join(tmpdir(), 'schism-ktab-'));
  const tiny = join(dir, 'tiny.csv');
  writeFileSync(tiny, generatedCsv(3, 1, 2017)); // smpc refuses fewer than 3 actors
  const base = median(Array.from({ length: repeats }, () => smpcProcess(smpc, tiny).cpu));
  const baseOurs = median(Array.from({ length: repeats }, () => schismProcess(tiny).cpu));
  rmSync(dir, { recursive: true, force: true });
  const lines = [
    `Start-up (the whole process on a 3-actor, 1-dimension input): smpc --logmin ${s(base)} CPU, compiled schism bargain ${s(baseOurs)} CPU.`,
    '',
    'Model against model (CPU; KTAB: smpc --logmin minus its start-up above, the least logging smpc offers; schism: the SMP run in process after one warm-up)',
    '| case | KTAB model | schism model (warm) | ratio | positions |',
    '|---|---|---|---|---|',
  ];
  const whole = [
    'Whole process against whole process (both compiled, start-up included; medians)',
    '| case | smpc --logmin CPU / wall | schism bargain --model smp CPU / wall | ratio CPU | ratio wall |',
    '|---|---|---|---|---|',
  ];
  for (const [name, file] of [['27 × 6 (dummyData_6Dim)', 'dummyData_6Dim.csv'], ['40 × 1 (dummyData-a040)', 'dummyData-a040.csv']]) {
    const csv = join(data, file);
    if (!existsSync(csv)) continue;
    const k = Array.from({ length: repeats }, () => smpcProcess(smpc, csv));
    const p = Array.from({ length: repeats }, () => schismProcess(csv));
    const o = oursWarm(csv, repeats);
    const kc = median(k.map((r) => r.cpu));
    const kw = median(k.map((r) => r.wall));
    const pc = median(p.map((r) => r.cpu));
    const pw = median(p.map((r) => r.wall));
    lines.push(`| ${name} | ${s(kc - base)} | ${s(o.seconds)} | ${((kc - base) / o.seconds).toFixed(0)}× | ${agree(k[0].positions, o.positions)} |`);
    whole.push(`| ${name} | ${s(kc)} / ${s(kw)} | ${s(pc)} / ${s(pw)} | **${(kc / pc).toFixed(1)}×** | ${(kw / pw).toFixed(1)}× |`);
  }
  return `${lines.join('\n')}\n\n${whole.join('\n')}\n`;
}

/** Both scaling curves on generated inputs: smpc and schism whole process, and schism's model warm; rows printed as they come. */
function scaling(smpc: string, maxSeconds: number): void {
  const ACTORS = [10, 20, 40, 80, 160];
  const DIMS = (process.env.KTAB_BENCH_DIMS ?? '1,3,10').split(',').map(Number);
  const dir = mkdtempSync(join(tmpdir(), 'schism-ktab-'));
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say(`Scaling on generated inputs (seed 2017; one run per cell; CPU seconds; smpc cells expected over ${maxSeconds} s skipped)`);
  say('| actors × dims | smpc process | schism process | schism model (warm) | smpc / schism process | positions |');
  say('|---|---|---|---|---|---|');
  try {
    const last = new Map<number, number>();
    for (const d of DIMS) {
      for (const n of ACTORS) {
        const csv = join(dir, `gen-${n}x${d}.csv`);
        writeFileSync(csv, generatedCsv(n, d, 2017));
        const o = oursWarm(csv, n >= 80 ? 1 : 3);
        const p = schismProcess(csv);
        // smpc grows about as n^4 (its calcUtils); skip a cell whose estimate from the previous one is over budget.
        const prev = last.get(d);
        const estimate = prev === undefined ? 0 : prev * 16;
        let kCell = `skipped (about ${estimate.toFixed(0)} s expected)`;
        let ratio = '–';
        let pos = '–';
        if (estimate <= maxSeconds) {
          const k = smpcProcess(smpc, csv);
          last.set(d, k.cpu);
          kCell = s(k.cpu);
          ratio = `${(k.cpu / p.cpu).toFixed(1)}×`;
          pos = agree(k.positions, o.positions);
        } else last.set(d, estimate);
        say(`| ${n} × ${d} | ${kCell} | ${s(p.cpu)} | ${s(o.seconds)} | ${ratio} | ${pos} |`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints the three comparisons, with the load average they ran under. */
export async function benchKtabSpeed(): Promise<void> {
  const smpc = process.env.KTAB_SMPC;
  const data = process.env.KTAB_DATA;
  if (!smpc || !data) {
    process.stdout.write('KTAB speed comparison skipped: set KTAB_SMPC and KTAB_DATA.\n');
    return;
  }
  ensureBuild();
  const repeats = Number(process.env.KTAB_BENCH_REPEATS ?? 3);
  const load0 = loadavg()[0];
  // KTAB_BENCH_PARTS=reference or scaling runs one half only.
  const parts = (process.env.KTAB_BENCH_PARTS ?? 'reference,scaling').split(',');
  if (parts.includes('reference')) process.stdout.write(`${referenceCases(smpc, data, repeats)}\n`);
  if (parts.includes('scaling')) scaling(smpc, Number(process.env.KTAB_BENCH_MAX_SECONDS ?? 60));
  process.stdout.write(`load average ${load0.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end\n`);
}
