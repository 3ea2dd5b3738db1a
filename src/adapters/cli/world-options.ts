// The options that describe a counterfactual world (--without, --set, --add), shared by ensemble, counterfactual and report.
import type { Command } from 'commander';
import { buildWorld, type World } from '../../core/analysis/counterfactual-world.js';
import type { Scenario } from '../../core/scenario/schema.js';
import { readVariant } from '../files/read-variant.js';
import { UsageError } from './exit.js';

/** The raw world flags as commander collects them. */
export interface WorldFlags {
  without?: string[];
  set?: string[];
  add?: string[];
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Adds --without, --set and --add to a command. */
export function addWorldOptions(command: Command): Command {
  return command
    .option('--without <event>', 'leave out a driver event (repeatable)', collect)
    .option('--set <param=value>', 'set a parameter, mechanism.param or rules.param, or mechanism.enabled=false (repeatable)', collect)
    .option('--add <file>', 'apply a variant file: added drivers, record acts taken as given, removals, settings (repeatable)', collect);
}

/** Builds the world the flags describe (on top of `base` when given), turning flag problems into UsageErrors (exit 2) and printing warnings. */
export async function readWorld(scenario: Scenario, flags: WorldFlags, base?: World): Promise<{ world: World; variants: { file: string; sha256: string }[] }> {
  const read = await Promise.all((flags.add ?? []).map(readVariant));
  let world: World;
  try {
    world = buildWorld(scenario, { without: flags.without, set: flags.set, variants: read.map((r) => r.parsed) }, base);
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError(err.message);
    throw err;
  }
  for (const w of world.warnings) process.stderr.write(`schism: warning: ${w}\n`);
  return { world, variants: read.map((r) => ({ file: r.name, sha256: r.sha256 })) };
}
