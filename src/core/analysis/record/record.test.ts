// The observed record as series, on a hand-made scenario: which acts count where, and turning points found by rule.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadScenarioText } from '../../scenario/parse.js';
import type { Scenario, ScenarioEvent } from '../../scenario/schema.js';
import { monthIndex } from '../../time/month.js';
import { dyadSeries, recordSeries, recordSeriesRows } from './record.js';

const file = 'test/fixtures/minimal.yaml';
const base = loadScenarioText(readFileSync(file, 'utf8'), file);

const ev = (e: Partial<ScenarioEvent> & Pick<ScenarioEvent, 'id' | 'date' | 'from' | 'intensity' | 'category'>): ScenarioEvent => ({
  role: 'record', joint: false, issues: [], effects: [], sources: ['made-up'], description: 'test act', ...e,
});

/** The minimal fixture with a handful of extra acts that exercise every counting rule. */
function handMade(): Scenario {
  return {
    ...base,
    events: [
      ...base.events,
      ev({ id: 'J1', date: '1951-03-02', end: '1951-07', from: 'BIG', to: 'SMALL', joint: true, category: 'treaty', weis: '081', goldstein: 6.5, intensity: 8 }),
      ev({ id: 'N1', date: '1952-06', from: 'BIG', to: 'SMALL', category: 'nuclear', issues: ['LOAN'], weis: '193', goldstein: -5.6, intensity: -7 }),
      ev({ id: 'P0', date: '1953-01', from: 'SMALL', to: 'BIG', category: 'polemic', weis: '121', goldstein: -2.2, intensity: -3 }),
      ev({ id: 'P1', date: '1953-04', from: 'SMALL', to: 'BIG', category: 'polemic', weis: '122', goldstein: -3.4, intensity: -6 }),
      ev({ id: 'C1', date: '1955-03-02', from: 'SMALL', to: 'BIG', category: 'border-clash', weis: '223', goldstein: -10, intensity: -9 }),
      ev({ id: 'T1', date: '1952-02', from: 'THIRD', to: 'BIG', role: 'driver', category: 'diplomatic', weis: '032', goldstein: 1.9, intensity: 2 }),
      ev({ id: 'D1', date: '1952-02', from: 'BIG', to: 'SMALL', role: 'driver', category: 'aid', intensity: 5 }),
      ev({ id: 'X1', date: '1956-02', from: 'BIG', to: 'SMALL', category: 'aid', weis: '071', goldstein: 7.4, intensity: 7 }),
    ],
  };
}

test('alliance dyads count record acts only; a joint act counts both ways in its start month', () => {
  const s = recordSeries(handMade());
  const bs = dyadSeries(s, 'BIG', 'SMALL')!;
  const sb = dyadSeries(s, 'SMALL', 'BIG')!;
  const at = (d: string) => monthIndex(d) - s.start;
  assert.equal(bs.intensity[at('1950-02')], 7, 'E2, the recorded loan');
  assert.equal(bs.intensity[at('1951-03')], 8);
  assert.equal(sb.intensity[at('1951-03')], 8, 'joint act counts for the partner too');
  assert.equal(bs.goldstein[at('1951-03')], 6.5);
  assert.equal(bs.intensity[at('1951-07')], 0, 'an act with an end counts in its start month only');
  assert.equal(bs.count[at('1952-02')], 0, 'a driver between allies is not the allies\' record');
  assert.equal(bs.intensity[at('1956-02')] ?? 0, 0, 'acts after the period are left out');
  assert.equal(s.months, 72);
});

test('third-party dyads count drivers; dyads come in alliance-first, actor order', () => {
  const s = recordSeries(handMade());
  assert.deepEqual(s.dyads.map((d) => `${d.from}>${d.to}`), ['BIG>SMALL', 'SMALL>BIG', 'THIRD>BIG', 'THIRD>SMALL']);
  const tb = dyadSeries(s, 'THIRD', 'BIG')!;
  assert.equal(tb.goldstein[monthIndex('1952-02') - s.start], 1.9);
  assert.equal(tb.alliance, false);
  assert.equal(dyadSeries(s, 'THIRD', 'SMALL')!.intensity[monthIndex('1950-06') - s.start], -6);
});

test('yearly rows sum the months; quarterly labels are YYYY-Qn', () => {
  const s = recordSeries(handMade());
  const years = recordSeriesRows(s, 'year');
  const y53 = years.find((r) => r.period === '1953' && r.from === 'SMALL' && r.to === 'BIG')!;
  assert.deepEqual([y53.goldstein, y53.intensity, y53.acts], [-5.6, -9, 2]);
  assert.equal(years.length, 6 * 4);
  const q = recordSeriesRows(s, 'quarter').filter((r) => r.from === 'BIG' && r.to === 'SMALL');
  assert.equal(q[0].period, '1950-Q1');
  assert.equal(q.find((r) => r.period === '1952-Q2')!.intensity, -7);
});

test('turning points are located by rule: first match in the alliance record, absent when nothing matches', () => {
  const tps = Object.fromEntries(recordSeries(handMade()).turningPoints.map((p) => [p.id, p]));
  assert.equal(tps['nuclear-help-withdrawn'].event, 'N1', 'WEIS 193 on a nuclear act');
  assert.equal(tps['experts-recalled'].month, null, 'no WEIS 193 about aid');
  assert.equal(tps['open-polemic'].event, 'P1', 'the first polemic at -5 or worse, not the first barb');
  assert.equal(tps['armed-clash'].event, 'C1');
  assert.equal(tps['armed-clash'].month, monthIndex('1955-03'));
  assert.deepEqual([tps['armed-clash'].from, tps['armed-clash'].to], ['SMALL', 'BIG']);
  assert.equal(tps['party-ties-cut'].month, null);
});
