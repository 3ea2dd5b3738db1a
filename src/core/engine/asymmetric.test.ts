// A superpower and a small ally, written with the engine's neutral defaults: capability ratios must not break it (Morrow 1991).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runStream } from '../random/streams.js';
import { Scenario } from '../scenario/schema.js';
import { compile } from './compile.js';
import { runModel } from './run.js';
import { simulateModel } from './simulate.js';

const src = ['t'];
const actor = (id: string, cinc: number) => ({
  id, name: id,
  capability: { sources: src, series: { '1960': cinc, '1970': cinc } },
  interests: { security: 1, economy: 1, standing: 1, autonomy: 1, ideology: 1, judgement: 'neutral: equal weights' },
});
/** A superpower (CINC 0.2), a small ally (0.002: ratio 0.01) and a regional rival of the ally; nothing stated beyond defaults. */
const scenario = Scenario.parse({
  schism: 1,
  meta: { title: 'patron and client', period: { start: '1960-01', end: '1969-12' } },
  sources: [{ id: 't', author: 'a', title: 't', year: 2026, kind: 'document' }],
  actors: [actor('PATRON', 0.2), actor('CLIENT', 0.002), actor('RIVAL', 0.004)],
  alliances: [{ id: 'pact', name: 'pact', members: ['PATRON', 'CLIENT'], sources: src }],
  relations: [
    { from: 'RIVAL', to: 'CLIENT', initial: -0.5, baseline: -0.5, judgement: 'a regional rivalry' },
    { from: 'CLIENT', to: 'RIVAL', initial: -0.5, baseline: -0.5, judgement: 'a regional rivalry' },
  ],
});

test('a superpower-small-ally alliance with neutral judgements starts allied and is not broken in its first year', () => {
  const model = compile(scenario);
  const patron = model.actorIds.indexOf('PATRON');
  const client = model.actorIds.indexOf('CLIENT');
  const cap = (a: number) => model.capability[a * model.months];
  assert.ok(Math.abs(cap(client) / cap(patron) - 0.01) < 1e-9, 'capability ratio 0.01');
  const first = simulateModel(model, 1);
  const T = model.months;
  assert.ok(first.margin[0 * T] > 0 && first.margin[1 * T] > 0, `both margins start above the outside options: ${first.margin[0]}, ${first.margin[T]}`);
  for (let run = 0; run < 50; run++) {
    const s = runModel(model, runStream(11, run));
    assert.equal(s.initial[0], 'allied', `run ${run}`);
    assert.ok(s.firstBreak[0] < 0 || s.firstBreak[0] >= 12, `run ${run} breaks in month ${s.firstBreak[0]}`);
  }
});
