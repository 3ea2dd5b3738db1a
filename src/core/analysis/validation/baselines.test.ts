// The naive baselines on a worked training series.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baselineForecasts } from './baselines.js';

test('each baseline forecasts from the training series alone, with the mean squared deviation of its own in-sample fit as variance', () => {
  // Quarterly, two years: 4, 4, 4, 4, then 0, 0, 2, 2.
  const [zero, level, persistence, trend] = baselineForecasts([4, 4, 4, 4, 0, 0, 2, 2], 4);
  assert.deepEqual([zero.id, level.id, persistence.id, trend.id], ['zero', 'mean', 'persistence', 'trend']);
  assert.equal(zero.at(9), 0);
  assert.equal(zero.variance, (4 * 16 + 2 * 4) / 8);
  assert.equal(level.at(9), 2.5);
  assert.equal(level.variance, (4 * 2.25 + 2 * 6.25 + 2 * 0.25) / 8);
  assert.equal(persistence.at(20), 1, 'the last year\'s mean, carried on');
  assert.equal(persistence.variance, (4 * 9 + 2 * 1 + 2 * 1) / 8);
  assert.ok(trend.at(8) < trend.at(0), 'a falling series extrapolates downward');
  assert.ok(trend.variance < level.variance, 'least squares fits at least as well in sample as the mean');
});

test('AR(1), the simple statistical model: fitted by least squares, decaying to its mean, its variance growing with the horizon', () => {
  // y_t = 0.5 y_(t-1) exactly: phi = 0.5, c = 0, so the process mean is 0.
  const ar = baselineForecasts([8, 4, 2, 1, 0.5], 1).find((b) => b.id === 'ar1')!;
  assert.equal(ar.label, 'AR(1)');
  assert.ok(Math.abs(ar.at(5) - 0.25) < 1e-12, 'one step past the training window');
  assert.ok(Math.abs(ar.at(6) - 0.125) < 1e-12, 'two steps');
  assert.ok(Math.abs(ar.at(3) - 1) < 1e-12, 'in sample: the one-step prediction from the period before');
  // In sample only the first period misses (predicted by the mean, 0): 64 / 5.
  assert.ok(Math.abs(ar.variance - 12.8) < 1e-12);
  assert.ok(Math.abs(ar.varianceAt(5) - 12.8) < 1e-12, 'one step ahead: the one-step variance');
  assert.ok(Math.abs(ar.varianceAt(6) - (12.8 * (1 - 0.5 ** 4)) / (1 - 0.25)) < 1e-12, 'two steps: sigma^2 (1 + phi^2)');
  // Too short a series to fit a lag: the training mean.
  const short = baselineForecasts([3, 5], 1).find((b) => b.id === 'ar1')!;
  assert.equal(short.at(7), 4);
});
