// The files of the cross-case analyses: a shared fit's per-case losses, and the leave-one-case-out table with its baselines.
import type { CasesFit } from '../analysis/fitting/fit-cases.js';
import type { CasesComparison } from '../analysis/validation/compare-cases.js';
import { HAZARD_COVARIATES } from '../analysis/validation/hazard.js';
import { LOO_PREDICTORS, type LooIndependent, type LooIndependentCase, type LooStudy } from '../analysis/validation/leave-one-case-out.js';
import type { OutOfSample } from '../analysis/validation/out-of-sample.js';
import { mean } from '../analysis/validation/statistics.js';
import { toCsv, type Cell } from './csv.js';
import { formatNumber } from './number.js';

const f = (x: number | null) => (x === null ? 'n/a' : formatNumber(x));

/** One row per case of a shared fit: its window and its loss at the shared parameters and at the defaults. */
export function casesFitCsv(fit: CasesFit): string {
  return toCsv(['case', 'window', 'loss', 'default_loss'], fit.cases.map((c) => [c.name, c.window, c.loss, c.startLoss]));
}

/** A Markdown summary of a shared fit. */
export function casesFitSummary(fit: CasesFit): string {
  const o = fit.options;
  return [
    `# One model across ${fit.cases.length} cases`,
    '',
    `One set of mechanism parameters and rules fitted to every case at once (each keeps its own judgements), on each case's ${o.window === 'whole' ? 'whole period' : 'training window (the first third of its period)'};`,
    `${o.every}ly ${o.measure} series of the alliance dyads; loss = mean over cases of each case's mean squared error. Mechanisms on: ${fit.mechanisms.join(', ')}.`,
    `CMA-ES, ${o.restarts} restarts x ${o.evaluations} evaluations x ${o.seeds} runs per case (${fit.simulations} simulations), seed ${o.seed}.`,
    `Loss ${f(fit.loss)} at the fit, ${f(fit.startLoss)} at the engine's defaults.`,
    '',
    '| case | window | loss | at defaults |',
    '|---|---|---|---|',
    ...fit.cases.map((c) => `| ${c.name} | ${c.window} | ${f(c.loss)} | ${f(c.startLoss)} |`),
    '',
    '| parameter | range | default | fitted | spread over restarts |',
    '|---|---|---|---|---|',
    ...fit.parameters.map((p) => `| ${p.key} | ${f(p.min)}..${f(p.max)} | ${f(p.start)} | ${f(p.fitted)} | ${f(p.spread)} |`),
    '',
  ].join('\n');
}

/** One row per held-out case and predictor; with independent series, their log score and CRPS in two last columns. */
export function looCsv(study: LooStudy): string {
  const ind = study.independent;
  const rows: Cell[][] = [];
  for (const c of study.cases) {
    const against = ind?.cases.find((x) => x.name === c.name);
    for (const s of c.scores) {
      const row: Cell[] = [c.name, c.recorded ?? 'no break', s.predictor, s.probability, s.predicted ?? 'no break', s.dateError, s.outcomeRight ? 'yes' : 'no', s.brier, s.logScore, s.crps];
      const i = against?.scores.find((x) => x.predictor === s.predictor);
      rows.push(ind ? [...row, i?.logScore ?? null, i?.crps ?? null] : row);
    }
  }
  const header = ['case', 'recorded_break', 'predictor', 'p_break', 'predicted_break', 'date_error_months', 'outcome_right', 'brier', 'log_score', 'crps'];
  return toCsv(ind ? [...header, 'independent_log_score', 'independent_crps'] : header, rows);
}

/** One row per predictor: the pooled held-out scores (with independent series, theirs and how many cases have one last). */
export function looSummaryCsv(study: LooStudy): string {
  const ind = study.independent;
  const header = ['predictor', 'mean_brier', 'median_date_error_months', 'outcomes_right', 'mean_log_score', 'mean_crps'];
  return toCsv(
    ind ? [...header, 'independent_cases', 'mean_independent_log_score', 'mean_independent_crps'] : header,
    study.summary.map((s, k) => {
      const row: Cell[] = [s.predictor, s.meanBrier, s.medianDateError, s.outcomesRight, s.meanLogScore, s.meanCrps];
      const i = ind?.summary[k];
      return i ? [...row, i.cases, i.meanLogScore, i.meanCrps] : row;
    }),
  );
}

/** One row per fold: the calibration of COPDAB onto the record's scale fitted on its training cases, and what it scored. */
export function looCalibrationCsv(ind: LooIndependent): string {
  return toCsv(
    ['held_out', 'points', 'slope', 'intercept', 'r2', 'residual_variance', 'independent_years', 'independent_dyad_years', 'model_correlation', 'ar1_correlation', 'record_correlation', 'note'],
    ind.cases.map((c) => [
      c.name, c.calibration.n, c.calibration.slope, c.calibration.intercept, c.calibration.r2, c.calibration.residualVariance, c.years ?? 'none', c.count,
      c.tracking.model, c.tracking.ar1, c.tracking.record, c.note ?? c.calibration.note ?? '',
    ]),
  );
}

/** The report's section on the independent series: method, pooled scores, and each fold's calibration and scores. */
function independentSection(ind: LooIndependent): string[] {
  const scored = ind.cases.filter((c) => c.scores.length > 0);
  const score = (c: LooIndependentCase, id: string) => {
    const s = c.scores.find((x) => x.predictor === id);
    return s ? `${f(s.logScore)} / ${f(s.crps)}` : 'n/a';
  };
  return [
    '## Against the independent series (COPDAB)',
    '',
    'The held-out case\'s alliance dyads\' COPDAB yearly net scores (Azar 1980; Lebo & Moore 2003), over the years of the period COPDAB covers but the first,',
    'put on the record\'s scale by record ≈ intercept + slope × COPDAB, fitted by least squares on the training cases only (every directed dyad of a training case\'s',
    'actors that both COPDAB and the record have, every period year COPDAB covers). The forecasts are those scored against the record; the observation',
    'variance is 1 plus the calibration\'s residual variance.',
    '',
    `| predictor | cases | mean log score | mean CRPS |`,
    '|---|---|---|---|',
    ...ind.summary.map((s) => `| ${s.label} | ${s.cases} | ${f(s.meanLogScore)} | ${f(s.meanCrps)} |`),
    '',
    strongestLine(ind),
    '',
    '| held out | points | slope | intercept | R² | residual variance | years scored (dyad-years) | note |',
    '|---|---|---|---|---|---|---|---|',
    ...ind.cases.map((c) => {
      const k = c.calibration;
      return `| ${c.name} | ${k.n} | ${f(k.slope)} | ${f(k.intercept)} | ${f(k.r2)} | ${f(k.residualVariance)} | ${c.years ?? 'none'} (${c.count}) | ${c.note ?? ''} |`;
    }),
    '',
    ...(scored.length
      ? [
          `| case (log score / CRPS) | ${LOO_PREDICTORS.map((p) => p.label).join(' | ')} |`,
          `|---|${LOO_PREDICTORS.map(() => '---|').join('')}`,
          ...scored.map((c) => `| ${c.name} | ${LOO_PREDICTORS.map((p) => score(c, p.id)).join(' | ')} |`),
          '',
          'Whether the series rise and fall with COPDAB\'s, whatever the scales (no calibration): the correlation, over the scored dyad-years, of COPDAB\'s yearly',
          'values with the model\'s mean forecast, with the pooled AR(1)\'s (the other baselines forecast a constant), and with the record itself.',
          '',
          '| case | model | AR(1) | record |',
          '|---|---|---|---|',
          ...scored.map((c) => `| ${c.name} | ${f(c.tracking.model)} | ${f(c.tracking.ar1)} | ${f(c.tracking.record)} |`),
          '',
        ]
      : ['No held-out case has an independent series.', '']),
  ];
}

/** A Markdown report of the study, reporting whatever came out. */
export function looReport(study: LooStudy): string {
  const o = study.options;
  const n = study.cases.length;
  const cell = (c: LooStudy['cases'][number], id: string) => {
    const s = c.scores.find((x) => x.predictor === id)!;
    return `${s.predicted ?? 'none'} (p ${f(s.probability)})`;
  };
  return [
    `# Leave-one-case-out: ${n} cases`,
    '',
    `Each case in turn is held out; one set of mechanism parameters and rules is fitted on the other ${n - 1} (whole periods, yearly Goldstein series of the alliance dyads;`,
    `CMA-ES ${o.restarts} restarts x ${o.evaluations} evaluations x ${o.seeds} runs per case, seed ${o.seed}; mechanisms ${o.mechanisms.join(', ')}), and the held-out case is predicted from its drivers only (${o.runs} runs).`,
    'A break is the record\'s first act between the allies coded WEIS 195, 198, 201, 202 or 223 with judged intensity ≤ −7, or the alliance\'s stated end;',
    'the model\'s is the median first month broken or hostile over runs (none when most runs never break). Date errors count a missing break as the month after the period.',
    `Series scores (log score, CRPS; observation noise 1) are over every year but the first, which persistence carries on. Hazard covariates: ${HAZARD_COVARIATES.join(', ')}${study.regimeData ? ' (Polity2)' : ' (no regime data: regime difference 0)'}.`,
    '',
    '| predictor | mean Brier | median break-date error (months) | outcomes right | mean log score | mean CRPS |',
    '|---|---|---|---|---|---|',
    ...study.summary.map((s) => `| ${s.label} | ${f(s.meanBrier)} | ${f(s.medianDateError)} | ${s.outcomesRight} of ${n} | ${f(s.meanLogScore)} | ${f(s.meanCrps)} |`),
    '',
    `Goal (model beats every baseline): mean Brier ${study.goal.brier ? 'met' : 'not met'}; median break-date error ${study.goal.dateError ? 'met' : 'not met'}.`,
    '',
    `| case | recorded break | ${LOO_PREDICTORS.map((p) => p.label).join(' | ')} |`,
    `|---|---|${LOO_PREDICTORS.map(() => '---|').join('')}`,
    ...study.cases.map((c) => `| ${c.name} | ${c.recorded ?? 'none'}${c.recordedBy ? ` (${c.recordedBy})` : ''} | ${LOO_PREDICTORS.map((p) => cell(c, p.id)).join(' | ')} |`),
    '',
    ...(study.independent ? independentSection(study.independent) : []),
  ].join('\n');
}

/** A case's out-of-sample test after a shared fit. */
export type CaseOutOfSample = OutOfSample & { name: string };

/** One row per case: its shared-fit loss, and out of sample the model against the strongest naive baseline. */
export function casesFitOutOfSampleCsv(fit: CasesFit, oos: CaseOutOfSample[]): string {
  return toCsv(
    ['case', 'window', 'loss', 'default_loss', 'test', 'log_score', 'crps', 'rmse', 'strongest_baseline', 'baseline_log_score', 'baseline_crps', 'baseline_rmse'],
    fit.cases.map((c, k) => {
      const o = oos[k];
      const b = o.baselines.find((x) => x.id === o.strongest)!;
      return [c.name, c.window, c.loss, c.startLoss, o.test, o.model.logScore, o.model.crps, o.model.rmse, b.id, b.logScore, b.crps, b.rmse];
    }),
  );
}

/** The out-of-sample table of a shared fit, one row per case. */
export function casesOutOfSampleSummary(oos: CaseOutOfSample[]): string {
  return [
    '## Out of sample, case by case (drivers only, after each case\'s training window)',
    '',
    '| case | test | model log score | strongest baseline | its log score | model CRPS | its CRPS |',
    '|---|---|---|---|---|---|---|',
    ...oos.map((o) => {
      const b = o.baselines.find((x) => x.id === o.strongest)!;
      return `| ${o.name} | ${o.test} | ${f(o.model.logScore)} | ${b.label} | ${f(b.logScore)} | ${f(o.model.crps)} | ${f(b.crps)} |`;
    }),
    '',
  ].join('\n');
}

/** One row per explanation, best first: its pooled held-out scores across the cases (with independent series, theirs last). */
export function casesComparisonCsv(c: CasesComparison): string {
  const header = ['rank', 'explanation', 'mechanisms', 'mean_log_score', 'mean_crps', 'mean_brier', 'median_date_error_months', 'outcomes_right'];
  const independent = c.explanations[0].study.independent !== undefined;
  return toCsv(
    independent ? [...header, 'independent_cases', 'mean_independent_log_score', 'mean_independent_crps', 'mean_tracking_correlation'] : header,
    c.ranking.map((id, i) => {
      const e = c.explanations.find((x) => x.id === id)!;
      const m = e.study.summary[0];
      const row: Cell[] = [i + 1, id, e.mechanisms.join(' '), m.meanLogScore, m.meanCrps, m.meanBrier, m.medianDateError, m.outcomesRight];
      const ind = e.study.independent;
      return ind ? [...row, ind.summary[0].cases, ind.summary[0].meanLogScore, ind.summary[0].meanCrps, meanTracking(ind)] : row;
    }),
  );
}

/** A Markdown report of a comparison across cases: the ranking, the baselines, and each explanation's predictions case by case. */
export function casesComparisonReport(c: CasesComparison): string {
  const first = c.explanations[0].study;
  const o = first.options;
  const n = first.cases.length;
  return [
    `# Explanations compared across ${n} cases, leave-one-case-out`,
    '',
    `Each explanation's mechanisms alone are fitted on all cases but one (CMA-ES ${o.restarts} restarts x ${o.evaluations} evaluations x ${o.seeds} runs per case, seed ${o.seed}) and predict the held-out case from its drivers (${o.runs} runs); ranked by the pooled mean log score of the yearly series.`,
    '',
    '| rank | explanation | mean log score | mean CRPS | mean Brier | median break-date error (months) | outcomes right |',
    '|---|---|---|---|---|---|---|',
    ...c.ranking.map((id, i) => {
      const m = c.explanations.find((x) => x.id === id)!.study.summary[0];
      return `| ${i + 1} | ${id} | ${f(m.meanLogScore)} | ${f(m.meanCrps)} | ${f(m.meanBrier)} | ${f(m.medianDateError)} | ${m.outcomesRight} of ${n} |`;
    }),
    ...first.summary.slice(1).map((s) => `| | ${s.label} | ${f(s.meanLogScore)} | ${f(s.meanCrps)} | ${f(s.meanBrier)} | ${f(s.medianDateError)} | ${s.outcomesRight} of ${n} |`),
    '',
    `| case | recorded break | ${c.ranking.join(' | ')} |`,
    `|---|---|${c.ranking.map(() => '---|').join('')}`,
    ...first.cases.map((row, k) => {
      const cells = c.ranking.map((id) => {
        const s = c.explanations.find((x) => x.id === id)!.study.cases[k].scores[0];
        return `${s.predicted ?? 'none'} (p ${f(s.probability)}, log ${f(s.logScore)})`;
      });
      return `| ${row.name} | ${row.recorded ?? 'none'} | ${cells.join(' | ')} |`;
    }),
    '',
    ...(first.independent ? comparisonIndependentSection(c, first.independent) : []),
  ].join('\n');
}

/** The explanations' scores against the cases' independent series, in the ranking's order, with the baselines beneath. */
function comparisonIndependentSection(c: CasesComparison, ind: LooIndependent): string[] {
  return [
    '## Against the independent series (COPDAB)',
    '',
    'The same forecasts scored against the held-out cases\' COPDAB series on the record\'s scale (each fold\'s calibration fitted on its training cases, as',
    '`validate-cases` does; observation variance 1 plus the calibration\'s residual variance). In the order of the ranking above, which they do not change.',
    '',
    'The last column is the mean over those cases of the correlation of COPDAB\'s yearly values with the mean forecast (whether it rises and falls with',
    'COPDAB, whatever the scales; for the baselines, the pooled AR(1) is the only one whose forecast moves).',
    '',
    '| explanation | cases | mean log score | mean CRPS | mean tracking correlation |',
    '|---|---|---|---|---|',
    ...c.ranking.map((id) => {
      const e = c.explanations.find((x) => x.id === id)!.study.independent!;
      const s = e.summary[0];
      return `| ${id} | ${s.cases} | ${f(s.meanLogScore)} | ${f(s.meanCrps)} | ${f(meanTracking(e))} |`;
    }),
    ...ind.summary.slice(1).map((s) => `| ${s.label} | ${s.cases} | ${f(s.meanLogScore)} | ${f(s.meanCrps)} | ${s.predictor === 'ar1' ? f(meanTracking(ind, 'ar1')) : ''} |`),
    '',
    strongestLine(ind),
    '',
  ];
}

/** The mean over the cases that have one of a series' correlation with COPDAB (the model's mean forecast unless said), or null. */
function meanTracking(ind: LooIndependent, series: 'model' | 'ar1' = 'model'): number | null {
  const xs = ind.cases.map((c) => c.tracking[series]).filter((x): x is number => x !== null);
  return xs.length ? mean(xs) : null;
}

/** The sentence naming the strongest baseline against the independent series, by each score. */
function strongestLine(ind: LooIndependent): string {
  const label = (id: string | null) => (id === null ? 'none' : LOO_PREDICTORS.find((p) => p.id === id)!.label);
  return `Strongest baseline on the independent series: by log score ${label(ind.strongest.logScore)}, by CRPS ${label(ind.strongest.crps)}.`;
}

/** One row per explanation and held-out case: the explanation's prediction and scores (with independent series, theirs last). */
export function casesComparisonCasesCsv(c: CasesComparison): string {
  const rows: Cell[][] = [];
  const independent = c.explanations[0].study.independent !== undefined;
  for (const e of c.explanations) {
    for (const k of e.study.cases) {
      const s = k.scores[0];
      const row: Cell[] = [e.id, k.name, k.recorded ?? 'no break', s.probability, s.predicted ?? 'no break', s.dateError, s.brier, s.logScore, s.crps];
      const i = e.study.independent?.cases.find((x) => x.name === k.name)?.scores.find((x) => x.predictor === s.predictor);
      rows.push(independent ? [...row, i?.logScore ?? null, i?.crps ?? null] : row);
    }
  }
  const header = ['explanation', 'case', 'recorded_break', 'p_break', 'predicted_break', 'date_error_months', 'brier', 'log_score', 'crps'];
  return toCsv(independent ? [...header, 'independent_log_score', 'independent_crps'] : header, rows);
}
