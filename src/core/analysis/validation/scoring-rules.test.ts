// The scoring rules against values worked by hand and against each other.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brier, crpsEnsemble, crpsGaussian, normalCdf } from './scoring-rules.js';

const close = (a: number, b: number, tol = 1e-6) => assert.ok(Math.abs(a - b) < tol, `${a} vs ${b}`);

test('the normal distribution function at worked points', () => {
  close(normalCdf(0), 0.5);
  close(normalCdf(1.959964), 0.975);
  close(normalCdf(-1), 0.158655);
});

test('the Gaussian CRPS: (sqrt 2 - 1)/sqrt pi at the mean of a unit normal, growing with the miss and with the spread', () => {
  close(crpsGaussian(0, 0, 1), (Math.SQRT2 - 1) / Math.sqrt(Math.PI));
  close(crpsGaussian(3, 3, 0), 0);
  close(crpsGaussian(5, 2, 0), 3, 1e-12);
  assert.ok(crpsGaussian(2, 0, 1) > crpsGaussian(1, 0, 1));
  assert.ok(crpsGaussian(0, 0, 4) > crpsGaussian(0, 0, 1));
});

test('the blurred-ensemble CRPS equals the Gaussian one for one member, and is lower for a sharper ensemble centred on the truth', () => {
  close(crpsEnsemble(0.7, [0.2], 1), crpsGaussian(0.7, 0.2, 1));
  close(crpsEnsemble(1, [1, 1, 1], 2), crpsGaussian(1, 1, 2));
  assert.ok(crpsEnsemble(0, [-0.1, 0, 0.1], 1) < crpsEnsemble(0, [-3, 0, 3], 1));
  assert.ok(crpsEnsemble(0, [2, 2], 1) > crpsEnsemble(0, [0, 0], 1));
});

test('the Brier score of a yes/no forecast', () => {
  assert.equal(brier(1, true), 0);
  assert.equal(brier(0.25, false), 0.0625);
  assert.equal(brier(0.5, true), 0.25);
});
