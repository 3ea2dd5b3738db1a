// Independent data beside the model: MIE militarized incidents for an alliance pair, COPDAB scores for a triangle edge that has them.
import * as Plot from '@observablehq/plot';
import { INDEPENDENT } from 'virtual:schism-scenarios';
import { correlation } from '../../../core/analysis/validation/statistics.js';
import { fmt } from '../dom.js';
import type { AllianceView, RunView, ScenarioView } from '../worker/protocol.js';
import { chartWithText } from './text-alternative.js';

const cowOf = (s: ScenarioView, id: string) => s.actors.find((a) => a.id === id)?.cow ?? null;

/**
 * MIE events between the alliance's members per year (either direction) beside the model's uses of force between them, or
 * null when the data have no event for this pair.
 */
export function mieChart(s: ScenarioView, run: RunView, al: AllianceView, width: number): HTMLElement | null {
  const [a, b] = [al.members[0].actor, al.members[1].actor];
  const ca = cowOf(s, a);
  const cb = cowOf(s, b);
  const events = INDEPENDENT.events.filter((e) => (e.ccode1 === ca && e.ccode2 === cb) || (e.ccode1 === cb && e.ccode2 === ca));
  if (ca === null || cb === null || events.length === 0) return null;
  const first = Number(run.labels[0].slice(0, 4));
  const last = Number(run.labels[run.labels.length - 1].slice(0, 4));
  const years = Array.from({ length: last - first + 1 }, (_, k) => first + k);
  const mie = years.map((y) => events.filter((e) => e.start.year === y).length);
  const force = years.map((y) => run.acts.filter((x) => x.act === 'force' && ((x.from === a && x.to === b) || (x.from === b && x.to === a)) && Number(run.labels[x.month].slice(0, 4)) === y).length);
  const rows = years.flatMap((y, k) => [{ year: y, source: 'MIE incidents (independent)', n: mie[k] }, { year: y, source: 'model: uses of force', n: force[k] }]);
  const chart = Plot.plot({
    width, height: 200,
    x: { label: null, tickFormat: 'd' },
    y: { label: 'per year', grid: true },
    color: { domain: ['MIE incidents (independent)', 'model: uses of force'], range: ['#222', '#b3261e'], legend: true },
    marks: [Plot.ruleY([0]), Plot.lineY(rows, { x: 'year', y: 'n', stroke: 'source', curve: 'step', strokeWidth: 1.5 })],
  });
  const peak = years[mie.indexOf(Math.max(...mie))];
  const summary = `The Militarized Interstate Events data (MIE 1.0) record ${mie.reduce((x, y) => x + y, 0)} events between ${a} and ${b} in ${first}–${last}, most in ${peak}; the model uses force ${force.reduce((x, y) => x + y, 0)} times in this run.`;
  return chartWithText(chart, summary, ['Year', 'MIE events', 'Model uses of force'], years.map((y, k) => [String(y), String(mie[k]), String(force[k])]), 'Yearly counts');
}

/**
 * COPDAB's yearly mean net score (Lebo and Moore's monthly series, the directions it has) for the first edge of the triangle
 * that COPDAB covers, beside the model's mean relation of that pair, on separate scales; null when no edge has a series.
 */
export function copdabChart(s: ScenarioView, run: RunView, width: number): HTMLElement | null {
  if (INDEPENDENT.copdab.length === 0 || run.triangle.length === 0) return null;
  const ids = run.triangle[0].ids;
  const covered = (p: string, q: string) => {
    const [cp, cq] = [cowOf(s, p), cowOf(s, q)];
    return INDEPENDENT.copdab.filter((m) => (m.from === cp && m.to === cq) || (m.from === cq && m.to === cp));
  };
  const edgePairs: [string, string][] = [[ids[0], ids[1]], [ids[1], ids[2]], [ids[2], ids[0]]];
  const found = edgePairs.find(([p, q]) => covered(p, q).length > 0);
  if (!found) return null;
  const [p, q] = found;
  const series = covered(p, q);
  const edge = (y: (typeof run.triangle)[number]) => {
    const has = (p: string, q: string) => (ids.includes(p) && ids.includes(q) ? 1 : 0);
    if (!has(p, q)) return null;
    const [x, z] = [ids.indexOf(p), ids.indexOf(q)].sort();
    return x === 0 && z === 1 ? y.edges.ab : x === 1 && z === 2 ? y.edges.bc : y.edges.ca;
  };
  const byYear = new Map<number, number[]>();
  for (const m of series) {
    const year = Number(m.month.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), m.value]);
  }
  const rows = run.triangle.flatMap((y) => {
    const model = edge(y);
    const c = byYear.get(y.year);
    return [
      ...(model === null ? [] : [{ year: y.year, panel: 'model: mean relation (−1..1)', value: model }]),
      ...(c ? [{ year: y.year, panel: 'COPDAB: mean net score (independent)', value: c.reduce((a, b) => a + b, 0) / c.length }] : []),
    ];
  });
  if (!rows.some((r) => r.panel.startsWith('COPDAB'))) return null;
  // Two charts on their own scales: the model's relation runs -1..1, COPDAB's net score in its own units.
  const panel = (name: string, label: string) =>
    Plot.plot({
      width, height: 150,
      x: { label: null, tickFormat: 'd', domain: [run.triangle[0].year, run.triangle[run.triangle.length - 1].year] },
      y: { grid: true, label },
      marks: [Plot.ruleY([0]), Plot.lineY(rows.filter((r) => r.panel.startsWith(name)), { x: 'year', y: 'value', stroke: '#4269d0' }), Plot.dot(rows.filter((r) => r.panel.startsWith(name)), { x: 'year', y: 'value', r: 2, fill: '#4269d0' })],
    });
  const chart = document.createElement('div');
  chart.append(panel('model', `model: ${p}–${q} mean relation (−1..1)`), panel('COPDAB', 'COPDAB: mean net score (independent)'));
  const years = [...new Set(rows.map((r) => r.year))].sort();
  const get = (panel: string, y: number) => rows.find((r) => r.year === y && r.panel.startsWith(panel))?.value;
  const both = years.filter((y) => get('model', y) !== undefined && get('COPDAB', y) !== undefined);
  const r = both.length > 2 ? correlation(both.map((y) => get('model', y) as number), both.map((y) => get('COPDAB', y) as number)) : null;
  const summary = `COPDAB (Lebo and Moore's monthly ${p}–${q} series) covers ${both[0]}–${both[both.length - 1]}; the model's ${p}–${q} relation is set beside it year by year on its own scale. Correlation of the yearly values: ${r === null ? 'not defined' : fmt(r)}.`;
  return chartWithText(chart, summary, ['Year', 'Model relation', 'COPDAB net score'], years.map((y) => [String(y), get('model', y) === undefined ? '–' : fmt(get('model', y) as number), get('COPDAB', y) === undefined ? '–' : fmt(get('COPDAB', y) as number)]), 'Yearly values');
}
