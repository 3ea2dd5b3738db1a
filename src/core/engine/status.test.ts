// The status rule on hand-made states: the margins set the status, a defection severs until both margins recover (hysteresis).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadScenarioText } from '../scenario/parse.js';
import { compile } from './compile.js';
import { initialState } from './state.js';
import { updateStatus } from './status.js';
import type { RunSummary } from './trace.js';

const file = 'test/fixtures/minimal.yaml';
const model = compile(loadScenarioText(readFileSync(file, 'utf8'), file));
const r = model.params.rules;
const summary = (): RunSummary => ({ initial: ['allied'], changes: [], firstBreak: [-1], firstBreakReason: [''], firstBreakBelow: [false], firstHostile: [-1], acts: 0 });

test('the lower smoothed margin sets allied, strained and broken; the first break names the margin and the member below', () => {
  const s = initialState(model);
  const sum = summary();
  const month = (t: number, a: number, b: number) => { s.margin.set([a, b]); updateStatus(model, s, 0, t, sum); return s.status[0]; };
  assert.equal(month(0, 0.2, 0.1), 0);
  assert.equal(month(1, 0.2, r.strainedMargin - 1), 1, 'smoothed, the junior\'s margin is now below 0');
  for (let t = 2; t < 40; t++) month(t, 0.2, r.brokenMargin - 0.5);
  assert.equal(s.status[0], 2);
  assert.equal(sum.firstBreakReason[0], 'margin');
  assert.equal(sum.firstBreakBelow[0], true);
  assert.ok(s.below[1] > 30 && s.below[0] === 0, 'months below the outside option are counted per member');
});

test('a defection severs the alliance until both margins have stood restoreMargin above the outside options for `patience` months', () => {
  const s = initialState(model);
  const sum = summary();
  s.margin.set([0.3, 0.3]);
  updateStatus(model, s, 0, 0, sum);
  s.severed[0] = 1; s.lastDefect[0] = 1; s.breaker[0] = model.alliances[0].b;
  s.margin.set([0.3, 0.3]);
  let restoredAt = -1;
  for (let t = 1; t < 80 && restoredAt < 0; t++) {
    updateStatus(model, s, 0, t, sum);
    if (s.status[0] < 2) restoredAt = t;
  }
  assert.equal(sum.firstBreakReason[0], 'defection');
  assert.ok(restoredAt - 1 >= r.defectionMemory, `restored in month ${restoredAt}, not before defectionMemory`);
  // Margins just under the hysteresis bar never restore it, though they are above the outside options.
  const t2 = initialState(model);
  t2.severed[0] = 1; t2.lastDefect[0] = 0;
  t2.margin.set([r.restoreMargin / 2, r.restoreMargin / 2]);
  for (let t = 0; t < 200; t++) updateStatus(model, t2, 0, t, summary());
  assert.equal(t2.status[0], 2, 'above the outside options but inside the hysteresis band: still broken');
});

test('force keeps a pair hostile for forceMemory months, then the margins decide again', () => {
  const s = initialState(model);
  const sum = summary();
  s.margin.set([0.3, 0.3]);
  s.lastForce[0] = 0; s.breaker[0] = model.alliances[0].a;
  updateStatus(model, s, 0, 0, sum);
  assert.equal(s.status[0], 3);
  assert.equal(sum.firstBreakReason[0], 'force');
  assert.equal(sum.firstBreakBelow[0], false, 'the user of force valued the alliance above its outside option: not a break on the margin');
  for (let t = 1; t <= r.forceMemory; t++) updateStatus(model, s, 0, t, sum);
  assert.equal(s.status[0], 0);
});
