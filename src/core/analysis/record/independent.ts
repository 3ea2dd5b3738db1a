// The record checked against independent data: COPDAB US<->USSR scores, MIE events, Thompson rivalry onsets, formal alliance
// years. The judged intensities encode the consensus story, so this is the only check of the record that is not circular.
//
// API:
//   recordAgreement(scenario, record, data) -> Agreement   correlations, counts and dates, each with what it compares
import type { Scenario } from '../../scenario/schema.js';
import { monthIndex } from '../../time/month.js';
import { binSeries } from './periods.js';
import { dyadSeries, type RecordSeries } from './record.js';
import { correlation } from '../validation/statistics.js';
import { matchesRecordRule, TURNING_POINT_RULES } from './turning-points.js';

/** Independent series as loaded by an adapter (every part optional: a check is skipped when its data are absent). */
export interface IndependentData {
  /** COPDAB monthly net scores between COW 2 (US) and 365 (USSR). */
  copdab?: { month: string; usToUssr: number; ussrToUs: number }[];
  /** MIE events (COW codes; month -9 when unknown). */
  mie?: { micnum: number; year: number; month: number; ccode1: number; ccode2: number; action: number; hostlev: number }[];
  rivalries?: { source: string; name: string; ccode1: number; ccode2: number; start: number; end: number }[];
  /** ATOP treaty membership rows: `entered` and `exited` as YYYY-MM-DD (exited empty when in force). */
  treaties?: { source: string; atopid: number; member: number; entered: string; exited: string }[];
  /** COW alliance indicators per year for the alliance pair. */
  cowAlliance?: { year: number; defense: number }[];
}

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
  mieYearly: { year: number; mieEvents: number; mieForce: number; recordClashes: number }[];
}

const CLASH = TURNING_POINT_RULES.find((r) => r.id === 'armed-clash')!.record;

/**
 * Compares the record with whichever independent series are given; actors are matched by their COW codes.
 * @example recordAgreement(scenario, recordSeries(scenario), await loadIndependentData('data'))
 */
export function recordAgreement(scenario: Scenario, record: RecordSeries, data: IndependentData): Agreement {
  const rows: AgreementRow[] = [];
  const byCow = (code: number) => scenario.actors.find((a) => a.cow === code)?.id;
  const startYear = Number(scenario.meta.period.start.slice(0, 4));
  const endYear = Number(scenario.meta.period.end.slice(0, 4));

  // COPDAB: the record's US<->USSR dyads (drivers, as a third power's acts) against COPDAB's scores, by year and month.
  const copdabYearly: Agreement['copdabYearly'] = [];
  const us = byCow(2);
  const ussr = byCow(365);
  if (data.copdab && us && ussr) {
    for (const [from, to, pick] of [[us, ussr, 'usToUssr'], [ussr, us, 'ussrToUs']] as const) {
      const d = dyadSeries(record, from, to);
      const months = data.copdab.map((c) => monthIndex(c.month));
      const first = Math.max(Math.min(...months), record.start);
      const last = Math.min(Math.max(...months), record.start + record.months - 1);
      if (!d || last < first) {
        rows.push({ check: `COPDAB ${from}->${to}`, value: null, note: 'no overlap of the record and COPDAB' });
        continue;
      }
      const cop = new Float64Array(last - first + 1);
      data.copdab.forEach((c, i) => {
        const t = months[i] - first;
        if (t >= 0 && t < cop.length) cop[t] = c[pick];
      });
      const g = d.goldstein.subarray(first - record.start, last - record.start + 1);
      const j = d.intensity.subarray(first - record.start, last - record.start + 1);
      const [y0, y1] = [Math.floor(first / 12), Math.floor(last / 12)];
      const cy = binSeries(cop, first, 'year', y0, y1);
      const gy = binSeries(g, first, 'year', y0, y1);
      const jy = binSeries(j, first, 'year', y0, y1);
      for (let y = y0; y <= y1; y++) copdabYearly.push({ year: y, dyad: `${from}->${to}`, copdab: cy[y - y0], goldstein: gy[y - y0], intensity: jy[y - y0] });
      const span = `${y0}-${y1}`;
      rows.push({ check: `COPDAB ${from}->${to}: yearly correlation with the record's Goldstein sums (${span})`, value: correlation(gy, cy), note: `${y1 - y0 + 1} years; the record has ${d.count.reduce((s, x) => s + x, 0)} acts in this dyad` });
      rows.push({ check: `COPDAB ${from}->${to}: yearly correlation with the record's judged intensities (${span})`, value: correlation(jy, cy), note: 'judged intensities encode the consensus story' });
      rows.push({ check: `COPDAB ${from}->${to}: monthly correlation with the record's Goldstein sums (${span})`, value: correlation(g, cop), note: `${cop.length} months, most without a recorded act` });
    }
  }

  // MIE: militarized events between the alliance's members per year, against the record's armed clashes.
  const mieYearly: Agreement['mieYearly'] = [];
  const pair = scenario.alliances[0]?.members.map((m) => scenario.actors.find((a) => a.id === m)?.cow);
  if (data.mie && pair && pair[0] !== undefined && pair[1] !== undefined) {
    const codes = [pair[0], pair[1]].sort().join();
    const events = data.mie.filter((e) => [e.ccode1, e.ccode2].sort().join() === codes);
    const members = scenario.alliances[0].members;
    const clashes = scenario.events.filter((e) => e.role === 'record' && e.to !== undefined && members.includes(e.from) && members.includes(e.to) && matchesRecordRule(e, CLASH));
    for (let y = startYear; y <= endYear; y++) {
      const ys = events.filter((e) => e.year === y);
      mieYearly.push({ year: y, mieEvents: ys.length, mieForce: ys.filter((e) => e.hostlev >= 4).length, recordClashes: clashes.filter((e) => Number(e.date.slice(0, 4)) === y).length });
    }
    const in6869 = mieYearly.filter((r) => r.year === 1968 || r.year === 1969);
    rows.push({ check: 'MIE events between the allies, 1968-69', value: in6869.reduce((s, r) => s + r.mieEvents, 0), note: `of which use of force (hostility level 4-5): ${in6869.reduce((s, r) => s + r.mieForce, 0)}` });
    rows.push({ check: 'record armed clashes between the allies, 1968-69', value: in6869.reduce((s, r) => s + r.recordClashes, 0), note: 'record events with category border-clash or WEIS 223' });
    // From the treaty on: before it, COW's China (710) is the Nationalist government, not the ally.
    const from = scenario.alliances[0].signed ? Number(scenario.alliances[0].signed.slice(0, 4)) : startYear;
    const firstForce = events.filter((e) => e.hostlev >= 4 && e.year >= from && e.year <= endYear).sort((a, b) => a.year - b.year || a.month - b.month)[0];
    const firstClash = clashes.map((e) => e.date.slice(0, 7)).sort()[0];
    rows.push({ check: `first MIE use of force between the allies from ${from}`, value: firstForce ? `${firstForce.year}-${firstForce.month > 0 ? String(firstForce.month).padStart(2, '0') : '??'}` : null, note: firstForce ? `MIC ${firstForce.micnum}` : 'none' });
    rows.push({ check: 'first recorded armed clash between the allies', value: firstClash ?? null, note: 'by the armed-clash rule' });
    rows.push({ check: 'yearly correlation of MIE events and recorded clashes', value: correlation(mieYearly.map((r) => r.mieEvents), mieYearly.map((r) => r.recordClashes)), note: `${startYear}-${endYear}` });
  }

  // Rivalry onset: Thompson's year against the record's first year of net conflict between the allies (both directions summed).
  if (data.rivalries && pair && pair[0] !== undefined && pair[1] !== undefined) {
    const codes = [pair[0], pair[1]].sort().join();
    for (const r of data.rivalries.filter((x) => [x.ccode1, x.ccode2].sort().join() === codes && x.end >= startYear && x.start <= endYear)) {
      rows.push({ check: `rivalry onset, ${r.source} "${r.name}"`, value: r.start, note: `ends ${r.end}` });
    }
    const [a, b] = scenario.alliances[0].members;
    const ab = dyadSeries(record, a, b);
    const ba = dyadSeries(record, b, a);
    if (ab && ba) {
      const y0 = Math.floor(record.start / 12);
      const y1 = Math.floor((record.start + record.months - 1) / 12);
      const net = binSeries(ab.goldstein.map((x, t) => x + ba.goldstein[t]), record.start, 'year', y0, y1);
      const signed = scenario.alliances[0].signed ? Number(scenario.alliances[0].signed.slice(0, 4)) : y0;
      let onset: number | null = null;
      for (let y = signed; y <= y1; y++) if (net[y - y0] < 0) { onset = y; break; }
      rows.push({ check: 'record: first year of net conflict between the allies after the treaty', value: onset, note: 'sum of both directions\' Goldstein weights below zero' });
    }
  }

  // Formal alliance years: ATOP membership and COW's defense pact, against the record's story of a political break.
  if (data.treaties && pair && pair[0] !== undefined) {
    for (const t of data.treaties.filter((x) => x.member === pair[0])) {
      rows.push({ check: `formal alliance in force, ${t.source} atopid ${t.atopid}`, value: `${t.entered}..${t.exited || 'in force'}`, note: `scenario treaty signed ${scenario.alliances[0].signed ?? 'not given'}` });
    }
  }
  if (data.cowAlliance) {
    const inPeriod = data.cowAlliance.filter((r) => r.year >= startYear && r.year <= endYear);
    rows.push({ check: 'COW defense pact years in the period', value: inPeriod.filter((r) => r.defense === 1).length, note: `of ${inPeriod.length} years: the formal pact outlives the political alliance` });
  }
  return { rows, copdabYearly, mieYearly };
}
