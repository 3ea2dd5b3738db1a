// The declared training window, turning points and starting flows are checked like any reference: located, with the reason.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseScenario } from './parse.js';

const file = 'test/fixtures/minimal.yaml';
const text = readFileSync(file, 'utf8');

test('a training window outside the period, an unknown act kind and a flow from an unknown actor are each refused', () => {
  const bad = text
    .replace('period: { start: "1950-01", end: "1955-12" }', 'period: { start: "1950-01", end: "1955-12" }\n  training: { start: "1949-01", end: "1952-12" }')
    .replace('simulated: { acts: [force] }', 'simulated: { acts: [bombard] }')
    .concat('initial:\n  - { type: aid, from: NOBODY, to: SMALL, level: 0.2, judgement: a stated flow }\n');
  const r = parseScenario(bad, file);
  assert.equal(r.ok, false);
  if (r.ok) return;
  const found = r.diagnostics.map((d) => [d.path, d.code]);
  assert.deepEqual(found, [['meta.training.start', 'ref.date'], ['turningPoints[4].simulated.acts[0]', 'ref.act'], ['initial[0].from', 'ref.actor']]);
  assert.ok(r.diagnostics.every((d) => d.line > 1), 'each located on its own line');
});
