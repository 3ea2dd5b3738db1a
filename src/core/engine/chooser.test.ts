// The play-mode hook: a caller may take one ally's decisions while the rule plays the rest, and a silent chooser changes nothing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { runStream } from '../random/streams.js';
import { loadScenarioText } from '../scenario/parse.js';
import type { ActKind } from './acts.js';
import { compile } from './compile.js';
import { runModel, type Trace } from './run.js';

const file = 'test/fixtures/minimal.yaml';
const scenario = loadScenarioText(readFileSync(file, 'utf8'), file);
const model = compile(scenario);
const SMALL = model.actorIds.indexOf('SMALL');

type Act = { t: number; from: number; kind: ActKind; issue: number };
function recordActs(extra: Partial<Trace> = {}): { acts: Act[]; summary: ReturnType<typeof runModel> } {
  const acts: Act[] = [];
  const summary = runModel(model, runStream(5, 0), { ...extra, act: (t, _al, from, _to, kind, issue) => acts.push({ t, from, kind, issue }) });
  return { acts, summary };
}

test('a chooser that keeps every proposal reproduces the run without one', () => {
  const plain = recordActs();
  const asked: boolean[] = [];
  const kept = recordActs({ choose: (_t, _al, _from, _to, _proposed, _issue, _latent, active) => { asked.push(active); return undefined; } });
  assert.deepEqual(kept.acts, plain.acts);
  assert.deepEqual(kept.summary, plain.summary);
  // It is asked at every decision of both allies, including the months in which the activity draw said "no act".
  assert.equal(asked.length, model.months * 2);
  assert.ok(asked.includes(true) && asked.includes(false));
});

test('the chosen act replaces the rule\'s for the played ally only, every month, and the rule still plays its partner', () => {
  const played = recordActs({ choose: (_t, _al, from) => (from === SMALL ? 'criticise' : undefined) });
  const small = played.acts.filter((a) => a.from === SMALL);
  assert.equal(small.length, model.months);
  assert.ok(small.every((a) => a.kind === 'criticise'));
  const plain = recordActs();
  const others = (acts: Act[]) => acts.filter((a) => a.from !== SMALL);
  assert.ok(others(played.acts).length > 0);
  // The partner answers a year of criticism differently from how it answered the rule's own choices.
  assert.notDeepEqual(others(played.acts), others(plain.acts));
});

test('null keeps the ally silent; a chosen demand carries the issue the rule would press', () => {
  const silent = recordActs({ choose: (_t, _al, from) => (from === SMALL ? null : undefined) });
  assert.equal(silent.acts.filter((a) => a.from === SMALL).length, 0);
  const demanding = recordActs({ choose: (_t, _al, from) => (from === SMALL ? 'demand' : undefined) });
  const first = demanding.acts.find((a) => a.from === SMALL);
  assert.ok(first && first.kind === 'demand');
  assert.ok(first.issue >= 0, 'the junior ally is far from the outcome on the base and the loan, so a demand names an issue');
});

test('a chosen concession without a pending demand moves no issue and does not fail', () => {
  const conceding = recordActs({ choose: (_t, _al, from) => (from === SMALL ? 'concede' : undefined) });
  assert.equal(conceding.acts.filter((a) => a.from === SMALL).length, model.months);
});
