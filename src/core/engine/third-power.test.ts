// The endogenous third power (Crawford 2011): pressure on a cohesive alliance, courtship of the ally it can pry loose once strained.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runStream } from '../random/streams.js';
import { Scenario } from '../scenario/schema.js';
import { compile } from './compile.js';
import { initialState } from './state.js';
import { thirdPowersAct } from './third-power.js';

const src = ['t'];
const actor = (id: string) => ({
  id, name: id, capability: { sources: src, series: { '1950': 0.1 } },
  interests: { security: 1, economy: 1, standing: 1, autonomy: 1, ideology: 1, judgement: 'test weights' },
});
const scenario = Scenario.parse({
  schism: 1,
  meta: { title: 't', period: { start: '1950-01', end: '1950-12' } },
  sources: [{ id: 't', author: 'a', title: 't', year: 2026, kind: 'document' }],
  actors: [actor('A'), actor('B'), actor('T'), actor('N')],
  alliances: [{ id: 'p', name: 'p', members: ['A', 'B'], sources: src }],
  rivalries: [{ between: ['T', 'A'], from: '1950-01', level: 0.5, sources: src, judgement: 'test' }, { between: ['T', 'B'], from: '1950-01', level: 0.5, sources: src, judgement: 'test' }],
});
const [A, B, T, N] = [0, 1, 2, 3];
const n = 4;
const model = compile(scenario, { params: { 'rules.activity': 1 } });

function world(relAB: number, relBA: number) {
  const s = initialState(model);
  s.cap.set([0.1, 0.1, 0.3, 0.1]);
  for (const c of model.baselineChanges) s.relBase[c.dyad] = c.value;
  s.rel[A * n + B] = relAB; s.rel[B * n + A] = relBA;
  s.rel[A * n + T] = -0.5; s.rel[B * n + T] = -0.5; s.rel[T * n + A] = -0.5; s.rel[T * n + B] = -0.5;
  return s;
}

test('against a cohesive alliance the third power presses; it courts no one', () => {
  const s = world(0.5, 0.5);
  s.inducement[T * n + A] = 0.2; // equal ties: the first member is the target
  const acts: string[] = [];
  thirdPowersAct(model, s, runStream(1, 0), 0, { act: (_t, _al, from, _to, kind) => acts.push(`${from}:${kind}`) });
  assert.deepEqual(acts, [`${T}:pressure`], 'only the rival acts (N has no rivalry with either member)');
  assert.ok(s.inducement[T * n + A] < 0.2, 'an inducement fades under pressure');
  assert.ok(s.rel[T * n + A] < -0.5 || s.rel[T * n + B] < -0.5, 'pressure sours a relation');
  assert.equal(s.rel[N * n + A], 0);
});

test('once the alliance is strained it courts the member more hostile to its partner, and its relation to that member eases', () => {
  const s = world(-0.2, -0.6); // B is the more hostile to its partner
  const acts: { to: number; kind: string }[] = [];
  thirdPowersAct(model, s, runStream(1, 0), 0, { act: (_t, _al, _from, to, kind) => acts.push({ to, kind }) });
  assert.deepEqual(acts, [{ to: B, kind: 'induce' }]);
  // strain 0.4: inducement moves courtship (0.1) of the way from 0 to 0.4.
  assert.ok(Math.abs(s.inducement[T * n + B] - 0.04) < 1e-12);
  assert.ok(s.rel[T * n + B] > -0.5);
  assert.equal(s.inducement[T * n + A], 0);
  const s2 = world(-0.6, -0.2);
  s2.rel[A * n + T] = 0.1; // and A is also less hostile to T
  const to: number[] = [];
  thirdPowersAct(model, s2, runStream(1, 0), 0, { act: (_t, _al, _from, target) => to.push(target) });
  assert.deepEqual(to, [A]);
});
