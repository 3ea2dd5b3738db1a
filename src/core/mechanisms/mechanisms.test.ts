// Each mechanism on hand-made states: the sign and size of its term against the theory it cites, and how it moves with the
// quantity it models. Every term is a gain from being allied compared with not being allied.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compile } from '../engine/compile.js';
import { MECHANISMS } from '../engine/parameters.js';
import { DIMENSION } from '../engine/model.js';
import { initialState, issueChanged } from '../engine/state.js';
import { Scenario, type ScenarioInput } from '../scenario/schema.js';
import { autonomy } from './autonomy.js';
import { bargaining } from './bargaining.js';
import { commitment } from './commitment.js';
import { economy } from './economy.js';
import { ideology } from './ideology.js';
import { doctrineDistanceAt, issueGainAt, NEUTRAL_TRAITS, type PairView } from './pair.js';
import { personality } from './personality.js';
import { security } from './security.js';
import { stakes } from './stakes.js';
import { standing } from './standing.js';

const src = ['t'];
const actor = (id: string) => ({
  id, name: id,
  capability: { sources: src, series: { '1950': 0.1 } },
  interests: { security: 1, economy: 1, standing: 1, autonomy: 1, ideology: 1, judgement: 'test weights' },
});
const issue = (id: string, dimension: 'material' | 'sovereignty' | 'doctrine', statusQuo = 50) => ({
  id, name: id, dimension, scale: { low: 'low', high: 'high' }, statusQuo: { value: statusQuo, sources: src },
});
const base: ScenarioInput = {
  schism: 1,
  meta: { title: 't', period: { start: '1950-01', end: '1950-12' } },
  sources: [{ id: 't', author: 'a', title: 't', year: 2026, kind: 'document' }],
  actors: [actor('S'), actor('J'), actor('T')],
  issues: [issue('mat', 'material'), issue('sov', 'sovereignty', 100), issue('doc', 'doctrine'), issue('mat2', 'material')],
  alliances: [{ id: 'p', name: 'p', members: ['S', 'J'], sources: src }],
};

/** A view of member i (0 = S senior, 1 = J junior) with capabilities S 0.2, J 0.1, T 0.3 and neutral relations. */
function view(i: 0 | 1, mechanism: keyof typeof MECHANISMS, input: ScenarioInput = base) {
  const model = compile(Scenario.parse(input));
  const state = initialState(model);
  state.cap.set([0.2, 0.1, 0.3]);
  const j = 1 - i;
  const share = i === 1 ? 1 / 3 : 2 / 3;
  const v: PairView = {
    model, state, alliance: 0, slot: -1, i, j, ci: state.cap[i], cj: state.cap[j], junior: i === 1, ratio: 0.5, share, forecast: share,
    traitsI: NEUTRAL_TRAITS, traitsJ: NEUTRAL_TRAITS, params: model.params.mechanisms[mechanism],
  };
  return { v, state, n: 3, K: 4 };
}
const near = (x: number, y: number, what = '') => assert.ok(Math.abs(x - y) < 1e-12, `${what} ${x} vs ${y}`);

test('security (Walt 1987; Morrow 1991): the fall in a hostile power\'s edge that a credible ally brings, less entrapment (Snyder 1984)', () => {
  const { v, state, n } = view(1, 'security');
  assert.equal(security(v), 0, 'no threat, nothing to gain');
  state.rel[2 * n + 1] = -1; // T fully hostile to J
  state.rel[0 * n + 1] = 1; // S fully committed to J
  // alone: 0.3/(0.3+0.1) = 0.75; allied: 0.3/(0.3+0.1+0.2) = 0.5
  near(security(v), 0.25, 'full threat, full credibility');
  state.rel[0 * n + 1] = 0; // half credible
  near(security(v), 0.75 - 0.3 / 0.5, 'half-credible support is worth less');
  state.rel[2 * n + 1] = -0.5;
  near(security(v), 0.5 * (0.75 - 0.3 / 0.5), 'half the hostility, half the gain');
  state.rel[0 * n + 1] = -1; // no credible support at all
  assert.equal(security(v), 0);
  // A small ally adds little to a great power's security: the patron gains far less than the client from the same threat.
  const senior = view(0, 'security');
  senior.state.rel[2 * 3 + 0] = -1; senior.state.rel[1 * 3 + 0] = 1;
  const junior = view(1, 'security');
  junior.state.rel[2 * 3 + 1] = -1; junior.state.rel[0 * 3 + 1] = 1;
  assert.ok(security(senior.v) < security(junior.v) / 2, `${security(senior.v)} vs ${security(junior.v)}`);
  // Entrapment: T hostile to the partner J only costs S 0.5 * 1 * 0.3/(0.3+0.2+0.1).
  const trapped = view(0, 'security');
  trapped.state.rel[2 * 3 + 1] = -1;
  near(security(trapped.v), -0.5 * 0.5, 'entrapment');
});

test('economy: aid received is a benefit, aid given a smaller cost; without the alliance neither flows', () => {
  const { v, state, n } = view(1, 'economy');
  assert.equal(economy(v), 0);
  state.aid[0 * n + 1] = 0.4;
  near(economy(v), 0.4);
  const giver = view(0, 'economy');
  giver.state.aid[0 * n + 1] = 0.4;
  near(economy(giver.v), -0.2);
});

test('standing (Organski & Kugler 1980): the junior resents hierarchy more as it nears parity; the senior pays for an ambitious challenger', () => {
  const { v, state } = view(1, 'standing');
  state.hierarchy[0] = 1;
  const atHalf = standing(v);
  near(atHalf, -0.25); // 1 * 1 * 0.5 * 0.5
  v.ratio = 0.9;
  assert.ok(standing(v) < atHalf);
  v.ratio = 0.01;
  assert.ok(Math.abs(standing(v)) < 0.01, 'a minor ally does not challenge a superpower\'s lead');
  const senior = view(0, 'standing');
  senior.state.hierarchy[0] = 1;
  const calm = standing(senior.v);
  near(calm, 0.3 - 0.5 * 0.5 * 0.5);
  senior.v.traitsJ = { ...NEUTRAL_TRAITS, ambition: 1 };
  assert.ok(standing(senior.v) < calm);
});

test('autonomy (Morrow 1991): the senior gains the rights the junior concedes; the junior\'s loss grows with its power ratio', () => {
  const sov = 1;
  const { v, state, K } = view(0, 'autonomy');
  state.pos[0 * K + sov] = 0; state.sal[0 * K + sov] = 1; // S wants full rights on J's soil
  assert.equal(autonomy(v), 0, 'the partner holds no stance: the issue is not between them');
  state.pos[1 * K + sov] = 100; state.sal[1 * K + sov] = 1; // J wants none
  assert.equal(autonomy(v), 0, 'outcome where it would be without the alliance: no gain');
  state.outcome[sov] = 40; // the alliance has given S rights: 60 points nearer S
  near(autonomy(v), 0.6);
  const junior = view(1, 'autonomy');
  junior.state.pos[0 * K + sov] = 0; junior.state.pos[1 * K + sov] = 100;
  junior.state.sal[1 * K + sov] = 1; junior.state.outcome[sov] = 40;
  junior.v.ratio = 0;
  near(autonomy(junior.v), -0.6, 'a minor ally loses what it conceded');
  junior.v.ratio = 0.5;
  near(autonomy(junior.v), -0.6 * 1.5, 'at half the senior\'s power it weighs the loss 1.5 times');
  junior.v.ratio = 1;
  near(autonomy(junior.v), -1.2, 'at parity twice');
});

test('bargaining: outcomes with the alliance against without it, summed over issues, so a partner\'s new demand adds nothing', () => {
  const { v, state, K } = view(0, 'bargaining');
  state.pos[0 * K + 0] = 80; state.sal[0 * K + 0] = 0.5;
  state.pos[1 * K + 0] = 20; state.sal[1 * K + 0] = 0.5;
  assert.equal(bargaining(v), 0, 'outcome at the status quo: no gain either way');
  state.outcome[0] = 70; // moved 20 points toward S
  near(bargaining(v), 0.5 * 0.2);
  const before = bargaining(v);
  state.pos[0 * K + 3] = 90; state.sal[0 * K + 3] = 1; // S holds a stance on a second issue
  state.pos[1 * K + 3] = 10; state.sal[1 * K + 3] = 1; state.issueVersion++; // and the partner now demands on it
  near(bargaining(v), before, 'a demand alone moves nothing (an average would have changed)');
  state.outcome[3] = 60; state.issueVersion++;
  near(bargaining(v), before + 0.1, 'a second gain adds to the first');
  const junior = view(1, 'bargaining');
  junior.state.pos.set([80, NaN, NaN, NaN, 20, NaN, NaN, NaN], 0);
  junior.state.sal.set([0.5, 0, 0, 0, 0.5, 0, 0, 0], 0);
  junior.state.outcome[0] = 70;
  near(bargaining(junior.v), -0.5 * 0.2, 'what one member gains the other concedes');
});

test('ideology (Haas 2005; Lüthi 2008): shared doctrine binds, distance divides', () => {
  const { v, state, K } = view(0, 'ideology');
  state.pos[0 * K + 2] = 40; state.sal[0 * K + 2] = 1;
  state.pos[1 * K + 2] = 40;
  assert.equal(ideology(v), 0.5);
  state.pos[1 * K + 2] = 90;
  near(ideology(v), 0.5 * 0.5 - 1 * 0.5);
});

test('personality: trusting and modest leaders +1, suspicious and driven ones -1', () => {
  const { v } = view(0, 'personality');
  v.traitsI = { ...NEUTRAL_TRAITS, mistrust: 0 }; v.traitsJ = { ...NEUTRAL_TRAITS, ambition: 0 };
  assert.equal(personality(v), 1);
  v.traitsI = { ...NEUTRAL_TRAITS, mistrust: 1 }; v.traitsJ = { ...NEUTRAL_TRAITS, ambition: 1 };
  assert.equal(personality(v), -1);
});

test('stakes (Snyder 1997): none unless stated; position always, denial while a rival threatens, cohesion as far as the member leads', () => {
  assert.equal(stakes(view(0, 'stakes').v), 0, 'no stated stakes, no term: nothing comes from the capability ratio');
  const input: ScenarioInput = {
    ...base,
    alliances: [{ id: 'p', name: 'p', members: ['S', 'J'], sources: src, hierarchy: { value: 0.8, judgement: 'test' },
      stakes: [{ member: 'S', position: 0.2, denial: 0.6, cohesion: 0.5, judgement: 'test', sources: src }] }],
  };
  const { v, state, n } = view(0, 'stakes', input);
  near(stakes(v), 0.2 + 0.5 * 0.8, 'no rival: position and cohesion');
  state.rel[2 * n + 0] = -0.5; // T hostile to S
  near(stakes(v), 0.2 + 0.6 * 0.5 + 0.5 * 0.8);
  assert.equal(stakes(view(1, 'stakes', input).v), 0, 'the partner states none');
});

test('commitment (Powell 2006): a member whose power share will grow discounts today\'s terms by the expected gain; a declining one does not', () => {
  const { v } = view(1, 'commitment');
  assert.equal(commitment(v), 0, 'a steady share');
  v.share = 0.3; v.forecast = 0.4;
  near(commitment(v), -2 * 0.1);
  v.forecast = 0.45;
  assert.ok(commitment(v) < -2 * 0.1, 'a faster rise, a larger discount');
  v.forecast = 0.2;
  assert.equal(commitment(v), 0);
});

test('issue terms are memoised per member slot and dimension: a change on one dimension leaves the others\' terms as they were', () => {
  const { state, K, v } = view(0, 'bargaining');
  const { model } = v;
  const MAT = 0; const DOC = 2;
  state.pos[0 * K + MAT] = 80; state.sal[0 * K + MAT] = 0.5; state.pos[1 * K + MAT] = 20; state.sal[1 * K + MAT] = 0.5;
  state.pos[0 * K + DOC] = 90; state.sal[0 * K + DOC] = 1; state.pos[1 * K + DOC] = 10; state.sal[1 * K + DOC] = 1;
  issueChanged(model, state, MAT);
  issueChanged(model, state, DOC);
  const material = () => issueGainAt(model, state, 0, 0, 1, DIMENSION.material);
  const doctrine = () => doctrineDistanceAt(model, state, 0, 0, 1);
  assert.equal(material(), 0, 'outcome at the status quo');
  near(doctrine(), 0.8);
  // An outcome moved without telling the state: the memo cannot know, which shows it is read.
  state.outcome[MAT] = 70;
  state.pos[0 * K + DOC] = 50; issueChanged(model, state, DOC);
  assert.equal(material(), 0, 'a doctrine change keeps the material term');
  near(doctrine(), 0.4, 'and works the doctrine term out again');
  issueChanged(model, state, MAT);
  near(material(), 0.5 * 0.2, 'a material change works the material term out again');
});
