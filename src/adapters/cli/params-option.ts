// The --params option of run, ensemble, counterfactual, report and serve: a fit's parameters carried to the scenario run.
import type { Command } from 'commander';
import { withParameters } from '../../core/analysis/fitting/apply-parameters.js';
import type { Scenario } from '../../core/scenario/schema.js';
import { readFitParameters } from '../files/read-fit-parameters.js';
import { UsageError } from './exit.js';

/** Adds --params to a command. */
export function addParamsOption(command: Command): Command {
  return command.option('--params <dir|file>', 'run with a fit\'s parameters: a `schism fit` output folder or its fit.json (default: the scenario\'s own values)');
}

/** The scenario with the fit's parameters folded in (unchanged without --params); a key this engine lacks is a usage error. */
export async function applyParamsOption(scenario: Scenario, path: string | undefined): Promise<Scenario> {
  if (path === undefined) return scenario;
  const settings = await readFitParameters(path);
  try {
    return withParameters(scenario, settings);
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError(`--params ${settings.file}: ${err.message}`);
    throw err;
  }
}
