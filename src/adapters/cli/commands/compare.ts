// `schism compare FILE --out DIR`: fits each declared explanation on the training window and scores it out of sample;
// with several files, the explanations compared across the cases, leave-one-case-out (see compare-cases.ts).
import type { Command } from 'commander';
import { checkCompareOptions } from '../../../core/analysis/validation/compare.js';
import { comparisonCsv, comparisonSummary, comparisonTurningPointsCsv, perturbationsCsv } from '../../../core/output/compare-report.js';
import { formatNumber } from '../../../core/output/number.js';
import { stableJson } from '../../../core/output/stable-json.js';
import { writeFolderAtomic } from '../../files/atomic-write.js';
import { readScenario } from '../../files/read-scenario.js';
import { compareOnWorkers } from '../../workers/compare-pool.js';
import { asUsage, fitOptionsOf, withFitOptions, type AnalysisFlags } from '../analysis-options.js';
import { integerOption, UsageError } from '../exit.js';
import { compareAcrossCases, type CompareFlags } from './compare-cases.js';
import { refuseShardsForOneFile, withParallelOptions } from '../cases-options.js';
import { progressBar } from '../progress.js';

/** Registers the compare command. */
export function registerCompare(program: Command): void {
  withParallelOptions(withFitOptions(
    program
      .command('compare')
      .argument('<files...>', 'scenario file (YAML or JSON) with an explanations block; several files compare the explanations across them, leave-one-case-out')
      .description('fit each declared explanation (its mechanisms only) on the training window, score it out of sample, and re-rank under seeded perturbations of the judgements that reach the model')
      .option('--out <dir>', 'output folder', 'runs/compare')
      .option('--perturbations <n>', 'seeded perturbations of the judgements that reach the model (intensities ±1, the record\'s Goldstein weights ±1, driver effects ×(1 ± 0.25))', '5')
      .option('--only <ids>', 'comma-separated explanation ids to compare (default: all declared)'),
    { evaluations: '1000', restarts: '2' },
  )).action(async (files: string[], flags: AnalysisFlags & CompareFlags) => {
    if (files.length > 1) return compareAcrossCases(files, flags);
    const file = files[0];
    refuseShardsForOneFile(flags, 'comparisons', 'comparison runs its jobs');
    const { parameters, ...o } = fitOptionsOf(flags);
    if (parameters) throw new UsageError('--params is for fit: compare fits the parameters of each explanation\'s own mechanisms');
    const perturbations = integerOption('--perturbations', flags.perturbations);
    const { scenario } = await readScenario(file);
    const workers = integerOption('--workers', flags.workers);
    const options = { ...o, perturbations, explanations: flags.only?.split(',').map((s) => s.trim()) };
    asUsage(() => checkCompareOptions(scenario, options));
    const bar = progressBar('compare', Boolean(flags.quiet), 'fits');
    const c = await compareOnWorkers(scenario, options, workers, (done, total) => bar.update(done, total)).finally(() => bar.stop());
    await writeFolderAtomic(flags.out, {
      'comparison.json': stableJson(c),
      'comparison.csv': comparisonCsv(c),
      'turning-points.csv': comparisonTurningPointsCsv(c),
      'perturbations.csv': perturbationsCsv(c),
      'README.md': comparisonSummary(scenario.meta.title, c),
    });
    const best = c.explanations.find((e) => e.id === c.ranking[0])!;
    process.stdout.write(`ranking by held-out log score: ${c.ranking.join(' > ')} (best ${best.id}, weight ${formatNumber(best.weight)}); same winner under perturbation: ${c.stability.sameWinner === null ? 'n/a' : formatNumber(c.stability.sameWinner)}; outputs in ${flags.out}/\n`);
  });
}
