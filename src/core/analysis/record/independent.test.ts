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
  Array.from({ length: 12 }, (_, m) => ({ month: `${y}-${String(m + 1).padStart(2, '0')}`, usToUssr: m === 4 ? [0, 5, 1, -4, 0, 0][y - 1950] : 0, ussrToUs: 0 })),
);
const data: IndependentData = {
  copdab,
  mie: [
    { micnum: 1, year: 1954, month: 3, ccode1: 710, ccode2: 365, action: 17, hostlev: 4 },
    { micnum: 1, year: 1954, month: 4, ccode1: 365, ccode2: 710, action: 7, hostlev: 3 },
  ],
  rivalries: [{ source: 'td', name: 'Big-Small', ccode1: 365, ccode2: 710, start: 1953, end: 1989 }],
  treaties: [{ source: 'atop', atopid: 1, member: 365, entered: '1950-02-14', exited: '' }],
  cowAlliance: [1950, 1951, 1952, 1953, 1954, 1955].map((year) => ({ year, defense: year < 1954 ? 1 : 0 })),
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
  assert.deepEqual(a.mieYearly.find((r) => r.year === 1954), { year: 1954, mieEvents: 2, mieForce: 1, recordClashes: 1 });
  assert.equal(value('first MIE use of force'), '1954-03');
  assert.equal(value('first recorded armed clash'), '1954-03');
  assert.equal(value('rivalry onset, td'), 1953);
  assert.equal(value('record: first year of net conflict'), 1954, 'the clash makes 1954 net negative');
  assert.equal(value('formal alliance in force'), '1950-02-14..in force');
  assert.equal(value('COW defense pact years'), 4);
});

test('a check whose data are missing is left out, not faked', () => {
  const a = recordAgreement(scenario, recordSeries(scenario), {});
  assert.deepEqual(a.rows, []);
  assert.equal(recordAgreement(base, recordSeries(base), data).rows.some((r) => r.check.startsWith('COPDAB')), false, 'no COW codes, no match');
});
