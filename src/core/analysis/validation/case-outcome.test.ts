// A case's recorded break by its stated rule, and the scores of a break forecast.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadScenarioText } from '../../scenario/parse.js';
import type { Scenario, ScenarioEvent } from '../../scenario/schema.js';
import { monthIndex } from '../../time/month.js';
import { recordedBreak, scoreBreak } from './case-outcome.js';

const file = 'test/fixtures/minimal.yaml';
const base = loadScenarioText(readFileSync(file, 'utf8'), file);
const act = (id: string, date: string, weis: string, intensity: number, extra: Partial<ScenarioEvent> = {}): ScenarioEvent => ({
  id, date, weis, intensity, role: 'record', joint: false, issues: [], effects: [], sources: ['made-up'], description: 'test', from: 'SMALL', to: 'BIG', category: 'diplomatic', ...extra,
});
const withEvents = (...events: ScenarioEvent[]): Scenario => ({ ...base, events: [...base.events, ...events] });

test('a break is the first rupture between the allies: a break code at intensity -7 or below, or the stated end', () => {
  assert.deepEqual(recordedBreak(base), { month: null, by: null });
  assert.deepEqual(recordedBreak(withEvents(act('P', '1952-01', '198', -4))), { month: null, by: null }, 'a partial withdrawal is not a break');
  assert.deepEqual(recordedBreak(withEvents(act('X', '1953-05', '202', -8), act('Y', '1952-02', '195', -9))), { month: monthIndex('1952-02'), by: 'Y' });
  assert.deepEqual(recordedBreak(withEvents(act('D', '1952-02', '195', -9, { role: 'driver' }))), { month: null, by: null }, 'drivers are not the allies\' acts');
  assert.deepEqual(recordedBreak(withEvents(act('T', '1952-02', '223', -9, { from: 'THIRD' }))), { month: null, by: null }, 'not between the allies');
  const ended = { ...withEvents(act('Z', '1954-01', '223', -10)), alliances: base.alliances.map((a) => ({ ...a, ended: '1953-06' })) };
  assert.deepEqual(recordedBreak(ended), { month: monthIndex('1953-06'), by: 'ended' });
});

test('a forecast is scored by Brier and by a date error that counts no break as the month after the period', () => {
  const end = monthIndex('1955-12');
  const broke = { month: monthIndex('1954-01'), by: 'X' };
  assert.deepEqual(scoreBreak({ probability: 0.75, month: monthIndex('1953-01') }, broke, end), { probability: 0.75, predicted: '1953-01', brier: 0.0625, dateError: 12, outcomeRight: true });
  assert.deepEqual(scoreBreak({ probability: 0, month: null }, broke, end), { probability: 0, predicted: null, brier: 1, dateError: 24, outcomeRight: false });
  assert.deepEqual(scoreBreak({ probability: 0.5, month: null }, { month: null, by: null }, end), { probability: 0.5, predicted: null, brier: 0.25, dateError: 0, outcomeRight: true });
});
