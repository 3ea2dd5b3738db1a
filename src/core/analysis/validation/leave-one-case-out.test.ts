// Leave-one-case-out on three variants of the minimal fixture (one that endures, two that break), with a tiny budget.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadScenarioText } from '../../scenario/parse.js';
import type { ScenarioEvent } from '../../scenario/schema.js';
import type { Case } from '../fitting/fit-cases.js';
import { assembleLoo, leaveOneCaseOut, looJobs, runLooJob } from './leave-one-case-out.js';

const file = 'test/fixtures/minimal.yaml';
const base = loadScenarioText(readFileSync(file, 'utf8'), file);
const rupture = (date: string): ScenarioEvent => ({
  id: 'R', date, weis: '202', intensity: -8, goldstein: -5, role: 'record', joint: false, issues: [], effects: [], sources: ['made-up'], description: 'advisers expelled', from: 'SMALL', to: 'BIG', category: 'sovereignty',
});
const cases: Case[] = [
  { name: 'endures', scenario: base },
  { name: 'breaks-1953', scenario: { ...base, events: [...base.events, rupture('1953-06')] } },
  { name: 'breaks-1955', scenario: { ...base, events: [...base.events, rupture('1955-01')] } },
];
const tiny = { restarts: 1, evaluations: 8, seeds: 2, runs: 6 };

test('each case is held out once; the baselines follow the training cases only', () => {
  const s = leaveOneCaseOut(cases, tiny);
  assert.equal(looJobs(cases, tiny).length, 3);
  assert.deepEqual(s.cases.map((c) => c.recorded), [null, '1953-06', '1955-01']);
  const get = (k: number, id: string) => s.cases[k].scores.find((x) => x.predictor === id)!;
  // Held out "endures": both training cases broke, so the base rate is 1, at the median point of their periods.
  assert.equal(get(0, 'base-rate').probability, 1);
  assert.equal(get(0, 'base-rate').brier, 1);
  // Held out a breaking case: one of the two training cases broke.
  assert.equal(get(1, 'base-rate').probability, 0.5);
  assert.equal(get(1, 'zero').brier, 1);
  assert.equal(get(1, 'zero').dateError, 31, 'no break counts as 1956-01, against 1953-06');
  assert.equal(get(0, 'zero').outcomeRight, true);
  assert.equal(get(0, 'hazard').logScore, null, 'the hazard says nothing about the series');
  // The pooled AR(1) forecasts the series (from the held-out case's first year) and, like persistence, no break.
  assert.equal(get(1, 'ar1').probability, 0);
  assert.ok(Number.isFinite(get(1, 'ar1').logScore) && Number.isFinite(get(1, 'ar1').crps));
  const zero = s.summary.find((x) => x.predictor === 'zero')!;
  assert.equal(zero.meanBrier, 2 / 3);
  assert.equal(zero.outcomesRight, 1);
  assert.equal(s.goal.brier, s.summary.slice(1).every((b) => s.summary[0].meanBrier < b.meanBrier));
});

test('jobs run apart and in any order give the same study, byte for byte', () => {
  const jobs = looJobs(cases, tiny);
  const results = jobs.map((j) => runLooJob(cases, tiny, j));
  assert.deepEqual(JSON.stringify(assembleLoo(cases, tiny, results)), JSON.stringify(leaveOneCaseOut(cases, tiny)));
  assert.throws(() => looJobs(cases.slice(0, 1), tiny), /at least two cases/);
});
