// Model and parameter recovery on the minimal fixture with two declared explanations and a tiny budget.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadScenarioText } from '../../scenario/parse.js';
import type { Scenario } from '../../scenario/schema.js';
import { assembleRecovery, recover, recoveryJobs, runRecoveryJob } from './recovery.js';

const file = 'test/fixtures/minimal.yaml';
const base = loadScenarioText(readFileSync(file, 'utf8'), file);
const scenario: Scenario = {
  ...base,
  explanations: [
    { id: 'doctrine', name: 'Doctrine', mechanisms: ['ideology'], description: 'doctrinal distance', sources: [] },
    { id: 'status', name: 'Status', mechanisms: ['standing', 'autonomy'], description: 'rising junior', sources: [] },
  ],
};
const tiny = { runs: 2, densities: [1, 10], train: '1950-1952', every: 'year' as const, seeds: 2, restarts: 1, evaluations: 8, scoreRuns: 4 };

test('every generator, run and density is a job; a run keeps its true parameters at every density, within their bounds', () => {
  const jobs = recoveryJobs(scenario, tiny);
  assert.equal(jobs.length, 2 * 2 * 2);
  const lo = runRecoveryJob(scenario, tiny, { generator: 'doctrine', run: 1, density: 1 });
  const hi = runRecoveryJob(scenario, tiny, { generator: 'doctrine', run: 1, density: 10 });
  assert.deepEqual(lo.truth, hi.truth);
  assert.ok(Object.keys(lo.truth).includes('ideology.solidarity'));
  assert.ok(lo.truth['rules.activity'] >= 0.05 && lo.truth['rules.activity'] <= 1);
  assert.notDeepEqual(runRecoveryJob(scenario, tiny, { generator: 'doctrine', run: 0, density: 1 }).truth, lo.truth, 'another run, other parameters');
  // The record has 1 act between the allies in 1950-1952 (the loan): a 10x record holds about ten, pooling runs to get them.
  assert.ok(lo.acts <= 4, `${lo.acts} acts at 1x`);
  assert.ok(hi.acts >= 4 && hi.acts <= 20, `${hi.acts} acts at 10x`);
  assert.equal(lo.fits.length, 2);
  assert.equal(lo.winner, lo.fits.reduce((a, b) => (b.logScore > a.logScore ? b : a)).explanation);
  assert.ok(lo.parameterError >= 0 && lo.parameterError <= 1);
  assert.equal(lo.parameterError, Object.values(lo.parameterErrors).reduce((s, x) => s + Math.abs(x), 0) / Object.keys(lo.parameterErrors).length);
});

test('the confusion matrix counts winners per generator; its rows sum to one; jobs run apart give the same study', () => {
  const r = recover(scenario, tiny);
  assert.equal(r.realActs, 1);
  for (const d of r.densities) {
    for (const row of d.confusion) assert.ok(Math.abs(row.reduce((s, x) => s + x, 0) - 1) < 1e-12);
    r.generators.forEach((g, i) => {
      const won = r.jobs.filter((j) => j.density === d.density && j.generator === g && j.winner === g).length;
      assert.equal(d.recovered[i], won / 2);
    });
  }
  const apart = recoveryJobs(scenario, tiny).reverse().map((j) => runRecoveryJob(scenario, tiny, j)).reverse();
  assert.deepEqual(assembleRecovery(scenario, tiny, apart), r);
  assert.throws(() => recoveryJobs(scenario, { ...tiny, explanations: ['nope'] }), /unknown explanation "nope"/);
  assert.throws(() => recoveryJobs(base, tiny), /declares no explanations/);
});
