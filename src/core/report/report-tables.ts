// Tables and chart specs of the report built from analysis results: the explanation comparison and the counterfactuals.
import type { Comparison } from '../analysis/validation/compare.js';
import { WORLDS, type CounterfactualResult } from '../analysis/counterfactuals/counterfactual.js';
import { bandRows, counterfactualSummary } from '../output/counterfactual.js';
import { formatNumber } from '../output/number.js';
import { monthLabel } from '../time/month.js';
import { breakShareChart, fanChart, type ChartSpec, type Table } from './charts.js';

const n = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? null : Number(formatNumber(x)));

/** The explanation comparison as a table, best first, with the naive baselines below. */
export function comparisonTable(c: Comparison): Table {
  const rows: Table['rows'] = c.ranking.map((id) => {
    const e = c.explanations.find((x) => x.id === id)!;
    const m = e.outOfSample.model;
    return [e.rank, `${e.name} (${e.id})`, e.mechanisms.join(', '), n(m.logScore), n(m.rmse), n(m.crps), n(m.correlation), n(e.weight), n(m.turningPointMae), n(e.fit.loss)];
  });
  for (const b of c.baselines) {
    const name = `baseline: ${b.label}${b.id === c.strongest ? ' (strongest)' : ''}`;
    rows.push([null, name, '', n(b.logScore), n(b.rmse), n(b.crps), n(b.correlation), null, n(b.turningPointMae), null]);
  }
  return {
    columns: ['rank', 'explanation', 'mechanisms', 'held-out log score', 'RMSE', 'CRPS', 'correlation', 'evidence weight', 'turning-point error (months)', 'training loss'],
    rows,
  };
}

/** The share of runs broken (or worse) by each month in both worlds, for the first alliance. */
function breakShares(r: CounterfactualResult, alliance = 0): { date: string; world: string; share: number }[] {
  const T = r.shape.months;
  const out: { date: string; world: string; share: number }[] = [];
  for (const world of WORLDS) {
    let seen = 0;
    for (let t = 0; t < T; t++) {
      seen += r.worlds[world].firstBroken[alliance * (T + 1) + t];
      out.push({ date: monthLabel(r.shape.start + t), world, share: seen / r.runs });
    }
  }
  return out;
}

/** A counterfactual's two charts: the cooperation fan chart and the break-date shares, with quantile and paired-shift tables. */
export function counterfactualCharts(id: string, title: string, r: CounterfactualResult): { charts: ChartSpec[]; summary: Record<string, unknown> } {
  const summary = counterfactualSummary(r);
  const a = (summary.alliances as { id: string; factual: { share: number; quantiles: Record<string, string | null> }; counterfactual: { share: number; quantiles: Record<string, string | null> }; paired: Record<string, unknown> }[])[0];
  const q = (d: { quantiles: Record<string, string | null> }) => ['p05', 'p25', 'p50', 'p75', 'p95'].map((k) => d.quantiles[k] ?? 'after the period');
  const table: Table = {
    columns: ['world', 'broken within the period', 'p05', 'p25', 'median', 'p75', 'p95'],
    rows: a ? [['factual', n(a.factual.share), ...q(a.factual)], ['counterfactual', n(a.counterfactual.share), ...q(a.counterfactual)]] : [],
  };
  return {
    charts: [fanChart(`${id}-fan`, `${title}: cooperation`, bandRows(r), r.runs), breakShareChart(`${id}-breaks`, `${title}: when the alliance broke (${a?.id ?? ''})`, breakShares(r), table)],
    summary,
  };
}
