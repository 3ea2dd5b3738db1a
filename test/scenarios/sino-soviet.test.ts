// Checks the reference scenario against its sources: validation, citations, WEIS weights, the essay's dated points, COW CINC and roles.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseScenario } from '../../src/core/scenario/parse.js';
import type { Scenario, ScenarioEvent } from '../../src/core/scenario/schema.js';

const FILE = 'scenarios/sino-soviet.yaml';
const CINC = 'data/cow-nmc-v6/nmc-v6.csv';
const WEIS = 'data/weis-goldstein/weis_goldstein_scale.csv';

/** Reads a small comma-separated file with a header row into records of strings (quotes stripped). */
function readCsv(path: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const names = head.split(',').map((s) => s.replace(/"/g, ''));
  return rows.map((row) => Object.fromEntries(row.split(',').map((v, i) => [names[i], v.replace(/"/g, '')])));
}

const parsed = parseScenario(readFileSync(FILE, 'utf8'), FILE);
const scenario = (): Scenario => {
  if (!parsed.ok) throw new Error(`${FILE} does not validate`);
  return parsed.scenario;
};
const event = (id: string): ScenarioEvent => {
  const e = scenario().events.find((x) => x.id === id);
  assert.ok(e, `event ${id} is in the scenario`);
  return e;
};
const concessions = (e: ScenarioEvent) => e.effects.flatMap((f) => (f.type === 'concession' ? [f] : []));

test('the scenario validates with no diagnostics', () => {
  assert.deepEqual(parsed.ok ? [] : parsed.diagnostics, []);
  assert.equal(scenario().schism, 1);
  assert.deepEqual(scenario().meta.period, { start: '1945-01', end: '1972-12' });
});

test('it encodes at least 80 events, and at least 90 of the chronology\'s A01-A110', () => {
  const events = scenario().events;
  assert.ok(events.length >= 80, `${events.length} events`);
  const chronology = events.filter((e) => /^A\d{2,3}$/.test(e.id));
  assert.ok(chronology.length >= 90, `${chronology.length} chronology events`);
  for (const e of chronology) assert.ok(Number(e.id.slice(1)) >= 1 && Number(e.id.slice(1)) <= 110, e.id);
});

test('every cited source id resolves, and the bibliography is large enough to hold the chronology\'s keys', () => {
  const s = scenario();
  const ids = new Set(s.sources.map((x) => x.id));
  assert.ok(ids.size >= 100, `${ids.size} sources`);
  for (const required of ['cow-nmc-v6', 'goldstein1992', 'heinzig2004', 'wcda-1950-01-22-stalin-mao']) assert.ok(ids.has(required), required);
  const cited: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'sources' && Array.isArray(value) && node !== s) cited.push(...(value as string[]));
        else walk(value);
      }
    }
  };
  walk(s);
  assert.ok(cited.length > 200, `${cited.length} citations`);
  for (const id of cited) assert.ok(ids.has(id), `cited source "${id}" is in the bibliography`);
  for (const e of s.events) assert.ok(e.sources.length >= 1, `${e.id} cites a source`);
});

test('every event\'s Goldstein weight is the table value of its WEIS code', () => {
  const table = new Map(readCsv(WEIS).map((r) => [r.weis_code, Number(r.goldstein)]));
  assert.equal(table.size, 109);
  let coded = 0;
  for (const e of scenario().events) {
    assert.equal(e.weis === undefined, e.goldstein === undefined, `${e.id}: weis and goldstein come together`);
    if (e.weis === undefined) continue;
    coded++;
    assert.ok(table.has(e.weis), `${e.id}: WEIS ${e.weis} is in the table`);
    assert.equal(e.goldstein, table.get(e.weis), `${e.id}: goldstein of WEIS ${e.weis}`);
  }
  assert.ok(coded >= 90, `${coded} events carry a WEIS code`);
});

test('the essay\'s points are events with the record\'s dates', () => {
  // Stalin's advice to deal with the GMD (August 1945).
  const a03 = event('A03');
  assert.ok(a03.date.startsWith('1945-08'), a03.date);
  assert.deepEqual([a03.from, a03.to, a03.role], ['USSR', 'PRC', 'record']);
  // Mikoyan's visit and Mao's demands at Xibaipo.
  assert.equal(event('A11').date, '1949-01-31');
  assert.equal(event('A11').category, 'visit');
  assert.equal(event('A12').date, '1949-02-04');
  assert.ok(event('A12').issues.includes('MGL'));
  assert.ok(event('A13').date.startsWith('1949-02') && event('A13').issues.includes('PA'));
  // Stalin's change of mind and the new treaty.
  assert.equal(event('A18').date, '1949-12-16');
  assert.equal(event('A19').date, '1950-01-02');
  assert.equal(event('A21').date, '1950-01-22');
  const a22 = event('A22');
  assert.equal(a22.date, '1950-02-14');
  assert.equal(a22.category, 'treaty');
  assert.ok(a22.joint);
  const treaty = scenario().alliances.find((al) => al.id === 'ussr-prc');
  assert.equal(treaty?.signed, '1950-02-14');
  // The Dalian industries and the Changchun Railway, agreed the same day.
  const a23 = event('A23');
  assert.equal(a23.date, '1950-02-14');
  for (const issue of ['PA', 'DL', 'CCR']) {
    assert.ok(a23.issues.includes(issue), issue);
    assert.ok(concessions(a23).some((c) => c.by === 'USSR' && c.issue === issue), `A23 concedes ${issue}`);
  }
  // Outcomes: the railway handed over on 31 Dec 1952, Port Arthur left in May 1955, Mongolia never conceded by Moscow.
  const a35 = event('A35');
  assert.equal(a35.date, '1952-12-31');
  assert.deepEqual(concessions(a35), [{ type: 'concession', by: 'USSR', issue: 'CCR', to: 100 }]);
  const a45 = event('A45');
  assert.ok(a45.date.startsWith('1955-05'), a45.date);
  assert.deepEqual(concessions(a45), [{ type: 'concession', by: 'USSR', issue: 'PA', to: 100 }]);
  for (const e of scenario().events) {
    assert.ok(!concessions(e).some((c) => c.issue === 'MGL' && c.by === 'USSR'), `${e.id} does not have Moscow concede Mongolia`);
  }
  assert.ok(concessions(event('A25')).some((c) => c.issue === 'MGL' && c.by === 'PRC'), 'Beijing confirms Mongolian independence');
});

test('the capability series equal the committed COW NMC table, 1945-1972', () => {
  const rows = readCsv(CINC);
  const cinc = (ccode: number, year: number) => rows.find((r) => Number(r.ccode) === ccode && Number(r.year) === year)?.cinc;
  const series = (id: string) => {
    const a = scenario().actors.find((x) => x.id === id);
    assert.ok(a, id);
    assert.ok(a.capability.sources.includes('cow-nmc-v6'), `${id} cites COW`);
    return a.capability.series;
  };
  // Every year COW has for the state is in the YAML, copied exactly. COW's 710 is Nationalist China up to 1948, the PRC from 1949.
  const copied: [string, number, number][] = [['USSR', 365, 1945], ['USA', 2, 1945], ['DPRK', 731, 1945], ['PRC', 710, 1949], ['ROC', 713, 1945]];
  for (const [id, ccode, from] of copied) {
    const s = series(id);
    const years = rows.filter((r) => Number(r.ccode) === ccode && Number(r.year) >= from && Number(r.year) <= 1972);
    assert.ok(years.length > 0, `${id}: the table has ccode ${ccode}`);
    for (const r of years) assert.equal(s[r.year], Number(r.cinc), `${id} ${r.year}`);
    for (const year of Object.keys(s)) assert.ok(Number(year) >= 1945 && Number(year) <= 1972, `${id} ${year} in the period`);
  }
  // Military spending and personnel beside CINC (model v2's power share): the allies' series are the table's, exactly.
  for (const [id, ccode, from] of [['USSR', 365, 1945], ['PRC', 710, 1949]] as const) {
    const military = scenario().actors.find((x) => x.id === id)?.capability.military;
    assert.ok(military && military.sources.includes('cow-nmc-v6'), `${id} military series cite COW`);
    const years = rows.filter((r) => Number(r.ccode) === ccode && Number(r.year) >= from && Number(r.year) <= 1972);
    assert.deepEqual(Object.keys(military.milex).map(Number), years.map((r) => Number(r.year)), `${id}: every year and no other`);
    for (const r of years) {
      assert.equal(military.milex[r.year], Number(r.milex), `${id} milex ${r.year}`);
      assert.equal(military.milper[r.year], Number(r.milper), `${id} milper ${r.year}`);
    }
  }
  // The judged years (the civil war, when CCP and GMD share COW's China) split COW's figure between the two actors.
  for (let year = 1945; year <= 1948; year++) {
    const total = Number(cinc(710, year));
    const prc = series('PRC')[String(year)];
    const roc = series('ROC')[String(year)];
    assert.ok(prc > 0 && roc > 0, `${year} judged values present`);
    assert.ok(Math.abs(prc + roc - total) < 1e-9, `${year}: PRC + ROC = COW 710 (${prc} + ${roc} vs ${total})`);
  }
  for (const id of ['PRC', 'ROC']) assert.match(scenario().actors.find((a) => a.id === id)?.capability.note ?? '', /[Jj]udgement/);
  assert.equal(rows.length, 15951, "every state-year of NMC v6, 1816-2016");
});

test('both roles occur; every record event is a choice inside the triangle, every driver lies outside its choices', () => {
  const events = scenario().events;
  const records = events.filter((e) => e.role === 'record');
  const drivers = events.filter((e) => e.role === 'driver');
  assert.ok(records.length >= 60, `${records.length} record events`);
  assert.ok(drivers.length >= 20, `${drivers.length} driver events`);
  const triangle = ['PRC', 'USA', 'USSR'];
  for (const e of records) {
    assert.ok(e.to !== undefined && triangle.includes(e.from) && triangle.includes(e.to), `${e.id} is an act inside the triangle`);
    assert.ok(e.from !== 'USA' || e.to !== 'USA');
  }
  // The US opening of 1969-72 and the other US acts toward an ally are the third power's choices: record, scored, not fed in.
  for (const id of ['A20', 'A46', 'A67', 'A83', 'A104', 'A106', 'A107', 'A109', 'A110']) assert.equal(event(id).role, 'record', id);
  // A driver between two members of the triangle is a borderline case, and its note says why it stays a driver.
  for (const e of drivers) {
    if (e.to !== undefined && triangle.includes(e.from) && triangle.includes(e.to)) assert.match(e.note ?? '', /borderline/, `${e.id}`);
  }
  // The Secret Speech is a Soviet domestic act, hence a driver; so are the deaths and falls of leaders.
  for (const id of ['A36', 'A47', 'A58', 'A65', 'A88', 'A89']) assert.equal(event(id).role, 'driver', id);
});

test('every change of leader comes from a driver event with a leader effect', () => {
  const s = scenario();
  const changes = s.events.flatMap((e) => e.effects.flatMap((f) => (f.type === 'leader' ? [{ e, f }] : [])));
  for (const { e } of changes) assert.equal(e.role, 'driver', `${e.id} changes a leader`);
  for (const a of s.actors) {
    a.leaders.slice(1).forEach((l) => {
      const change = changes.find(({ f }) => f.actor === a.id && f.leader === l.id);
      assert.ok(change, `${a.id}: an event makes ${l.id} leader`);
      assert.equal(change.e.date.slice(0, 7), l.from.slice(0, 7), `${l.id} takes over when the term starts`);
    });
  }
});
