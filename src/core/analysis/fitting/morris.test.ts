// Morris screening on the minimal fixture: a parameter that cannot matter has zero effect, one that must matter does not.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compile } from '../../engine/compile.js';
import { loadScenarioText } from '../../scenario/parse.js';
import { meanBreakMonth, morrisScreening } from './morris.js';

const file = 'test/fixtures/minimal.yaml';
const scenario = loadScenarioText(readFileSync(file, 'utf8'), file);

test('the outside option matters and a switched-off mechanism\'s parameter does not', () => {
  const off = { ...scenario, mechanisms: { bargaining: { enabled: false, params: {} } } };
  const m = morrisScreening(off, { parameters: ['rules.outsideBase', 'bargaining.weight', 'rules.activity'], trajectories: 4, runs: 4 });
  const row = (k: string) => m.rows.find((r) => r.key === k)!;
  assert.equal(row('bargaining.weight').muStar, 0, 'a disabled mechanism cannot move the break');
  assert.ok(row('rules.outsideBase').muStar > 10, 'a better outside option breaks the pact sooner');
  assert.ok(row('rules.outsideBase').mu < 0);
  assert.equal(m.evaluations, 4 * 4);
  assert.equal(m.simulations, 16 * 4);
  assert.ok(m.rows[0].muStar >= m.rows[1].muStar && m.rows[1].muStar >= m.rows[2].muStar);
});

test('screening is deterministic for a seed and covers every parameter by default', () => {
  const a = morrisScreening(scenario, { trajectories: 2, runs: 2 });
  assert.deepEqual(a, morrisScreening(scenario, { trajectories: 2, runs: 2 }));
  assert.ok(a.rows.length > 30);
  assert.ok(a.rows.every((r) => r.muStar >= Math.abs(r.mu) - 1e-9 && r.sigma >= 0));
});

test('the outcome counts a run that never breaks as the month after the period', () => {
  const never = meanBreakMonth(compile(scenario, { mode: 'predict', params: { 'rules.brokenMargin': -2, 'rules.strainedMargin': -1, 'rules.activity': 0.05, 'rules.hostileRelation': -1, 'rules.forceMemory': 1, 'rules.defectionMemory': 1 } }), 3, 1, 0);
  assert.ok(never <= 72 && never > 0);
  assert.throws(() => morrisScreening(scenario, { alliance: 3 }), /no alliance number 3/);
});
