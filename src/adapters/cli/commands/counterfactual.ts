// `schism counterfactual FILE --without EVENT --set PARAM=VALUE --add FILE --runs N`: a changed world against the factual one, run for run with the same seeds.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { compareWorlds } from '../../../core/analysis/counterfactuals/counterfactual.js';
import { compile } from '../../../core/engine/compile.js';
import { bandRows, bandsCsv, counterfactualSummary, pairedBreakDatesCsv, pairedRunsCsv } from '../../../core/output/counterfactual.js';
import { SCHISM_VERSION } from '../../../core/version.js';
import { writeFolderAtomic } from '../../files/atomic-write.js';
import { readScenario } from '../../files/read-scenario.js';
import { integerOption, UsageError } from '../exit.js';
import { addWorldOptions, readWorlds, type WorldFlags } from '../world-options.js';

interface CounterfactualFlags extends WorldFlags {
  runs: string;
  seed?: string;
  out: string;
}

/** Registers the counterfactual command. */
export function registerCounterfactual(program: Command): void {
  const command = program
    .command('counterfactual')
    .argument('<file>', 'scenario file (YAML or JSON)')
    .description('compare a counterfactual world with the factual one over paired runs (common random numbers): break dates and cooperation bands')
    .option('--runs <n>', 'paired runs', '1000')
    .option('--seed <n>', 'master seed (default: the scenario\'s meta.seed)')
    .option('--out <dir>', 'output folder', 'runs/counterfactual');
  addWorldOptions(command).action(async (file: string, flags: CounterfactualFlags) => {
    const runs = integerOption('--runs', flags.runs);
    if (runs < 1) throw new UsageError('--runs must be at least 1');
    if (!flags.without?.length && !flags.set?.length && !flags.add?.length) throw new UsageError('nothing to compare: give --without, --set or --add');
    const { scenario, text } = await readScenario(file);
    const seed = flags.seed === undefined ? scenario.meta.seed : integerOption('--seed', flags.seed);
    const { factual: base, world, factualFiles, files } = await readWorlds(scenario, flags);
    let result;
    try {
      result = compareWorlds(compile(base.scenario, base.compile), compile(world.scenario, world.compile), { runs, seed });
    } catch (err) {
      if (err instanceof RangeError) throw new UsageError(err.message);
      throw err;
    }
    const summary = counterfactualSummary(result);
    const manifest = {
      schism: SCHISM_VERSION,
      kind: 'counterfactual',
      scenario: { file: basename(file), sha256: createHash('sha256').update(text).digest('hex'), title: scenario.meta.title },
      mode: 'predict',
      recordUsed: false,
      seed,
      runs,
      factual: { variants: factualFiles, changes: base.changes },
      counterfactual: { variants: files, changes: world.changes },
      warnings: world.warnings,
      files: ['manifest.json', 'summary.json', 'cooperation-bands.csv', 'break-dates.csv', 'runs.csv'],
    };
    await writeFolderAtomic(flags.out, {
      'manifest.json': `${JSON.stringify(manifest, null, 2)}\n`,
      'summary.json': `${JSON.stringify(summary, null, 2)}\n`,
      'cooperation-bands.csv': bandsCsv(bandRows(result)),
      'break-dates.csv': pairedBreakDatesCsv(result),
      'runs.csv': pairedRunsCsv(result),
    });
    process.stdout.write(summaryText(scenario.meta.title, summary, flags.out));
    for (const w of summary.warnings as string[]) process.stderr.write(`warning: ${w}\n`);
  });
}

interface Dist { share: number; quantiles: Record<string, string | null> }

function summaryText(title: string, s: Record<string, unknown>, out: string): string {
  const lines = [`${title}: ${s.runs} paired runs, seed ${s.seed}`];
  const when = (d: Dist) => `broken in ${(d.share * 100).toFixed(1)}% of runs, median first break ${d.quantiles.p50 ?? 'after the period'}`;
  for (const a of s.alliances as { id: string; factual: Dist; counterfactual: Dist; paired: Record<string, number> & { shiftMonths: Record<string, number | null> } }[]) {
    const p = a.paired;
    lines.push(`  ${a.id}`);
    lines.push(`    factual:        ${when(a.factual)}`);
    lines.push(`    counterfactual: ${when(a.counterfactual)}`);
    lines.push(`    run by run: earlier in ${(p.earlier * 100).toFixed(1)}%, same month ${(p.same * 100).toFixed(1)}%, later ${(p.later * 100).toFixed(1)}%, only factual broke ${(p.onlyFactualBroke * 100).toFixed(1)}%, only counterfactual broke ${(p.onlyCounterfactualBroke * 100).toFixed(1)}%; median shift ${p.shiftMonths.p50 ?? '-'} months`);
  }
  lines.push(`  outputs in ${out}/`);
  return `${lines.join('\n')}\n`;
}
