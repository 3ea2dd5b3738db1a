// The files of a counterfactual comparison: cooperation bands per month in both worlds, break dates, paired shifts, and the summary.
import { COOPERATION_WINDOW, WORLDS, type CounterfactualResult } from '../analysis/counterfactuals/counterfactual.js';
import { degenerateWarnings } from '../analysis/ensembles/degenerate.js';
import { binCentre, COOPERATION_BINS, quantileBin } from '../analysis/ensembles/histogram.js';
import { monthLabel } from '../time/month.js';
import { toCsv, type Cell } from './csv.js';
import { dateDistribution, QUANTILES, quantileName } from './ensemble.js';
import { formatNumber } from './number.js';

/** One row of the cooperation bands: a dyad, a month, a world, and the mean and quantiles over the runs. */
export interface BandRow {
  date: string;
  from: string;
  to: string;
  world: string;
  mean: number;
  /** Quantiles in QUANTILES order. */
  q: number[];
}

/**
 * The cooperation bands of both worlds: per dyad and month, quantiles of the runs' trailing-year mean cooperation.
 * @example bandRows(compareWorlds(f, c, { runs: 100, seed: 1 })).filter((r) => r.world === 'counterfactual')
 */
export function bandRows(r: CounterfactualResult): BandRow[] {
  const { shape } = r;
  const T = shape.months;
  const B = COOPERATION_BINS.bins;
  const rows: BandRow[] = [];
  shape.dyads.forEach((d, k) => {
    for (const world of WORLDS) {
      const c = r.worlds[world];
      for (let t = 0; t < T; t++) {
        const cell = k * T + t;
        rows.push({
          date: monthLabel(shape.start + t), from: d.fromId, to: d.toId, world,
          mean: Number(formatNumber(c.coopSum[cell] / 1e6 / r.runs)),
          q: QUANTILES.map((p) => binCentre(COOPERATION_BINS, quantileBin(c.coopHist, cell * B, B, p, r.runs))),
        });
      }
    }
  });
  return rows;
}

/** cooperation-bands.csv of a comparison. */
export function bandsCsv(rows: BandRow[]): string {
  return toCsv(['from', 'to', 'date', 'world', 'mean', ...QUANTILES.map(quantileName)], rows.map((b) => [b.from, b.to, b.date, b.world, b.mean, ...b.q]));
}

/** break-dates.csv: per alliance and month, runs whose first break fell then in each world; "never" last. */
export function pairedBreakDatesCsv(r: CounterfactualResult): string {
  const T = r.shape.months;
  const rows: Cell[][] = [];
  r.shape.alliances.forEach((id, a) => {
    for (let t = 0; t <= T; t++) {
      rows.push([id, t === T ? 'never' : monthLabel(r.shape.start + t), r.worlds.factual.firstBroken[a * (T + 1) + t], r.worlds.counterfactual.firstBroken[a * (T + 1) + t]]);
    }
  });
  return toCsv(['alliance', 'date', 'factual', 'counterfactual'], rows);
}

/** runs.csv: every run's first break in both worlds (empty: not within the period) and the shift in months where both broke. */
export function pairedRunsCsv(r: CounterfactualResult): string {
  const A = r.shape.alliances.length;
  const label = (t: number) => (t < 0 ? null : monthLabel(r.shape.start + t));
  const rows: Cell[][] = [];
  for (let i = 0; i < r.runs; i++) {
    for (let a = 0; a < A; a++) {
      const f = r.firstBreak.factual[i * A + a];
      const c = r.firstBreak.counterfactual[i * A + a];
      rows.push([i, r.shape.alliances[a], label(f), label(c), f >= 0 && c >= 0 ? c - f : null]);
    }
  }
  return toCsv(['run', 'alliance', 'factual_first_broken', 'counterfactual_first_broken', 'shift_months'], rows);
}

/** summary.json: per alliance, both worlds' break-date distributions and how the counterfactual moved the break run by run. */
export function counterfactualSummary(r: CounterfactualResult): Record<string, unknown> {
  const T = r.shape.months;
  const share = (k: number) => Number(formatNumber(k / r.runs));
  return {
    runs: r.runs,
    seed: r.seed,
    alliances: r.shape.alliances.map((id, a) => {
      const p = r.paired[a];
      const shiftQ: Record<string, number | null> = {};
      for (const q of QUANTILES) {
        const b = quantileBin(p.shift, 0, 2 * T + 1, q, p.bothBroke);
        shiftQ[quantileName(q)] = b < 0 ? null : b - T;
      }
      let sum = 0;
      for (let s = 0; s <= 2 * T; s++) sum += p.shift[s] * (s - T);
      return {
        id,
        factual: dateDistribution(r.worlds.factual.firstBroken, a * (T + 1), r.shape.start, T, r.runs),
        counterfactual: dateDistribution(r.worlds.counterfactual.firstBroken, a * (T + 1), r.shape.start, T, r.runs),
        paired: {
          bothBroke: share(p.bothBroke),
          earlier: share(p.earlier),
          same: share(p.same),
          later: share(p.later),
          onlyFactualBroke: share(p.onlyFactualBroke),
          onlyCounterfactualBroke: share(p.onlyCounterfactualBroke),
          neitherBroke: share(p.neitherBroke),
          shiftMonths: { ...shiftQ, mean: p.bothBroke ? Number(formatNumber(sum / p.bothBroke)) : null },
        },
      };
    }),
    warnings: WORLDS.flatMap((w) => degenerateWarnings(r.worlds[w], r.shape, r.runs, COOPERATION_BINS.bins, `${w} world`)),
    notes: [
      'Run i of both worlds draws from the same random stream (seed, i): common random numbers, so paired differences are due to the change alone.',
      'Shares are of all runs. shiftMonths is counterfactual minus factual first-break month, over runs where both broke within the period (negative: earlier).',
      `Cooperation bands are quantiles over runs of the trailing ${COOPERATION_WINDOW}-month mean of monthly cooperation (act intensities, -10..10), read from fixed bins ${COOPERATION_BINS.width} wide; means are exact.`,
    ],
  };
}
