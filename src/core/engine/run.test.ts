// The engine as a whole: reproducible from a seed, a value that decomposes exactly, and predict mode blind to the record.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { runStream } from '../random/streams.js';
import { loadScenarioText } from '../scenario/parse.js';
import type { Scenario } from '../scenario/schema.js';
import { compile } from './compile.js';
import { MECHANISM_IDS } from './parameters.js';
import { runModel } from './run.js';
import { simulate } from './simulate.js';

const file = 'test/fixtures/minimal.yaml';
const scenario = loadScenarioText(readFileSync(file, 'utf8'), file);
const M = MECHANISM_IDS.length;

test('the same seed gives the same run; another seed another stream of acts', () => {
  const a = simulate(scenario, { seed: 7 });
  const b = simulate(scenario, { seed: 7 });
  assert.deepEqual(a.log, b.log);
  assert.deepEqual(a.value, b.value);
  const c = simulate(scenario, { seed: 8 });
  assert.notDeepEqual(c.log, a.log);
});

test('each member\'s alliance value is exactly the sum of its mechanisms\' contributions, and margin = value - outside option', () => {
  const r = simulate(scenario, { seed: 1 });
  const T = r.model.months;
  for (let slot = 0; slot < 2; slot++) {
    for (let t = 0; t < T; t++) {
      const at = slot * T + t;
      let sum = 0;
      for (let m = 0; m < M; m++) sum += r.contrib[at * M + m];
      assert.ok(Math.abs(sum - r.value[at]) < 1e-12, `slot ${slot} month ${t}`);
      assert.ok(Math.abs(r.value[at] - r.outside[at] - r.margin[at]) < 1e-12);
    }
  }
});

test('a mechanism switched off contributes nothing', () => {
  const r = simulate(scenario, { seed: 1, mechanisms: { economy: false } });
  const k = MECHANISM_IDS.indexOf('economy');
  for (let at = 0; at < r.value.length; at++) assert.equal(r.contrib[at * M + k], 0);
});

/** The scenario with every record event made a trap: reading anything but its role throws. */
function withTrappedRecord(s: Scenario): Scenario {
  const events = s.events.map((e) => {
    if (e.role !== 'record') return e;
    const trap: Record<string, unknown> = {};
    for (const key of Object.keys(e)) {
      Object.defineProperty(trap, key, {
        enumerable: true,
        get: () => {
          if (key === 'role') return 'record';
          throw new Error(`record event ${e.id} was read (${key})`);
        },
      });
    }
    return trap as typeof e;
  });
  return { ...s, events };
}

test('a drivers-only run never reads a record event beyond its role', () => {
  const trapped = withTrappedRecord(scenario);
  assert.ok(trapped.events.some((e) => e.role === 'record'));
  const summary = runModel(compile(trapped, { mode: 'predict' }), runStream(3, 0));
  assert.ok(summary.acts > 0);
  assert.throws(() => compile(trapped, { mode: 'replay' }), /record event E2 was read/);
});

test('replay applies the record and takes no simulated acts', () => {
  const r = simulate(scenario, { seed: 1, mode: 'replay' });
  assert.equal(r.summary.acts, 0);
  assert.ok(r.log.some((e) => e.type === 'record'));
  const k = MECHANISM_IDS.indexOf('economy');
  const T = r.model.months;
  // E2 (1950-02) sets aid BIG->SMALL to 0.4: the junior (slot 1) gains economy value from month 1 on.
  assert.ok(r.contrib[(1 * T + 1) * M + k] > 0);
  assert.equal(r.contrib[(1 * T + 0) * M + k], 0);
});

test('--until shortens the run and leaving out an event removes its effect', () => {
  const short = simulate(scenario, { seed: 1, until: '1951-06' });
  assert.equal(short.model.months, 18);
  const withLeader = compile(scenario);
  const without = compile(scenario, { without: ['E3'] });
  assert.equal(without.events.length, withLeader.events.length - 1);
  assert.deepEqual(without.without, ['E3']);
});

test('a parameter override reaches the run, and an unknown one is refused', () => {
  const model = compile(scenario, { params: { 'rules.activity': 0 } });
  assert.equal(runModel(model, runStream(1, 0)).acts, 0);
  assert.throws(() => compile(scenario, { params: { 'rules.nonsense': 1 } }), /unknown parameter/);
});

test('a falling margin moves the pair from allied through broken', () => {
  const gloomy = compile(scenario, { params: { 'rules.outsideBase': 2, 'rules.activity': 0 } });
  const summary = runModel(gloomy, runStream(1, 0));
  assert.equal(summary.initial[0], 'broken');
  const happy = runModel(compile(scenario, { params: { 'rules.outsideBase': -2, 'rules.activity': 0 } }), runStream(1, 0));
  assert.equal(happy.initial[0], 'allied');
  assert.equal(happy.firstBreak[0], -1);
});
