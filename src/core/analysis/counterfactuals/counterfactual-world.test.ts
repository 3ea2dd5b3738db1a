// Tests of counterfactual worlds: settings read and checked, record events refused with the reason, variants applied and located errors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { InputError } from '../../scenario/diagnostic.js';
import { loadScenarioText } from '../../scenario/parse.js';
import { parseVariant } from '../../scenario/variant.js';
import { buildWorld, parseSetting } from './counterfactual-world.js';

const FIXTURE = 'test/fixtures/minimal.yaml';
const scenario = loadScenarioText(readFileSync(FIXTURE, 'utf8'), FIXTURE);

test('PARAM=VALUE is read for rules, mechanism parameters and switches, and refused when malformed or unknown', () => {
  assert.deepEqual(parseSetting('rules.noise=0.8'), ['rules.noise', 0.8]);
  assert.deepEqual(parseSetting('standing.resentment=1.5'), ['standing.resentment', 1.5]);
  assert.deepEqual(parseSetting('ideology.enabled=false'), ['ideology.enabled', false]);
  assert.throws(() => parseSetting('noise=0.8'), /PARAM=VALUE/);
  assert.throws(() => parseSetting('rules.noise'), /PARAM=VALUE/);
  assert.throws(() => parseSetting('rules.noise=abc'), /takes a number, not "abc"/);
  assert.throws(() => parseSetting('rules.noise='), /takes a number/);
  assert.throws(() => parseSetting('rules.nois=1'), /unknown parameter "rules\.nois" \(rules: activity/);
  assert.throws(() => parseSetting('nothing.weight=1'), /neither a mechanism/);
  assert.throws(() => parseSetting('ideology.enabled=maybe'), /true or false/);
});

test('a driver can be left out; a record event is refused because predict mode never reads it', () => {
  const world = buildWorld(scenario, { without: ['E1'], set: ['rules.noise=0.4', 'ideology.enabled=false'] });
  assert.deepEqual(world.compile.without, ['E1']);
  assert.deepEqual(world.compile.params, { 'rules.noise': 0.4 });
  assert.deepEqual(world.compile.mechanisms, { ideology: false });
  assert.deepEqual(world.warnings, []);
  assert.throws(() => buildWorld(scenario, { without: ['E2'] }), /record event .*predict mode never reads the record, so leaving it out changes nothing/);
  assert.throws(() => buildWorld(scenario, { without: ['E9'] }), /unknown event "E9"/);
  assert.match(buildWorld(scenario, { set: ['rules.noise=5'] }).warnings[0], /outside its prior bounds \[0, 0\.5\]/);
});

const variant = (text: string) => parseVariant(text, 'v.yaml');

test('a variant adds drivers, takes record acts as given or moves them, and the flags apply on top', () => {
  const v = variant(`variant: 1
title: test
drivers: [E2]
move: { E4: "1951-03" }
events:
  - { id: N1, date: "1952-01", from: THIRD, to: SMALL, role: driver, category: diplomatic, intensity: 4, description: an overture, effects: [{ type: inducement, from: THIRD, to: SMALL, level: 0.5 }], sources: [made-up] }
`);
  const world = buildWorld(scenario, { variants: [v], without: ['E4'] });
  const byId = Object.fromEntries(world.scenario.events.map((e) => [e.id, e]));
  assert.equal(byId.E2.role, 'driver');
  assert.equal(byId.E4.role, 'driver');
  assert.equal(byId.E4.date, '1951-03');
  assert.equal(byId.N1.role, 'driver');
  assert.deepEqual(world.changes.added, ['N1']);
  assert.deepEqual(world.changes.without, ['E4'], 'a moved record act is a driver, so it can then be left out');
  assert.equal(scenario.events.find((e) => e.id === 'E2')?.role, 'record', 'the scenario itself is untouched');
});

test('a base world carries into the counterfactual built on it', () => {
  const base = buildWorld(scenario, { variants: [variant('variant: 1\ntitle: base\ndrivers: [E2]\n')] });
  const world = buildWorld(scenario, { without: ['E2'] }, base);
  assert.deepEqual(world.changes.drivers, ['E2']);
  assert.deepEqual(world.compile.without, ['E2']);
});

test('variant problems name the variant file, line, column and path', () => {
  const located = (text: string) => {
    try {
      buildWorld(scenario, { variants: [variant(text)] });
    } catch (err) {
      assert.ok(err instanceof InputError, String(err));
      return err.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.path}: ${d.message}`);
    }
    assert.fail('expected an InputError');
  };
  assert.deepEqual(located('variant: 1\ntitle: t\nwithout:\n  - E2\n').map((m) => m.replace(/record event.*/, 'record event')), ['v.yaml:4:5: without[0]: event "E2" is a record event']);
  assert.deepEqual(located('variant: 1\ntitle: t\nset: { rules.nope: 1 }\n'), ['v.yaml:3:20: set.rules.nope: unknown parameter "rules.nope" (rules: ' + located('variant: 1\ntitle: t\nset: { rules.nope: 1 }\n')[0].split('(rules: ')[1]]);
  const ref = located(`variant: 1
title: t
events:
  - { id: N1, date: "1952-01", from: NOBODY, to: SMALL, role: driver, category: diplomatic, intensity: 4, description: x, sources: [made-up] }
`);
  assert.equal(ref.length, 1);
  assert.match(ref[0], /^v\.yaml:4:\d+: events\[0\]\.from: unknown actor "NOBODY"$/);
  assert.match(located('variant: 1\ntitle: t\nmove: { E4: "1960-01" }\n')[0], /^v\.yaml:3:\d+: move\.E4: 1960-01 is outside the period/);
  assert.throws(() => variant('variant: 1\ntitle: t\nevents:\n  - { id: N1, date: "1952-01", from: BIG, to: SMALL, role: record, category: aid, intensity: 4, description: x, sources: [made-up] }\n'), (err: unknown) => err instanceof InputError && /4:\d+: events\[0\]\.role: an added event must be a driver/.test(err.message));
  assert.throws(() => variant('variant: 1\ntitle: t\nwithot: [E1]\n'), (err: unknown) => err instanceof InputError && /v\.yaml:3:1: withot: unknown field "withot"/.test(err.message));
});

test('the shipped counterfactuals of the reference scenario apply cleanly', () => {
  const file = 'scenarios/sino-soviet.yaml';
  const reference = loadScenarioText(readFileSync(file, 'utf8'), file);
  const dir = 'scenarios/counterfactuals/sino-soviet';
  const load = (name: string) => parseVariant(readFileSync(`${dir}/${name}.yaml`, 'utf8'), `${dir}/${name}.yaml`);
  const treatyBase = buildWorld(reference, { variants: [load('treaty-as-signed')] });
  const treaty = buildWorld(reference, { variants: [load('treaty-at-once')] }, treatyBase);
  assert.equal(treaty.scenario.events.find((e) => e.id === 'A22')?.date, '1949-12-21');
  assert.deepEqual(buildWorld(reference, { variants: [load('no-secret-speech')] }).compile.without, ['A47']);
  const nuclearBase = buildWorld(reference, { variants: [load('nuclear-as-recorded')] });
  assert.deepEqual(buildWorld(reference, { variants: [load('nuclear-accord-honoured')] }, nuclearBase).compile.without, ['A64']);
  assert.deepEqual(buildWorld(reference, { variants: [load('us-recognition-1950')] }).changes.added, ['CF-us-recognition']);
});
