// The quick-first reading gives parseScenario's answers: the same scenario for a valid file, the same located problems for
// a broken one, and a file the quick reader hands over (an anchor) still read.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { scenarioLocation, parseScenario } from './parse.js';
import { readScenarioText } from './read-text.js';

const file = 'scenarios/sino-soviet.yaml';
const text = readFileSync(file, 'utf8');

test('a valid scenario reads as parseScenario reads it, and its paths are still located', () => {
  const quick = readScenarioText(text, file);
  const located = parseScenario(text, file);
  assert.ok(quick.ok && located.ok);
  assert.deepEqual(quick.scenario, located.scenario);
  assert.deepEqual(scenarioLocation(quick.scenario, ['events', 3, 'date']), scenarioLocation(located.scenario, ['events', 3, 'date']));
});

test('a broken scenario gets the located reader\'s problems, with their lines', () => {
  const broken = text.replace(/\n {2}- id: USSR\n/, '\n  - id: USSR\n    unknownKey: 1\n');
  assert.notEqual(broken, text);
  const r = readScenarioText(broken, file);
  assert.ok(!r.ok);
  assert.deepEqual(r.diagnostics, (parseScenario(broken, file) as { diagnostics: unknown }).diagnostics);
  assert.ok(r.diagnostics.some((d) => d.line > 1 && d.path.includes('unknownKey')), JSON.stringify(r.diagnostics[0]));
});

test('what the quick reader hands over (an anchor) is read by the located one', () => {
  const aliased = text.replace(/\n {2}- id: USSR\n {4}name: /, '\n  - id: USSR\n    name: &ussr ');
  assert.notEqual(aliased, text);
  const r = readScenarioText(aliased, file);
  assert.ok(r.ok, 'an anchor is valid YAML and the scenario stays valid');
  assert.deepEqual(r, parseScenario(aliased, file));
});
