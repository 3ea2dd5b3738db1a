// Pins the bridge from stances to forecast settlements, and its use by the engine's bargaining mechanism (foresight).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compile } from '../engine/compile.js';
import { initialState } from '../engine/state.js';
import { bargaining } from '../mechanisms/bargaining.js';
import { NEUTRAL_TRAITS, type PairView } from '../mechanisms/pair.js';
import { Scenario } from '../scenario/schema.js';
import { parseActorTable } from './actor-table.js';
import { forecastSettlements } from './settle.js';

test('settlements from engine-shaped stances equal the models run directly (EC car emissions, BDM 1994 / Scholz 2011)', () => {
  const ec = parseActorTable(readFileSync('data/bargaining/bdm1994-ec-car-emissions/actors.csv', 'utf8'), 'ec.csv');
  const n = ec.actors.length;
  // Issue 0: the EC case; issue 1: a stance held by one actor only, which is no dispute.
  const pos = new Float64Array(n * 2).fill(Number.NaN);
  const sal = new Float64Array(n * 2);
  ec.positions.forEach((p, a) => { pos[a * 2] = p[0]; sal[a * 2] = ec.salience[a][0]; });
  pos[1] = 50; sal[1] = 1;
  const stances = { n, K: 2, pos, sal, cap: ec.actors.map((a) => a.capability) };
  const bdm = forecastSettlements(stances);
  assert.equal(bdm[0], 7, 'the Scholz median after 10 rounds (SOURCE.md: 7.0 at round 10)');
  assert.ok(Number.isNaN(bdm[1]));
  // The SMP's utilities depend on the scale: the engine's issues run 0–100, where the actor table's run 4–10 (SMP 5.966 there).
  assert.equal(forecastSettlements(stances, { model: 'smp' })[0].toFixed(3), '8.360');
});

test('with foresight the bargaining term values issues at their forecast settlement; a reopened dispute is settled again', () => {
  const src = ['t'];
  const actor = (id: string) => ({ id, name: id, capability: { sources: src, series: { '1950': 0.1 } },
    interests: { security: 1, economy: 1, standing: 1, autonomy: 1, ideology: 1, judgement: 'test weights' } });
  const scenario = Scenario.parse({
    schism: 1, meta: { title: 't', period: { start: '1950-01', end: '1950-12' } },
    sources: [{ id: 't', author: 'a', title: 't', year: 2026, kind: 'document' }],
    actors: [actor('S'), actor('J')],
    issues: [{ id: 'mat', name: 'mat', dimension: 'material', scale: { low: 'l', high: 'h' }, statusQuo: { value: 50, sources: src } }],
    alliances: [{ id: 'p', name: 'p', members: ['S', 'J'], sources: src }],
  });
  const model = compile(scenario, { params: { 'bargaining.foresight': 1 } });
  const state = initialState(model);
  state.cap.set([0.3, 0.1]);
  state.pos.set([0, 100]);
  state.sal.set([0.5, 0.5]);
  const v = (i: 0 | 1): PairView => ({
    model, state, alliance: 0, slot: -1, i, j: 1 - i, ci: state.cap[i], cj: state.cap[1 - i], junior: i === 1, ratio: 1 / 3, share: i === 1 ? 0.25 : 0.75, forecast: i === 1 ? 0.25 : 0.75,
    traitsI: NEUTRAL_TRAITS, traitsJ: NEUTRAL_TRAITS, params: model.params.mechanisms.bargaining,
  });
  // Status quo 50 is equally far from both (term 0 without foresight); BDM settles at the stronger S's 0: S gains the 50 points
  // at salience 0.5, J loses them.
  assert.equal(bargaining(v(0)), 0.25);
  assert.equal(bargaining(v(1)), -0.25);
  // Reopened: J's capability and salience rise (new stance, as a position/salience effect would set) and the issue resettles.
  state.cap.set([0.1, 0.3]);
  state.sal.set([0.5, 0.9]);
  state.issueVersion++;
  assert.equal(bargaining(v(0)), -0.25);
  assert.equal(bargaining(v(1)), 0.45);
  // Foresight 0 (the default) keeps the term on the outcome as it stands.
  const plain = compile(scenario);
  assert.equal(plain.params.mechanisms.bargaining.foresight, 0);
  assert.equal(bargaining({ ...v(0), model: plain, params: plain.params.mechanisms.bargaining }), 0);
});
