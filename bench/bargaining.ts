// Bargaining bench: SMP cost per turn over actors × dimensions with its fitted order of growth, and smpc --logmin side by side.
// smpc needs KTAB_SMPC and KTAB_DATA (KTAB's examples/smp/doc); without them that half is skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStream, uniform } from '../src/core/random/streams.js';
import { SMP_DEFAULTS, smpSetup, smpTurn } from '../src/core/bargaining/smp.js';
import { compare, runOurs, runSmpc } from './ktab-compare.js';
import { median, timeBatches } from './stats.js';

const ACTORS = [10, 40, 80, 200];
const DIMS = [1, 3, 6, 10];

/** A random SMP problem as KTAB's randomSMP draws one: capability 10–200, positions uniform, total salience 0.75–0.99. */
export function generatedProblem(n: number, dims: number, seed: number) {
  const rng = runStream(seed, n * 100 + dims);
  const cap: number[] = [];
  const sal: number[][] = [];
  const pos = new Float64Array(n * dims);
  for (let i = 0; i < n; i++) {
    cap.push(10 + 190 * uniform(rng));
    const total = 0.75 + 0.24 * uniform(rng);
    const raw = Array.from({ length: dims }, () => 0.1 + 0.9 * uniform(rng));
    const sum = raw.reduce((a, b) => a + b, 0);
    sal.push(raw.map((s) => (total * s) / sum));
    for (let d = 0; d < dims; d++) pos[i * dims + d] = uniform(rng);
  }
  return { setup: smpSetup(cap, sal), pos };
}

/** Least-squares slope of log(time) on log(n): the exponent b in time ∝ n^b. */
export function growthExponent(ns: number[], times: number[]): number {
  const x = ns.map(Math.log);
  const y = times.map(Math.log);
  const mx = x.reduce((a, b) => a + b, 0) / x.length;
  const my = y.reduce((a, b) => a + b, 0) / y.length;
  let num = 0;
  let den = 0;
  x.forEach((xi, k) => {
    num += (xi - mx) * (y[k] - my);
    den += (xi - mx) ** 2;
  });
  return num / den;
}

function perTurnTable(): string {
  const ms: number[][] = ACTORS.map((n) => DIMS.map((d) => {
    const { setup, pos } = generatedProblem(n, d, 2017);
    const repeats = n >= 200 ? 3 : 5;
    const batch = n <= 10 ? 50 : n <= 40 ? 5 : 1;
    return median(timeBatches(() => smpTurn(setup, pos, SMP_DEFAULTS), batch, repeats)) * 1000;
  }));
  const fmt = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
  const lines = [
    'SMP cost per turn (ms, median CPU time; KTAB defaults; generated inputs, seed 2017)',
    `| actors \\ dims | ${DIMS.join(' | ')} |`, `|---|${DIMS.map(() => '---').join('|')}|`,
    ...ACTORS.map((n, a) => `| ${n} | ${ms[a].map(fmt).join(' | ')} |`),
    `| fitted b in time ∝ n^b (n = 40…200) | ${DIMS.map((_, d) => growthExponent(ACTORS.slice(1), ACTORS.slice(1).map((__, a) => ms[a + 1][d])).toFixed(2)).join(' | ')} |`,
  ];
  return `${lines.join('\n')}\n`;
}

/** Wall time of the whole `schism bargain --model smp` process on a CSV. */
function schismProcessSeconds(csv: string): number {
  const out = mkdtempSync(join(tmpdir(), 'schism-bench-'));
  try {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['bin/schism.js', 'bargain', csv, '--model', 'smp', '--out', join(out, 'r')], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return Number(process.hrtime.bigint() - t0) / 1e9;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function smpcTable(): string {
  const smpc = process.env.KTAB_SMPC;
  const data = process.env.KTAB_DATA;
  if (!smpc || !data) return 'smpc side by side skipped: set KTAB_SMPC and KTAB_DATA.\n';
  const repeats = Number(process.env.KTAB_BENCH_REPEATS ?? 3);
  const cases = ['dummyData_6Dim.csv', 'dummyData-a040.csv', ...(process.env.KTAB_BENCH_A080 ? ['dummyData-a080.csv'] : [])];
  const lines = [
    `smpc --logmin vs schism SMP on identical input, same turns (medians of ${repeats})`,
    '| case | turns | smpc process (s) | schism in-process (s) | ratio | schism process (s) | ratio | positions |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const file of cases) {
    const csv = join(data, file);
    if (!existsSync(csv)) continue;
    const k = Array.from({ length: repeats }, () => runSmpc(smpc, csv, process.env.KTAB_LOGGER));
    runOurs(csv); // warm-up: the JIT compiles on the first run
    const o = Array.from({ length: Math.max(5, repeats) }, () => runOurs(csv));
    const p = Array.from({ length: repeats }, () => schismProcessSeconds(csv));
    const c = compare(k[0].positions, o[0].positions);
    const ks = median(k.map((r) => r.seconds));
    const os = median(o.map((r) => r.seconds));
    const ps = median(p);
    lines.push(`| ${file.replace('.csv', '')} | ${c.statesKtab - 1} / ${c.statesOurs - 1} | ${ks.toFixed(2)} | ${os.toFixed(4)} | ${(ks / os).toFixed(0)}× | ${ps.toFixed(2)} | ${(ks / ps).toFixed(1)}× | ${c.firstOff < 0 && c.statesKtab === c.statesOurs ? `same (max diff ${c.maxDiff.toExponential(0)})` : 'differ'} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** The bargaining bench: prints both tables. */
export async function benchBargaining(): Promise<void> {
  process.stdout.write(perTurnTable());
  process.stdout.write('\n');
  process.stdout.write(smpcTable());
}

if (process.argv[1]?.endsWith('bargaining.ts')) await benchBargaining();
