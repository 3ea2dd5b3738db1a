// The logistic hazard baseline: IRLS against a case worked by hand, and case-years built from drivers and data.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadScenarioText } from '../../scenario/parse.js';
import { caseYears, fitLogistic, logisticProbability } from './hazard.js';

test('without a penalty, IRLS finds the maximum-likelihood logistic fit: the log-odds of each group', () => {
  // Group x=0: 1 break in 4; group x=1: 3 in 4. MLE: intercept log(1/3), slope log(9).
  const rows = [0, 0, 0, 0, 1, 1, 1, 1].map((x, i) => ({ x: [x], broke: [true, false, false, false, true, true, true, false][i] }));
  const fit = fitLogistic(rows, { ridge: 0 });
  assert.ok(Math.abs(fit.coefficients[0] - Math.log(1 / 3)) < 1e-8);
  assert.ok(Math.abs(fit.coefficients[1] - Math.log(9)) < 1e-8);
  assert.ok(Math.abs(logisticProbability(fit, [1]) - 0.75) < 1e-8);
});

test('perfectly separated outcomes stay finite with the ridge, and the slope keeps its sign', () => {
  const rows = [0, 0.1, 0.2, 0.8, 0.9, 1].map((x) => ({ x: [x], broke: x > 0.5 }));
  const fit = fitLogistic(rows);
  assert.ok(fit.coefficients.every(Number.isFinite));
  assert.ok(fit.coefficients[1] > 0);
  assert.ok(logisticProbability(fit, [1]) > logisticProbability(fit, [0]));
});

test('case-years run to the recorded break, with the capability ratio, standing threat and regime difference', () => {
  const file = 'test/fixtures/minimal.yaml';
  const s = loadScenarioText(readFileSync(file, 'utf8'), file);
  const regimes = new Map([[1, new Map([[1951, 10]])], [2, new Map([[1951, -10]])]]);
  const withCow = { ...s, actors: s.actors.map((a, i) => ({ ...a, cow: i + 1 })) };
  const rows = caseYears(withCow, { month: 1952 * 12 + 3, by: 'X' }, regimes);
  assert.deepEqual(rows.map((r) => r.year), [1950, 1951, 1952]);
  assert.deepEqual(rows.map((r) => r.broke), [false, false, true]);
  // BIG 0.20 and SMALL 0.05 -> 0.15 over 1950-1955: the ratio at December 1950 is 0.07/0.2.
  assert.ok(Math.abs(rows[0].x[0] - (0.05 + 0.1 * (11 / 60)) / 0.2) < 1e-9);
  // THIRD's rivalry with SMALL has baseline -0.6, and E1 (June 1950) threatens SMALL at 0.8.
  assert.equal(rows[0].x[1], 0.8);
  assert.deepEqual(rows.map((r) => r.x[2]), [0, 1, 0], 'regime difference only where both have a score');
});
