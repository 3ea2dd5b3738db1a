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
import { simulate, simulateModel } from './simulate.js';

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

test('a drivers-only run of the reference scenario never reads a record event beyond its role either', () => {
  const file = 'scenarios/sino-soviet.yaml';
  const reference = withTrappedRecord(loadScenarioText(readFileSync(file, 'utf8'), file));
  assert.ok(reference.events.filter((e) => e.role === 'record').length >= 60);
  for (const id of ['A104', 'A106', 'A107', 'A109']) assert.equal(reference.events.find((e) => e.role !== 'record' && e.id === id), undefined, `${id} is record`);
  const summary = runModel(compile(reference, { mode: 'predict' }), runStream(3, 0));
  assert.ok(summary.acts > 0);
  assert.throws(() => compile(reference, { mode: 'replay' }), /record event \S+ was read/);
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

/** The fixture with one change: in mid-1951 a driver hands the junior's base to the senior, on an issue the junior weighs most. */
function losingTheBase(): Scenario {
  const issues = scenario.issues.map((i) => (i.id === 'BASE' ? { ...i, statusQuo: { ...i.statusQuo, value: 100 } } : i));
  const actors = scenario.actors.map((a) => (a.id === 'SMALL' ? { ...a, interests: { ...a.interests, autonomy: 6 } } : a));
  const handover = {
    ...scenario.events[0], id: 'E9', date: '1951-06', from: 'SMALL', to: undefined, category: 'sovereignty' as const, weis: undefined,
    intensity: 0, description: 'the base is handed over',
    effects: [{ type: 'concession' as const, by: 'SMALL', issue: 'BASE', to: 0 }, { type: 'salience' as const, actor: 'SMALL', issue: 'BASE', to: 1 }],
  };
  return { ...scenario, issues, actors, events: [...scenario.events, handover] };
}

test('a falling margin moves the pair from allied through strained to broken, and the status names the margin as the reason', () => {
  const model = compile(losingTheBase(), { params: { 'rules.activity': 0 } });
  const r = simulateModel(model, 1);
  const T = model.months;
  const handover = 17; // 1951-06
  const small = 1; // SMALL is the alliance's second member: slot 1
  assert.equal(r.summary.initial[0], 'allied');
  assert.ok(r.margin[small * T + handover - 1] > 0, 'the junior valued the alliance above going alone before the handover');
  assert.ok(r.margin[small * T + handover] < r.margin[small * T + handover - 1] - 0.3, 'the handover costs it more than 0.3');
  const path = r.summary.changes.map((c) => [c.to, c.reason]);
  assert.deepEqual(path.slice(0, 2), [['strained', 'margin'], ['broken', 'margin']]);
  assert.ok(r.summary.changes[0].month >= handover);
  assert.equal(r.summary.firstBreakReason[0], 'margin');
  assert.equal(r.summary.firstBreakBelow[0], true);
  // Without the handover nothing falls and the pair stays allied.
  const calm = runModel(compile(scenario, { params: { 'rules.activity': 0 } }), runStream(1, 0));
  assert.equal(calm.initial[0], 'allied');
  assert.equal(calm.firstBreak[0], -1);
});

test('a member whose margin stays below its outside option defects only after `patience` months, and the break is restored when margins recover', () => {
  const model = compile(losingTheBase(), { params: { 'rules.activity': 1, 'rules.brokenMargin': -2 } });
  const r = simulateModel(model, 1);
  const defect = r.log.find((e) => e.type === 'simulated' && e.act === 'defect');
  assert.ok(defect && defect.type === 'simulated', 'the junior defects');
  assert.equal(model.actorIds[defect.from], 'SMALL');
  const T = model.months;
  let below = 0;
  for (let t = 0; t < defect.month; t++) below = r.margin[T + t] < 0 ? below + 1 : below;
  assert.ok(below >= model.params.rules.patience, `${below} months below before defecting`);
  assert.equal(r.summary.firstBreakReason[0], 'defection');
  assert.equal(r.summary.firstBreakBelow[0], true);
  // Restoration follows the same rule the other way: a lower bar (both margins above restoreMargin) restores at once.
  const lenient = simulateModel(compile(losingTheBase(), { params: { 'rules.activity': 1, 'rules.brokenMargin': -2, 'rules.restoreMargin': -2, 'rules.defectionMemory': 1 } }), 1);
  const broke = lenient.summary.changes.findIndex((c) => c.reason === 'defection');
  assert.ok(broke >= 0);
  assert.ok(lenient.summary.changes.slice(broke + 1).some((c) => c.from === 'broken' && c.reason !== 'defection'), 'the break is undone');
});

test('runs of one compiled model reuse its state: a run repeated after others, or nested in another\'s trace, is unchanged', () => {
  const file = 'scenarios/sino-soviet.yaml';
  const reference = loadScenarioText(readFileSync(file, 'utf8'), file);
  const model = compile(reference);
  const first = runModel(model, runStream(7, 3));
  for (let i = 0; i < 5; i++) runModel(model, runStream(7, i + 10));
  assert.deepEqual(runModel(model, runStream(7, 3)), first);
  // A run started from inside another's trace must not share the outer run's arrays.
  let inner: ReturnType<typeof runModel> | null = null;
  const outer = runModel(model, runStream(7, 3), { month: (t) => { if (t === 100) inner = runModel(model, runStream(7, 4)); } });
  assert.deepEqual(outer, first);
  assert.deepEqual(inner, runModel(compile(reference), runStream(7, 4)));
});

test('a parameter changed between runs of one compiled model (as a fit does) gives the run a freshly compiled model gives', () => {
  const file = 'scenarios/sino-soviet.yaml';
  const reference = loadScenarioText(readFileSync(file, 'utf8'), file);
  const model = compile(reference);
  runModel(model, runStream(7, 0));
  model.params.mechanisms.commitment.window = 3;
  model.params.mechanisms.commitment.horizon = 2;
  const fresh = compile(reference, { params: { 'commitment.window': 3, 'commitment.horizon': 2 } });
  const changed = simulateModel(model, 7, 1).contrib;
  assert.deepEqual(changed, simulateModel(fresh, 7, 1).contrib);
  assert.notDeepEqual(changed, simulateModel(compile(reference), 7, 1).contrib, 'the change reached the commitment term');
});
