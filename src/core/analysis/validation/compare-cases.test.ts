// Explanations compared across cases: each explanation's leave-one-case-out study with its own mechanisms, ranked.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadScenarioText } from '../../scenario/parse.js';
import type { Explanation } from '../../scenario/schema.js';
import type { Case } from '../fitting/fit-cases.js';
import { assembleCompareCases, compareCasesJobs, libraryExplanations, runCompareCasesJob } from './compare-cases.js';
import { leaveOneCaseOut } from './leave-one-case-out.js';

const load = (file: string) => loadScenarioText(readFileSync(file, 'utf8'), file);
const explanations: Explanation[] = [
  { id: 'doctrine', name: 'Doctrine', mechanisms: ['ideology'], description: 'doctrinal distance', sources: [] },
  { id: 'status', name: 'Status', mechanisms: ['standing', 'autonomy'], description: 'rising junior', sources: [] },
];
const cases: Case[] = [
  { name: 'endures', scenario: { ...load('test/fixtures/cases/endures.yaml'), explanations } },
  { name: 'breaks', scenario: load('test/fixtures/cases/breaks.yaml') },
];
const tiny = { restarts: 1, evaluations: 6, seeds: 2, runs: 4, explanations };

test('each explanation gets the leave-one-case-out study of its own mechanisms, and the ranking follows the pooled log score', () => {
  assert.deepEqual(libraryExplanations(cases).map((e) => e.id), ['doctrine', 'status']);
  const jobs = compareCasesJobs(cases, tiny);
  assert.equal(jobs.length, 2 * 2);
  const c = assembleCompareCases(cases, tiny, jobs.map((j) => runCompareCasesJob(cases, tiny, j)));
  const { explanations: _, ...loo } = tiny;
  assert.deepEqual(c.explanations[1].study, leaveOneCaseOut(cases, { ...loo, mechanisms: ['standing', 'autonomy'] }));
  const logs = c.ranking.map((id) => c.explanations.find((e) => e.id === id)!.study.summary[0].meanLogScore!);
  assert.ok(logs[0] >= logs[1]);
  assert.throws(() => libraryExplanations([cases[1]]), /no case declares explanations/);
});
