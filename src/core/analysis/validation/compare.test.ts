// Comparing explanations, smoke-tested with a tiny budget on the minimal fixture with three declared explanations.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadScenarioText } from '../../scenario/parse.js';
import type { Scenario } from '../../scenario/schema.js';
import { fitScenario, fitSettings } from '../fitting/fit.js';
import { target } from '../fitting/loss.js';
import { recordSeries } from '../record/record.js';
import { parseWindow } from '../record/window.js';
import { compareExplanations, runCompareJob } from './compare.js';
import { scoreOutOfSample } from './out-of-sample.js';
import { perturbJudgements } from './perturb.js';

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

test('the ranking is redone on each perturbed world: each job fits and scores that world, and stability counts its winners', () => {
  const c = compareExplanations(scenario, tiny);
  assert.equal(c.perturbed.length, 2);
  for (const p of c.perturbed) {
    const world = perturbJudgements(scenario, 1, p.index);
    const job = runCompareJob(scenario, tiny, { variant: p.index, explanation: 'doctrine' });
    const direct = scoreOutOfSample(world, fitSettings(fitScenario(world, { ...tiny, mechanisms: ['ideology'] })), {
      train: tiny.train, every: tiny.every, measure: 'goldstein', runs: tiny.runs, seed: 2,
    });
    assert.equal(job.oos.model.logScore, direct.model.logScore, 'a perturbed job scores the perturbed world');
    assert.equal(p.logScores[1], direct.model.logScore);
    assert.equal(p.winner, p.ranking[0]);
  }
  const same = c.perturbed.filter((p) => p.winner === c.ranking[0]).length / c.perturbed.length;
  assert.equal(c.stability.sameWinner, same);
  assert.deepEqual(compareExplanations(scenario, tiny), c);
});

test('a perturbation moves what reaches the model: intensities, the record\'s Goldstein weights and driver effects', () => {
  const p = perturbJudgements(scenario, 1, 1);
  p.events.forEach((e, i) => {
    const o = scenario.events[i];
    const d = Math.abs(e.intensity - o.intensity);
    assert.ok(d === 1 || (d === 0 && Math.abs(e.intensity) === 10), e.id);
    if (o.role === 'record' && o.goldstein !== undefined) assert.equal(Math.abs(e.goldstein! - o.goldstein), 1, `${e.id}: the coded record moves`);
    if (o.role === 'driver') {
      o.effects.forEach((f, j) => {
        const g = e.effects[j];
        if (f.type === 'threat' && g.type === 'threat') assert.ok([0.75, 1.25].some((r) => Math.abs(g.level - Math.min(1, f.level * r)) < 1e-12), e.id);
      });
    }
  });
  // The fitted target moves under the default Goldstein measure, so each explanation sees a different record.
  const series = (s: Scenario) => Array.from(target(s, recordSeries(s), parseWindow('1950-1952'), 'year', 'goldstein').observed[0]).join();
  assert.notEqual(series(p), series(scenario));
  const variants = [1, 2, 3, 4, 5].map((k) => perturbJudgements(scenario, 1, k).events.map((e) => e.intensity).join());
  assert.ok(new Set(variants).size > 1, 'another index, another perturbation');
  assert.equal(variants[0], p.events.map((e) => e.intensity).join(), 'the same index, the same perturbation');
});

test('no declared explanations, or an unknown one, is a RangeError', () => {
  assert.throws(() => compareExplanations(base, tiny), /declares no explanations/);
  assert.throws(() => compareExplanations(scenario, { ...tiny, explanations: ['wedge'] }), /unknown explanation "wedge"/);
});
