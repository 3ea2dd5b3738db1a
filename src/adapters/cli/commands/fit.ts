// `schism fit FILE --train 1880-1887 --out DIR`: calibrates the scenario on the training window and tests it out of sample;
// with several files, one parameter set shared across them (see fit-cases.ts).
import type { Command } from 'commander';
import { fitSettings } from '../../../core/analysis/fitting/fit.js';
import { scoreOutOfSample } from '../../../core/analysis/validation/out-of-sample.js';
import { fitSummary, forecastCsv, headline, parametersCsv, scoresCsv, turningPointsCsv } from '../../../core/output/fit-report.js';
import { formatNumber } from '../../../core/output/number.js';
import { stableJson } from '../../../core/output/stable-json.js';
import { writeFolderAtomic } from '../../files/atomic-write.js';
import { readScenario } from '../../files/read-scenario.js';
import { fitOnWorkers } from '../../workers/fit-pool.js';
import { asUsage, fitOptionsOf, withFitOptions, type AnalysisFlags } from '../analysis-options.js';
import { integerOption, UsageError } from '../exit.js';
import { progressBar } from '../progress.js';
import { refuseShardsForOneFile, withParallelOptions, type CasesFlags } from '../cases-options.js';
import { fitAcrossCases } from './fit-cases.js';

/** Registers the fit command. */
export function registerFit(program: Command): void {
  withParallelOptions(withFitOptions(
    program
      .command('fit')
      .argument('<files...>', 'scenario file (YAML or JSON); several files fit one shared parameter set across them')
      .description('fit the parameters of the enabled mechanisms (CMA-ES, within their priors) to the record over a training window, then score the fit out of sample')
      .option('--out <dir>', 'output folder', 'runs/fit'),
    { evaluations: '2000', restarts: '3' },
  )).action(async (files: string[], flags: AnalysisFlags & CasesFlags & { from?: string[] }) => {
    const o = fitOptionsOf(flags);
    if (files.length > 1) return fitAcrossCases(files, flags);
    const file = files[0];
    refuseShardsForOneFile(flags, 'fits', 'fit runs its restarts');
    const workers = integerOption('--workers', flags.workers);
    if (workers < 1) throw new UsageError('--workers must be at least 1');
    const { scenario } = await readScenario(file);
    const bar = progressBar('fit', Boolean(flags.quiet), 'evaluations');
    const fit = await fitOnWorkers(scenario, o, workers, (done, budget) => bar.update(done, budget)).catch((err: unknown) => asUsage(() => { throw err; })).finally(() => bar.stop());
    const oos = asUsage(() => scoreOutOfSample(scenario, fitSettings(fit), { train: o.train, test: o.test, every: o.every, measure: o.measure, runs: o.runs, seed: o.seed + 1 }));
    const summary = fitSummary(scenario.meta.title, fit, oos);
    await writeFolderAtomic(flags.out, {
      'fit.json': stableJson({ fit, outOfSample: oos }),
      'parameters.csv': parametersCsv(fit),
      'scores.csv': scoresCsv(oos),
      'forecast.csv': forecastCsv(oos),
      'turning-points.csv': turningPointsCsv(oos),
      'README.md': summary,
    });
    process.stdout.write(
      `fitted ${fit.parameters.length} parameters on ${fit.train} (${fit.simulations} simulations): loss ${formatNumber(fit.loss)} (scenario values ${formatNumber(fit.startLoss)}); ` +
        `out of sample ${oos.test}: ${headline(oos)} Outputs in ${flags.out}/\n`,
    );
  });
}
