// The files of `schism compare` and `schism sensitivity`: comparison tables, the perturbation study, Morris effects, summaries.
import type { Comparison } from '../analysis/validation/compare.js';
import type { Morris } from '../analysis/fitting/morris.js';
import { toCsv, type Cell } from './csv.js';
import { formatNumber } from './number.js';

const f = (x: number | null) => (x === null ? 'n/a' : formatNumber(x));

/** One row per explanation (rank order) and per baseline: fit loss, out-of-sample scores, evidence weight. */
export function comparisonCsv(c: Comparison): string {
  const rows: Cell[][] = [...c.explanations]
    .sort((a, b) => a.rank - b.rank)
    .map((e) => {
      const o = e.outOfSample;
      return [e.rank, e.id, e.mechanisms.join(' '), e.fit.parameters.length, e.fit.loss, o.model.rmse, o.model.runRmse.lo, o.model.runRmse.hi, o.model.correlation, o.model.logScore, o.model.crps, e.weight, o.model.turningPointMae];
    });
  for (const b of c.baselines) rows.push(['', `baseline:${b.id}`, '', 0, '', b.rmse, '', '', b.correlation, b.logScore, b.crps, '', b.turningPointMae]);
  return toCsv(['rank', 'explanation', 'mechanisms', 'parameters', 'train_loss', 'rmse', 'rmse_run_p05', 'rmse_run_p95', 'correlation', 'log_score', 'crps', 'weight', 'turning_point_mae_months'], rows);
}

/** Per explanation and turning point: recorded date, the explanation's median date, share of runs, error. */
export function comparisonTurningPointsCsv(c: Comparison): string {
  const rows: Cell[][] = [];
  for (const e of c.explanations) for (const t of e.outOfSample.turningPoints) rows.push([e.id, t.id, t.recorded, t.model ?? 'not by end', t.modelShare, t.modelError]);
  return toCsv(['explanation', 'turning_point', 'recorded', 'model', 'model_share', 'model_error_months'], rows);
}

/** Each perturbation's ranking and log scores. */
export function perturbationsCsv(c: Comparison): string {
  const ids = c.explanations.map((e) => e.id);
  return toCsv(
    ['perturbation', 'winner', 'ranking', 'spearman', ...ids.map((id) => `log_score.${id}`)],
    [
      [0, c.ranking[0], c.ranking.join(' > '), 1, ...c.explanations.map((e) => e.outOfSample.model.logScore)],
      ...c.perturbed.map((p) => [p.index, p.winner, p.ranking.join(' > '), p.spearman, ...p.logScores] as Cell[]),
    ],
  );
}

/** A Markdown summary of the comparison, reporting whatever came out. */
export function comparisonSummary(title: string, c: Comparison): string {
  const o = c.options;
  const sorted = [...c.explanations].sort((a, b) => a.rank - b.rank);
  const best = sorted[0];
  const strongest = c.baselines.find((b) => b.id === c.strongest)!;
  const beaten = sorted.filter((e) => e.outOfSample.model.logScore > strongest.logScore).map((e) => e.id);
  return [
    `# Explanations compared: ${title}`,
    '',
    `Each explanation's mechanisms alone (the others switched off) were fitted on ${o.train} (${o.every}ly ${o.measure} series of the alliance dyads;`,
    `CMA-ES, ${o.restarts} restarts x ${o.evaluations} evaluations x ${o.seeds} runs) and scored on ${o.test} from drivers only (${o.runs} runs).`,
    'Evidence: the mean Gaussian log predictive density of the record (higher is better); weight = exp(total log score), normalised.',
    '',
    `Strongest naive baseline (best log score): **${strongest.label}**, log score ${f(strongest.logScore)}, RMSE ${f(strongest.rmse)}, CRPS ${f(strongest.crps)}. ` +
      (beaten.length ? `Explanations that beat it on log score: ${beaten.join(', ')}.` : 'No explanation beats it on log score.'),
    '',
    '| rank | explanation | parameters | train loss | RMSE (5-95% of runs) | correlation | log score | CRPS | weight | turning-point MAE (months) |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...sorted.map((e) => {
      const m = e.outOfSample.model;
      return `| ${e.rank} | ${e.id} | ${e.fit.parameters.length} | ${f(e.fit.loss)} | ${f(m.rmse)} (${f(m.runRmse.lo)}-${f(m.runRmse.hi)}) | ${f(m.correlation)} | ${f(m.logScore)} | ${f(m.crps)} | ${f(e.weight)} | ${f(m.turningPointMae)} |`;
    }),
    ...c.baselines.map((b) => `| | ${b.label}${b.id === c.strongest ? ' (strongest)' : ''} | 0 | | ${f(b.rmse)} | ${f(b.correlation)} | ${f(b.logScore)} | ${f(b.crps)} | | ${f(b.turningPointMae)} |`),
    '',
    `Best by held-out log score: **${best.id}** (weight ${f(best.weight)}); it ${beaten.includes(best.id) ? 'beats' : 'does not beat'} the strongest naive baseline (${strongest.label}) on log score.`,
    c.perturbed.length
      ? `Under ${c.perturbed.length} seeded perturbations of the judgements that reach the model (intensities ±1, the record's Goldstein weights ±1, driver effects ×(1 ± 0.25)), the same explanation won ${f(c.stability.sameWinner)} of the time; mean Spearman correlation of the log scores with the unperturbed ones: ${f(c.stability.meanSpearman)}.`
      : 'No perturbation study was run.',
    '',
  ].join('\n');
}

/** The Morris table: one row per parameter, most influential first. */
export function morrisCsv(m: Morris): string {
  return toCsv(['parameter', 'min', 'max', 'mu_star', 'mu', 'sigma'], m.rows.map((r) => [r.key, r.min, r.max, r.muStar, r.mu, r.sigma]));
}

/** A Markdown summary of the screening. */
export function morrisSummary(title: string, m: Morris, top = 10): string {
  return [
    `# Sensitivity of the break date: ${title}`,
    '',
    `Morris screening: ${m.trajectories} trajectories on a ${m.levels}-level grid, ${m.runs} runs per point (common random numbers), seed ${m.seed}; ${m.simulations} simulations.`,
    `Outcome: ${m.outcome}. Effects are in months per change of the parameter across its whole range.`,
    '',
    '| parameter | range | mu* | mu | sigma |',
    '|---|---|---|---|---|',
    ...m.rows.slice(0, top).map((r) => `| ${r.key} | ${f(r.min)}..${f(r.max)} | ${f(r.muStar)} | ${f(r.mu)} | ${f(r.sigma)} |`),
    '',
  ].join('\n');
}
