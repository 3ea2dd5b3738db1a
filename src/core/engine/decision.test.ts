// The decision rule on hand-made states: the act answers the term that falls short, and carries the issue and category it concerns.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runStream } from '../random/streams.js';
import { Scenario } from '../scenario/schema.js';
import type { ActCategory, ActKind } from './acts.js';
import { compile } from './compile.js';
import { decide, decisionScratch } from './decision.js';
import { MECHANISM_IDS } from './parameters.js';
import { initialState, type RunState } from './state.js';

const src = ['t'];
const actor = (id: string, cinc: number) => ({
  id, name: id, capability: { sources: src, series: { '1950': cinc } },
  interests: { security: 1, economy: 1, standing: 1, autonomy: 1, ideology: 1, judgement: 'test weights' },
});
const issue = (id: string, dimension: 'material' | 'sovereignty' | 'doctrine' | 'nuclear', statusQuo: number) => ({
  id, name: id, dimension, scale: { low: 'low', high: 'high' }, statusQuo: { value: statusQuo, sources: src },
});
const scenario = Scenario.parse({
  schism: 1,
  meta: { title: 't', period: { start: '1950-01', end: '1950-12' } },
  sources: [{ id: 't', author: 'a', title: 't', year: 2026, kind: 'document' }],
  actors: [actor('S', 0.2), actor('J', 0.1)],
  issues: [issue('sov', 'sovereignty', 100), issue('doc', 'doctrine', 50), issue('nuc', 'nuclear', 0)],
  alliances: [{ id: 'p', name: 'p', members: ['S', 'J'], sources: src }],
});
const [SOV, DOC, NUC] = [0, 1, 2];
const M = MECHANISM_IDS.length;
const term = (m: string) => MECHANISM_IDS.indexOf(m);

/** A state in which member i (0 = S, 1 = J) has a small positive margin and nothing else, unless `setup` says otherwise. */
function decision(i: 0 | 1, setup: (s: RunState) => void): { kind: ActKind; issue: number; category: ActCategory } {
  const model = compile(scenario, { params: { 'rules.activity': 1, 'rules.noise': 0 } });
  const s = initialState(model);
  s.cap.set([0.2, 0.1]);
  s.shareNow.set([2 / 3, 1 / 3]);
  s.margin.set([0.01, 0.01]);
  s.smoothed.set([0.01, 0.01]);
  setup(s);
  let out: { kind: ActKind; issue: number; category: ActCategory } | undefined;
  decide(model, s, runStream(1, 0), decisionScratch(), 0, i, i, 1 - i, { act: (_t, _al, _f, _to, kind, issue, _l, category) => (out = { kind, issue, category }) });
  assert.ok(out, 'with activity 1 the member acts');
  return out;
}

test('with nothing short, a content member cooperates', () => {
  assert.equal(decision(1, () => {}).kind, 'agree');
});

test('a sovereignty deficit leads to a demand on that issue', () => {
  const d = decision(1, (s) => {
    s.pos[0 * s.K + SOV] = 0; s.pos[1 * s.K + SOV] = 100; s.sal[1 * s.K + SOV] = 1;
    s.outcome[SOV] = 20;
    s.contrib[1 * M + term('autonomy')] = -0.13;
  });
  assert.deepEqual(d, { kind: 'demand', issue: SOV, category: 'sovereignty' });
});

test('a doctrinal gap leads to polemic on the widest doctrinal issue', () => {
  const d = decision(1, (s) => {
    s.pos[0 * s.K + DOC] = 10; s.pos[1 * s.K + DOC] = 90; s.sal[1 * s.K + DOC] = 1;
    s.contrib[1 * M + term('ideology')] = -0.2;
  });
  assert.deepEqual(d, { kind: 'criticise', issue: DOC, category: 'polemic' });
});

test('an economic cost leads the giver to withhold aid; a nuclear cost to withdraw nuclear help: one kind, two categories', () => {
  const aid = decision(0, (s) => {
    s.aid[0 * 2 + 1] = 0.5;
    s.contrib[0 * M + term('economy')] = -0.2;
  });
  assert.deepEqual(aid, { kind: 'withhold', issue: -1, category: 'aid' });
  const nuclear = decision(0, (s) => {
    s.pos[0 * s.K + NUC] = 0; s.pos[1 * s.K + NUC] = 100; s.sal[0 * s.K + NUC] = 0.5;
    s.outcome[NUC] = 60; // help given beyond what S wants
    s.contrib[0 * M + term('nuclear')] = -0.2;
  });
  assert.deepEqual(nuclear, { kind: 'withhold', issue: NUC, category: 'nuclear' });
});

test('a security need leads to conceding the partner\'s pending demand', () => {
  const d = decision(0, (s) => {
    s.pos[0 * s.K + SOV] = 0; s.pos[1 * s.K + SOV] = 100; s.sal[0 * s.K + SOV] = 0.2; s.outcome[SOV] = 20;
    s.demandIssue[1 * 2 + 0] = SOV; s.demandMonth[1 * 2 + 0] = 0;
    s.contrib[0 * M + term('security')] = 0.3;
  });
  assert.deepEqual(d, { kind: 'concede', issue: SOV, category: 'sovereignty' });
});

test('a member defects only once its smoothed margin has stood below its outside option for `patience` months', () => {
  const below = (months: number) => decision(1, (s) => {
    s.margin[1] = -0.2; s.smoothed[1] = -0.2; s.below[1] = months;
  }).kind;
  assert.equal(below(11), 'reduce');
  assert.equal(below(12), 'defect');
});

test('noise only chooses between close alternatives: a large gap between scores is never overturned', () => {
  const model = compile(scenario, { params: { 'rules.activity': 1 } });
  const kinds = new Set<string>();
  for (let run = 0; run < 200; run++) {
    const s = initialState(model);
    s.cap.set([0.2, 0.1]);
    s.margin.set([0.3, 0.3]);
    s.smoothed.set([0.3, 0.3]);
    decide(model, s, runStream(5, run), decisionScratch(), 0, 1, 1, 0, { act: (_t, _al, _f, _to, kind) => kinds.add(kind) });
  }
  assert.deepEqual([...kinds], ['agree'], 'a content member with a margin of 0.3 never defects, reduces or criticises by noise');
});
