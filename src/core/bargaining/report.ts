// The files a bargaining run writes: positions by round (tidy), the forecast per issue, a per-actor summary, and a text table.
import { csvCell, toCsv, type Cell } from '../output/csv.js';
import { formatNumber } from '../output/number.js';
import type { IssueProblem } from './scenario-issues.js';
import { weightedMean, weightedMedian, type BargainingRun } from './types.js';

/** One issue's run (absent when the issue was skipped). */
export interface IssueRun {
  issue: IssueProblem;
  run?: BargainingRun;
}

const dimsOf = (r: IssueRun) => r.issue.problem?.dimensions ?? [];

/**
 * positions.csv: one row per issue, dimension, round and actor. The rows are toCsv's, with the issue, dimension and
 * actor cells formatted once each rather than on every row, and an actor's position formatted again only when it moved
 * since the round before (most do not, in most rounds): this is most of a bargain command's output.
 */
export function positionsCsv(runs: IssueRun[]): string {
  const lines: string[] = [];
  for (const r of runs) {
    if (!r.run || !r.issue.problem) continue;
    const p = r.issue.problem;
    const issue = csvCell(r.issue.issue);
    const actors = p.actors.map((a) => csvCell(a.id));
    const rounds = r.run.rounds;
    for (let d = 0; d < p.dimensions.length; d++) {
      const head = `${issue},${csvCell(p.dimensions[d].id)},`;
      // The rows of an actor's last position, rebuilt only when the position changes.
      const last: number[] = [];
      const tail: string[] = [];
      for (let t = 0; t < rounds.length; t++) {
        const state = rounds[t];
        const round = `${head}${csvCell(t)},`;
        for (let i = 0; i < state.length; i++) {
          const x = state[i][d];
          if (t === 0 || !Object.is(x, last[i])) {
            last[i] = x;
            tail[i] = `${actors[i]},${csvCell(x)}\n`;
          }
          lines.push(round + tail[i]);
        }
      }
    }
  }
  return `${toCsv(['issue', 'dimension', 'round', 'actor', 'position'], [])}${lines.join('')}`;
}

/** Statistics of one dimension, as dimensionStats gives them. */
export interface DimensionStats {
  median0: number;
  mean0: number;
  medianN: number;
  meanN: number;
}

/** Each run's statistics by dimension: forecast.csv and the summary table both show them, and a median costs actors². */
const statsOf = new WeakMap<object, DimensionStats[]>();

/** Initial and final statistics of one dimension: capability × salience-weighted median and mean. */
export function dimensionStats(r: IssueRun, d: number): DimensionStats {
  const known = statsOf.get(r.run!) ?? [];
  statsOf.set(r.run!, known);
  return (known[d] ??= computeStats(r, d));
}

function computeStats(r: IssueRun, d: number): DimensionStats {
  const p = r.issue.problem!;
  const w = p.actors.map((a, i) => a.capability * p.salience[i][d]);
  const first = r.run!.rounds[0].map((x) => x[d]);
  const last = r.run!.rounds[r.run!.rounds.length - 1].map((x) => x[d]);
  return { median0: weightedMedian(first, w), mean0: weightedMean(first, w), medianN: weightedMedian(last, w), meanN: weightedMean(last, w) };
}

/** forecast.csv: one row per issue and dimension, skipped issues included with the reason. */
export function forecastCsv(runs: IssueRun[]): string {
  const rows: Cell[][] = [];
  for (const r of runs) {
    if (!r.run) {
      rows.push([r.issue.issue, r.issue.issue, '', 0, 0, null, null, null, null, r.issue.statusQuo, r.issue.skipped ?? '']);
      continue;
    }
    dimsOf(r).forEach((dim, d) => {
      const s = dimensionStats(r, d);
      rows.push([
        r.issue.issue, dim.id, r.run!.model, r.issue.problem!.actors.length, r.run!.rounds.length - 1,
        s.median0, s.mean0, r.run!.forecast[d], s.meanN, r.issue.statusQuo, r.run!.stop,
      ]);
    });
  }
  return toCsv(['issue', 'dimension', 'model', 'actors', 'rounds', 'initial_median', 'initial_mean', 'forecast', 'final_mean', 'status_quo', 'stop'], rows);
}

/** summary.csv: each actor's capability, salience, initial and final position and how far it moved. */
export function summaryCsv(runs: IssueRun[]): string {
  const rows: Cell[][] = [];
  for (const r of runs) {
    if (!r.run || !r.issue.problem) continue;
    const p = r.issue.problem;
    const last = r.run.rounds[r.run.rounds.length - 1];
    p.dimensions.forEach((dim, d) => {
      p.actors.forEach((a, i) => {
        rows.push([r.issue.issue, dim.id, a.id, a.capability, p.salience[i][d], p.positions[i][d], last[i][d], last[i][d] - p.positions[i][d]]);
      });
    });
  }
  return toCsv(['issue', 'dimension', 'actor', 'capability', 'salience', 'initial', 'final', 'change'], rows);
}

/** runs.csv for repeated stochastic runs: the forecast of every run. */
export function runsCsv(forecasts: { run: number; issue: string; dimension: string; forecast: number }[]): string {
  return toCsv(['run', 'issue', 'dimension', 'forecast'], forecasts.map((f) => [f.run, f.issue, f.dimension, f.forecast]));
}

/** A fixed-width text table of the forecasts, for the terminal. */
export function summaryTable(runs: IssueRun[]): string {
  const head = ['issue', 'dimension', 'model', 'actors', 'rounds', 'median0', 'mean0', 'forecast', 'mean'];
  const rows: string[][] = [];
  const notes: string[] = [];
  // Names, not only codes, so that a reader of the table knows what was bargained over.
  const label = (name: string) => (name.length > 40 ? `${name.slice(0, 39)}…` : name);
  for (const r of runs) {
    if (!r.run) {
      rows.push([r.issue.issue, '-', '-', '-', '-', '-', '-', 'skipped', '-']);
      notes.push(`${r.issue.issue}: skipped: ${r.issue.skipped ?? 'no problem to run'}`);
      continue;
    }
    dimsOf(r).forEach((dim, d) => {
      const s = dimensionStats(r, d);
      const f = (x: number) => formatNumber(Math.round(x * 1000) / 1000);
      rows.push([r.issue.issue, label(dim.name), r.run!.model, String(r.issue.problem!.actors.length), String(r.run!.rounds.length - 1), f(s.median0), f(s.mean0), f(r.run!.forecast[d]), f(s.meanN)]);
    });
    if (r.run.stop.includes('cycle')) notes.push(`${r.issue.issue}: ${r.run.stop}`);
  }
  const width = head.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(width[i]) : c.padStart(width[i]))).join('  ').trimEnd();
  return [line(head), ...rows.map(line), ...notes].join('\n') + '\n';
}
