// The options that describe a counterfactual world (--without, --set, --add, --base, --params), shared by ensemble and counterfactual.
import type { Command } from 'commander';
import { buildWorld, type World } from '../../core/analysis/counterfactuals/counterfactual-world.js';
import type { Scenario } from '../../core/scenario/schema.js';
import { basesOf, readVariant, type VariantFile } from '../files/read-variant.js';
import { UsageError } from './exit.js';
import { addParamsOption, applyParamsOption } from './params-option.js';

/** The raw world flags as commander collects them. */
export interface WorldFlags {
  without?: string[];
  set?: string[];
  add?: string[];
  base?: string[];
  params?: string;
}

/** Adds --without, --set, --add and --base (each takes one or more values, and may be repeated) and --params to a command. */
export function addWorldOptions(command: Command): Command {
  // Variadic, so `--without A47 A48` works as a user expects; repeating the flag adds to the list.
  return addParamsOption(command)
    .option('--without <event...>', 'leave out driver events (several ids may follow: --without A47 A48)')
    .option('--set <param=value...>', 'set parameters: mechanism.param or rules.param, or mechanism.enabled=false (several may follow)')
    .option('--add <file...>', 'apply variant files: added drivers, record acts taken as given or moved, removals, settings (several may follow)')
    .option('--base <file...>', 'variants applied beneath the others: the factual world a counterfactual is compared with (variants name theirs with base:)');
}

/** The worlds the flags describe: the factual one (the scenario plus base variants) and the changed one built on it. */
export interface Worlds {
  factual: World;
  world: World;
  /** Variant files by name and hash, for manifests. */
  factualFiles: { file: string; sha256: string }[];
  files: { file: string; sha256: string }[];
}

/** Builds the worlds the flags describe, turning flag problems into UsageErrors (exit 2) and printing warnings. */
export async function readWorlds(written: Scenario, flags: WorldFlags): Promise<Worlds> {
  // A fit's parameters become the scenario's own settings, beneath every variant and --set.
  const scenario = await applyParamsOption(written, flags.params);
  const wrap = <T>(f: () => T): T => {
    try {
      return f();
    } catch (err) {
      if (err instanceof RangeError) throw new UsageError(err.message);
      throw err;
    }
  };
  const adds = await Promise.all((flags.add ?? []).map((f) => wrap(() => readVariant(f))));
  const explicit = await Promise.all((flags.base ?? []).map((f) => wrap(() => readVariant(f))));
  const bases: VariantFile[] = [...explicit, ...basesOf([...explicit, ...adds]).filter((b) => !explicit.includes(b))];
  const factual = wrap(() => buildWorld(scenario, { variants: bases.map((b) => b.parsed) }));
  const world = wrap(() => buildWorld(scenario, { without: flags.without, set: flags.set, variants: adds.map((r) => r.parsed) }, factual));
  for (const w of [...factual.warnings, ...world.warnings]) process.stderr.write(`schism: warning: ${w}\n`);
  const named = (vs: VariantFile[]) => vs.map((r) => ({ file: r.name, sha256: r.sha256 }));
  return { factual, world, factualFiles: named(bases), files: named(adds) };
}
