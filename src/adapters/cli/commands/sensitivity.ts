// `schism sensitivity FILE`: Morris screening of which parameters move the first break date most; writes a CSV table.
import type { Command } from 'commander';
import { morrisScreening } from '../../../core/analysis/fitting/morris.js';
import { morrisCsv, morrisSummary } from '../../../core/output/compare-report.js';
import { formatNumber } from '../../../core/output/number.js';
import { writeFolderAtomic } from '../../files/atomic-write.js';
import { readScenario } from '../../files/read-scenario.js';
import { asUsage } from '../analysis-options.js';
import { integerOption, UsageError } from '../exit.js';
import { progressBar } from '../progress.js';

interface SensitivityFlags {
  out: string;
  trajectories: string;
  levels: string;
  runs: string;
  seed: string;
  params?: string;
  quiet?: boolean;
}

/** Registers the sensitivity command. */
export function registerSensitivity(program: Command): void {
  program
    .command('sensitivity')
    .argument('<file>', 'scenario file (YAML or JSON)')
    .description('Morris elementary-effects screening: which parameters move the first break date most (mu*, sigma)')
    .option('--out <dir>', 'output folder', 'runs/sensitivity')
    .option('--trajectories <n>', 'Morris trajectories', '10')
    .option('--levels <n>', 'grid levels per parameter', '4')
    .option('--runs <n>', 'runs per point (common random numbers)', '20')
    .option('--seed <n>', 'master seed', '1')
    .option('--params <keys>', 'comma-separated parameters (mechanism.param or rules.param); default all')
    .option('--quiet', 'no progress bar on stderr')
    .action(async (file: string, flags: SensitivityFlags) => {
      const trajectories = integerOption('--trajectories', flags.trajectories);
      const levels = integerOption('--levels', flags.levels);
      const runs = integerOption('--runs', flags.runs);
      if (trajectories < 1 || runs < 1) throw new UsageError('--trajectories and --runs must be at least 1');
      const { scenario } = await readScenario(file);
      const bar = progressBar('sensitivity', Boolean(flags.quiet), 'points');
      const m = asUsage(() =>
        morrisScreening(scenario, {
          trajectories, levels, runs, seed: integerOption('--seed', flags.seed), parameters: flags.params?.split(',').map((s) => s.trim()),
          onProgress: (done, total) => bar.update(done, total),
        }),
      );
      bar.stop();
      await writeFolderAtomic(flags.out, { 'morris.csv': morrisCsv(m), 'README.md': morrisSummary(scenario.meta.title, m) });
      const top = m.rows.slice(0, 5).map((r) => `${r.key} ${formatNumber(r.muStar)}`);
      process.stdout.write(`most influential on the break date (mu*, months): ${top.join(', ')}; ${m.simulations} simulations; table in ${flags.out}/morris.csv\n`);
    });
}
