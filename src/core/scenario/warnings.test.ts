// The semantic warnings of validate: each mistake is found at its path, and a clean scenario has none.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadScenarioText, scenarioLocation } from './parse.js';
import { scenarioWarnings } from './warnings.js';

const file = 'test/fixtures/minimal.yaml';
const text = readFileSync(file, 'utf8');
const TABLE = new Map([['182', -7.6], ['071', 7.4], ['121', -2.2], ['195', -7]]);

test('the fixture as written has no warning', () => {
  assert.deepEqual(scenarioWarnings(loadScenarioText(text, file), TABLE), []);
});

test('a driver between allies, a record event without an ally, a wrong Goldstein weight and a partner\'s threat are each located', () => {
  const extra = [
    '  - { id: W1, date: "1951-01", from: BIG, to: SMALL, role: driver, category: aid, weis: "071", goldstein: 7.4, intensity: 5, description: aid as a driver, sources: [made-up] }',
    '  - { id: W2, date: "1951-02", from: THIRD, to: THIRD2, role: record, category: diplomatic, intensity: 1, description: no ally in it, sources: [made-up] }',
    '  - { id: W3, date: "1951-03", from: SMALL, to: BIG, role: record, category: polemic, weis: "195", goldstein: -4, intensity: -6, description: a wrong weight, sources: [made-up] }',
    '  - { id: W4, date: "1951-04", from: BIG, to: SMALL, role: record, category: military, intensity: -3, description: a partner threatens, effects: [{ type: threat, from: BIG, to: SMALL, level: 0.5 }], sources: [made-up] }',
    // A third power's act toward an ally may be a record event (a response the model generates): no warning.
    '  - { id: W5, date: "1951-05", from: THIRD, to: SMALL, role: record, category: diplomatic, intensity: 1, description: a response, sources: [made-up] }',
  ];
  const withThird = text.replace(/^actors:\n/m, 'actors:\n  - { id: THIRD2, name: Another, capability: { sources: [made-up], series: { "1950": 0.01 } }, interests: { security: 1, economy: 1, standing: 1, autonomy: 1, ideology: 1, judgement: test } }\n');
  const changed = withThird.replace(/^events:\n/m, `events:\n${extra.join('\n')}\n`);
  const s = loadScenarioText(changed, file);
  const found = scenarioWarnings(s, TABLE).map((w) => [s.events[w.path[1] as number].id, w.code]);
  assert.deepEqual(found, [['W1', 'warn.driver_between_allies'], ['W2', 'warn.record_without_ally'], ['W3', 'warn.goldstein'], ['W4', 'warn.threat_from_partner']]);
  const w3 = scenarioWarnings(s, TABLE).find((w) => w.code === 'warn.goldstein')!;
  const at = scenarioLocation(s, w3.path);
  assert.equal(changed.split('\n')[at.line - 1].includes('W3'), true, 'located on W3\'s line');
  assert.equal(scenarioWarnings(s).some((w) => w.code === 'warn.goldstein'), false, 'no table, no weight check');
});
