// Out-of-sample test: with fitted parameters and drivers only, predict the months after training and score the prediction
// against the record and against every naive baseline (nothing happens, the training mean, persistence, the linear trend, AR(1)).
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
import { actAbout, firstSustained, simulateRecord } from '../record/simulated.js';
import { BASELINES, baselineForecasts, type Baseline, type BaselineForecast } from './baselines.js';
import { crpsEnsemble, crpsGaussian } from './scoring-rules.js';
import { correlation, gaussianLogDensity, mean, quantile, rmse } from './statistics.js';
import { turningPointRules, type TurningPointRule } from '../record/turning-points.js';
import { checkWindow, formatWindow, parseWindow, type Window, trainingWindow } from '../record/window.js';

/** Variance added to every predictive distribution: one unit of Goldstein weight of observation noise, so a point forecast is not infinitely sure. */
export const OBSERVATION_VARIANCE = 1;

/** Options of an out-of-sample test. */
export interface OutOfSampleOptions {
  /** Default: the scenario's training window (see trainingWindow). */
  train?: string;
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

/** Accuracy of a predicted series: RMSE and Pearson correlation pooled over the alliance dyads and test periods, mean log score and CRPS. */
export interface SeriesScore {
  rmse: number;
  correlation: number | null;
  /** Mean Gaussian log predictive density per (dyad, period); higher is better. */
  logScore: number;
  /** Mean continuous ranked probability score per (dyad, period), observation noise included; lower is better. */
  crps: number;
}

/** A naive baseline's scores, scored exactly as the model is. */
export interface BaselineScore extends SeriesScore {
  id: Baseline['id'];
  label: string;
  /** Mean absolute turning-point date error in months (null: the record has none in the test window). */
  turningPointMae: number | null;
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
  /** Each baseline's date (null: not by the end) and error, in BASELINES order. */
  baselines: { id: Baseline['id']; date: string | null; error: number }[];
}

/** One dyad's series over the test periods, for tables and charts. */
export interface DyadForecast {
  dyad: string;
  periods: string[];
  observed: number[];
  mean: number[];
  sd: number[];
  /** Each baseline's point forecast, by baseline id. */
  baselines: Record<Baseline['id'], number[]>;
}

/** The whole out-of-sample result. */
export interface OutOfSample {
  train: string;
  test: string;
  every: Every;
  measure: Measure;
  runs: number;
  seed: number;
  model: SeriesScore & { runRmse: { median: number; lo: number; hi: number }; turningPointMae: number | null };
  /** Every naive baseline, in BASELINES order. */
  baselines: BaselineScore[];
  /** The id of the strongest baseline: the best log score (the headline the model is measured against). */
  strongest: Baseline['id'];
  dyads: DyadForecast[];
  turningPoints: TurningPointScore[];
}

/** The baseline with the best log score (ties: the earlier in BASELINES order). */
export function strongestBaseline(baselines: BaselineScore[]): BaselineScore {
  return baselines.reduce((best, b) => (b.logScore > best.logScore ? b : best));
}

/** The default test window: from the month after training to the end of the scenario's period. */
export function defaultTestWindow(scenario: Scenario, train: Window): Window {
  return { first: train.last + 1, last: parseWindow(scenario.meta.period.end.slice(0, 4)).last };
}

/**
 * Predicts the test window from drivers only with the given settings and scores it against the record and the baselines.
 * @example scoreOutOfSample(scenario, fitSettings(fit), { train: '1880-1887' }).model.rmse
 */
export function scoreOutOfSample(
  scenario: Scenario,
  settings: { mechanisms: Record<string, boolean>; params: Record<string, number> },
  options: OutOfSampleOptions,
): OutOfSample {
  const train = trainingWindow(scenario, options.train);
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
  const members: Float64Array[] = [];
  const base = BASELINES.map(() => ({ pred: [] as number[], variance: [] as number[] }));
  const forecasts: BaselineForecast[][] = [];
  const dyads: DyadForecast[] = [];
  const periodsPerYear = 12 / MONTHS_PER[every];
  for (let k = 0; k < D; k++) {
    const fitted = baselineForecasts(trainT.observed[k], periodsPerYear);
    forecasts.push(fitted);
    const f: DyadForecast = { dyad: testT.labels[k], periods: [], observed: [], mean: [], sd: [], baselines: { zero: [], mean: [], persistence: [], trend: [], ar1: [] } };
    for (let p = 0; p < P; p++) {
      const ens = values[k][p];
      const m = mean(ens);
      const v = mean(Array.from(ens, (x) => (x - m) ** 2));
      const x = testT.first + p - trainT.first;
      obs.push(testT.observed[k][p]);
      modelMean.push(m);
      modelVar.push(v);
      members.push(ens);
      fitted.forEach((b, j) => {
        base[j].pred.push(b.at(x));
        base[j].variance.push(b.varianceAt(x));
        f.baselines[b.id].push(b.at(x));
      });
      f.periods.push(periodLabel(testT.first + p, every));
      f.observed.push(testT.observed[k][p]);
      f.mean.push(m);
      f.sd.push(Math.sqrt(v));
    }
    dyads.push(f);
  }
  const score = (pred: number[], variance: number[], crps: (i: number) => number): SeriesScore => ({
    rmse: rmse(pred, obs),
    correlation: correlation(pred, obs),
    logScore: mean(obs.map((y, i) => gaussianLogDensity(y, pred[i], variance[i] + OBSERVATION_VARIANCE))),
    crps: mean(obs.map((_, i) => crps(i))),
  });
  const runRmse = Array.from({ length: runs }, (_, r) => {
    const pred: number[] = [];
    for (let k = 0; k < D; k++) for (let p = 0; p < P; p++) pred.push(values[k][p][r]);
    return rmse(pred, obs);
  });

  // Turning points the record has inside the test window. A run reaches one only by acts inside the window; a baseline
  // reaches one when the dyad's forecast yearly net cooperation falls to the Goldstein weight of the act(s) that define it.
  const rules = options.rules ?? turningPointRules(scenario);
  const ids = scenario.actors.map((a) => a.id);
  const censored = test.last + 1;
  const turningPoints: TurningPointScore[] = [];
  for (const tp of record.turningPoints) {
    if (tp.month === null || tp.month < test.first || tp.month > test.last) continue;
    const recorded = tp.month;
    const rule = rules.find((r) => r.id === tp.id)!;
    const k = testT.dyads.findIndex((d) => ids[d.from] === tp.from && ids[d.to] === tp.to);
    if (k < 0) continue;
    const about = actAbout(model, rule.simulated.about);
    const dates = simRuns
      .map((run) => firstSustained(run, k, rule.simulated.acts, rule.simulated.count, rule.simulated.within, test.first - model.start, about))
      .map((t) => (t < 0 || model.start + t > test.last ? censored : model.start + t));
    const modelDate = Math.round(quantile(dates, 0.5));
    const threshold = rule.simulated.count * ACTS[rule.simulated.acts[0]].goldstein;
    const baselines = forecasts[k].map((b) => {
      let date = censored;
      for (let m = test.first; m <= test.last; m++) {
        if (b.at(Math.floor(m / MONTHS_PER[every]) - trainT.first) * periodsPerYear <= threshold) {
          date = m;
          break;
        }
      }
      return { id: b.id, date: date >= censored ? null : monthLabel(date), error: Math.abs(date - recorded) };
    });
    turningPoints.push({
      id: tp.id,
      label: tp.label,
      recorded: monthLabel(tp.month),
      model: modelDate >= censored ? null : monthLabel(modelDate),
      modelShare: dates.filter((d) => d < censored).length / runs,
      modelError: Math.abs(modelDate - tp.month),
      baselines,
    });
  }
  const mae = (pick: (s: TurningPointScore) => number) => (turningPoints.length ? mean(turningPoints.map(pick)) : null);
  const baselines: BaselineScore[] = BASELINES.map((b, j) => ({
    id: b.id,
    label: b.label,
    ...score(base[j].pred, base[j].variance, (i) => crpsGaussian(obs[i], base[j].pred[i], base[j].variance[i] + OBSERVATION_VARIANCE)),
    turningPointMae: mae((s) => s.baselines[j].error),
  }));

  return {
    train: formatWindow(train),
    test: formatWindow(test),
    every,
    measure,
    runs,
    seed,
    model: {
      ...score(modelMean, modelVar, (i) => crpsEnsemble(obs[i], members[i], OBSERVATION_VARIANCE)),
      runRmse: { median: quantile(runRmse, 0.5), lo: quantile(runRmse, 0.05), hi: quantile(runRmse, 0.95) },
      turningPointMae: mae((s) => s.modelError),
    },
    baselines,
    strongest: strongestBaseline(baselines).id,
    dyads,
    turningPoints,
  };
}
