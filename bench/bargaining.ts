// Bargaining bench: SMP cost per turn over actors × dimensions with its fitted order of growth, then schism against KTAB's
// smpc (bench/ktab-speed.ts), which needs KTAB_SMPC and KTAB_DATA (KTAB's examples/smp/doc) and is skipped without them.
import { runStream, uniform } from '../src/core/random/streams.js';
import { SMP_DEFAULTS, smpSetup, smpTurn } from '../src/core/bargaining/smp.js';
import { benchKtabSpeed } from './ktab-speed.js';
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
  return { setup: smpSetup(cap, sal), pos, cap, sal };
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

/** The bargaining bench: the cost per turn, then schism against KTAB's smpc (bench/ktab-speed.ts). */
export async function benchBargaining(): Promise<void> {
  process.stdout.write(perTurnTable());
  process.stdout.write('\n');
  await benchKtabSpeed();
}

if (process.argv[1]?.endsWith('bargaining.ts')) await benchBargaining();
