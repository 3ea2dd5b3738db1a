// Comparing explanations, smoke-tested with a tiny budget on the minimal fixture with three declared explanations.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadScenarioText } from '../../scenario/parse.js';
import type { Scenario } from '../../scenario/schema.js';
import { compareExplanations } from './compare.js';
import { perturbIntensities } from './perturb.js';

const file = 'test/fixtures/minimal.yaml';
const base = loadScenarioText(readFileSync(file, 'utf8'), file);
const scenario: Scenario = {
  ...base,
  explanations: [
    { id: 'status', name: 'Status', mechanisms: ['standing', 'autonomy'], description: 'rising junior', sources: [] },
    { id: 'doctrine', name: 'Doctrine', mechanisms: ['ideology'], description: 'doctrinal distance', sources: [] },
    { id: 'all', name: 'All', mechanisms: ['security', 'economy', 'standing', 'autonomy', 'ideology', 'bargaining', 'personality'], description: 'all', sources: [] },
  ],
};
const tiny = { train: '1950-1952', every: 'year' as const, seeds: 2, restarts: 1, evaluations: 12, runs: 4, perturbations: 2 };

test('each explanation is fitted and scored; weights sum to one; ranks follow the held-out log score', () => {
  const c = compareExplanations(scenario, tiny);
  assert.deepEqual(c.explanations.map((e) => e.id), ['status', 'doctrine', 'all']);
  assert.ok(Math.abs(c.explanations.reduce((s, e) => s + e.weight, 0) - 1) < 1e-12);
  const byRank = [...c.explanations].sort((a, b) => a.rank - b.rank);
  assert.deepEqual(byRank.map((e) => e.id), c.ranking);
  for (let i = 1; i < byRank.length; i++) assert.ok(byRank[i - 1].outOfSample.model.logScore >= byRank[i].outOfSample.model.logScore);
  assert.deepEqual(c.explanations[1].fit.parameters.map((p) => p.key).slice(0, 2), ['ideology.solidarity', 'ideology.divergence']);
  assert.equal(c.options.test, '1953-01..1955-12');
});

test('the ranking is redone under seeded ±1 perturbations and its stability reported; all deterministic', () => {
  const c = compareExplanations(scenario, tiny);
  assert.equal(c.perturbed.length, 2);
  for (const p of c.perturbed) assert.deepEqual([...p.ranking].sort(), ['all', 'doctrine', 'status']);
  assert.ok(c.stability.sameWinner !== null && c.stability.sameWinner >= 0 && c.stability.sameWinner <= 1);
  assert.deepEqual(compareExplanations(scenario, tiny), c);
});

test('perturbation moves every judged intensity by exactly one, within the scale', () => {
  const p = perturbIntensities(scenario, 1, 1);
  p.events.forEach((e, i) => {
    const d = Math.abs(e.intensity - scenario.events[i].intensity);
    assert.ok(d === 1 || (d === 0 && Math.abs(e.intensity) === 10), e.id);
    assert.equal(e.goldstein, scenario.events[i].goldstein);
  });
  const variants = [1, 2, 3, 4, 5].map((k) => perturbIntensities(scenario, 1, k).events.map((e) => e.intensity).join());
  assert.ok(new Set(variants).size > 1, 'another index, another perturbation');
  assert.equal(variants[0], p.events.map((e) => e.intensity).join(), 'the same index, the same perturbation');
});

test('no declared explanations, or an unknown one, is a RangeError', () => {
  assert.throws(() => compareExplanations(base, tiny), /declares no explanations/);
  assert.throws(() => compareExplanations(scenario, { ...tiny, explanations: ['wedge'] }), /unknown explanation "wedge"/);
});
