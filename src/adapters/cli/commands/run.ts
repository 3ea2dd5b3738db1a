// `schism run FILE`: runs a scenario once and writes manifest.json, series.csv, events.csv and story.md atomically.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { simulate } from '../../../core/engine/simulate.js';
import { describeLog, eventsCsv } from '../../../core/output/event-log.js';
import { runManifest } from '../../../core/output/manifest.js';
import { seriesCsv } from '../../../core/output/series.js';
import { storyMarkdown } from '../../../core/output/story.js';
import { EventDate } from '../../../core/scenario/schema.js';
import { monthLabel } from '../../../core/time/month.js';
import { writeFolderAtomic } from '../../files/atomic-write.js';
import { readScenario } from '../../files/read-scenario.js';
import { integerOption, UsageError } from '../exit.js';
import { addParamsOption, applyParamsOption } from '../params-option.js';

interface RunFlags {
  seed?: string;
  out: string;
  replay?: boolean;
  until?: string;
  story?: boolean;
  params?: string;
  runIndex?: string;
}

/** Registers the run command. */
export function registerRun(program: Command): void {
  const command = program
    .command('run')
    .argument('<file>', 'scenario file (YAML or JSON)')
    .description('run a scenario once (drivers only unless --replay) and write its outputs')
    .option('--seed <n>', 'master seed (default: the scenario\'s meta.seed)')
    .option('--out <dir>', 'output folder', 'runs/latest')
    .option('--replay', 'also apply record events: an annotated retelling, not a prediction')
    .option('--until <date>', 'stop after this month (YYYY-MM or YYYY-MM-DD)')
    .option('--story', 'print story.md after the summary')
    .option('--run-index <n>', 'the run of an ensemble to reproduce: run n of `schism ensemble` with the same seed (default 0)');
  addParamsOption(command)
    .action(async (file: string, flags: RunFlags) => {
      const runIndex = flags.runIndex === undefined ? 0 : integerOption('--run-index', flags.runIndex);
      const seed = flags.seed === undefined ? undefined : integerOption('--seed', flags.seed);
      if (flags.until !== undefined && !EventDate.safeParse(flags.until).success) throw new UsageError(`--until takes YYYY-MM or YYYY-MM-DD, not "${flags.until}"`);
      const read = await readScenario(file);
      const text = read.text;
      const scenario = await applyParamsOption(read.scenario, flags.params);
      let result;
      try {
        result = simulate(scenario, { seed, runIndex, mode: flags.replay ? 'replay' : 'predict', until: flags.until });
      } catch (err) {
        if (err instanceof RangeError) throw new UsageError(err.message);
        throw err;
      }
      const described = describeLog(result);
      const story = storyMarkdown(result, described);
      const files = { 'series.csv': seriesCsv(result), 'events.csv': eventsCsv(result, described), 'story.md': story };
      const sha256 = createHash('sha256').update(text).digest('hex');
      const manifest = runManifest(result, { file: basename(file), sha256 }, ['manifest.json', ...Object.keys(files)]);
      await writeFolderAtomic(flags.out, { 'manifest.json': `${JSON.stringify(manifest, null, 2)}\n`, ...files });
      process.stdout.write(summaryText(result, flags.out));
      if (flags.story) process.stdout.write(`\n${story}`);
    });
}

function summaryText(r: ReturnType<typeof simulate>, out: string): string {
  const m = r.model;
  const lines = [`${m.scenario.meta.title}: ${m.mode === 'predict' ? 'prediction from drivers only' : 'replay with the record'}, seed ${r.seed}${r.runIndex ? `, run ${r.runIndex}` : ''}`];
  m.alliances.forEach((al, a) => {
    const path = [`${monthLabel(m.start)} ${r.summary.initial[a]}`];
    for (const c of r.summary.changes.filter((x) => x.alliance === a)) path.push(`${monthLabel(m.start + c.month)} ${c.to}`);
    const shown = path.length > 12 ? [...path.slice(0, 6), `… ${path.length - 12} more …`, ...path.slice(-6)] : path;
    lines.push(`  ${al.id}: ${shown.join(' → ')}`);
    const fb = r.summary.firstBreak[a];
    lines.push(`  first broken or hostile: ${fb < 0 ? 'never' : monthLabel(m.start + fb)}`);
  });
  lines.push(`  simulated acts: ${r.summary.acts}; outputs in ${out}/`);
  return `${lines.join('\n')}\n`;
}
