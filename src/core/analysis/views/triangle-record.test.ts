// The record's triangle: a year's events set its edges, quiet years carry the last value, and agreement counts equal shapes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadScenarioText } from '../../scenario/parse.js';
import { CARRY_YEARS, configurationAgreement, RECORD_SCALE, recordTriangleByYear } from './triangle-record.js';

const file = 'test/fixtures/minimal.yaml';
const scenario = loadScenarioText(readFileSync(file, 'utf8'), file);

test('the fixture\'s events: the loan makes 1950 amicable between the allies, the show of force hostile with the third', () => {
  const years = recordTriangleByYear(scenario, ['THIRD', 'BIG', 'SMALL']);
  assert.deepEqual(years.map((y) => y.year), [1950, 1951, 1952, 1953, 1954, 1955]);
  const y1950 = years[0];
  assert.equal(y1950.edges.bc, Math.tanh(7 / RECORD_SCALE), 'E2, a loan of intensity 7');
  assert.equal(y1950.edges.ca, Math.tanh(-6 / RECORD_SCALE), 'E1, a show of force of intensity −6');
  assert.equal(y1950.carried.ab, true, 'no event between THIRD and BIG: their stated initial relation, −0.3');
  assert.equal(y1950.edges.ab, -0.3);
  assert.equal(y1950.shape?.configuration, 'stable marriage');
  assert.equal(years[1].edges.bc, y1950.edges.bc, '1951 has no event: 1950 carries on');
  assert.equal(years[1].carried.bc, true);
  assert.equal(years[2].edges.bc, y1950.edges.bc, 'carried for CARRY_YEARS years');
  assert.equal(years[3].edges.bc, null, 'then unknown');
  assert.equal(years[3].shape, null, 'and the year is not classified');
  assert.equal(years[4].edges.bc, Math.tanh(-4 / RECORD_SCALE), 'E4, an attack in print in 1954');
  assert.equal(years[4].shape, null, 'the third power\'s edges have had no event since 1950');
});

test('agreement counts the classified years whose configurations match', () => {
  const years = recordTriangleByYear(scenario, ['THIRD', 'BIG', 'SMALL']);
  const modelLike = years.flatMap((y) => (y.shape ? [{ year: y.year, ids: y.ids, ...y.shape }] : []));
  assert.equal(CARRY_YEARS, 2);
  assert.deepEqual(configurationAgreement(modelLike, years), { years: 3, same: 3 });
  assert.deepEqual(configurationAgreement(modelLike.map((y) => ({ ...y, configuration: 'unit veto' as const })), years), { years: 3, same: 0 });
});
