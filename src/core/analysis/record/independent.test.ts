// The record against independent data, on a hand-made scenario with COW codes and tiny hand-made datasets.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadScenarioText } from '../../scenario/parse.js';
import type { Scenario, ScenarioEvent } from '../../scenario/schema.js';
import { recordAgreement, type IndependentData } from './independent.js';
import { recordSeries } from './record.js';

const file = 'test/fixtures/minimal.yaml';
const base = loadScenarioText(readFileSync(file, 'utf8'), file);
const cow: Record<string, number> = { BIG: 365, SMALL: 710, THIRD: 2 };
const ev = (e: Partial<ScenarioEvent> & Pick<ScenarioEvent, 'id' | 'date' | 'from' | 'to' | 'intensity'>): ScenarioEvent => ({
  role: 'driver', joint: false, issues: [], effects: [], sources: ['made-up'], description: 'test act', category: 'diplomatic', ...e,
});
const scenario: Scenario = {
  ...base,
  actors: base.actors.map((a) => ({ ...a, cow: cow[a.id] })),
  events: [
    ...base.events,
    ev({ id: 'U1', date: '1951-05', from: 'THIRD', to: 'BIG', weis: '032', goldstein: 1.9, intensity: 2 }),
    ev({ id: 'U2', date: '1953-05', from: 'THIRD', to: 'BIG', weis: '121', goldstein: -2.2, intensity: -3 }),
    ev({ id: 'C1', date: '1954-03', from: 'SMALL', to: 'BIG', role: 'record', category: 'border-clash', weis: '223', goldstein: -10, intensity: -9 }),
  ],
};
const copdab = [1950, 1951, 1952, 1953, 1954, 1955].flatMap((y) =>
  Array.from({ length: 12 }, (_, m) => ({ month: `${y}-${String(m + 1).padStart(2, '0')}`, from: 2, to: 365, value: m === 4 ? [0, 5, 1, -4, 0, 0][y - 1950] : 0 })),
);
const day = (year: number, month: number) => ({ year, month, day: 0 });
const data: IndependentData = {
  copdab,
  events: [
    { micnum: 1, start: day(1954, 3), ccode1: 710, ccode2: 365, action: 17, hostility: 4 },
    { micnum: 1, start: day(1954, 4), ccode1: 365, ccode2: 710, action: 7, hostility: 3 },
    // Another pair's event, and this pair's outside the period: neither counts.
    { micnum: 2, start: day(1954, 5), ccode1: 2, ccode2: 365, action: 7, hostility: 4 },
    { micnum: 3, start: day(1969, 3), ccode1: 710, ccode2: 365, action: 17, hostility: 4 },
  ],
  disputes: [{ disno: 9, ccode1: 365, ccode2: 710, start: { year: 1954, month: 3, day: 2 }, end: day(1954, 6), hostility: 4, hostility1: 3, hostility2: 4, war: false }],
  rivalries: [{ source: 'td', id: '1', name: 'Big-Small', ccode1: 365, ccode2: 710, start: 1953, end: 1989 }],
  treaties: [
    { atopid: 1, member: 365, entered: '1950-02-14', exited: '', pledges: ['defense'] },
    { atopid: 1, member: 710, entered: '1950-02-14', exited: '1952-01-01', pledges: ['defense'] },
    // A second phase of the same treaty (ATOP gives one row per phase): the member's span runs on from its first entry.
    { atopid: 1, member: 710, entered: '1952-01-01', exited: '', pledges: ['defense'] },
    // A treaty of one ally with someone else: not the pair's.
    { atopid: 7, member: 365, entered: '1949-01-01', exited: '', pledges: ['defense'] },
  ],
  allianceSpells: [
    { source: 'cow-4.1', ccode1: 365, ccode2: 710, first: 1946, last: 1953, pledges: ['defense'] },
    { source: 'cow-4.1', ccode1: 2, ccode2: 365, first: 1946, last: 1980, pledges: ['defense'] },
  ],
};

test('COPDAB is correlated year by year with the record of the dyad it covers', () => {
  const a = recordAgreement(scenario, recordSeries(scenario), data);
  const row = a.rows.find((r) => r.check.startsWith('COPDAB THIRD->BIG: yearly correlation with the record\'s Goldstein'))!;
  assert.ok(typeof row.value === 'number' && row.value > 0.9, `${row.value}`);
  const y53 = a.copdabYearly.find((r) => r.year === 1953 && r.dyad === 'THIRD->BIG')!;
  assert.deepEqual([y53.copdab, y53.goldstein, y53.intensity], [-4, -2.2, -3]);
});

test('MIE events, the rivalry onset and the formal alliance are set beside the record', () => {
  const a = recordAgreement(scenario, recordSeries(scenario), data);
  const value = (prefix: string) => a.rows.find((r) => r.check.startsWith(prefix))?.value;
  assert.deepEqual(a.mieYearly.find((r) => r.year === 1954), { year: 1954, pair: 'BIG-SMALL', mieEvents: 2, mieForce: 1, recordClashes: 1 });
  assert.equal(value('first MIE use of force'), '1954-03');
  assert.equal(value('first recorded armed clash'), '1954-03');
  assert.equal(value('rivalry onset, td'), 1953);
  assert.equal(value('record: first year of net conflict'), 1954, 'the clash makes 1954 net negative');
  assert.deepEqual(a.rows.filter((r) => r.check.startsWith('formal alliance in force')).map((r) => r.value), ['1950-02-14..in force'], 'only the pair\'s own treaty');
  assert.equal(value('COW defense pledge years of BIG-SMALL'), 4, '1950-1953 of the period 1950-1955');
  assert.equal(value('militarized disputes between BIG and SMALL'), 1);
});

test('a check whose data are missing is left out, not faked', () => {
  const a = recordAgreement(scenario, recordSeries(scenario), {});
  assert.deepEqual(a.rows, []);
  assert.equal(recordAgreement(base, recordSeries(base), data).rows.some((r) => r.check.startsWith('COPDAB')), false, 'no COW codes, no match');
});
