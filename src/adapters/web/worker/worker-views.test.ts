// The worker's view-building on the hand-made scenario: counterfactual options, the stated fit, fans and the triangle's actors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compile } from '../../../core/engine/compile.js';
import { simulateModel } from '../../../core/engine/simulate.js';
import { loadScenarioText } from '../../../core/scenario/parse.js';
import { baseline } from '../state/counterfactual.js';
import { applyCounterfactual, isParameter, mootRemovals } from './apply-counterfactual.js';
import { rmse, scoreExplanations, yearly } from './explain.js';
import { recordedCooperation } from './recorded.js';
import { fanOfRuns, runView } from './run-view.js';
import { scenarioView, triangleOf } from './scenario-view.js';

const file = 'test/fixtures/minimal.yaml';
const scenario = loadScenarioText(readFileSync(file, 'utf8'), file);
let clock = 0;
const now = () => clock++;

test('a counterfactual becomes compile options; moved events are re-dated and unknown parameters dropped', () => {
  const cf = { ...baseline('minimal', 3), off: ['economy'], params: { 'rules.activity': 0.5, 'nope.x': 1 }, without: ['E1', 'ghost'], moved: { E3: '1951-06' } };
  const { scenario: moved, options } = applyCounterfactual(scenario, cf);
  assert.equal(moved.events.find((e) => e.id === 'E3')?.date, '1951-06');
  assert.equal(scenario.events.find((e) => e.id === 'E3')?.date, '1953-03', 'the scenario itself is untouched');
  assert.deepEqual(options.params, { 'rules.activity': 0.5 });
  assert.deepEqual(options.without, ['E1']);
  assert.equal(options.mechanisms?.economy, false);
  assert.equal(options.mechanisms?.security, true);
  assert.ok(isParameter('security.entrapment') && !isParameter('security.nothing') && !isParameter('rules'));
  // Moving the new leader two years earlier changes the run.
  const a = simulateModel(compile(scenario), 3, 0);
  const b = simulateModel(compile(moved, options), 3, 0);
  assert.notDeepEqual(a.value, b.value);
});

test('recorded cooperation is the record events\' intensity per directed dyad and month', () => {
  const rec = recordedCooperation(scenario, 'BIG', 'SMALL');
  assert.equal(rec.length, 72);
  assert.equal(rec[1], 7, 'E2, a loan in 1950-02');
  assert.equal(rec.reduce((x, y) => x + y, 0), 7);
  assert.equal(recordedCooperation(scenario, 'SMALL', 'BIG')[52], -4, 'E4, an attack in print in 1954-05');
});

test('yearly sums and RMSE, the stated fit', () => {
  assert.deepEqual(yearly([1, 2, 3, 4], 1950 * 12 + 10), [3, 7]);
  assert.equal(rmse([0, 0], [3, 4]), Math.sqrt(12.5));
  const [all, none] = scoreExplanations(scenario, baseline('minimal', 3), [
    { id: 'all', name: 'All', mechanisms: ['security', 'economy', 'standing', 'autonomy', 'ideology', 'bargaining', 'personality'] },
    { id: 'sec', name: 'Security', mechanisms: ['security'] },
  ], 2, now);
  assert.ok(all.rmse > 0 && Number.isFinite(all.rmse));
  assert.equal(all.nullRmse, none.nullRmse, 'the null line does not depend on the mechanisms');
  assert.ok(all.brokeShare >= 0 && all.brokeShare <= 1);
});

test('a run\'s view carries every month, both members, a triangle per year and the story; a fan counts its breaks', () => {
  const model = compile(scenario);
  const fan = fanOfRuns(model, 3, 20, now);
  assert.equal(fan.runs, 20);
  assert.equal(fan.alliances[0].byYear.reduce((s, y) => s + y.runs, 0), fan.alliances[0].broke);
  const view = runView(simulateModel(model, 3, 0), scenario, triangleOf(scenario), fan, 1);
  assert.equal(view.labels.length, 72);
  assert.equal(view.alliances[0].members[0].value.length, 72);
  assert.deepEqual(view.triangle.map((y) => y.year), [1950, 1951, 1952, 1953, 1954, 1955]);
  assert.match(view.story, /## The pact/);
});

test('the scenario view resolves sources, lists every parameter with bounds, and says which roles can be played', () => {
  const v = scenarioView('minimal', scenario);
  assert.equal(v.events[0].id, 'E2', 'events in date order');
  assert.match(v.events[0].sources[0], /schism tests, A hand-made test case \(2026\)/);
  assert.ok(v.params.every((p) => p.min <= p.value && p.value <= p.max));
  assert.ok(v.params.some((p) => p.key === 'rules.activity'));
  assert.deepEqual(v.playRoles, [], 'the minimal fixture declares no roles');
  assert.deepEqual(v.alliances[0].history.periods, [], 'nor a history');
  assert.deepEqual(triangleOf(scenario), ['THIRD', 'BIG', 'SMALL']);
});

test('a classroom scenario: its teacher\'s role can be played, its declared history has sources, and a run is scored against it', () => {
  const path = 'test/fixtures/classroom.yaml';
  const classroom = loadScenarioText(readFileSync(path, 'utf8'), path);
  const v = scenarioView('classroom', classroom);
  assert.deepEqual(v.playRoles.map((r) => [r.id, r.available]), [['junior-1951', true]]);
  assert.match(v.playRoles[0].sources[0], /A hand-made test case/);
  const h = v.alliances[0].history;
  assert.deepEqual(h.periods.map((p) => [p.from, p.to, p.status]), [['1950-01', '1954-04', 'allied'], ['1954-05', '1955-12', 'strained']]);
  assert.match(h.periods[1].sources[0], /schism tests/);
  const run = runView(simulateModel(compile(classroom), 3, 0), classroom, triangleOf(classroom), fanOfRuns(compile(classroom), 3, 0, now), 1);
  const a = run.alliances[0].agreement;
  assert.equal(a.months, 72);
  const same = run.alliances[0].status.filter((s, t) => s === h.declared[t]).length;
  assert.equal(a.same, same);
});

test('removals that cannot change a prediction are named in predict mode (record events), not in replay; moved record events become drivers', () => {
  const cf = { ...baseline('minimal', 3), without: ['E1', 'E2'] };
  const [moot, ...rest] = mootRemovals(scenario, cf);
  assert.equal(rest.length, 0, 'E1 is a driver: leaving it out counts');
  assert.match(moot, /^event "E2" is a record event.*changes nothing.*in the editor/);
  assert.deepEqual(mootRemovals(scenario, { ...cf, mode: 'replay' }), []);
  const { scenario: moved } = applyCounterfactual(scenario, { ...baseline('minimal', 3), moved: { E2: '1951-03' } });
  assert.deepEqual(moved.events.filter((e) => e.id === 'E2').map((e) => [e.date, e.role]), [['1951-03', 'driver']]);
});
