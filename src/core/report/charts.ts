// The report's charts as Observable Plot options (data in, options out, no DOM), each with a table as its text alternative; the web UI can render the same specs.
import * as Plot from '@observablehq/plot';
import type { Agreement } from '../analysis/record/independent.js';
import type { MorrisRow } from '../analysis/fitting/morris.js';
import { formatNumber } from '../output/number.js';
import type { BandRow } from '../output/counterfactual.js';
import type { CooperationData, DecompositionData } from './report-data.js';

/** A table: the text alternative of a chart, or a section's content. */
export interface Table {
  columns: string[];
  rows: (string | number | null)[][];
}

/** A chart: Plot options to render, a one-paragraph summary for readers who cannot see it, and its data as a table. */
export interface ChartSpec {
  id: string;
  title: string;
  summary: string;
  options: Plot.PlotOptions;
  table: Table;
}

const n = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? null : Number(formatNumber(x)));
const yearAxis = { label: null, tickFormat: (d: number) => String(d) };
const WORLD_COLOURS = { domain: ['factual', 'counterfactual'], range: ['#4e79a7', '#e15759'], legend: true };

/** Simulated yearly cooperation (bands over runs) against the record, per directed alliance dyad, with the independent markers. */
export function cooperationChart(d: CooperationData): ChartSpec {
  const rows = d.rows;
  const last = rows[rows.length - 1]?.year;
  return {
    id: 'cooperation',
    title: 'Cooperation and conflict, simulated against the record',
    summary:
      `Yearly sum of Goldstein weights of the allies' acts toward each other. Shaded: the middle 50% and 90% of ${d.runs} simulated runs (drivers only, the record unread); ` +
      `line: the simulated median; black: the record. Red dashed lines mark the independent data: ${d.markers.map((m) => `${m.label} ${m.year}`).join('; ') || 'none found'}.`,
    options: {
      height: 180 * new Set(rows.map((r) => r.dyad)).size + 40,
      marginRight: 90,
      x: { ...yearAxis, domain: [rows[0]?.year, last] },
      y: { label: 'Goldstein sum per year', grid: true },
      fy: { label: null },
      marks: [
        Plot.ruleY([0], { stroke: '#999' }),
        Plot.areaY(rows, { x: 'year', y1: 'p05', y2: 'p95', fy: 'dyad', fill: '#4e79a7', fillOpacity: 0.15 }),
        Plot.areaY(rows, { x: 'year', y1: 'p25', y2: 'p75', fy: 'dyad', fill: '#4e79a7', fillOpacity: 0.3 }),
        Plot.lineY(rows, { x: 'year', y: 'p50', fy: 'dyad', stroke: '#4e79a7', strokeWidth: 1.5 }),
        Plot.lineY(rows, { x: 'year', y: 'recordedGoldstein', fy: 'dyad', stroke: 'black' }),
        Plot.dot(rows, { x: 'year', y: 'recordedGoldstein', fy: 'dyad', fill: 'black', r: 2 }),
        Plot.ruleX(d.markers, { x: 'year', stroke: '#c0392b', strokeDasharray: '4,3' }),
        Plot.text(d.markers, { x: 'year', text: 'label', frameAnchor: 'top', dy: 4, dx: 3, textAnchor: 'start', fill: '#c0392b', fontSize: 9 }),
      ],
    },
    table: {
      columns: ['dyad', 'year', 'recorded Goldstein', 'recorded judged intensity', 'simulated median', 'simulated p05', 'simulated p95'],
      rows: rows.map((r) => [r.dyad, r.year, n(r.recordedGoldstein), n(r.recordedIntensity), n(r.p50), n(r.p05), n(r.p95)]),
    },
  };
}

function zScores(xs: number[]): number[] {
  const mean = xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, xs.length - 1)) || 1;
  return xs.map((x) => (x - mean) / sd);
}

/** The record's series of every dyad COPDAB covers against COPDAB's, both standardised (their scales differ), per direction. */
export function copdabChart(a: Agreement): ChartSpec | null {
  if (a.copdabYearly.length === 0) return null;
  const rows: { year: number; dyad: string; series: string; z: number }[] = [];
  for (const dyad of [...new Set(a.copdabYearly.map((r) => r.dyad))]) {
    const ys = a.copdabYearly.filter((r) => r.dyad === dyad);
    const zc = zScores(ys.map((r) => r.copdab));
    const zg = zScores(ys.map((r) => r.goldstein));
    ys.forEach((r, i) => rows.push({ year: r.year, dyad, series: 'COPDAB (independent)', z: zc[i] }, { year: r.year, dyad, series: 'record, Goldstein sum', z: zg[i] }));
  }
  const correlations = a.rows
    .filter((r) => r.check.startsWith('COPDAB') && r.check.includes('yearly correlation with the record\'s Goldstein'))
    .map((r) => `${r.check.replace(/^COPDAB (\S+): .*\((.*)\)$/, '$1, $2')}: r = ${r.value === null ? 'n/a' : formatNumber(Number(r.value))}`);
  return {
    id: 'copdab',
    title: 'The record against an independent series: COPDAB',
    summary: `Yearly series standardised to mean 0 and standard deviation 1, because COPDAB's scale differs from Goldstein's. Correlations: ${correlations.join('; ') || 'n/a'}.`,
    options: {
      height: 320,
      marginRight: 90,
      x: yearAxis,
      y: { label: 'standardised', grid: true },
      fy: { label: null },
      color: { legend: true, range: ['#59a14f', 'black'] },
      marks: [Plot.ruleY([0], { stroke: '#999' }), Plot.lineY(rows, { x: 'year', y: 'z', stroke: 'series', fy: 'dyad' })],
    },
    table: { columns: ['dyad', 'year', 'COPDAB', 'record Goldstein sum', 'record judged intensity'], rows: a.copdabYearly.map((r) => [r.dyad, r.year, n(r.copdab), n(r.goldstein), n(r.intensity)]) },
  };
}

/** Militarized interstate events between the allies per year against the record's armed clashes. */
export function mieChart(a: Agreement): ChartSpec | null {
  const rows = a.mieYearly.filter((r) => r.mieEvents > 0 || r.recordClashes > 0);
  if (rows.length === 0) return null;
  return {
    id: 'mie',
    title: 'Armed clashes: MIE events against the record',
    summary: `Bars: Militarized Interstate Events between the allies per year (dark: use of force). Dots: the record's armed clashes. ${rows.map((r) => `${r.year} (${r.pair}): ${r.mieEvents} MIE events, ${r.recordClashes} recorded clashes`).join('; ')}.`,
    options: {
      height: 220,
      x: { ...yearAxis, type: 'band' },
      y: { label: 'events', grid: true },
      marks: [
        Plot.barY(rows, { x: 'year', y: 'mieEvents', fill: '#bab0ac' }),
        Plot.barY(rows, { x: 'year', y: 'mieForce', fill: '#79706e' }),
        Plot.dot(rows, { x: 'year', y: 'recordClashes', fill: 'black', r: 4 }),
      ],
    },
    table: { columns: ['year', 'pair', 'MIE events', 'MIE uses of force', 'record armed clashes'], rows: rows.map((r) => [r.year, r.pair, r.mieEvents, r.mieForce, r.recordClashes]) },
  };
}

/** Each member's value of the alliance stacked by mechanism, with its outside option as a line: the engine's own decomposition. */
export function decompositionChart(d: DecompositionData): ChartSpec {
  const members = [...new Set(d.rows.map((r) => r.member))];
  const lines = d.lines.map((l) => ({ ...l, mid: l.year + 0.5 }));
  return {
    id: 'decomposition',
    title: 'Why each ally valued the alliance: the value decomposed by mechanism',
    summary:
      `Yearly means over ${d.runs} runs of each member's alliance value, stacked by mechanism (above zero: reasons to stay; below: costs). ` +
      `The black line is the member's outside option: when the stack's net falls below it, the member would rather leave. ` +
      members.map((m) => {
        const own = d.lines.filter((l) => l.member === m);
        const first = own.find((l) => l.margin < 0);
        return `${m}: margin first negative in ${first ? first.year : 'no year'}`;
      }).join('; ') + '.',
    options: {
      height: 240 * members.length + 40,
      marginRight: 100,
      x: { ...yearAxis },
      y: { label: 'value', grid: true },
      fy: { label: null },
      color: { legend: true, scheme: 'tableau10' },
      marks: [
        Plot.rectY(d.rows, { x: 'year', interval: 1, y: 'value', fill: 'mechanism', fy: 'member', inset: 0.5 }),
        Plot.ruleY([0], { stroke: '#333' }),
        Plot.lineY(lines, { x: 'mid', y: 'outside', fy: 'member', stroke: 'black', strokeWidth: 1.5 }),
        Plot.dot(lines, { x: 'mid', y: 'value', fy: 'member', fill: 'white', stroke: 'black', r: 2 }),
      ],
    },
    table: {
      columns: ['member', 'year', ...[...new Set(d.rows.map((r) => r.mechanism))], 'value', 'outside option', 'margin'],
      rows: d.lines.map((l) => [l.member, l.year, ...d.rows.filter((r) => r.member === l.member && r.year === l.year).map((r) => n(r.value)), n(l.value), n(l.outside), n(l.margin)]),
    },
  };
}

const decimalYear = (date: string) => Number(date.slice(0, 4)) + (Number(date.slice(5, 7)) - 1) / 12;

/** A counterfactual's fan chart: trailing-year cooperation bands of both worlds per dyad. */
export function fanChart(id: string, title: string, bands: BandRow[], runs: number): ChartSpec {
  const rows = bands.map((b) => ({ x: decimalYear(b.date), dyad: `${b.from}→${b.to}`, world: b.world, p05: b.q[0], p25: b.q[1], p50: b.q[2], p75: b.q[3], p95: b.q[4] }));
  const januaries = bands.filter((b) => b.date.endsWith('-01'));
  return {
    id,
    title,
    summary: `Trailing 12-month mean of monthly cooperation in ${runs} paired runs of each world (run i of both draws the same random numbers). Bands: the middle 50% and 90% of runs; lines: medians. Blue: factual; red: counterfactual.`,
    options: {
      height: 200 * new Set(rows.map((r) => r.dyad)).size + 40,
      marginRight: 90,
      x: { label: null, tickFormat: (d: number) => String(Math.round(d)) },
      y: { label: 'cooperation, trailing year', grid: true },
      fy: { label: null },
      color: WORLD_COLOURS,
      marks: [
        Plot.ruleY([0], { stroke: '#999' }),
        Plot.areaY(rows, { x: 'x', y1: 'p05', y2: 'p95', fill: 'world', fy: 'dyad', fillOpacity: 0.12 }),
        Plot.areaY(rows, { x: 'x', y1: 'p25', y2: 'p75', fill: 'world', fy: 'dyad', fillOpacity: 0.25 }),
        Plot.lineY(rows, { x: 'x', y: 'p50', stroke: 'world', fy: 'dyad', strokeWidth: 1.5 }),
      ],
    },
    table: {
      columns: ['dyad', 'January of', 'world', 'median', 'p05', 'p25', 'p75', 'p95'],
      rows: januaries.map((b) => [`${b.from}→${b.to}`, b.date.slice(0, 4), b.world, n(b.q[2]), n(b.q[0]), n(b.q[1]), n(b.q[3]), n(b.q[4])]),
    },
  };
}

/** A counterfactual's break dates: the share of runs broken (or worse) by each month, in both worlds. */
export function breakShareChart(id: string, title: string, shares: { date: string; world: string; share: number }[], quantiles: Table): ChartSpec {
  const rows = shares.map((s) => ({ x: decimalYear(s.date), world: s.world, share: s.share }));
  return {
    id,
    title,
    summary: 'Share of runs whose alliance has been broken or hostile by each month, in both worlds. The table gives the quantiles of the first-break date.',
    options: {
      height: 220,
      x: { label: null, tickFormat: (d: number) => String(Math.round(d)) },
      y: { label: 'share of runs broken by then', domain: [0, 1], grid: true, tickFormat: '%' },
      color: WORLD_COLOURS,
      marks: [Plot.lineY(rows, { x: 'x', y: 'share', stroke: 'world', curve: 'step-after', strokeWidth: 1.5 })],
    },
    table: quantiles,
  };
}

/** Morris screening as bars: mu* (overall influence on the break date, months) per parameter, sigma as a tick. */
export function sensitivityChart(rows: MorrisRow[], top = 20): ChartSpec {
  const shown = [...rows].sort((a, b) => b.muStar - a.muStar).slice(0, top);
  return {
    id: 'sensitivity',
    title: 'Which parameters move the break date most (Morris screening)',
    summary: `mu*: mean absolute change of the mean first-break month when the parameter moves across its range (bars); sigma: spread of those effects, a sign of interaction or non-linearity (ticks). Largest: ${shown.slice(0, 3).map((r) => `${r.key} (mu* ${formatNumber(r.muStar)} months)`).join(', ')}.`,
    options: {
      height: 22 * shown.length + 60,
      marginLeft: 190,
      x: { label: 'months of break date', grid: true },
      y: { label: null, domain: shown.map((r) => r.key) },
      marks: [
        Plot.barX(shown, { y: 'key', x: 'muStar', fill: '#4e79a7' }),
        Plot.tickX(shown, { y: 'key', x: 'sigma', stroke: '#e15759', strokeWidth: 2 }),
        Plot.ruleX([0]),
      ],
    },
    table: { columns: ['parameter', 'mu*', 'mu', 'sigma', 'min', 'max'], rows: shown.map((r) => [r.key, n(r.muStar), n(r.mu), n(r.sigma), r.min, r.max]) },
  };
}
