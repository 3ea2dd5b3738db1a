// The files of `schism fit`: fitted parameters with their spread, the out-of-sample scores and forecasts, and a summary.
import type { FitResult } from '../analysis/fitting/fit.js';
import type { OutOfSample } from '../analysis/validation/out-of-sample.js';
import { toCsv, type Cell } from './csv.js';
import { formatNumber } from './number.js';

const f = (x: number | null) => (x === null ? 'n/a' : formatNumber(x));

/** The parameter table: one row per fitted parameter. */
export function parametersCsv(fit: FitResult): string {
  const restarts = fit.parameters[0]?.restarts.length ?? 0;
  return toCsv(
    ['parameter', 'min', 'max', 'bounds', 'scenario', 'fitted', 'spread', ...Array.from({ length: restarts }, (_, i) => `restart_${i + 1}`)],
    fit.parameters.map((p) => [p.key, p.min, p.max, p.bounds, p.start, p.fitted, p.spread, ...p.restarts]),
  );
}

/** The forecast table: per dyad and test period, the record, the model's mean and sd, and the two baselines. */
export function forecastCsv(oos: OutOfSample): string {
  const rows: Cell[][] = [];
  for (const d of oos.dyads) d.periods.forEach((p, i) => rows.push([p, d.dyad, d.observed[i], d.mean[i], d.sd[i], d.persistence[i], d.trend[i]]));
  return toCsv(['period', 'dyad', 'record', 'model_mean', 'model_sd', 'persistence', 'trend'], rows);
}

/** The scores of the model and the baselines, one row per predictor. */
export function scoresCsv(oos: OutOfSample, label = 'model'): string {
  return toCsv(
    ['predictor', 'rmse', 'correlation', 'log_score', 'turning_point_mae_months'],
    [
      [label, oos.model.rmse, oos.model.correlation, oos.model.logScore, oos.turningPointMae.model],
      ['persistence', oos.persistence.rmse, oos.persistence.correlation, oos.persistence.logScore, oos.turningPointMae.persistence],
      ['trend', oos.trend.rmse, oos.trend.correlation, oos.trend.logScore, oos.turningPointMae.trend],
    ],
  );
}

/** Turning points: recorded date, each predictor's date and error in months. */
export function turningPointsCsv(oos: OutOfSample): string {
  return toCsv(
    ['id', 'label', 'recorded', 'model', 'model_share', 'model_error', 'persistence_error', 'trend', 'trend_error'],
    oos.turningPoints.map((t) => [t.id, t.label, t.recorded, t.model ?? 'not by end', t.modelShare, t.modelError, t.persistenceError, t.trend ?? 'not by end', t.trendError]),
  );
}

/** A Markdown summary of a fit and its out-of-sample test. */
export function fitSummary(title: string, fit: FitResult, oos: OutOfSample): string {
  return [
    `# Fit: ${title}`,
    '',
    `Training window ${fit.train}, ${fit.every}ly ${fit.measure} series of the alliance dyads; mechanisms on: ${fit.mechanisms.join(', ') || 'none'}.`,
    `CMA-ES, ${fit.parameters[0]?.restarts.length ?? 0} restarts, ${fit.evaluations} loss evaluations of ${fit.seeds} runs each (${fit.simulations} simulations), seed ${fit.seed}.`,
    `Loss (mean squared error of the seed-averaged simulated series against the record): ${f(fit.loss)} fitted, ${f(fit.startLoss)} at the scenario's values.`,
    '',
    '| parameter | bounds | scenario | fitted | spread over restarts |',
    '|---|---|---|---|---|',
    ...fit.parameters.map((p) => `| ${p.key} | ${f(p.min)}..${f(p.max)} (${p.bounds}) | ${f(p.start)} | ${f(p.fitted)} | ${f(p.spread)} |`),
    '',
    `## Out of sample: ${oos.test}, ${oos.runs} runs from drivers only`,
    '',
    '| predictor | RMSE | correlation | mean log score | turning-point MAE (months) |',
    '|---|---|---|---|---|',
    `| fitted model | ${f(oos.model.rmse)} (runs: ${f(oos.model.runRmse.lo)}..${f(oos.model.runRmse.hi)}) | ${f(oos.model.correlation)} | ${f(oos.model.logScore)} | ${f(oos.turningPointMae.model)} |`,
    `| persistence | ${f(oos.persistence.rmse)} | ${f(oos.persistence.correlation)} | ${f(oos.persistence.logScore)} | ${f(oos.turningPointMae.persistence)} |`,
    `| linear trend | ${f(oos.trend.rmse)} | ${f(oos.trend.correlation)} | ${f(oos.trend.logScore)} | ${f(oos.turningPointMae.trend)} |`,
    '',
    '| turning point | recorded | model (share of runs) | trend |',
    '|---|---|---|---|',
    ...oos.turningPoints.map((t) => `| ${t.label} | ${t.recorded} | ${t.model ?? 'not by end'} (${f(t.modelShare)}) | ${t.trend ?? 'not by end'} |`),
    ...(oos.turningPoints.length ? [] : ['| (the record has no turning point in the test window) | | | |']),
    '',
  ].join('\n');
}
