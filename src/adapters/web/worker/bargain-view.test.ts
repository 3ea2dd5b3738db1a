// The bargaining table's data: a scenario's issues with their recorded outcomes, a CSV read as one issue, both models run.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadScenarioText } from '../../../core/scenario/parse.js';
import { bothModels, csvTable, scenarioTable } from './bargain-view.js';

const file = 'scenarios/moscow-1949-50.yaml';
const moscow = loadScenarioText(readFileSync(file, 'utf8'), file);

test('the Moscow talks: seven issues with their scales, status quo and recorded outcome', () => {
  const issues = scenarioTable(moscow, '1949-12');
  assert.deepEqual(issues.map((i) => i.issue), ['TRTY', 'PA', 'DL', 'CCR', 'MGL', 'AID', 'JSC']);
  const trty = issues[0];
  assert.equal(trty.outcome?.value, 100);
  assert.equal(trty.statusQuo, 0);
  assert.ok(trty.problem && trty.problem.actors.length >= 2);
});

test('both models run side by side, and an actor\'s salience moves the forecast', () => {
  const trty = scenarioTable(moscow, '1949-12')[0];
  const p = trty.problem!;
  const before = bothModels(p, 1950);
  assert.deepEqual(before.map((a) => a.model), ['bdm', 'smp']);
  for (const a of before) assert.equal(a.forecast.length, 1, `${a.model}: ${a.problems.join('; ')}`);
  const stalin = p.actors.findIndex((a) => a.id === 'STALIN');
  const edited = { ...p, salience: p.salience.map((s, i) => (i === stalin ? [0.05] : s)) };
  const after = bothModels(edited, 1950);
  assert.ok(after.some((a, k) => a.forecast[0] !== before[k].forecast[0]), 'a forecast moves when Stalin stops caring');
});

test('a KTAB CSV is one issue with its dimensions; a broken one throws located diagnostics', () => {
  const ktab = readFileSync('data/bargaining/ktab-china-soe-2016/SOE-Competitive.csv', 'utf8');
  const [issue] = csvTable(ktab, 'SOE-Competitive.csv');
  assert.ok(issue.problem && issue.problem.actors.length > 10);
  assert.throws(() => csvTable('Actor,Capability,Position,Salience\nA,x,1,1\n', 'bad.csv'), (err: Error & { diagnostics?: { line: number }[] }) => err.diagnostics?.[0].line === 2);
});
