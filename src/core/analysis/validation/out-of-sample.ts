// Out-of-sample test: with fitted parameters and drivers only, predict the months after training and score the prediction
// against the record and against two naive baselines (persistence of the last training level, the training window's trend).
//
// API:
//   scoreOutOfSample(scenario, settings, options) -> OutOfSample
//     settings: { mechanisms, params } (fitSettings(fit)); options: { train, test?, every, measure, runs = 100, seed = 2 }
import { ACTS } from '../../engine/acts.js';
import { compile } from '../../engine/compile.js';
import type { Scenario } from '../../scenario/schema.js';
import { monthLabel } from '../../time/month.js';
import { target, type Measure } from '../fitting/loss.js';
import { MONTHS_PER, periodLabel, type Every } from '../record/periods.js';
import { recordSeries, type RecordSeries } from '../record/record.js';
import { firstSustained, simulateRecord } from '../record/simulated.js';
import { correlation, gaussianLogDensity, linearFit, mean, quantile, rmse } from './statistics.js';
import { TURNING_POINT_RULES, type TurningPointRule } from '../record/turning-points.js';
import { checkWindow, formatWindow, parseWindow, type Window } from '../record/window.js';

/** Variance added to every predictive distribution: one unit of Goldstein weight of observation noise, so a point forecast is not infinitely sure. */
export const OBSERVATION_VARIANCE = 1;

/** Options of an out-of-sample test. */
export interface OutOfSampleOptions {
  train: string;
  /** Default: from the month after training to the end of the period. */
  test?: string;
  every?: Every;
  measure?: Measure;
  runs?: number;
  seed?: number;
  rules?: TurningPointRule[];
  /** The record to score against (default: the scenario's own); a perturbation study passes a perturbed one. */
  record?: RecordSeries;
}

/** Accuracy of a predicted series: RMSE and Pearson correlation pooled over the alliance dyads and test periods, and the mean log score. */
export interface SeriesScore {
  rmse: number;
  correlation: number | null;
  /** Mean Gaussian log predictive density per (dyad, period). */
  logScore: number;
}

/** A turning point's dates and errors in months (a date not reached by the window's end counts as the month after it). */
export interface TurningPointScore {
  id: string;
  label: string;
  recorded: string;
  /** Median over runs of the simulated date (null: not reached by the end in most runs), and the share of runs that reach it. */
  model: string | null;
  modelShare: number;
  modelError: number;
  persistenceError: number;
  trend: string | null;
  trendError: number;
}

/** One dyad's series over the test periods, for tables and charts. */
export interface DyadForecast {
  dyad: string;
  periods: string[];
  observed: number[];
  mean: number[];
  sd: number[];
  persistence: number[];
  trend: number[];
}

/** The whole out-of-sample result. */
export interface OutOfSample {
  train: string;
  test: string;
  every: Every;
  measure: Measure;
  runs: number;
  seed: number;
  model: SeriesScore & { runRmse: { median: number; lo: number; hi: number } };
  persistence: SeriesScore;
  trend: SeriesScore;
  dyads: DyadForecast[];
  turningPoints: TurningPointScore[];
  /** Mean absolute date error over the turning points the record has in the test window (null if none). */
  turningPointMae: { model: number | null; persistence: number | null; trend: number | null };
}

/** The default test window: from the month after training to the end of the scenario's period. */
export function defaultTestWindow(scenario: Scenario, train: Window): Window {
  return { first: train.last + 1, last: parseWindow(scenario.meta.period.end.slice(0, 4)).last };
}

/**
 * Predicts the test window from drivers only with the given settings and scores it against the record and the baselines.
 * @example scoreOutOfSample(scenario, fitSettings(fit), { train: '1950-1957' }).model.rmse
 */
export function scoreOutOfSample(
  scenario: Scenario,
  settings: { mechanisms: Record<string, boolean>; params: Record<string, number> },
  options: OutOfSampleOptions,
): OutOfSample {
  const train = checkWindow(scenario, parseWindow(options.train), 'the training window');
  const test = checkWindow(scenario, options.test ? parseWindow(options.test) : defaultTestWindow(scenario, train), 'the test window');
  if (test.first <= train.last) throw new RangeError(`the test window ${formatWindow(test)} must start after the training window ${formatWindow(train)}`);
  const every = options.every ?? 'quarter';
  const measure = options.measure ?? 'goldstein';
  const runs = options.runs ?? 100;
  const seed = options.seed ?? 2;
  const record = options.record ?? recordSeries(scenario, { rules: options.rules });
  const trainT = target(scenario, record, train, every, measure);
  const testT = target(scenario, record, test, every, measure);
  const model = compile(scenario, { mode: 'predict', until: monthLabel(test.last), ...settings });
  const D = testT.dyads.length;
  const P = testT.last - testT.first + 1;

  // Ensemble: per dyad and period, the runs' binned values; per run, its acts for the turning points.
  const values = testT.dyads.map(() => Array.from({ length: P }, () => new Float64Array(runs)));
  const simRuns = [];
  for (let r = 0; r < runs; r++) {
    const run = simulateRecord(model, testT.dyads, seed, r);
    simRuns.push(run);
    for (let k = 0; k < D; k++) {
      for (let t = 0; t < run.months; t++) {
        const p = Math.floor((model.start + t) / MONTHS_PER[every]) - testT.first;
        if (p >= 0 && p < P) values[k][p][r] += run.coop[k * run.months + t];
      }
    }
  }

  const obs: number[] = [];
  const modelMean: number[] = [];
  const modelVar: number[] = [];
  const persist: number[] = [];
  const persistVar: number[] = [];
  const trend: number[] = [];
  const trendVar: number[] = [];
  const dyads: DyadForecast[] = [];
  const periodsPerYear = 12 / MONTHS_PER[every];
  for (let k = 0; k < D; k++) {
    const history = Array.from(trainT.observed[k]);
    const last = mean(history.slice(-periodsPerYear));
    const fit = linearFit(history);
    const xs = history.map((_, i) => i);
    const persistSd2 = mean(history.map((y) => (y - last) ** 2));
    const trendSd2 = mean(history.map((y, i) => (y - (fit.intercept + fit.slope * xs[i])) ** 2));
    const f: DyadForecast = { dyad: testT.labels[k], periods: [], observed: [], mean: [], sd: [], persistence: [], trend: [] };
    for (let p = 0; p < P; p++) {
      const ens = Array.from(values[k][p]);
      const m = mean(ens);
      const v = mean(ens.map((x) => (x - m) ** 2));
      const x = testT.first + p - trainT.first;
      const tr = fit.intercept + fit.slope * x;
      obs.push(testT.observed[k][p]);
      modelMean.push(m);
      modelVar.push(v);
      persist.push(last);
      persistVar.push(persistSd2);
      trend.push(tr);
      trendVar.push(trendSd2);
      f.periods.push(periodLabel(testT.first + p, every));
      f.observed.push(testT.observed[k][p]);
      f.mean.push(m);
      f.sd.push(Math.sqrt(v));
      f.persistence.push(last);
      f.trend.push(tr);
    }
    dyads.push(f);
  }
  const score = (pred: number[], variance: number[]): SeriesScore => ({
    rmse: rmse(pred, obs),
    correlation: correlation(pred, obs),
    logScore: mean(obs.map((y, i) => gaussianLogDensity(y, pred[i], variance[i] + OBSERVATION_VARIANCE))),
  });
  const runRmse = Array.from({ length: runs }, (_, r) => {
    const pred: number[] = [];
    for (let k = 0; k < D; k++) for (let p = 0; p < P; p++) pred.push(values[k][p][r]);
    return rmse(pred, obs);
  });

  // Turning points the record has inside the test window.
  const rules = options.rules ?? TURNING_POINT_RULES;
  const ids = scenario.actors.map((a) => a.id);
  const censored = test.last + 1;
  const turningPoints: TurningPointScore[] = [];
  for (const tp of record.turningPoints) {
    if (tp.month === null || tp.month < test.first || tp.month > test.last) continue;
    const rule = rules.find((r) => r.id === tp.id)!;
    const k = testT.dyads.findIndex((d) => ids[d.from] === tp.from && ids[d.to] === tp.to);
    if (k < 0) continue;
    const dates = simRuns
      .map((run) => firstSustained(run, k, rule.simulated.acts, rule.simulated.count, rule.simulated.within))
      .map((t) => (t < 0 || model.start + t > test.last ? censored : model.start + t));
    const med = quantile(dates, 0.5);
    const modelDate = Math.round(med);
    // The trend baseline dates it when the dyad's extrapolated yearly net cooperation falls to the defining acts' weight.
    const threshold = rule.simulated.count * ACTS[rule.simulated.acts[0]].goldstein;
    const fit = linearFit(Array.from(trainT.observed[k]));
    let trendDate = censored;
    for (let m = test.first; m <= test.last; m++) {
      const x = Math.floor(m / MONTHS_PER[every]) - trainT.first;
      if ((fit.intercept + fit.slope * x) * periodsPerYear <= threshold) {
        trendDate = m;
        break;
      }
    }
    turningPoints.push({
      id: tp.id,
      label: tp.label,
      recorded: monthLabel(tp.month),
      model: modelDate >= censored ? null : monthLabel(modelDate),
      modelShare: dates.filter((d) => d < censored).length / runs,
      modelError: Math.abs(modelDate - tp.month),
      persistenceError: censored - tp.month,
      trend: trendDate >= censored ? null : monthLabel(trendDate),
      trendError: Math.abs(trendDate - tp.month),
    });
  }
  const mae = (pick: (s: TurningPointScore) => number) => (turningPoints.length ? mean(turningPoints.map(pick)) : null);

  return {
    train: formatWindow(train),
    test: formatWindow(test),
    every,
    measure,
    runs,
    seed,
    model: { ...score(modelMean, modelVar), runRmse: { median: quantile(runRmse, 0.5), lo: quantile(runRmse, 0.05), hi: quantile(runRmse, 0.95) } },
    persistence: score(persist, persistVar),
    trend: score(trend, trendVar),
    dyads,
    turningPoints,
    turningPointMae: { model: mae((s) => s.modelError), persistence: mae((s) => s.persistenceError), trend: mae((s) => s.trendError) },
  };
}
