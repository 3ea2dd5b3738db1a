// Tests of the report's data: ordered bands beside the record, and a decomposition whose terms add up to the value.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compile } from '../engine/compile.js';
import { loadScenarioText } from '../scenario/parse.js';
import { cooperationChart, decompositionChart, sensitivityChart } from './charts.js';
import { cooperationData, decompositionData } from './report-data.js';

const FIXTURE = 'test/fixtures/minimal.yaml';
const scenario = loadScenarioText(readFileSync(FIXTURE, 'utf8'), FIXTURE);
const model = compile(scenario);

test('cooperation bands are ordered quantiles per dyad and year, with the record beside them', () => {
  const d = cooperationData(scenario, model, {}, { runs: 30, seed: 2 });
  assert.equal(d.rows.length, 2 * 6, 'two directions, six years');
  for (const r of d.rows) assert.ok(r.p05 <= r.p25 && r.p25 <= r.p50 && r.p50 <= r.p75 && r.p75 <= r.p95, JSON.stringify(r));
  const big1950 = d.rows.find((r) => r.dyad === 'BIG→SMALL' && r.year === 1950)!;
  assert.equal(big1950.recordedGoldstein, 7.4, 'the record\'s loan of February 1950 (E2)');
  assert.equal(big1950.recordedIntensity, 7);
  assert.deepEqual(d.markers, [], 'no independent data given, no markers');
  const chart = cooperationChart(d);
  assert.equal(chart.table.rows.length, d.rows.length, 'the table carries every point of the chart');
  assert.ok((chart.options.marks ?? []).length >= 5);
});

test('the decomposition\'s mechanism terms add up to each member\'s value', () => {
  const d = decompositionData(model, { runs: 3, seed: 1 });
  for (const line of d.lines) {
    const sum = d.rows.filter((r) => r.member === line.member && r.year === line.year).reduce((s, r) => s + r.value, 0);
    assert.ok(Math.abs(sum - line.value) < 1e-9, `${line.member} ${line.year}: ${sum} vs ${line.value}`);
    assert.ok(Math.abs(line.value - line.outside - line.margin) < 1e-9);
  }
  assert.match(decompositionChart(d).summary, /BIG \(with SMALL\): margin first negative in/);
});

test('sensitivity bars show the largest effects first', () => {
  const spec = sensitivityChart([
    { key: 'rules.noise', min: 0, max: 2, muStar: 3, mu: 1, sigma: 2 },
    { key: 'rules.memory', min: 0, max: 1, muStar: 9, mu: -9, sigma: 1 },
  ]);
  assert.deepEqual(spec.table.rows.map((r) => r[0]), ['rules.memory', 'rules.noise']);
  assert.match(spec.summary, /Largest: rules\.memory \(mu\* 9 months\)/);
});
