// CMA-ES on known optima (sphere, Rosenbrock, a noisy quadratic), against fmin's Nelder-Mead as an oracle, and its determinism.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nelderMead } from 'fmin/src/nelderMead.js';
import { runStream, uniform } from '../../random/streams.js';
import { cmaes, minimise, mirror, type BatchObjective } from './cmaes.js';

const batch = (f: (x: number[]) => number): BatchObjective => (ps) => ps.map(f);
const sphere = (c: number[]) => (x: number[]) => x.reduce((s, xi, i) => s + (xi - c[i]) ** 2, 0);
/** Rosenbrock on [-2, 2]^n mapped to the unit cube; its minimum (1, ..., 1) sits at 0.75 in every coordinate. */
const rosenbrock = (u: number[]) => {
  const x = u.map((v) => 4 * v - 2);
  let s = 0;
  for (let i = 0; i + 1 < x.length; i++) s += 100 * (x[i + 1] - x[i] * x[i]) ** 2 + (1 - x[i]) ** 2;
  return s;
};
const maxAbs = (a: number[], b: number[]) => Math.max(...a.map((x, i) => Math.abs(x - b[i])));

test('mirror folds every real number into [0, 1]', () => {
  assert.deepEqual([-0.25, 0.4, 1.25, 2.5, -1.5].map(mirror), [0.25, 0.4, 0.75, 0.5, 0.5]);
});

test('finds the centre of a 10-dimensional sphere to 1e-4', () => {
  const c = Array.from({ length: 10 }, (_, i) => 0.1 + 0.08 * i);
  const r = cmaes(batch(sphere(c)), 10, { seed: 1, maxEvaluations: 20000 });
  assert.ok(maxAbs(r.best, c) < 1e-4, `off by ${maxAbs(r.best, c)}`);
  assert.notEqual(r.stop, 'evaluations');
});

test('finds the Rosenbrock valley\'s minimum in 4 dimensions', () => {
  const r = minimise(batch(rosenbrock), 4, { seed: 2, restarts: 2, maxEvaluations: 20000 });
  assert.ok(r.bestLoss < 1e-8, `loss ${r.bestLoss}`);
  assert.ok(maxAbs(r.best, [0.75, 0.75, 0.75, 0.75]) < 1e-3);
});

test('an optimum on the boundary is reached through the mirror', () => {
  const r = cmaes(batch(sphere([0, 1, 0.5])), 3, { seed: 3, maxEvaluations: 6000 });
  assert.ok(maxAbs(r.best, [0, 1, 0.5]) < 1e-3);
});

test('a noisy quadratic (noise sd 0.01) is located to within 0.05 in every coordinate', () => {
  const noise = runStream(99, 0);
  const c = [0.2, 0.7, 0.45, 0.6, 0.3];
  const f = (x: number[]) => sphere(c)(x) + 0.01 * (uniform(noise) - 0.5) * Math.sqrt(12);
  const r = minimise(batch(f), 5, { seed: 4, restarts: 3, maxEvaluations: 3000 });
  assert.ok(maxAbs(r.runs[0].mean, c) < 0.05, `mean ${r.runs[0].mean}`);
  assert.ok(maxAbs(r.best, c) < 0.1);
});

test('agrees with fmin\'s Nelder-Mead (the oracle) on smooth problems', () => {
  const ellipsoid = (x: number[]) => x.reduce((s, xi, i) => s + (i + 1) ** 2 * (xi - 0.35) ** 2, 0) + 0.5 * (x[0] - 0.35) * (x[1] - 0.35);
  const problems: [string, (x: number[]) => number, number][] = [['ellipsoid', ellipsoid, 4], ['rosenbrock', rosenbrock, 2]];
  for (const [name, f, dim] of problems) {
    const nm = nelderMead(f, new Array(dim).fill(0.5), { maxIterations: 20000, minErrorDelta: 1e-14, minTolerance: 1e-12 });
    const cm = cmaes(batch(f), dim, { seed: 5, maxEvaluations: 20000, tolFun: 1e-14 });
    assert.ok(maxAbs(nm.x, cm.best) < 1e-3, `${name}: NM ${nm.x} vs CMA-ES ${cm.best}`);
    assert.ok(Math.abs(nm.fx - cm.bestLoss) < 1e-6, `${name}: ${nm.fx} vs ${cm.bestLoss}`);
  }
});

test('the same seed gives the same search; restarts report a spread', () => {
  const f = batch(sphere([0.3, 0.6, 0.9]));
  const a = minimise(f, 3, { seed: 8, restarts: 3, maxEvaluations: 300 });
  const b = minimise(f, 3, { seed: 8, restarts: 3, maxEvaluations: 300 });
  assert.deepEqual(a, b);
  const c = minimise(f, 3, { seed: 9, restarts: 3, maxEvaluations: 300 });
  assert.notDeepEqual(a.runs[0].best, c.runs[0].best);
  assert.equal(a.runs.length, 3);
  assert.ok(a.spread.every((s) => s >= 0 && s < 0.05));
  assert.ok(a.evaluations <= 3 * (300 + 7));
});
