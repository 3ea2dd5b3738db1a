// The wedge and nuclear mechanisms on hand-made states: the sign and size of each term, and that each is switchable.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compile } from '../engine/compile.js';
import { MECHANISM_IDS, MECHANISMS } from '../engine/parameters.js';
import { initialState } from '../engine/state.js';
import { Scenario } from '../scenario/schema.js';
import { nuclear } from './nuclear.js';
import { NEUTRAL_TRAITS, type PairView } from './pair.js';
import { wedge } from './wedge.js';

const src = ['t'];
const actor = (id: string) => ({
  id, name: id,
  capability: { sources: src, series: { '1950': 0.1 } },
  interests: { security: 1, economy: 1, standing: 1, autonomy: 1, ideology: 1, judgement: 'test weights' },
});
const scenario = Scenario.parse({
  schism: 1,
  meta: { title: 't', period: { start: '1950-01', end: '1950-12' } },
  sources: [{ id: 't', author: 'a', title: 't', year: 2026, kind: 'document' }],
  actors: [actor('S'), actor('J'), actor('T')],
  issues: [{ id: 'bomb', name: 'bomb', dimension: 'nuclear', scale: { low: 'none', high: 'full help' }, statusQuo: { value: 0, sources: src } }],
  alliances: [{ id: 'p', name: 'p', members: ['S', 'J'], sources: src }],
});

/** Member i's view (0 = S senior, 1 = J junior); S, J, T are actors 0, 1, 2 and the bomb is issue 0. */
function view(i: 0 | 1, mechanism: keyof typeof MECHANISMS, risk = 0.5) {
  const model = compile(scenario);
  const state = initialState(model);
  state.cap.set([0.2, 0.1, 0.3]);
  const v: PairView = {
    model, state, alliance: 0, slot: -1, i, j: 1 - i, ci: state.cap[i], cj: state.cap[1 - i], junior: i === 1, ratio: 0.5, share: i === 1 ? 1 / 3 : 2 / 3, forecast: i === 1 ? 1 / 3 : 2 / 3,
    traitsI: NEUTRAL_TRAITS, traitsJ: { ...NEUTRAL_TRAITS, risk }, params: model.params.mechanisms[mechanism],
  };
  return { v, state, n: 3 };
}

test('wedge: an inducement to i costs the alliance its full value; pressure counts only where the partner is friendlier to the presser', () => {
  const { v, state, n } = view(1, 'wedge');
  assert.equal(wedge(v), 0);
  state.inducement[2 * n + 1] = 0.4; // T courts J
  assert.ok(Math.abs(wedge(v) - -0.4) < 1e-12, 'inducement 1 x 0.4');
  state.inducement[2 * n + 1] = 0;
  v.params = { ...v.params, pressure: 1 };
  state.rel[2 * n + 1] = -0.8; // T hostile to J
  state.rel[1 * n + 2] = -0.6; // J hostile to T
  state.rel[0 * n + 2] = -0.6; // S equally hostile to T: shared pressure, no wedge
  assert.equal(wedge(v), 0);
  state.rel[0 * n + 2] = 0.4; // S friendly to T: J pressed alone, gap 1.0
  assert.ok(Math.abs(wedge(v) - -0.4) < 1e-12, '1 x 0.8 x 1.0 / 2');
});

test('nuclear: help on the bomb is a gain against no help, as any issue; the senior fears a risk-taking, nuclear-minded junior', () => {
  const junior = view(1, 'nuclear');
  junior.state.pos.set([NaN, NaN, NaN]);
  junior.state.pos[0] = 10; // S wants to give little
  junior.state.pos[1] = 100; // J wants full help
  junior.state.sal[1] = 0.8;
  junior.state.sal[0] = 0.3;
  assert.equal(nuclear(junior.v), 0, 'no help given: what J would have without the alliance');
  junior.state.outcome[0] = 80;
  assert.ok(Math.abs(nuclear(junior.v) - 0.64) < 1e-12, 'help at 80: 0.8 x (100 - 20) / 100');
  const senior = view(0, 'nuclear', 0.9);
  senior.state.pos[0] = 10;
  senior.state.pos[1] = 100;
  senior.state.sal[0] = 0.3;
  senior.state.sal[1] = 0.8;
  // S at 10, outcome 0 = no help: no gain; fear 0.5 x salience 0.8 x risk 0.9 = 0.36
  assert.ok(Math.abs(nuclear(senior.v) - -0.36) < 1e-12);
  senior.state.outcome[0] = 80;
  assert.ok(nuclear(senior.v) < -0.36, 'help given beyond what S wanted costs it too');
});

test('both are mechanisms like the others: listed, bounded, weighted, switchable', () => {
  assert.ok(MECHANISM_IDS.includes('wedge') && MECHANISM_IDS.includes('nuclear'));
  for (const m of ['wedge', 'nuclear']) for (const p of Object.values(MECHANISMS[m].params)) assert.ok(p.min <= p.value && p.value <= p.max);
  const M = MECHANISM_IDS.length;
  const model = compile(scenario);
  const w = (m: string) => model.weights[0 * M + MECHANISM_IDS.indexOf(m)];
  assert.equal(w('wedge'), 1, 'full weight, as the outside option it came from');
  assert.equal(w('nuclear'), w('security'), 'weighted as a security interest');
  assert.equal(compile(scenario, { mechanisms: { wedge: false } }).params.enabled.wedge, false);
});
