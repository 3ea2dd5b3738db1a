// The scoring statistics on small cases worked by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { correlation, gaussianLogDensity, linearFit, mean, quantile, rmse, spearman } from './statistics.js';

test('mean, quantile, rmse and the least-squares line on worked cases', () => {
  assert.equal(mean([1, 2, 3, 6]), 3);
  assert.equal(quantile([4, 1, 3, 2], 0.5), 2.5);
  assert.equal(quantile([1, 2, 3, 4, 5], 0.05), 1.2);
  assert.equal(rmse([1, 2], [1, 4]), Math.sqrt(2));
  assert.deepEqual(linearFit([1, 3, 5, 7]), { intercept: 1, slope: 2 });
  assert.deepEqual(linearFit([4]), { intercept: 4, slope: 0 });
});

test('correlation is null for a constant series; Spearman uses ranks', () => {
  assert.equal(correlation([1, 1, 1], [1, 2, 3]), null);
  assert.ok(Math.abs(correlation([1, 2, 3], [2, 4, 6.5])! - 0.9986) < 1e-3);
  assert.equal(spearman([1, 2, 3, 4], [10, 20, 30, 1000]), 1);
  assert.equal(spearman([1, 2, 3], [3, 2, 1]), -1);
});

test('the Gaussian log density peaks at the mean and falls with the squared distance', () => {
  assert.ok(Math.abs(gaussianLogDensity(0, 0, 1) - -0.9189385) < 1e-6);
  assert.ok(Math.abs(gaussianLogDensity(2, 0, 1) - (-0.9189385 - 2)) < 1e-6);
});
