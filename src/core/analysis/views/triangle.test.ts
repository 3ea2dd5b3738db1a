// Dittmer's triangle: the four configurations from three edges, and a run's relations averaged by calendar year.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { simulate } from '../../engine/simulate.js';
import { loadScenarioText } from '../../scenario/parse.js';
import { AMICABLE_THRESHOLD, classifyTriangle, triangleByYear } from './triangle.js';

const ids: [string, string, string] = ['USA', 'USSR', 'PRC'];

test('the 1950s: Moscow and Beijing amicable, both hostile to Washington, is a stable marriage with the US outside', () => {
  assert.deepEqual(classifyTriangle(ids, { ab: -0.5, bc: 0.6, ca: -0.8 }), { configuration: 'stable marriage', pair: ['USSR', 'PRC'], outsider: 'USA' });
});

test('the 1960s: all three hostile is a unit veto; the 1970s: the US amicable with both foes is a romantic triangle with the US as pivot', () => {
  assert.equal(classifyTriangle(ids, { ab: -0.3, bc: -0.7, ca: -0.6 }).configuration, 'unit veto');
  assert.deepEqual(classifyTriangle(ids, { ab: 0.2, bc: -0.7, ca: 0.1 }), { configuration: 'romantic triangle', pivot: 'USA', pair: ['USSR', 'PRC'] });
});

test('all three amicable is a ménage à trois; the threshold itself is not amicable', () => {
  assert.equal(classifyTriangle(ids, { ab: 0.1, bc: 0.1, ca: 0.1 }).configuration, 'ménage à trois');
  assert.equal(classifyTriangle(ids, { ab: AMICABLE_THRESHOLD, bc: 0.5, ca: 0.5 }).configuration, 'romantic triangle');
});

test('a run gives one triangle per calendar year, with edges inside the relation scale', () => {
  const file = 'test/fixtures/minimal.yaml';
  const r = simulate(loadScenarioText(readFileSync(file, 'utf8'), file), { seed: 2 });
  const years = triangleByYear(r, ['THIRD', 'BIG', 'SMALL']);
  assert.deepEqual(years.map((y) => y.year), [1950, 1951, 1952, 1953, 1954, 1955]);
  for (const y of years) for (const e of Object.values(y.edges)) assert.ok(e >= -1 && e <= 1);
  // The third power starts hostile to both allies, who start friendly: a stable marriage in the first year.
  assert.equal(years[0].configuration, 'stable marriage');
  assert.equal(years[0].outsider, 'THIRD');
  assert.throws(() => triangleByYear(r, ['THIRD', 'BIG', 'NOBODY']), /unknown actor "NOBODY"/);
});
