// Each mechanism on hand-made states: the sign and size of its term, and how it moves with the quantity it models.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compile } from '../engine/compile.js';
import { MECHANISMS } from '../engine/parameters.js';
import { initialState } from '../engine/state.js';
import { Scenario } from '../scenario/schema.js';
import { autonomy } from './autonomy.js';
import { bargaining } from './bargaining.js';
import { economy } from './economy.js';
import { ideology } from './ideology.js';
import { NEUTRAL_TRAITS, type PairView } from './pair.js';
import { personality } from './personality.js';
import { security } from './security.js';
import { standing } from './standing.js';

const src = ['t'];
const actor = (id: string) => ({
  id, name: id,
  capability: { sources: src, series: { '1950': 0.1 } },
  interests: { security: 1, economy: 1, standing: 1, autonomy: 1, ideology: 1, judgement: 'test weights' },
});
const issue = (id: string, dimension: 'material' | 'sovereignty' | 'doctrine') => ({
  id, name: id, dimension, scale: { low: 'low', high: 'high' }, statusQuo: { value: 50, sources: src },
});
const scenario = Scenario.parse({
  schism: 1,
  meta: { title: 't', period: { start: '1950-01', end: '1950-12' } },
  sources: [{ id: 't', author: 'a', title: 't', year: 2026, kind: 'document' }],
  actors: [actor('S'), actor('J'), actor('T')],
  issues: [issue('mat', 'material'), issue('sov', 'sovereignty'), issue('doc', 'doctrine')],
  alliances: [{ id: 'p', name: 'p', members: ['S', 'J'], sources: src }],
});

/** A view of member i (0 = S senior, 1 = J junior) with capabilities S 0.2, J 0.1, T 0.3 and neutral relations. */
function view(i: 0 | 1, mechanism: keyof typeof MECHANISMS) {
  const model = compile(scenario);
  const state = initialState(model);
  state.cap.set([0.2, 0.1, 0.3]);
  const j = 1 - i;
  const v: PairView = {
    model, state, alliance: 0, slot: -1, i, j, ci: state.cap[i], cj: state.cap[j], junior: i === 1, ratio: 0.5,
    traitsI: NEUTRAL_TRAITS, traitsJ: NEUTRAL_TRAITS, params: model.params.mechanisms[mechanism],
  };
  return { v, state, n: 3, K: 3 };
}

test('security: a hostile third power makes a credible ally worth more; the partner\'s own enemies entrap', () => {
  const { v, state, n } = view(1, 'security');
  assert.equal(security(v), 0, 'no threat, no value');
  state.rel[2 * n + 1] = -1; // T fully hostile to J
  state.rel[0 * n + 1] = 1; // S fully committed to J
  // threat 1 * 0.3/(0.3+0.1) = 0.75, partner share 0.2/0.3, credibility 1 -> 0.5
  assert.ok(Math.abs(security(v) - 0.5) < 1e-12);
  state.rel[0 * n + 1] = -1; // S's support not credible
  assert.equal(security(v), 0);
  const senior = view(0, 'security');
  senior.state.rel[2 * 3 + 1] = -1; // T hostile to the partner J only: entrapment for S
  // entrapment 1 * (1 - 0) * 0.3/(0.3+0.1) = 0.75, times 0.5
  assert.ok(Math.abs(security(senior.v) - -0.375) < 1e-12);
});

test('economy: aid received is a benefit, aid given a smaller cost', () => {
  const { v, state, n } = view(1, 'economy');
  state.aid[0 * n + 1] = 0.4;
  assert.ok(Math.abs(economy(v) - 0.4) < 1e-12);
  const giver = view(0, 'economy');
  giver.state.aid[0 * n + 1] = 0.4;
  assert.ok(Math.abs(economy(giver.v) - -0.2) < 1e-12);
});

test('standing: the junior resents hierarchy more as it nears parity; the senior pays for an ambitious challenger', () => {
  const { v, state } = view(1, 'standing');
  state.hierarchy[0] = 1;
  const atHalf = standing(v);
  assert.ok(Math.abs(atHalf - -0.25) < 1e-12, `${atHalf}`); // 1 * 1 * 0.5 * 0.5
  v.ratio = 0.9;
  assert.ok(standing(v) < atHalf);
  const senior = view(0, 'standing');
  senior.state.hierarchy[0] = 1;
  const calm = standing(senior.v);
  senior.v.traitsJ = { ...NEUTRAL_TRAITS, ambition: 1 };
  assert.ok(standing(senior.v) < calm);
});

test('autonomy and bargaining: +1 at one\'s position, -1 a full scale away, only on issues both members hold', () => {
  for (const [mech, k, fn] of [['autonomy', 1, autonomy], ['bargaining', 0, bargaining]] as const) {
    const { v, state, K } = view(0, mech);
    state.pos[0 * K + k] = 50; state.sal[0 * K + k] = 1;
    assert.equal(fn(v), 0, `${mech}: the partner holds no stance, so the issue is not between them`);
    state.pos[1 * K + k] = 100; state.sal[1 * K + k] = 1;
    assert.equal(fn(v), 1, `${mech}: outcome 50 at S's position`);
    state.outcome[k] = 100; state.pos[0 * K + k] = 0;
    assert.equal(fn(v), -1);
  }
  const junior = view(1, 'autonomy');
  junior.state.pos.set([NaN, 0, NaN, NaN, 50, NaN], 0);
  junior.state.sal.set([0, 1, 0, 0, 1, 0], 0);
  junior.v.ratio = 1; // at parity the junior weighs autonomy 1.5 times
  assert.equal(autonomy(junior.v), 1.5);
});

test('ideology: shared doctrine binds, distance divides', () => {
  const { v, state, K } = view(0, 'ideology');
  state.pos[0 * K + 2] = 40; state.sal[0 * K + 2] = 1;
  state.pos[1 * K + 2] = 40;
  assert.equal(ideology(v), 0.5);
  state.pos[1 * K + 2] = 90;
  assert.ok(Math.abs(ideology(v) - (0.5 * 0.5 - 1 * 0.5)) < 1e-12);
});

test('personality: trusting and modest leaders +1, suspicious and driven ones -1', () => {
  const { v } = view(0, 'personality');
  v.traitsI = { ...NEUTRAL_TRAITS, mistrust: 0 }; v.traitsJ = { ...NEUTRAL_TRAITS, ambition: 0 };
  assert.equal(personality(v), 1);
  v.traitsI = { ...NEUTRAL_TRAITS, mistrust: 1 }; v.traitsJ = { ...NEUTRAL_TRAITS, ambition: 1 };
  assert.equal(personality(v), -1);
});
