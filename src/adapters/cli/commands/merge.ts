// `schism merge DIR... --out DIR`: joins ensemble shards (from `--shard I/N`) into the folder one machine would have written.
import type { Command } from 'commander';
import { MergeError, mergeEnsembles } from '../../files/ensemble-merge.js';
import { UsageError } from '../exit.js';

/** Registers the merge command. */
export function registerMerge(program: Command): void {
  program
    .command('merge')
    .argument('<dirs...>', 'finished ensemble folders of one ensemble (shards), in any order')
    .description('merge ensemble shards into one folder, byte-identical to an unsharded run')
    .requiredOption('--out <dir>', 'output folder')
    .action(async (dirs: string[], flags: { out: string }) => {
      let merged;
      try {
        merged = await mergeEnsembles(dirs, flags.out);
      } catch (err) {
        if (err instanceof MergeError) throw new UsageError(err.message);
        throw err;
      }
      const whole = merged.from === 0 && merged.to === merged.runs;
      process.stdout.write(`merged ${dirs.length} folder${dirs.length === 1 ? '' : 's'}: runs ${merged.from}..${merged.to - 1} of ${merged.runs}${whole ? '' : ' (not the whole ensemble yet)'}; outputs in ${flags.out}/\n`);
    });
}
