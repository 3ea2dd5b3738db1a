// Leave-one-case-out validation of one model across a library of cases: fit the shared parameters on all cases but one,
// predict the held-out case from its drivers only, and score it against its record beside five baselines (the training
// cases' base rate, nothing happens, persistence, a pooled AR(1), and a logistic hazard on the drivers fitted on the same
// training cases); given COPDAB, the series also against the case's independent series (`independent-series.ts`).
//
// API:
//   looJobs(cases, options) -> LooJob[]          (held-out case, restart): the independent units of work
//   runLooJob(cases, options, job) -> CmaesResult
//   assembleLoo(cases, options, results, copdab?) -> LooStudy;   leaveOneCaseOut(cases, options, copdab?) = all of it here
import type { CopdabMonth } from '../../datasets/state-data.js';
import { compile } from '../../engine/compile.js';
import { monthIndex, monthLabel } from '../../time/month.js';
import type { CmaesResult } from '../fitting/cmaes.js';
import { assembleCasesFit, casesFitDefaults, runCasesFitRestart, type Case, type CasesFitOptions } from '../fitting/fit-cases.js';
import { mechanismSwitches } from '../fitting/fit.js';
import { target } from '../fitting/loss.js';
import { binSeries } from '../record/periods.js';
import { recordSeries } from '../record/record.js';
import { simulateRecord } from '../record/simulated.js';
import { recordedBreak, scoreBreak, type BreakForecast, type BreakScore, type RecordedBreak } from './case-outcome.js';
import { caseYears, fitLogistic, logisticProbability, type RegimeTable } from './hazard.js';
import { calibrationPoints, foldCalibration, independentTarget, onRecordScale, type Calibration } from './independent-series.js';
import { crpsEnsemble, crpsGaussian } from './scoring-rules.js';
import { arOneAhead, arOneFit, correlation, gaussianLogDensity, mean, quantile } from './statistics.js';
import { OBSERVATION_VARIANCE } from './out-of-sample.js';

/** Options of the study: the shared fit's budget, and the runs that predict each held-out case. */
export interface LooOptions extends Omit<CasesFitOptions, 'window' | 'every'> {
  /** Runs per held-out case (drivers only). */
  runs?: number;
  /** Polity2 scores for the hazard's regime difference (empty: no difference anywhere, and the study says so). */
  regimes?: RegimeTable;
}

/** The predictors of a held-out case, in table order. */
export const LOO_PREDICTORS = [
  { id: 'model', label: 'model (shared fit)' },
  { id: 'base-rate', label: 'base rate of the training cases' },
  { id: 'zero', label: 'nothing happens' },
  { id: 'persistence', label: 'persistence' },
  { id: 'ar1', label: 'AR(1) pooled over the training cases' },
  { id: 'hazard', label: 'logistic hazard on the drivers' },
] as const;

/** A predictor's id. */
export type LooPredictor = (typeof LOO_PREDICTORS)[number]['id'];

/** One predictor's scores on one held-out case (series scores null where the predictor says nothing about the series). */
export interface LooScore extends BreakScore {
  predictor: LooPredictor;
  logScore: number | null;
  crps: number | null;
}

/** One held-out case. */
export interface LooCase {
  name: string;
  recorded: string | null;
  recordedBy: string | null;
  /** Years scored for the series (the first year is the initial condition persistence carries on). */
  years: string;
  scores: LooScore[];
  /** The shared fit's loss on the training cases, and the held-out case's parameters' spread is in the fit itself. */
  trainLoss: number;
}

/** A predictor's pooled scores over the held-out cases. */
export interface LooSummary {
  predictor: LooPredictor;
  label: string;
  meanBrier: number;
  medianDateError: number;
  outcomesRight: number;
  meanLogScore: number | null;
  meanCrps: number | null;
}

/** One predictor's series scores against a held-out case's independent series (null where it says nothing of the series). */
export interface LooIndependentScore {
  predictor: LooPredictor;
  logScore: number | null;
  crps: number | null;
}

/** A held-out case against its independent series: its fold's calibration, the years scored, the scores (none, and why). */
export interface LooIndependentCase {
  name: string;
  calibration: Calibration;
  /** The scored years of the alliance dyads' COPDAB series and how many dyad-years they hold (null and 0 when none). */
  years: string | null;
  count: number;
  /** Why the case has no independent score (null when it has one). */
  note: string | null;
  scores: LooIndependentScore[];
  /**
   * Whether the series rise and fall with COPDAB's, whatever their scales: the correlation, over the scored dyad-years, of
   * COPDAB's own yearly values with the model's mean forecast, with the pooled AR(1)'s (the one baseline whose forecast
   * moves), and with the record (how closely the chronology itself follows COPDAB); null where there are no such years or
   * a series is constant.
   */
  tracking: { model: number | null; ar1: number | null; record: number | null };
}

/** A predictor's scores against the independent series, pooled (mean of each case's mean) over the cases that have one. */
export interface LooIndependentSummary {
  predictor: LooPredictor;
  label: string;
  cases: number;
  meanLogScore: number | null;
  meanCrps: number | null;
}

/** The study's scores against the cases' independent series (COPDAB), present when COPDAB was given. */
export interface LooIndependent {
  cases: LooIndependentCase[];
  summary: LooIndependentSummary[];
  /** The baseline with the best pooled log score (highest) and the best pooled CRPS (lowest); null when no case is scored. */
  strongest: { logScore: LooPredictor | null; crps: LooPredictor | null };
}

/** The whole study. */
export interface LooStudy {
  cases: LooCase[];
  summary: LooSummary[];
  /** Absent when no independent series was given (then the study is what it was before they were scored). */
  independent?: LooIndependent;
  /** Whether the model beats every baseline on mean Brier score and on median break-date error (the goal, measured). */
  goal: { brier: boolean; dateError: boolean };
  regimeData: boolean;
  options: { seed: number; seeds: number; restarts: number; evaluations: number; runs: number; measure: string; mechanisms: string[] };
}

/** One unit of work: restart `restart` of the shared fit on every case but `heldOut`. */
export interface LooJob {
  heldOut: number;
  restart: number;
}

const fitOptions = (o: LooOptions): CasesFitOptions => ({ ...o, window: 'whole', every: 'year' });
const training = (cases: Case[], k: number) => cases.filter((_, i) => i !== k);

/** Every job: each held-out case's restarts, cases in order. */
export function looJobs(cases: Case[], options: LooOptions = {}): LooJob[] {
  if (cases.length < 2) throw new RangeError('leave-one-case-out needs at least two cases');
  const { restarts } = casesFitDefaults(fitOptions(options));
  return cases.flatMap((_, heldOut) => Array.from({ length: restarts }, (_, restart) => ({ heldOut, restart })));
}

/** Runs one job; deterministic, so jobs may run on any worker in any order. */
export function runLooJob(cases: Case[], options: LooOptions, job: LooJob): CmaesResult {
  return runCasesFitRestart(training(cases, job.heldOut), fitOptions(options), job.restart);
}

/** A case's yearly cooperation series per alliance dyad over its whole period (first year included). */
function yearlyRecord(c: Case) {
  const s = c.scenario;
  const w = { first: monthIndex(s.meta.period.start), last: monthIndex(s.meta.period.end) };
  return target(s, recordSeries(s), w, 'year', 'goldstein');
}

/**
 * Pooled over training cases: mean and mean square of their yearly values, persistence's mean squared error, and an AR(1)
 * fitted to every pair of consecutive years (the simple statistical model, forecasting a held-out case from its first year).
 */
function trainingMoments(cases: Case[]) {
  const all: number[] = [];
  const persistence: number[] = [];
  const lag: number[] = [];
  const next: number[] = [];
  for (const c of cases) {
    for (const series of yearlyRecord(c).observed) {
      all.push(...series);
      for (let p = 1; p < series.length; p++) {
        persistence.push((series[p] - series[0]) ** 2);
        lag.push(series[p - 1]);
        next.push(series[p]);
      }
    }
  }
  const m = mean(all);
  return { mean: m, variance: mean(all.map((x) => (x - m) ** 2)), meanSquare: mean(all.map((x) => x * x)), persistence: mean(persistence), ar1: arOneFit(lag, next) };
}

/**
 * Scores one held-out case with the fitted parameters and the baselines, against its record and, given its fold's
 * calibration and COPDAB, against its independent series.
 */
function scoreCase(
  cases: Case[], k: number, params: Record<string, number>, mechanisms: string[], options: LooOptions,
  independent: { calibration: Calibration; copdab: CopdabMonth[] } | null,
): Omit<LooCase, 'trainLoss'> & { independent: Omit<LooIndependentCase, 'name' | 'calibration'> | null } {
  const c = cases[k];
  const s = c.scenario;
  const end = monthIndex(s.meta.period.end);
  const censored = end + 1;
  const recorded = recordedBreak(s);
  const rec = yearlyRecord(c);
  const runs = options.runs ?? 100;
  const seed = (options.seed ?? 1) + 1;

  // The model: runs from drivers only, with the shared parameters.
  const model = compile(s, { mode: 'predict', mechanisms: mechanismSwitches(mechanisms), params });
  const breaks: number[] = [];
  const members = rec.dyads.map(() => Array.from({ length: rec.last - rec.first + 1 }, () => new Float64Array(runs)));
  for (let r = 0; r < runs; r++) {
    const run = simulateRecord(model, rec.dyads, seed, r);
    const fb = run.summary.firstBreak[0];
    breaks.push(fb >= 0 ? model.start + fb : censored);
    rec.dyads.forEach((_, d) => {
      const yearly = binSeries(run.coop.subarray(d * run.months, (d + 1) * run.months), model.start, 'year', rec.first, rec.last);
      yearly.forEach((v, p) => (members[d][p][r] = v));
    });
  }
  const medianBreak = Math.round(quantile(breaks, 0.5));
  const modelForecast: BreakForecast = { probability: breaks.filter((b) => b < censored).length / runs, month: medianBreak >= censored ? null : medianBreak };

  // Baselines from the training cases.
  const others = training(cases, k);
  const outcomes = others.map((o) => ({ o, b: recordedBreak(o.scenario) }));
  const breaking = outcomes.filter((x) => x.b.month !== null);
  const baseRate = breaking.length / others.length;
  const offsets = breaking.map((x) => (x.b.month! - monthIndex(x.o.scenario.meta.period.start)) / (monthIndex(x.o.scenario.meta.period.end) - monthIndex(x.o.scenario.meta.period.start) + 1));
  const start = monthIndex(s.meta.period.start);
  const baseMonth = baseRate >= 0.5 ? start + Math.floor(quantile(offsets, 0.5) * (end - start + 1)) : null;
  const hazardModel = fitLogistic(outcomes.flatMap((x) => caseYears(x.o.scenario, x.b, options.regimes ?? new Map())));
  let survive = 1;
  let hazardMonth: number | null = null;
  for (const row of caseYears(s, { month: null, by: null }, options.regimes ?? new Map())) {
    survive *= 1 - logisticProbability(hazardModel, row.x);
    if (hazardMonth === null && survive <= 0.5) hazardMonth = Math.max(start, Math.min(end, row.year * 12 + 6));
  }
  const forecasts: Record<LooPredictor, BreakForecast> = {
    model: modelForecast,
    'base-rate': { probability: baseRate, month: baseMonth },
    zero: { probability: 0, month: null },
    persistence: { probability: 0, month: null },
    // A series model says nothing of a break: like persistence, it forecasts none.
    ar1: { probability: 0, month: null },
    hazard: { probability: 1 - survive, month: hazardMonth },
  };

  // Series: every year but the first, pooled over the alliance dyads; against the record, then against the independent series.
  const moments = trainingMoments(others);
  const seriesScores = (observed: ArrayLike<number | null>[], extraVariance: number) => {
    const series: Record<LooPredictor, { log: number[]; crps: number[] } | null> = {
      model: { log: [], crps: [] }, 'base-rate': { log: [], crps: [] }, zero: { log: [], crps: [] }, persistence: { log: [], crps: [] }, ar1: { log: [], crps: [] }, hazard: null,
    };
    const noise = OBSERVATION_VARIANCE + extraVariance;
    const gaussian = (id: LooPredictor, y: number, m: number, v: number) => {
      series[id]!.log.push(gaussianLogDensity(y, m, v + noise));
      series[id]!.crps.push(crpsGaussian(y, m, v + noise));
    };
    observed.forEach((obs, d) => {
      // The forecasts are the same whatever is scored: persistence and the AR(1) start from the record's first year.
      const start = rec.observed[d][0];
      for (let p = 1; p < obs.length; p++) {
        const y = obs[p];
        if (y === null) continue;
        const ens = members[d][p];
        const m = mean(ens);
        const v = mean(Array.from(ens, (x) => (x - m) ** 2));
        series.model!.log.push(gaussianLogDensity(y, m, v + noise));
        series.model!.crps.push(crpsEnsemble(y, ens, noise));
        gaussian('base-rate', y, moments.mean, moments.variance);
        gaussian('zero', y, 0, moments.meanSquare);
        gaussian('persistence', y, start, moments.persistence);
        const ar = arOneAhead(moments.ar1, start, p);
        gaussian('ar1', y, ar.mean, ar.variance);
      }
    });
    const pooled = (xs: number[] | undefined) => (xs && xs.length ? mean(xs) : null);
    return (id: LooPredictor) => ({ logScore: pooled(series[id]?.log), crps: pooled(series[id]?.crps) });
  };
  const series = seriesScores(rec.observed, 0);
  let againstIndependent: Omit<LooIndependentCase, 'name' | 'calibration'> | null = null;
  if (independent) {
    const { calibration, copdab } = independent;
    const raw = independentTarget(s, rec, copdab);
    const none = (note: string) => ({ years: null, count: 0, note, scores: [], tracking: { model: null, ar1: null, record: null } });
    if (raw === null) againstIndependent = none('COPDAB has no series for the alliance dyads in the years scored');
    else if (calibration.slope === null || calibration.intercept === null || calibration.residualVariance === null) againstIndependent = none(`no calibration: ${calibration.note}`);
    else {
      // COPDAB measures the same cooperation: the same forecasts, with the calibration's residual variance as further noise.
      const mapped = onRecordScale(raw, { slope: calibration.slope, intercept: calibration.intercept });
      const score = seriesScores(mapped.observed, calibration.residualVariance);
      againstIndependent = {
        years: raw.years, count: raw.count, note: null, scores: LOO_PREDICTORS.map(({ id }) => ({ predictor: id, ...score(id) })),
        tracking: tracking(raw.observed, {
          model: (d, p) => mean(members[d][p]),
          ar1: (d, p) => arOneAhead(moments.ar1, rec.observed[d][0], p).mean,
          record: (d, p) => rec.observed[d][p],
        }),
      };
    }
  }
  const scores: LooScore[] = LOO_PREDICTORS.map(({ id }) => ({
    predictor: id,
    ...scoreBreak(forecasts[id], recorded, end),
    ...series(id),
  }));
  const firstYear = Math.floor(rec.first) + 1;
  return {
    name: c.name,
    recorded: recorded.month === null ? null : monthLabel(recorded.month),
    recordedBy: recorded.by,
    years: `${firstYear}-${rec.last}`,
    scores,
    independent: againstIndependent,
  };
}

/**
 * Puts the jobs' results (in looJobs order) together: each fold's best fit, the held-out scores, the pooled summary; given
 * COPDAB's rows, also each fold's calibration and the scores against the held-out cases' independent series.
 */
export function assembleLoo(cases: Case[], options: LooOptions, results: CmaesResult[], copdab?: CopdabMonth[]): LooStudy {
  const o = casesFitDefaults(fitOptions(options));
  const per = o.restarts;
  let mechanisms: string[] = [];
  const points = copdab ? cases.map((c) => calibrationPoints(c.scenario, copdab)) : null;
  const independentCases: LooIndependentCase[] = [];
  const out: LooCase[] = cases.map((c, k) => {
    const fit = assembleCasesFit(training(cases, k), fitOptions(options), results.slice(k * per, (k + 1) * per));
    mechanisms = fit.mechanisms;
    const params = Object.fromEntries(fit.parameters.map((p) => [p.key, p.fitted]));
    const calibration = points ? foldCalibration(points, k) : null;
    const { independent, ...scored } = scoreCase(cases, k, params, fit.mechanisms, options, calibration && copdab ? { calibration, copdab } : null);
    if (calibration && independent) independentCases.push({ name: c.name, calibration, ...independent });
    return { ...scored, trainLoss: fit.loss };
  });
  const summary: LooSummary[] = LOO_PREDICTORS.map(({ id, label }) => {
    const rows = out.map((c) => c.scores.find((s) => s.predictor === id)!);
    const logs = rows.map((r) => r.logScore).filter((x): x is number => x !== null);
    const crps = rows.map((r) => r.crps).filter((x): x is number => x !== null);
    return {
      predictor: id,
      label,
      meanBrier: mean(rows.map((r) => r.brier)),
      medianDateError: quantile(rows.map((r) => r.dateError), 0.5),
      outcomesRight: rows.filter((r) => r.outcomeRight).length,
      meanLogScore: logs.length ? mean(logs) : null,
      meanCrps: crps.length ? mean(crps) : null,
    };
  });
  const m = summary[0];
  const baselines = summary.slice(1);
  return {
    cases: out,
    summary,
    goal: { brier: baselines.every((b) => m.meanBrier < b.meanBrier), dateError: baselines.every((b) => m.medianDateError < b.medianDateError) },
    regimeData: (options.regimes?.size ?? 0) > 0,
    options: { seed: o.seed, seeds: o.seeds, restarts: o.restarts, evaluations: o.evaluations, runs: options.runs ?? 100, measure: o.measure, mechanisms },
    ...(points ? { independent: pooledIndependent(independentCases) } : {}),
  };
}

/**
 * The correlation of COPDAB's yearly values (per alliance dyad d, every year p but the first) with each series given, over
 * the same dyad-years; a line through COPDAB changes none of them, so no calibration enters.
 */
function tracking<K extends string>(copdab: (number | null)[][], series: Record<K, (d: number, p: number) => number>): Record<K, number | null> {
  const keys = Object.keys(series) as K[];
  const independent: number[] = [];
  const values = keys.map(() => [] as number[]);
  copdab.forEach((obs, d) => {
    for (let p = 1; p < obs.length; p++) {
      const y = obs[p];
      if (y === null) continue;
      independent.push(y);
      keys.forEach((k, x) => values[x].push(series[k](d, p)));
    }
  });
  return Object.fromEntries(keys.map((k, x) => [k, correlation(values[x], independent)])) as Record<K, number | null>;
}

/** The scores against the independent series pooled over the cases that have one, and the strongest baselines. */
function pooledIndependent(cases: LooIndependentCase[]): LooIndependent {
  const summary: LooIndependentSummary[] = LOO_PREDICTORS.map(({ id, label }) => {
    const rows = cases.flatMap((c) => c.scores.filter((s) => s.predictor === id));
    const logs = rows.map((r) => r.logScore).filter((x): x is number => x !== null);
    const crps = rows.map((r) => r.crps).filter((x): x is number => x !== null);
    return { predictor: id, label, cases: logs.length, meanLogScore: logs.length ? mean(logs) : null, meanCrps: crps.length ? mean(crps) : null };
  });
  const best = (score: (s: LooIndependentSummary) => number | null, better: (a: number, b: number) => boolean) => {
    let top: LooIndependentSummary | null = null;
    for (const s of summary.slice(1)) {
      const x = score(s);
      if (x !== null && (top === null || better(x, score(top)!))) top = s;
    }
    return top?.predictor ?? null;
  };
  return { cases, summary, strongest: { logScore: best((s) => s.meanLogScore, (a, b) => a > b), crps: best((s) => s.meanCrps, (a, b) => a < b) } };
}

/**
 * Runs the whole study in this thread (with COPDAB's rows, also against the cases' independent series).
 * @example const study = leaveOneCaseOut(cases, { restarts: 1, evaluations: 100, runs: 50 }); study.summary[0].meanBrier;
 */
export function leaveOneCaseOut(cases: Case[], options: LooOptions = {}, copdab?: CopdabMonth[]): LooStudy {
  return assembleLoo(cases, options, looJobs(cases, options).map((job) => runLooJob(cases, options, job)), copdab);
}
