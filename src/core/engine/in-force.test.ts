// Treaty dates are honoured (no valuation, act or status change outside them) and aid and inducement can start at stated levels.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadScenarioText } from '../scenario/parse.js';
import { compile } from './compile.js';
import { initialState } from './state.js';
import { simulate } from './simulate.js';

const file = 'test/fixtures/minimal.yaml';
const base = loadScenarioText(readFileSync(file, 'utf8'), file);
const dated = { ...base, alliances: base.alliances.map((a) => ({ ...a, signed: '1951-07-01', ended: '1954-06' })) };

test('an alliance exists from its signature to its end: no valuation, act or status outside those months', () => {
  const r = simulate(dated, { seed: 3 });
  const { from, to } = r.model.alliances[0];
  assert.deepEqual([from, to], [18, 53], '1951-07 and 1954-06 as offsets from 1950-01');
  const acts = r.log.filter((e) => e.type === 'simulated' && e.alliance === 0 && e.from !== e.to);
  assert.ok(acts.length > 0, 'the allies act while it exists');
  assert.ok(acts.every((e) => e.month >= from && e.month <= to), 'and only then');
  const T = r.model.months;
  for (const t of [0, 17, 54, T - 1]) assert.equal(r.value[t], 0, `no valuation in month ${t}`);
  assert.ok(r.summary.changes.every((c) => c.month >= from && c.month <= to));
  const open = simulate({ ...dated, alliances: dated.alliances.map((a) => ({ ...a, inForce: { from: '1950-01', judgement: 'an alignment before the treaty' } })) }, { seed: 3 });
  assert.deepEqual([open.model.alliances[0].from, open.model.alliances[0].to], [0, T - 1], 'inForce overrides the treaty dates, open-ended');
});

test('aid and inducement start at the levels the scenario states', () => {
  const s = { ...base, initial: [{ type: 'aid' as const, from: 'BIG', to: 'SMALL', level: 0.3, judgement: 'a loan under way', sources: [] }, { type: 'inducement' as const, from: 'THIRD', to: 'SMALL', level: 0.2, judgement: 'an offer', sources: [] }] };
  const model = compile(s);
  const state = initialState(model);
  const n = model.actorIds.length;
  const ix = (id: string) => model.actorIds.indexOf(id);
  assert.equal(state.aid[ix('BIG') * n + ix('SMALL')], 0.3);
  assert.equal(state.inducement[ix('THIRD') * n + ix('SMALL')], 0.2);
  assert.equal(initialState(compile(base)).aid.reduce((x, y) => x + y, 0), 0, 'none stated, none flowing');
});
