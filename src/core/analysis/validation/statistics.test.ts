// The scoring statistics on small cases worked by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arOneAhead, arOneFit, correlation, gaussianLogDensity, linearFit, mean, quantile, rmse, spearman } from './statistics.js';

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

test('an AR(1) by least squares over pairs, and its forecast h steps on with the variance the model implies', () => {
  const fit = arOneFit([8, 4, 2, 1], [4, 2, 1, 0.5]);
  assert.ok(Math.abs(fit.phi - 0.5) < 1e-12 && Math.abs(fit.c) < 1e-12 && fit.variance < 1e-24);
  const noisy = { c: 1, phi: 0.5, variance: 2 };
  const two = arOneAhead(noisy, 6, 2);
  assert.ok(Math.abs(two.mean - (2 + 0.25 * 4)) < 1e-12, 'the process mean is c / (1 - phi) = 2; the gap 4 shrinks by phi^2');
  assert.ok(Math.abs(two.variance - 2 * (1 + 0.25)) < 1e-12, 'sigma^2 (1 + phi^2) two steps on');
  assert.equal(arOneFit([3, 3, 3], [1, 2, 3]).phi, 0, 'a constant lag explains nothing: the mean');
  assert.equal(arOneFit([0, 1], [0, 5]).phi, 0.99, 'capped below a unit root');
});
