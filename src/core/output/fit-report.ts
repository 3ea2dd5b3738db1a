// The files of `schism fit`: fitted parameters with their spread, the out-of-sample scores and forecasts, and a summary.
import type { FitResult } from '../analysis/fitting/fit.js';
import { BASELINES } from '../analysis/validation/baselines.js';
import type { OutOfSample } from '../analysis/validation/out-of-sample.js';
import { toCsv, type Cell } from './csv.js';
import { formatNumber } from './number.js';

const f = (x: number | null) => (x === null ? 'n/a' : formatNumber(x));

/** The parameter table: one row per fitted parameter. */
export function parametersCsv(fit: Pick<FitResult, 'parameters'>): string {
  const restarts = fit.parameters[0]?.restarts.length ?? 0;
  return toCsv(
    ['parameter', 'min', 'max', 'bounds', 'scenario', 'fitted', 'spread', ...Array.from({ length: restarts }, (_, i) => `restart_${i + 1}`)],
    fit.parameters.map((p) => [p.key, p.min, p.max, p.bounds, p.start, p.fitted, p.spread, ...p.restarts]),
  );
}

/** The forecast table: per dyad and test period, the record, the model's mean and sd, and every baseline's forecast. */
export function forecastCsv(oos: OutOfSample): string {
  const rows: Cell[][] = [];
  for (const d of oos.dyads) d.periods.forEach((p, i) => rows.push([p, d.dyad, d.observed[i], d.mean[i], d.sd[i], ...BASELINES.map((b) => d.baselines[b.id][i])]));
  return toCsv(['period', 'dyad', 'record', 'model_mean', 'model_sd', ...BASELINES.map((b) => b.id)], rows);
}

/** The scores of the model and every baseline, one row per predictor; `strongest` marks the headline baseline. */
export function scoresCsv(oos: OutOfSample, label = 'model'): string {
  return toCsv(
    ['predictor', 'rmse', 'correlation', 'log_score', 'crps', 'turning_point_mae_months', 'strongest_baseline'],
    [
      [label, oos.model.rmse, oos.model.correlation, oos.model.logScore, oos.model.crps, oos.model.turningPointMae, ''],
      ...oos.baselines.map((b) => [`baseline:${b.id}`, b.rmse, b.correlation, b.logScore, b.crps, b.turningPointMae, b.id === oos.strongest ? 'yes' : 'no'] as Cell[]),
    ],
  );
}

/** Turning points: recorded date, the model's and each baseline's date and error in months. */
export function turningPointsCsv(oos: OutOfSample): string {
  return toCsv(
    ['id', 'label', 'recorded', 'model', 'model_share', 'model_error', ...BASELINES.flatMap((b) => [b.id, `${b.id}_error`])],
    oos.turningPoints.map((t) => [t.id, t.label, t.recorded, t.model ?? 'not by end', t.modelShare, t.modelError, ...t.baselines.flatMap((b) => [b.date ?? 'not by end', b.error])]),
  );
}

/** One sentence: the model against the strongest baseline on log score, RMSE and CRPS. */
export function headline(oos: OutOfSample): string {
  const b = oos.baselines.find((x) => x.id === oos.strongest)!;
  const verdict = oos.model.logScore > b.logScore ? 'beats' : 'does not beat';
  return `The model ${verdict} the strongest naive baseline (${b.label}) on log score: ${f(oos.model.logScore)} against ${f(b.logScore)} (RMSE ${f(oos.model.rmse)} against ${f(b.rmse)}; CRPS ${f(oos.model.crps)} against ${f(b.crps)}).`;
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
    headline(oos),
    '',
    '| predictor | RMSE | correlation | mean log score | mean CRPS | turning-point MAE (months) |',
    '|---|---|---|---|---|---|',
    `| fitted model | ${f(oos.model.rmse)} (runs: ${f(oos.model.runRmse.lo)}..${f(oos.model.runRmse.hi)}) | ${f(oos.model.correlation)} | ${f(oos.model.logScore)} | ${f(oos.model.crps)} | ${f(oos.model.turningPointMae)} |`,
    ...oos.baselines.map((b) => `| ${b.label}${b.id === oos.strongest ? ' (strongest)' : ''} | ${f(b.rmse)} | ${f(b.correlation)} | ${f(b.logScore)} | ${f(b.crps)} | ${f(b.turningPointMae)} |`),
    '',
    `| turning point | recorded | model (share of runs) | ${BASELINES.map((b) => b.label).join(' | ')} |`,
    `|---|---|---|${BASELINES.map(() => '---|').join('')}`,
    ...oos.turningPoints.map((t) => `| ${t.label} | ${t.recorded} | ${t.model ?? 'not by end'} (${f(t.modelShare)}) | ${t.baselines.map((b) => b.date ?? 'not by end').join(' | ')} |`),
    ...(oos.turningPoints.length ? [] : ['| (the record has no turning point in the test window) | | |' + BASELINES.map(() => ' |').join('')]),
    '',
  ].join('\n');
}
