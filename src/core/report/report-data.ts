// The data behind the report's charts, computed from a scenario and its analyses: plain rows, ready for chart specs and tables.
import type { Agreement, IndependentData } from '../analysis/record/independent.js';
import { recordAgreement } from '../analysis/record/independent.js';
import { recordSeries, recordSeriesRows } from '../analysis/record/record.js';
import { allianceDyads, simulateRecord } from '../analysis/record/simulated.js';
import { dyadKey } from '../datasets/state-data.js';
import type { Model } from '../engine/model.js';
import { MECHANISM_IDS } from '../engine/parameters.js';
import { simulateModel } from '../engine/simulate.js';
import type { Scenario } from '../scenario/schema.js';
import { monthYear } from '../time/month.js';

/** Quantiles every band shows. */
export const BAND_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/** A yearly band of simulated values with the recorded value beside it. */
export interface CooperationRow {
  dyad: string;
  year: number;
  recordedGoldstein: number;
  recordedIntensity: number;
  mean: number;
  p05: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

/** Dated markers from the independent data (rivalry onset, the formal alliance's years). */
export interface Marker {
  year: number;
  label: string;
}

/** Everything the cooperation section shows. */
export interface CooperationData {
  runs: number;
  rows: CooperationRow[];
  markers: Marker[];
  agreement: Agreement;
}

/** The q-quantile of sorted values (the lowest value whose rank reaches ceil(q * n)). */
function quantileSorted(sorted: number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

/**
 * Yearly Goldstein sums of the allies' simulated acts (runs 0..runs-1) against the record's, per directed alliance dyad,
 * with the independent series' markers and agreement. Simulated acts carry a Goldstein weight only, so the band is
 * comparable with the recorded Goldstein sums; the judged intensities are shown for reference.
 * @example cooperationData(scenario, compile(scenario), independent, { runs: 100, seed: 1 })
 */
export function cooperationData(scenario: Scenario, model: Model, independent: IndependentData, options: { runs: number; seed: number }): CooperationData {
  const dyads = allianceDyads(model);
  const ids = model.actorIds;
  const names = dyads.map((d) => `${ids[d.from]}→${ids[d.to]}`);
  const firstYear = monthYear(model.start);
  const years = monthYear(model.start + model.months - 1) - firstYear + 1;
  const values: number[][][] = dyads.map(() => Array.from({ length: years }, () => []));
  for (let i = 0; i < options.runs; i++) {
    const run = simulateRecord(model, dyads, options.seed, i);
    for (let k = 0; k < dyads.length; k++) {
      const sums = new Float64Array(years);
      for (let t = 0; t < model.months; t++) sums[monthYear(model.start + t) - firstYear] += run.coop[k * model.months + t];
      for (let y = 0; y < years; y++) values[k][y].push(sums[y]);
    }
  }
  const record = recordSeries(scenario);
  const recorded = new Map(recordSeriesRows(record, 'year').map((r) => [`${r.from}→${r.to}|${r.period}`, r]));
  const rows: CooperationRow[] = [];
  dyads.forEach((_, k) => {
    for (let y = 0; y < years; y++) {
      const sorted = [...values[k][y]].sort((a, b) => a - b);
      const rec = recorded.get(`${names[k]}|${firstYear + y}`);
      const [p05, p25, p50, p75, p95] = BAND_QUANTILES.map((q) => quantileSorted(sorted, q));
      rows.push({
        dyad: names[k], year: firstYear + y,
        recordedGoldstein: rec?.goldstein ?? 0, recordedIntensity: rec?.intensity ?? 0,
        mean: sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length), p05, p25, p50, p75, p95,
      });
    }
  });
  const markers: Marker[] = [];
  const cow = new Map(scenario.actors.map((a) => [a.cow, a.id]));
  for (const r of independent.rivalries ?? []) {
    const a = cow.get(r.ccode1);
    const b = cow.get(r.ccode2);
    const pair = model.alliances.some((al) => [ids[al.a], ids[al.b]].sort().join() === [a, b].sort().join());
    if (pair && r.start >= firstYear && r.start < firstYear + years) markers.push({ year: r.start, label: `rivalry onset (${r.source})` });
  }
  // COW's defense-pact years of the alliance pairs, within the period.
  const cowOf = (id: string) => scenario.actors.find((a) => a.id === id)?.cow ?? -1;
  const codes = new Set(model.alliances.map((al) => dyadKey(cowOf(ids[al.a]), cowOf(ids[al.b]))));
  const defence = (independent.allianceSpells ?? [])
    .filter((s) => s.source === 'cow-4.1' && s.pledges.includes('defense') && codes.has(dyadKey(s.ccode1, s.ccode2)))
    .flatMap((s) => Array.from({ length: s.last - s.first + 1 }, (_, k) => s.first + k))
    .filter((y) => y >= firstYear && y < firstYear + years);
  if (defence.length) {
    markers.push({ year: Math.min(...defence), label: 'formal alliance from (COW)' });
    const last = Math.max(...defence);
    if (last < firstYear + years - 1) markers.push({ year: last, label: 'formal alliance last year (COW)' });
  }
  // One marker per year, so that labels of the same date (two rivalry datasets) do not overprint.
  const byYear = new Map<number, string[]>();
  for (const m of markers) byYear.set(m.year, [...(byYear.get(m.year) ?? []), m.label]);
  const merged = [...byYear].sort((x, y) => x[0] - y[0]).map(([year, labels]) => ({ year, label: [...new Set(labels)].join('; ') }));
  return { runs: options.runs, rows, markers: merged, agreement: recordAgreement(scenario, record, independent) };
}

/** One bar of the decomposition: a member's mean yearly contribution of one mechanism to its value of the alliance. */
export interface DecompositionRow {
  member: string;
  year: number;
  mechanism: string;
  value: number;
}

/** The decomposition: contributions per mechanism, and each member's outside option and margin, yearly means over runs. */
export interface DecompositionData {
  runs: number;
  rows: DecompositionRow[];
  lines: { member: string; year: number; value: number; outside: number; margin: number }[];
}

/**
 * Yearly means over runs 0..runs-1 of each member's alliance value split by mechanism (the engine's own decomposition).
 * @example decompositionData(compile(scenario), { runs: 20, seed: 1 }).rows.filter((r) => r.mechanism === 'standing')
 */
export function decompositionData(model: Model, options: { runs: number; seed: number }): DecompositionData {
  const T = model.months;
  const M = MECHANISM_IDS.length;
  const ids = model.actorIds;
  const firstYear = monthYear(model.start);
  const years = monthYear(model.start + T - 1) - firstYear + 1;
  const slots = model.alliances.flatMap((al) => [`${ids[al.a]} (with ${ids[al.b]})`, `${ids[al.b]} (with ${ids[al.a]})`]);
  const contrib = new Float64Array(slots.length * years * M);
  const value = new Float64Array(slots.length * years);
  const outside = new Float64Array(slots.length * years);
  const margin = new Float64Array(slots.length * years);
  const monthsIn = new Float64Array(years);
  for (let t = 0; t < T; t++) monthsIn[monthYear(model.start + t) - firstYear]++;
  for (let i = 0; i < options.runs; i++) {
    const r = simulateModel(model, options.seed, i);
    for (let s = 0; s < slots.length; s++) {
      for (let t = 0; t < T; t++) {
        const y = monthYear(model.start + t) - firstYear;
        const at = s * T + t;
        const w = 1 / (monthsIn[y] * options.runs);
        for (let m = 0; m < M; m++) contrib[(s * years + y) * M + m] += r.contrib[at * M + m] * w;
        value[s * years + y] += r.value[at] * w;
        outside[s * years + y] += r.outside[at] * w;
        margin[s * years + y] += r.margin[at] * w;
      }
    }
  }
  const rows: DecompositionRow[] = [];
  const lines: DecompositionData['lines'] = [];
  slots.forEach((member, s) => {
    for (let y = 0; y < years; y++) {
      MECHANISM_IDS.forEach((mechanism, m) => rows.push({ member, year: firstYear + y, mechanism, value: contrib[(s * years + y) * M + m] }));
      lines.push({ member, year: firstYear + y, value: value[s * years + y], outside: outside[s * years + y], margin: margin[s * years + y] });
    }
  });
  return { runs: options.runs, rows, lines };
}
