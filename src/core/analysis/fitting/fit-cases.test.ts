// A fit shared across cases, on variants of the minimal fixture with a tiny budget.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadScenarioText } from '../../scenario/parse.js';
import { monthIndex } from '../../time/month.js';
import { assembleCasesFit, caseWindow, casesFitJobs, fitCases, runCasesFitRestart, type Case } from './fit-cases.js';

const file = 'test/fixtures/minimal.yaml';
const base = loadScenarioText(readFileSync(file, 'utf8'), file);
const cases: Case[] = [
  { name: 'a', scenario: base },
  { name: 'b', scenario: { ...base, meta: { ...base.meta, period: { start: '1950-01', end: '1953-12' } }, events: base.events.filter((e) => e.date < '1954') } },
];
const tiny = { restarts: 2, evaluations: 16, seeds: 2, every: 'year' as const };

test('a case is fitted on its training window (the first third of its period) or on its whole period', () => {
  assert.deepEqual(caseWindow(base, 'training'), { first: monthIndex('1950-01'), last: monthIndex('1951-12') });
  assert.deepEqual(caseWindow(cases[1].scenario, 'training'), { first: monthIndex('1950-01'), last: monthIndex('1951-04') }, '16 of 48 months');
  assert.deepEqual(caseWindow(base, 'whole'), { first: monthIndex('1950-01'), last: monthIndex('1955-12') });
});

test('one parameter set for all cases: the loss is the mean of the cases\' own losses, and restarts run apart give the same fit', () => {
  const fit = fitCases(cases, tiny);
  assert.equal(fit.cases.length, 2);
  assert.ok(Math.abs(fit.loss - (fit.cases[0].loss + fit.cases[1].loss) / 2) < 1e-12);
  assert.ok(Math.abs(fit.startLoss - (fit.cases[0].startLoss + fit.cases[1].startLoss) / 2) < 1e-12);
  assert.deepEqual(fit.cases.map((c) => c.window), ['1950-01..1951-12', '1950-01..1951-04']);
  for (const p of fit.parameters) assert.ok(p.fitted >= p.min && p.fitted <= p.max, p.key);
  assert.equal(fit.parameters.find((p) => p.key === 'rules.activity')!.bounds, 'engine');
  const apart = casesFitJobs(tiny).reverse().map((r) => runCasesFitRestart(cases, tiny, r)).reverse();
  assert.deepEqual(assembleCasesFit(cases, tiny, apart), fit);
});

test('no case at all is refused', () => {
  assert.throws(() => fitCases([], tiny), /at least one case/);
});
