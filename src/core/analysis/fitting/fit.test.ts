// Fitting on the minimal fixture: a parameter is recovered from data simulated with a known value, deterministically.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ACTS } from '../../engine/acts.js';
import { simulate } from '../../engine/simulate.js';
import { loadScenarioText } from '../../scenario/parse.js';
import type { Scenario, ScenarioEvent } from '../../scenario/schema.js';
import { monthLabel } from '../../time/month.js';
import { assembleFit, fitJobs, fitScenario, fitSettings, runFitRestart } from './fit.js';

const file = 'test/fixtures/minimal.yaml';
const base = loadScenarioText(readFileSync(file, 'utf8'), file);
const drivers: Scenario = { ...base, events: base.events.filter((e) => e.role === 'driver') };

/** The minimal fixture whose record is one run simulated with the given parameters: its acts written as record events. */
function simulatedHistory(params: Record<string, number>, seed: number): Scenario {
  const r = simulate(drivers, { seed, params });
  const acts: ScenarioEvent[] = r.log.flatMap((e, i) =>
    e.type === 'simulated'
      ? [{
          id: `S${i}`, date: monthLabel(r.model.start + e.month), from: r.model.actorIds[e.from], to: r.model.actorIds[e.to],
          role: 'record' as const, joint: false, category: 'diplomatic' as const, issues: [], weis: ACTS[e.act].weis,
          goldstein: ACTS[e.act].goldstein, intensity: ACTS[e.act].goldstein, description: e.act, effects: [], sources: ['made-up'],
        }]
      : [],
  );
  return { ...drivers, events: [...drivers.events, ...acts] };
}

test('recovers the activity rate (true 0.6, default 0.35) from one simulated history to within 0.1', () => {
  const history = simulatedHistory({ 'rules.activity': 0.6 }, 42);
  const fit = fitScenario(history, { train: '1950-1955', parameters: ['rules.activity'], restarts: 2, evaluations: 40, seeds: 12 });
  const [p] = fit.parameters;
  assert.equal(p.key, 'rules.activity');
  assert.equal(p.start, 0.35);
  assert.ok(Math.abs(p.fitted - 0.6) < 0.1, `fitted ${p.fitted}`);
  assert.ok(fit.loss < fit.startLoss, 'the fit improves on the scenario\'s own value');
  assert.equal(p.restarts.length, 2);
  assert.ok(p.spread < 0.1);
  assert.equal(fit.simulations, fit.evaluations * 12);
});

test('a fit is deterministic, stays within the declared bounds and gives compile options for the fitted model', () => {
  const opts = { train: '1950-1953', restarts: 2, evaluations: 24, seeds: 2, every: 'year' as const };
  const a = fitScenario(base, opts);
  assert.deepEqual(a, fitScenario(base, opts));
  for (const p of a.parameters) assert.ok(p.fitted >= p.min && p.fitted <= p.max, p.key);
  assert.ok(a.parameters.some((p) => p.key === 'standing.resentment'));
  const s = fitSettings(a);
  assert.equal(s.mechanisms.security, true);
  assert.equal(s.params['rules.activity'], a.parameters.find((p) => p.key === 'rules.activity')!.fitted);
});

test('a fit of a subset of mechanisms switches the others off and moves only their parameters', () => {
  const fit = fitScenario(base, { train: '1950-1953', mechanisms: ['ideology'], rules: ['activity'], restarts: 1, evaluations: 12, seeds: 2 });
  assert.deepEqual(fit.parameters.map((p) => p.key), ['ideology.solidarity', 'ideology.divergence', 'rules.activity']);
  assert.equal(fitSettings(fit).mechanisms.standing, false);
});

test('a training window outside the period is refused with a RangeError naming it', () => {
  assert.throws(() => fitScenario(base, { train: '1940-1950' }), /training window 1940-01\.\.1950-12 is outside/);
  assert.throws(() => fitScenario(base, { train: 'fifties' }), /YYYY-YYYY/);
});

test('restarts run one by one, in any order, and put together give the fit fitScenario gives (how workers run them)', () => {
  const options = { train: '1950-1952', restarts: 3, evaluations: 24, seeds: 2, every: 'year' as const, seed: 4 };
  const whole = fitScenario(base, options);
  const jobs = fitJobs(options);
  assert.deepEqual(jobs, [0, 1, 2]);
  const runs = [...jobs].reverse().map((r) => runFitRestart(base, options, r)).reverse();
  assert.deepEqual(assembleFit(base, options, runs), whole);
  assert.notDeepEqual(runs[0].best, runs[1].best, 'the restarts differ, so their order matters to the assembly');
});
