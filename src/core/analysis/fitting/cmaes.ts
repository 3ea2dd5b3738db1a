// CMA-ES (Hansen 2016, "The CMA Evolution Strategy: A Tutorial") in the unit cube: a seeded, deterministic minimiser for noisy simulators.
//
// API:
//   cmaes(objective, dim, options)        -> CmaesResult   one run; the objective scores a whole generation at once
//   minimise(objective, dim, options)     -> Minimum       independent restarts from seeded starts, best and spread
// Search space: [0, 1]^dim; callers map it to their parameter bounds. Points outside the cube are mirrored back in
// before they are scored (Hansen's boundary transformation), so the distribution itself stays unconstrained.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { runStream, uniform, type RandomStream } from '../../random/streams.js';

/** Scores a generation of points (each in [0,1]^dim), returning one loss per point, in order. */
export type BatchObjective = (points: number[][]) => number[];

/** Settings of one CMA-ES run. */
export interface CmaesOptions {
  seed: number;
  /** Starting mean in [0,1]^dim; default the cube's centre. */
  x0?: number[];
  /** Starting step size, as a share of the cube's side; default 0.3. */
  sigma0?: number;
  /** Population size; default 4 + floor(3 ln dim). */
  lambda?: number;
  /** Stop after this many evaluations (checked per generation). */
  maxEvaluations: number;
  /** Stop when the best losses of the last 10 generations and this one lie within tolFun; default 1e-9. */
  tolFun?: number;
  /** Stop when the step size times the widest axis is below tolX; default 1e-7. */
  tolX?: number;
}

/** What a run found: the best point scored (mirrored into the cube), its loss, and the final search distribution. */
export interface CmaesResult {
  best: number[];
  bestLoss: number;
  evaluations: number;
  generations: number;
  /** Final mean (mirrored into the cube) and per-coordinate standard deviation of the search distribution. */
  mean: number[];
  sd: number[];
  stop: 'evaluations' | 'tolFun' | 'tolX';
}

/** Mirrors a coordinate into [0, 1] (period 2), so that every real number maps to a point of the cube. */
export function mirror(x: number): number {
  if (x >= 0 && x <= 1) return x;
  let y = x % 2;
  if (y < 0) y += 2;
  return y > 1 ? 2 - y : y;
}

/** A standard normal draw by Box-Muller from the run's stream (one pair per call; the second is discarded for simplicity). */
function normal(rng: RandomStream): number {
  const u1 = uniform(rng) || 2 ** -32;
  const u2 = uniform(rng);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * Minimises `objective` over [0,1]^dim by CMA-ES; deterministic for a given seed and a deterministic objective.
 * @example const r = cmaes((ps) => ps.map((p) => p.reduce((s, x) => s + (x - 0.3) ** 2, 0)), 3, { seed: 1, maxEvaluations: 2000 });
 */
export function cmaes(objective: BatchObjective, dim: number, options: CmaesOptions): CmaesResult {
  const n = dim;
  const rng = runStream(options.seed, 0);
  const lambda = options.lambda ?? 4 + Math.floor(3 * Math.log(n));
  const mu = Math.floor(lambda / 2);
  const rawW = Array.from({ length: mu }, (_, i) => Math.log(mu + 0.5) - Math.log(i + 1));
  const sumW = rawW.reduce((s, w) => s + w, 0);
  const w = rawW.map((x) => x / sumW);
  const mueff = 1 / w.reduce((s, x) => s + x * x, 0);
  const cc = (4 + mueff / n) / (n + 4 + (2 * mueff) / n);
  const cs = (mueff + 2) / (n + mueff + 5);
  const c1 = 2 / ((n + 1.3) ** 2 + mueff);
  const cmu = Math.min(1 - c1, (2 * (mueff - 2 + 1 / mueff)) / ((n + 2) ** 2 + mueff));
  const damps = 1 + 2 * Math.max(0, Math.sqrt((mueff - 1) / (n + 1)) - 1) + cs;
  const chiN = Math.sqrt(n) * (1 - 1 / (4 * n) + 1 / (21 * n * n));
  const tolFun = options.tolFun ?? 1e-9;
  const tolX = options.tolX ?? 1e-7;

  // The vectors are typed arrays of doubles: plain arrays change their element kind as integers give way to fractions (and
  // differ between restarts), and each change made V8 throw away and recompile this function, the objective inlined in it.
  let mean = Float64Array.from(options.x0 ?? new Array(n).fill(0.5));
  let sigma = options.sigma0 ?? 0.3;
  let C = Matrix.eye(n);
  let B = Matrix.eye(n);
  let D = new Float64Array(n).fill(1);
  const pc = new Float64Array(n);
  const ps = new Float64Array(n);
  let best: number[] = Array.from(mean, mirror);
  let bestLoss = Infinity;
  let evaluations = 0;
  let generation = 0;
  const history: number[] = [];
  let stop: CmaesResult['stop'] = 'evaluations';

  while (evaluations < options.maxEvaluations) {
    // B's entries as plain rows, read n² times per sample: Matrix.get is a method call per entry.
    const Bm = B.to2DArray().map((row) => Float64Array.from(row));
    const ys: Float64Array[] = [];
    const xs: Float64Array[] = [];
    for (let k = 0; k < lambda; k++) {
      const z = new Float64Array(n);
      for (let c = 0; c < n; c++) z[c] = normal(rng);
      const y = new Float64Array(n);
      for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) y[r] += Bm[r][c] * D[c] * z[c];
      ys.push(y);
      xs.push(mean.map((m, i) => m + sigma * y[i]));
    }
    const points = xs.map((x) => Array.from(x, mirror));
    const losses = objective(points);
    evaluations += lambda;
    generation++;
    // Ties are broken by index so that the order, and so the run, never depends on the sort's stability.
    const order = Array.from({ length: losses.length }, (_, k) => k).sort((a, b) => losses[a] - losses[b] || a - b);
    if (losses[order[0]] < bestLoss) {
      bestLoss = losses[order[0]];
      best = points[order[0]];
    }
    history.push(losses[order[0]]);

    const yw = new Float64Array(n);
    for (let i = 0; i < mu; i++) for (let r = 0; r < n; r++) yw[r] += w[i] * ys[order[i]][r];
    mean = mean.map((m, r) => m + sigma * yw[r]);

    // C^(-1/2) yw = B D^-1 B' yw
    const bty = new Float64Array(n);
    for (let c = 0; c < n; c++) for (let r = 0; r < n; r++) bty[c] += Bm[r][c] * yw[r];
    const invsqrt = new Float64Array(n);
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) invsqrt[r] += (Bm[r][c] * bty[c]) / D[c];
    const csn = Math.sqrt(cs * (2 - cs) * mueff);
    for (let r = 0; r < n; r++) ps[r] = (1 - cs) * ps[r] + csn * invsqrt[r];
    const psNorm = Math.sqrt(ps.reduce((s, x) => s + x * x, 0));
    const hsig = psNorm / Math.sqrt(1 - (1 - cs) ** (2 * generation)) / chiN < 1.4 + 2 / (n + 1) ? 1 : 0;
    const ccn = Math.sqrt(cc * (2 - cc) * mueff);
    for (let r = 0; r < n; r++) pc[r] = (1 - cc) * pc[r] + hsig * ccn * yw[r];

    const next = new Matrix(n, n);
    const keep = 1 - c1 - cmu + (1 - hsig) * c1 * cc * (2 - cc);
    for (let r = 0; r < n; r++) {
      for (let c = 0; c <= r; c++) {
        let rankMu = 0;
        for (let i = 0; i < mu; i++) rankMu += w[i] * ys[order[i]][r] * ys[order[i]][c];
        const v = keep * C.get(r, c) + c1 * pc[r] * pc[c] + cmu * rankMu;
        next.set(r, c, v);
        next.set(c, r, v);
      }
    }
    C = next;
    sigma *= Math.exp((cs / damps) * (psNorm / chiN - 1));
    const eig = new EigenvalueDecomposition(C, { assumeSymmetric: true });
    B = eig.eigenvectorMatrix;
    D = Float64Array.from(eig.realEigenvalues, (l) => Math.sqrt(Math.max(l, 1e-20)));

    const recent = history.slice(-11);
    if (recent.length === 11 && Math.max(...recent) - Math.min(...recent) <= tolFun && Math.max(...losses) - Math.min(...losses) <= tolFun) {
      stop = 'tolFun';
      break;
    }
    if (sigma * Math.max(...D) < tolX) {
      stop = 'tolX';
      break;
    }
  }
  const sd = Array.from({ length: n }, (_, r) => sigma * Math.sqrt(C.get(r, r)));
  return { best, bestLoss, evaluations, generations: generation, mean: Array.from(mean, mirror), sd, stop };
}

/** Settings of a minimisation with restarts. */
export interface MinimiseOptions extends Omit<CmaesOptions, 'x0' | 'seed'> {
  seed: number;
  /** Independent runs from seeded random starts; default 3. The first starts from `x0` (or the centre) if given. */
  restarts?: number;
  x0?: number[];
}

/** The best point over all restarts, every restart's result, and the spread of the restarts' best points. */
export interface Minimum {
  best: number[];
  bestLoss: number;
  evaluations: number;
  runs: CmaesResult[];
  /** Per coordinate: standard deviation of the restarts' best points (0 with one restart). */
  spread: number[];
}

/**
 * Restart r of a minimisation on its own (seed mix (seed, r), and for r > 0 the r-th seeded random start), so that restarts
 * can run on different workers and still give what `minimise` gives.
 * @example const runs = [0, 1].map((r) => minimiseRestart(batch, 4, options, r)); combineRestarts(runs);
 */
export function minimiseRestart(objective: BatchObjective, dim: number, options: MinimiseOptions, r: number): CmaesResult {
  const starts = runStream(options.seed, 1_000_003);
  let x0 = options.x0 ?? new Array(dim).fill(0.5);
  for (let k = 1; k <= r; k++) x0 = Array.from({ length: dim }, () => 0.15 + 0.7 * uniform(starts));
  return cmaes(objective, dim, { ...options, seed: (options.seed * 7919 + r) >>> 0, x0 });
}

/** The best of the restarts' results (the first on ties), with the spread of their best points. */
export function combineRestarts(runs: CmaesResult[]): Minimum {
  let bestRun = runs[0];
  for (const run of runs) if (run.bestLoss < bestRun.bestLoss) bestRun = run;
  const dim = bestRun.best.length;
  const spread = Array.from({ length: dim }, (_, i) => {
    const xs = runs.map((run) => run.best[i]);
    const m = xs.reduce((s, x) => s + x, 0) / xs.length;
    return xs.length > 1 ? Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1)) : 0;
  });
  return { best: bestRun.best, bestLoss: bestRun.bestLoss, evaluations: runs.reduce((s, run) => s + run.evaluations, 0), runs, spread };
}

/**
 * Runs CMA-ES `restarts` times (restart r uses seed mix (seed, r) and a seeded random start) and keeps the best.
 * @example const m = minimise(batch, 4, { seed: 1, restarts: 3, maxEvaluations: 500 }); m.best; m.spread;
 */
export function minimise(objective: BatchObjective, dim: number, options: MinimiseOptions): Minimum {
  const restarts = options.restarts ?? 3;
  return combineRestarts(Array.from({ length: restarts }, (_, r) => minimiseRestart(objective, dim, options, r)));
}
