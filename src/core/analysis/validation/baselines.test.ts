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
