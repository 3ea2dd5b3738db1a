// The check before each fused run: both forms (read by a list of names, and written out with the names in its text) see every
// value a fit may change in place, and agree on each.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadScenarioText } from '../scenario/parse.js';
import { compile } from './compile.js';
import { fingerprint, MECHANISM_PARAMS, RULE_NAMES, sameParameters, writtenParameterCheck } from './parameter-fingerprint.js';
import { MECHANISM_IDS } from './parameters.js';

const file = 'scenarios/sino-soviet.yaml';
const model = compile(loadScenarioText(readFileSync(file, 'utf8'), file));
const written = writtenParameterCheck();

/** What both checks say of the model against the fingerprint: they must agree. */
function same(fp: Float64Array): boolean {
  const generic = sameParameters(model, fp);
  assert.ok(written !== null, 'Node compiles code at run time');
  assert.equal(written(model, fp), generic, 'the written-out check agrees with the generic one');
  return generic;
}

test('a model matches its own fingerprint, and no longer once any rule, parameter, switch, weight or outside option moves', () => {
  const fp = fingerprint(model);
  assert.equal(same(fp), true);
  const rules = model.params.rules as Record<string, number>;
  for (const name of RULE_NAMES) {
    const was = rules[name];
    rules[name] = was + 0.25;
    assert.equal(same(fp), false, `rules.${name}`);
    rules[name] = was;
  }
  MECHANISM_IDS.forEach((id, m) => {
    model.params.enabled[id] = !model.params.enabled[id];
    assert.equal(same(fp), false, `${id} switched`);
    model.params.enabled[id] = !model.params.enabled[id];
    const values = model.params.mechanisms[id] as Record<string, number | undefined>;
    for (const name of MECHANISM_PARAMS[m]) {
      const was = values[name];
      values[name] = (was ?? 0) + 0.25;
      assert.equal(same(fp), false, `${id}.${name}`);
      values[name] = was;
    }
  });
  for (const numbers of [model.weights, model.outsideBase]) {
    numbers[numbers.length - 1] += 0.25;
    assert.equal(same(fp), false);
    numbers[numbers.length - 1] -= 0.25;
  }
  assert.equal(same(fp), true, 'every value put back');
});

test('values compare as Object.is does: NaN matches NaN, and -0 differs from 0', () => {
  const rules = model.params.rules as Record<string, number>;
  const name = RULE_NAMES[0];
  const was = rules[name];
  rules[name] = Number.NaN;
  assert.equal(same(fingerprint(model)), true);
  rules[name] = 0;
  const zero = fingerprint(model);
  rules[name] = -0;
  assert.equal(same(zero), false);
  rules[name] = was;
  assert.equal(same(fingerprint(model)), true);
});
