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

test('with COPDAB, the held-out cases are also scored against their independent series, and nothing else changes', () => {
  const coded = cases.map((c) => ({ ...c, scenario: { ...c.scenario, actors: c.scenario.actors.map((a, i) => ({ ...a, cow: i + 1 })) } }));
  // COPDAB for both alliance directions (states 1 and 2), a different level each year.
  const copdab = ['1-2', '2-1'].flatMap((dyad) => Array.from({ length: 72 }, (_, t) => {
    const [from, to] = dyad.split('-').map(Number);
    return { month: `${1950 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`, from, to, value: (from === 1 ? 3 : -2) * Math.floor(t / 12) + (t % 5) };
  }));
  const results = looJobs(coded, tiny).map((j) => runLooJob(coded, tiny, j));
  const plain = assembleLoo(coded, tiny, results);
  const withCopdab = assembleLoo(coded, tiny, results, copdab);
  assert.equal('independent' in plain, false, 'without COPDAB the study is what it was');
  const { independent, ...rest } = withCopdab;
  assert.deepEqual(JSON.stringify(rest), JSON.stringify(plain), 'the record scores do not move');
  assert.equal(independent!.cases.length, 3);
  for (const c of independent!.cases) {
    assert.equal(c.calibration.n, 24, 'two training cases x two dyads x six years');
    assert.equal(c.years, '1951-1955');
    assert.equal(c.count, 10);
    const model = c.scores.find((s) => s.predictor === 'model')!;
    assert.ok(Number.isFinite(model.logScore) && Number.isFinite(model.crps));
    assert.equal(c.scores.find((s) => s.predictor === 'hazard')!.logScore, null);
  }
  const zero = independent!.summary.find((s) => s.predictor === 'zero')!;
  assert.equal(zero.cases, 3);
  assert.ok(Math.abs(zero.meanLogScore! - independent!.cases.reduce((s, c) => s + c.scores.find((x) => x.predictor === 'zero')!.logScore!, 0) / 3) < 1e-12);
  const best = independent!.summary.slice(1).filter((s) => s.meanLogScore !== null).sort((a, b) => b.meanLogScore! - a.meanLogScore!)[0];
  assert.equal(independent!.strongest.logScore, best.predictor);
  // Tracking is a correlation with COPDAB itself: a line through COPDAB (another calibration) leaves it as it was.
  const rescaled = assembleLoo(coded, tiny, results, copdab.map((r) => ({ ...r, value: 7 - 4 * r.value }))).independent!;
  for (const [k, c] of independent!.cases.entries()) {
    assert.ok(c.tracking.record !== null && Math.abs(c.tracking.record) <= 1, `${c.name}: record tracking ${c.tracking.record}`);
    assert.ok(c.tracking.model === null || Math.abs(c.tracking.model) <= 1);
    const other = rescaled.cases[k];
    assert.notEqual(other.calibration.slope, c.calibration.slope, 'the calibration moves');
    assert.ok(Math.abs(other.tracking.record! + c.tracking.record!) < 1e-9, 'a line of slope -4 turns the correlation round, and only that');
    if (c.tracking.model !== null) assert.ok(Math.abs(other.tracking.model! + c.tracking.model) < 1e-9);
    if (c.tracking.ar1 !== null) assert.ok(Math.abs(other.tracking.ar1! + c.tracking.ar1) < 1e-9);
  }
  // A case whose allies COPDAB does not cover has no independent score, and says why.
  const uncovered = assembleLoo([cases[0], ...coded.slice(1)], tiny, results, copdab).independent!.cases[0];
  assert.deepEqual([uncovered.scores, uncovered.years], [[], null]);
  assert.match(uncovered.note!, /COPDAB has no series/);
});
