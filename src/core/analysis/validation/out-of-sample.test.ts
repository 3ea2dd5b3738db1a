// The out-of-sample test on the minimal fixture: scores and baselines computed as documented, and turning points dated.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadScenarioText } from '../../scenario/parse.js';
import type { Scenario, ScenarioEvent } from '../../scenario/schema.js';
import { mechanismSwitches } from '../fitting/fit.js';
import { scoreOutOfSample } from './out-of-sample.js';

const file = 'test/fixtures/minimal.yaml';
const base = loadScenarioText(readFileSync(file, 'utf8'), file);
const settings = { mechanisms: mechanismSwitches(['security', 'economy', 'standing', 'autonomy', 'ideology', 'bargaining', 'personality']), params: {} };
const ev = (e: Partial<ScenarioEvent> & Pick<ScenarioEvent, 'id' | 'date' | 'intensity'>): ScenarioEvent => ({
  role: 'record', joint: false, issues: [], effects: [], sources: ['made-up'], description: 'test act', from: 'BIG', to: 'SMALL', category: 'aid', ...e,
});
/** A record that cools steadily: +4 a year in 1950, falling by 2 a year, and an aid cut in 1954. */
const cooling: Scenario = {
  ...base,
  events: [
    ...base.events.filter((e) => e.role === 'driver'),
    ...[1950, 1951, 1952].map((y, i) => ev({ id: `Y${y}`, date: `${y}-06`, weis: '081', goldstein: 4 - 2 * i, intensity: 4 - 2 * i })),
    ev({ id: 'CUT', date: '1954-02', category: 'nuclear', weis: '193', goldstein: -5.6, intensity: -7, issues: ['LOAN'] }),
  ],
};

test('persistence repeats the last training year\'s level and the trend extrapolates the training line', () => {
  const r = scoreOutOfSample(cooling, settings, { train: '1950-1952', every: 'year', runs: 4 });
  assert.equal(r.test, '1953-01..1955-12');
  const bs = r.dyads.find((d) => d.dyad === 'BIG->SMALL')!;
  assert.deepEqual(bs.periods, ['1953', '1954', '1955']);
  assert.deepEqual(bs.observed, [0, -5.6, 0]);
  assert.deepEqual(bs.persistence, [0, 0, 0]);
  assert.deepEqual(bs.trend.map((x) => Math.round(x * 1e9) / 1e9), [-2, -4, -6]);
  assert.equal(r.dyads.length, 2);
  assert.equal(r.model.runRmse.lo <= r.model.runRmse.median && r.model.runRmse.median <= r.model.runRmse.hi, true);
});

test('a turning point in the test window is dated by the model, persistence (never) and the trend', () => {
  const r = scoreOutOfSample(cooling, settings, { train: '1950-1952', every: 'year', runs: 6 });
  assert.equal(r.turningPoints.length, 1);
  const tp = r.turningPoints[0];
  assert.equal(tp.id, 'nuclear-help-withdrawn');
  assert.equal(tp.recorded, '1954-02');
  assert.equal(tp.persistenceError, 23, 'never reached: counted as 1956-01');
  assert.equal(tp.trend, '1955-01', 'the trend (-4 in 1954, -6 in 1955) falls to -5.6 a year in 1955');
  assert.equal(tp.trendError, 11);
  assert.ok(tp.modelShare >= 0 && tp.modelShare <= 1);
  assert.equal(r.turningPointMae.persistence, 23);
});

test('the same seed gives the same scores; a test window that overlaps training is refused', () => {
  const opts = { train: '1950-1952', every: 'quarter' as const, runs: 5 };
  assert.deepEqual(scoreOutOfSample(base, settings, opts), scoreOutOfSample(base, settings, opts));
  assert.throws(() => scoreOutOfSample(base, settings, { ...opts, test: '1952-1955' }), /must start after/);
  assert.throws(() => scoreOutOfSample(base, settings, { ...opts, test: '1953-1960' }), /outside the scenario's period/);
});
