// `schism recover FILE --runs N --out DIR`: model and parameter recovery at the real record's sparsity and denser.
import type { Command } from 'commander';
import { assembleRecovery, DENSITIES, recoveryJobs, type RecoveryJobResult, type RecoveryOptions } from '../../../core/analysis/validation/recovery.js';
import { formatNumber } from '../../../core/output/number.js';
import { confusionCsv, recoveryCsv, recoveryJobsCsv, recoveryReport } from '../../../core/output/recovery-report.js';
import { stableJson } from '../../../core/output/stable-json.js';
import { writeFolderAtomic } from '../../files/atomic-write.js';
import { asUsage } from '../analysis-options.js';
import { casesBudgetOf, jobResults, readCases, withCasesOptions, type CasesFlags } from '../cases-options.js';
import { integerOption, UsageError } from '../exit.js';

/** Registers the recover command. */
export function registerRecover(program: Command): void {
  withCasesOptions(
    program
      .command('recover')
      .argument('<file>', 'scenario file with an explanations block')
      .description('simulate records from each explanation with known parameters at the real record\'s sparsity and denser, fit every explanation to each, report the confusion matrix and parameter recovery error')
      .option('--out <dir>', 'output folder', 'runs/recover')
      .option('--explanation <ids...>', 'generating explanations (default: every declared one)')
      .option('--train <window>', 'training window (default: the scenario\'s)')
      .option('--densities <list>', 'multiples of the real record\'s density, comma-separated', DENSITIES.join(','))
      .option('--score-runs <n>', 'runs of each held-out score', '40'),
    { seeds: '4', restarts: '1', evaluations: '200', runs: '4' },
  ).action(async (file: string, flags: CasesFlags & { explanation?: string[]; train?: string; densities: string; scoreRuns: string; from?: string[] }) => {
    const b = casesBudgetOf(flags);
    const densities = flags.densities.split(',').map((d) => Number(d.trim()));
    if (densities.some((d) => !(d > 0))) throw new UsageError(`--densities takes positive numbers, not "${flags.densities}"`);
    const cases = await readCases([file]);
    const recovery: RecoveryOptions = {
      explanations: flags.explanation, runs: b.runs, densities, train: flags.train, seed: b.seed, seeds: b.seeds, restarts: b.restarts, evaluations: b.evaluations,
      scoreRuns: integerOption('--score-runs', flags.scoreRuns),
    };
    const scenario = cases[0].scenario;
    const jobs = asUsage(() => recoveryJobs(scenario, recovery)).map((j) => ({ kind: 'recover' as const, ...j }));
    const results = await jobResults<RecoveryJobResult>('recover', cases, { recovery }, jobs, flags, b);
    if (!results) return;
    const r = assembleRecovery(scenario, recovery, results);
    await writeFolderAtomic(flags.out, {
      'recovery.json': stableJson(r),
      'confusion.csv': confusionCsv(r),
      'recovery.csv': recoveryCsv(r),
      'jobs.csv': recoveryJobsCsv(r),
      'README.md': recoveryReport(scenario.meta.title, r),
    });
    const first = r.densities[0];
    const last = r.densities[r.densities.length - 1];
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    process.stdout.write(
      `recovered the generating explanation in ${formatNumber(mean(first.recovered))} of records at ${first.density}x and ${formatNumber(mean(last.recovered))} at ${last.density}x ` +
        `(chance ${formatNumber(1 / r.explanations.length)}); outputs in ${flags.out}/\n`,
    );
  });
}
