// `schism init --actors A,B --period YYYY-YYYY --out FILE`: a scenario skeleton for any pair of COW states, from the shipped data.
import type { Command } from 'commander';
import { REVIEW, scenarioSkeleton } from '../../../core/datasets/scenario-skeleton.js';
import { scenarioYaml } from '../../../core/output/scenario-yaml.js';
import { loadScenarioText } from '../../../core/scenario/parse.js';
import { writeFileAtomic } from '../../files/atomic-write.js';
import { DATA_DIR, loadStateData } from '../../files/read-state-data.js';
import { UsageError } from '../exit.js';

interface InitFlags {
  actors: string;
  period: string;
  out: string;
  data: string;
}

/** Registers the init command. */
export function registerInit(program: Command): void {
  program
    .command('init')
    .description('write a scenario skeleton for two allies (COW codes) over a period, from COW, ATOP, MID and rivalry data; every placeholder is marked REVIEW')
    .requiredOption('--actors <a,b>', 'the two allies\' COW state codes, e.g. 2,200')
    .requiredOption('--period <years>', 'first and last year, YYYY-YYYY')
    .requiredOption('--out <file>', 'the scenario file to write (YAML)')
    .option('--data <dir>', 'folder with the shipped datasets', DATA_DIR)
    .action(async (flags: InitFlags) => {
      const codes = /^(\d+),(\d+)$/.exec(flags.actors.replace(/\s/g, ''));
      if (!codes) throw new UsageError(`--actors takes two COW codes, e.g. 2,200, not "${flags.actors}"`);
      const years = /^(\d{4})-(\d{4})$/.exec(flags.period);
      if (!years) throw new UsageError(`--period takes YYYY-YYYY, not "${flags.period}"`);
      const { data } = await loadStateData(flags.data, ['states', 'capabilities', 'treaties', 'cowSpells', 'disputes', 'rivalries']);
      if (!data.states || !data.capabilities) throw new UsageError(`${flags.data} lacks the COW state list or NMC table`);
      let skeleton;
      try {
        skeleton = scenarioSkeleton(data, { allies: [Number(codes[1]), Number(codes[2])], firstYear: Number(years[1]), lastYear: Number(years[2]) });
      } catch (err) {
        if (err instanceof RangeError) throw new UsageError(err.message);
        throw err;
      }
      const text = scenarioYaml(skeleton, [
        `Scenario skeleton written by schism init --actors ${codes[1]},${codes[2]} --period ${flags.period}.`,
        `Facts come from the datasets in the bibliography; every "${REVIEW}" marks a placeholder to judge, keep or remove.`,
        'How to go on: docs/writing-a-scenario.md.',
      ]);
      // The skeleton must be a valid scenario as written: parse it back before it reaches the disk.
      loadScenarioText(text, flags.out);
      await writeFileAtomic(flags.out, text);
      const events = skeleton.events ?? [];
      process.stdout.write(
        `${flags.out}: ${skeleton.actors.length} actors, ${skeleton.alliances?.length ?? 0} alliance, ${skeleton.rivalries?.length ?? 0} rivalries, ${events.length} candidate events to review\n`,
      );
    });
}
