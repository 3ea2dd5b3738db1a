// The record checked against independent data for the scenario's own allies and period: COPDAB wherever a dyad has a series,
// MIE events and Maoz MIDs, Thompson rivalry onsets, ATOP and COW alliance years. The judged intensities encode the consensus
// story, so this is the only check of the record that is not circular.
//
// API:
//   recordAgreement(scenario, record, data) -> Agreement   correlations, counts and dates, each with what it compares
import { replayCodes, weisMatches } from '../../engine/replay-codes.js';
import type { StateData } from '../../datasets/state-data.js';
import { dyadKey, pairTreaties, partialDayText } from '../../datasets/state-data.js';
import type { Alliance, Scenario, ScenarioEvent } from '../../scenario/schema.js';
import { monthIndex } from '../../time/month.js';
import { binSeries } from './periods.js';
import { dyadSeries, type RecordSeries } from './record.js';
import { correlation } from '../validation/statistics.js';

/** Independent data as loaded by an adapter (every part optional: a check is skipped when its data are absent). */
export type IndependentData = StateData;

/** One line of the agreement table. */
export interface AgreementRow {
  check: string;
  value: number | string | null;
  note: string;
}

/** What the checks found, with the yearly tables they rest on. */
export interface Agreement {
  rows: AgreementRow[];
  copdabYearly: { year: number; dyad: string; copdab: number; goldstein: number; intensity: number }[];
  mieYearly: { year: number; pair: string; mieEvents: number; mieForce: number; recordClashes: number }[];
}

/** A use of force in MIE and in the Maoz MIDs: hostility level 4 (use of force) or 5 (war). */
const FORCE_LEVEL = 4;

/**
 * Compares the record with whichever independent series are given, for every alliance of the scenario and every dyad COPDAB
 * covers; actors are matched by their COW codes, years by the scenario's period.
 * @example recordAgreement(scenario, recordSeries(scenario), (await loadStateData()).data)
 */
export function recordAgreement(scenario: Scenario, record: RecordSeries, data: IndependentData): Agreement {
  const rows: AgreementRow[] = [];
  const copdabYearly: Agreement['copdabYearly'] = [];
  const mieYearly: Agreement['mieYearly'] = [];
  if (data.copdab) copdabChecks(scenario, record, data.copdab, rows, copdabYearly);
  for (const al of scenario.alliances) {
    const codes = al.members.map((m) => scenario.actors.find((a) => a.id === m)?.cow);
    if (codes[0] === undefined || codes[1] === undefined) continue;
    pairChecks(scenario, record, data, al, [codes[0], codes[1]], rows, mieYearly);
  }
  return { rows, copdabYearly, mieYearly };
}

/** COPDAB: every directed dyad of the scenario's actors that COPDAB covers, against the record's series of that dyad. */
function copdabChecks(scenario: Scenario, record: RecordSeries, copdab: NonNullable<StateData['copdab']>, rows: AgreementRow[], yearly: Agreement['copdabYearly']): void {
  const coded = scenario.actors.filter((a) => a.cow !== undefined);
  for (const from of coded) {
    for (const to of coded) {
      if (from === to) continue;
      const series = copdab.filter((c) => c.from === from.cow && c.to === to.cow);
      if (series.length === 0) continue;
      const label = `${from.id}->${to.id}`;
      const d = dyadSeries(record, from.id, to.id);
      const months = series.map((c) => monthIndex(c.month));
      const first = Math.max(Math.min(...months), record.start);
      const last = Math.min(Math.max(...months), record.start + record.months - 1);
      if (!d || last < first) {
        rows.push({ check: `COPDAB ${label}`, value: null, note: d ? 'no overlap of the record and COPDAB' : 'the record has no act in this dyad' });
        continue;
      }
      const cop = new Float64Array(last - first + 1);
      series.forEach((c, i) => {
        const t = months[i] - first;
        if (t >= 0 && t < cop.length) cop[t] = c.value;
      });
      const g = d.goldstein.subarray(first - record.start, last - record.start + 1);
      const j = d.intensity.subarray(first - record.start, last - record.start + 1);
      const [y0, y1] = [Math.floor(first / 12), Math.floor(last / 12)];
      const cy = binSeries(cop, first, 'year', y0, y1);
      const gy = binSeries(g, first, 'year', y0, y1);
      const jy = binSeries(j, first, 'year', y0, y1);
      for (let y = y0; y <= y1; y++) yearly.push({ year: y, dyad: label, copdab: cy[y - y0], goldstein: gy[y - y0], intensity: jy[y - y0] });
      const span = `${y0}-${y1}`;
      rows.push({ check: `COPDAB ${label}: yearly correlation with the record's Goldstein sums (${span})`, value: correlation(gy, cy), note: `${y1 - y0 + 1} years; the record has ${d.count.reduce((s, x) => s + x, 0)} acts in this dyad` });
      rows.push({ check: `COPDAB ${label}: yearly correlation with the record's judged intensities (${span})`, value: correlation(jy, cy), note: 'judged intensities encode the consensus story' });
      rows.push({ check: `COPDAB ${label}: monthly correlation with the record's Goldstein sums (${span})`, value: correlation(g, cop), note: `${cop.length} months, most without a recorded act` });
    }
  }
}

/** The checks of one alliance pair: MIE events, MIDs, rivalries and the formal alliance, all for this pair and period. */
function pairChecks(
  scenario: Scenario, record: RecordSeries, data: IndependentData, al: Alliance, codes: [number, number],
  rows: AgreementRow[], mieYearly: Agreement['mieYearly'],
): void {
  const [a, b] = al.members;
  const pair = `${a}-${b}`;
  const key = dyadKey(codes[0], codes[1]);
  const y0 = Number(scenario.meta.period.start.slice(0, 4));
  const y1 = Number(scenario.meta.period.end.slice(0, 4));
  const span = `${y0}-${y1}`;
  // From the treaty on when it is signed inside the period: before it, the code may stand for another government or no ally.
  const from = Math.max(y0, al.signed ? Number(al.signed.slice(0, 4)) : y0);
  const force = replayCodes(scenario).force;
  const isClash = (e: ScenarioEvent) =>
    e.role === 'record' && e.to !== undefined && al.members.includes(e.from) && al.members.includes(e.to) && e.from !== e.to && (e.category === 'border-clash' || weisMatches(e.weis, force));
  const clashes = scenario.events.filter(isClash);

  if (data.events) {
    const events = data.events.filter((e) => dyadKey(e.ccode1, e.ccode2) === key && e.start.year >= y0 && e.start.year <= y1);
    const years: Agreement['mieYearly'] = [];
    for (let y = y0; y <= y1; y++) {
      const ys = events.filter((e) => e.start.year === y);
      years.push({ year: y, pair, mieEvents: ys.length, mieForce: ys.filter((e) => e.hostility >= FORCE_LEVEL).length, recordClashes: clashes.filter((e) => Number(e.date.slice(0, 4)) === y).length });
    }
    mieYearly.push(...years);
    const busy = years.filter((r) => r.mieEvents > 0).map((r) => r.year);
    rows.push({ check: `MIE events between ${a} and ${b}, ${span}`, value: events.length, note: `use of force (hostility 4-5): ${events.filter((e) => e.hostility >= FORCE_LEVEL).length}; years with events: ${busy.join(' ') || 'none'}` });
    rows.push({ check: `record armed clashes between ${a} and ${b}, ${span}`, value: clashes.length, note: 'record events with category border-clash or a force code of the replay table' });
    const firstForce = events.filter((e) => e.hostility >= FORCE_LEVEL && e.start.year >= from).sort((p, q) => p.start.year - q.start.year || p.start.month - q.start.month)[0];
    rows.push({ check: `first MIE use of force between ${a} and ${b} from ${from}`, value: firstForce ? `${firstForce.start.year}-${firstForce.start.month > 0 ? String(firstForce.start.month).padStart(2, '0') : '??'}` : null, note: firstForce ? `MIC ${firstForce.micnum}` : 'none' });
    rows.push({ check: `first recorded armed clash between ${a} and ${b}`, value: clashes.map((e) => e.date.slice(0, 7)).sort()[0] ?? null, note: 'by category border-clash or the replay table\'s force codes' });
    rows.push({ check: `yearly correlation of MIE events and recorded clashes, ${pair}`, value: correlation(years.map((r) => r.mieEvents), years.map((r) => r.recordClashes)), note: span });
  }

  if (data.disputes) {
    const mids = data.disputes.filter((d) => dyadKey(d.ccode1, d.ccode2) === key && d.start.year >= y0 && d.start.year <= y1);
    const first = mids.map((d) => partialDayText(d.start)).sort()[0];
    rows.push({ check: `militarized disputes between ${a} and ${b}, ${span} (Maoz dyadic MIDs)`, value: mids.length, note: mids.length ? `first ${first}; highest hostility ${Math.max(...mids.map((d) => d.hostility))} of 5; MIDs ${mids.map((d) => d.disno).join(' ')}` : 'none' });
  }

  if (data.rivalries) {
    for (const r of data.rivalries.filter((x) => dyadKey(x.ccode1, x.ccode2) === key && x.end >= y0 && x.start <= y1)) {
      rows.push({ check: `rivalry onset, ${r.source} "${r.name}"`, value: r.start, note: `ends ${r.end}` });
    }
    const ab = dyadSeries(record, a, b);
    const ba = dyadSeries(record, b, a);
    if (ab && ba) {
      const r0 = Math.floor(record.start / 12);
      const r1 = Math.floor((record.start + record.months - 1) / 12);
      const net = binSeries(ab.goldstein.map((x, t) => x + ba.goldstein[t]), record.start, 'year', r0, r1);
      let onset: number | null = null;
      for (let y = Math.max(from, r0); y <= r1; y++) if (net[y - r0] < 0) { onset = y; break; }
      rows.push({ check: `record: first year of net conflict between ${a} and ${b} from ${from}`, value: onset, note: 'sum of both directions\' Goldstein weights below zero' });
    }
  }

  if (data.treaties) {
    for (const t of pairTreaties(data.treaties, codes[0], codes[1])) {
      if (t.signed > `${y1}-12-31` || (t.ended !== '' && t.ended < `${y0}-01-01`)) continue;
      rows.push({ check: `formal alliance in force, ATOP atopid ${t.atopid}`, value: `${t.signed}..${t.ended || 'in force'}`, note: `scenario alliance ${al.id} signed ${al.signed ?? 'not given'}${al.ended ? `, ended ${al.ended}` : ''}` });
    }
  }

  if (data.allianceSpells) {
    for (const source of ['atop-5.1', 'cow-4.1'] as const) {
      const spells = data.allianceSpells.filter((s) => s.source === source && dyadKey(s.ccode1, s.ccode2) === key);
      const years = (pledge: string) => {
        let n = 0;
        for (let y = y0; y <= y1; y++) if (spells.some((s) => s.first <= y && s.last >= y && s.pledges.includes(pledge))) n++;
        return n;
      };
      rows.push({ check: `${source === 'atop-5.1' ? 'ATOP' : 'COW'} defense pledge years of ${pair}, ${span}`, value: years('defense'), note: `of ${y1 - y0 + 1} years in the period` });
    }
  }
}
