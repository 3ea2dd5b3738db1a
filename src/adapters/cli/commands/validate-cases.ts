// `schism validate-cases FILES --out DIR`: leave-one-case-out validation of one model across a case library, with baselines.
import type { Command } from 'commander';
import { checkCases } from '../../../core/analysis/fitting/fit-cases.js';
import { assembleLoo, looJobs, type LooOptions } from '../../../core/analysis/validation/leave-one-case-out.js';
import { looCalibrationCsv, looCsv, looReport, looSummaryCsv } from '../../../core/output/cases-report.js';
import { formatNumber } from '../../../core/output/number.js';
import { stableJson } from '../../../core/output/stable-json.js';
import type { CmaesResult } from '../../../core/analysis/fitting/cmaes.js';
import { writeFolderAtomic } from '../../files/atomic-write.js';
import { readRegimes } from '../../files/read-regimes.js';
import { asUsage } from '../analysis-options.js';
import { casesBudgetOf, independentSeries, jobResults, readCases, withCasesOptions, type CasesFlags } from '../cases-options.js';

/** Registers the validate-cases command. */
export function registerValidateCases(program: Command): void {
  withCasesOptions(
    program
      .command('validate-cases')
      .argument('<files...>', 'case scenario files (at least two)')
      .description('leave-one-case-out: fit one model on all cases but one, predict the held-out case from its drivers only, score break and series against baselines')
      .option('--out <dir>', 'output folder', 'runs/validate-cases'),
    { seeds: '4', restarts: '2', evaluations: '200', runs: '100' },
  ).action(async (files: string[], flags: CasesFlags & { from?: string[] }) => {
    const b = casesBudgetOf(flags);
    const cases = await readCases(files);
    const options: LooOptions = { seed: b.seed, seeds: b.seeds, restarts: b.restarts, evaluations: b.evaluations, runs: b.runs, regimes: await readRegimes() };
    asUsage(() => checkCases(cases, { ...options, window: 'whole' }));
    const jobs = asUsage(() => looJobs(cases, options)).map((j) => ({ kind: 'loo' as const, ...j }));
    const started = Date.now();
    const results = await jobResults<CmaesResult>('validate-cases', cases, options, jobs, flags, b);
    if (!results) return;
    // COPDAB is read here, not sent to the workers: the calibrations and the scores against it come after the fits.
    const study = assembleLoo(cases, options, results, await independentSeries('validate-cases'));
    await writeFolderAtomic(flags.out, {
      'study.json': stableJson(study),
      'cases.csv': looCsv(study),
      'summary.csv': looSummaryCsv(study),
      'README.md': looReport(study),
      ...(study.independent ? { 'calibration.csv': looCalibrationCsv(study.independent) } : {}),
    });
    const m = study.summary[0];
    if (!flags.quiet) process.stderr.write(`validate-cases: ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    process.stdout.write(
      `held out ${cases.length} cases: model mean Brier ${formatNumber(m.meanBrier)}, median break-date error ${formatNumber(m.medianDateError)} months; ` +
        `beats every baseline on Brier: ${study.goal.brier ? 'yes' : 'no'}, on date error: ${study.goal.dateError ? 'yes' : 'no'}; outputs in ${flags.out}/\n`,
    );
  });
}
