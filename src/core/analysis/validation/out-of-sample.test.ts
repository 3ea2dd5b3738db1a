// The out-of-sample test on the minimal fixture: scores and baselines computed as documented, and turning points dated.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadScenarioText } from '../../scenario/parse.js';
import type { Scenario, ScenarioEvent } from '../../scenario/schema.js';
import { mechanismSwitches } from '../fitting/fit.js';
import { ACT_KINDS, CATEGORY } from '../../engine/acts.js';
import { compile } from '../../engine/compile.js';
import { monthIndex } from '../../time/month.js';
import { allianceDyads, firstSustained, simulateRecord } from '../record/simulated.js';
import { OBSERVATION_VARIANCE, scoreOutOfSample } from './out-of-sample.js';
import { crpsGaussian } from './scoring-rules.js';
import { gaussianLogDensity } from './statistics.js';

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

test('every baseline forecasts from training alone: zero, the mean, the last year carried on, the line extrapolated', () => {
  const r = scoreOutOfSample(cooling, settings, { train: '1950-1952', every: 'year', runs: 4 });
  assert.equal(r.test, '1953-01..1955-12');
  const bs = r.dyads.find((d) => d.dyad === 'BIG->SMALL')!;
  assert.deepEqual(bs.periods, ['1953', '1954', '1955']);
  assert.deepEqual(bs.observed, [0, -5.6, 0]);
  assert.deepEqual(bs.baselines.zero, [0, 0, 0]);
  assert.deepEqual(bs.baselines.mean, [2, 2, 2]);
  assert.deepEqual(bs.baselines.persistence, [0, 0, 0]);
  assert.deepEqual(bs.baselines.trend.map((x) => Math.round(x * 1e9) / 1e9), [-2, -4, -6]);
  // 4, 2, 0 fits y_t = -2 + y_(t-1) with phi capped at 0.99: it falls from 0 and decays toward its far mean.
  assert.ok(bs.baselines.ar1[0] < 0 && bs.baselines.ar1[1] < bs.baselines.ar1[0], 'AR(1) carries the fall on');
  assert.equal(r.dyads.length, 2);
  assert.equal(r.model.runRmse.lo <= r.model.runRmse.median && r.model.runRmse.median <= r.model.runRmse.hi, true);
});

test('baselines are scored like the model: RMSE, log score and CRPS by hand, and the strongest is the best log score', () => {
  const r = scoreOutOfSample(cooling, settings, { train: '1950-1952', every: 'year', runs: 4 });
  // SMALL->BIG has no recorded act in training or test: every baseline forecasts 0 there with variance 0.
  // BIG->SMALL: zero forecasts 0 with variance (16 + 4 + 0)/3 against 0, -5.6, 0.
  const zero = r.baselines.find((b) => b.id === 'zero')!;
  assert.ok(Math.abs(zero.rmse - Math.sqrt(5.6 ** 2 / 6)) < 1e-12);
  const v = 20 / 3 + OBSERVATION_VARIANCE;
  const expectLog = (gaussianLogDensity(0, 0, v) * 2 + gaussianLogDensity(-5.6, 0, v) + 3 * gaussianLogDensity(0, 0, 1)) / 6;
  assert.ok(Math.abs(zero.logScore - expectLog) < 1e-12);
  const expectCrps = (crpsGaussian(0, 0, v) * 2 + crpsGaussian(-5.6, 0, v) + 3 * crpsGaussian(0, 0, 1)) / 6;
  assert.ok(Math.abs(zero.crps - expectCrps) < 1e-12);
  assert.deepEqual(r.baselines.map((b) => b.id), ['zero', 'mean', 'persistence', 'trend', 'ar1']);
  const best = Math.max(...r.baselines.map((b) => b.logScore));
  assert.equal(r.baselines.find((b) => b.id === r.strongest)!.logScore, best);
});

test('a turning point in the test window is dated by the model, persistence (never) and the trend', () => {
  const r = scoreOutOfSample(cooling, settings, { train: '1950-1952', every: 'year', runs: 6 });
  assert.equal(r.turningPoints.length, 1);
  const tp = r.turningPoints[0];
  assert.equal(tp.id, 'nuclear-help-withdrawn');
  assert.equal(tp.recorded, '1954-02');
  const [zero, level, persistence, trend] = tp.baselines;
  assert.deepEqual(zero, { id: 'zero', date: null, error: 23 }, 'never reached: counted as 1956-01');
  assert.equal(level.date, null);
  assert.equal(persistence.error, 23);
  assert.deepEqual(trend, { id: 'trend', date: '1955-01', error: 11 }, 'the trend (-4 in 1954, -6 in 1955) falls to -5.6 a year in 1955');
  assert.equal(r.baselines.find((b) => b.id === 'persistence')!.turningPointMae, 23);
  // The model's share, recounted run by run: a run reaches the aid cut only by a withhold act inside 1953-1955.
  const model = compile(cooling, { mode: 'predict', until: '1955-12', ...settings });
  const first = monthIndex('1953-01') - model.start;
  const reached = Array.from({ length: 6 }, (_, i) => simulateRecord(model, allianceDyads(model), 2, i)).filter((run) =>
    run.actMonths[0].some((t, j) => t >= first && ACT_KINDS[run.actKinds[0][j]] === 'withhold'),
  ).length;
  assert.equal(tp.modelShare, reached / 6);
});

test('a turning point reached before the test window does not count as reached inside it', () => {
  // A synthetic run: withhold in month 5 and month 40, criticise in months 30, 31 and 50.
  const w = ACT_KINDS.indexOf('withhold');
  const c = ACT_KINDS.indexOf('criticise');
  const none = [[-1, -1, -1, -1, -1]];
  const run = { months: 60, coop: new Float64Array(60), actMonths: [[5, 30, 31, 40, 50]], actKinds: [[w, c, c, w, c]], actIssues: none, actCategories: none, summary: {} as never };
  assert.equal(firstSustained(run, 0, ['withhold'], 1, 1), 5);
  assert.equal(firstSustained(run, 0, ['withhold'], 1, 1, 36), 40);
  assert.equal(firstSustained(run, 0, ['withhold'], 1, 1, 41), -1);
  assert.equal(firstSustained(run, 0, ['criticise'], 3, 24), 50);
  assert.equal(firstSustained(run, 0, ['criticise'], 3, 24, 31), -1, 'acts before the window do not make up a sustained run inside it');
});

test('a turning point about an issue or category counts only the acts that concern it: nuclear help withdrawn is not experts recalled', () => {
  const w = ACT_KINDS.indexOf('withhold');
  const nuclear = CATEGORY.nuclear;
  const aid = CATEGORY.aid;
  const run = { months: 60, coop: new Float64Array(60), actMonths: [[5, 20]], actKinds: [[w, w]], actIssues: [[-1, 3]], actCategories: [[aid, nuclear]], summary: {} as never };
  assert.equal(firstSustained(run, 0, ['withhold'], 1, 1, 0, { issues: new Set(), categories: new Set([aid]) }), 5);
  assert.equal(firstSustained(run, 0, ['withhold'], 1, 1, 0, { issues: new Set(), categories: new Set([nuclear]) }), 20);
  assert.equal(firstSustained(run, 0, ['withhold'], 1, 1, 0, { issues: new Set([3]), categories: new Set() }), 20);
});

test('the same seed gives the same scores; a test window that overlaps training is refused', () => {
  const opts = { train: '1950-1952', every: 'quarter' as const, runs: 5 };
  assert.deepEqual(scoreOutOfSample(base, settings, opts), scoreOutOfSample(base, settings, opts));
  assert.throws(() => scoreOutOfSample(base, settings, { ...opts, test: '1952-1955' }), /must start after/);
  assert.throws(() => scoreOutOfSample(base, settings, { ...opts, test: '1953-1960' }), /outside the scenario's period/);
});
