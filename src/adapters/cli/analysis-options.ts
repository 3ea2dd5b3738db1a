// Command-line options shared by fit, compare and sensitivity: windows, granularity, measure and budgets, checked once.
import type { Command } from 'commander';
import type { Measure } from '../../core/analysis/fitting/loss.js';
import type { Every } from '../../core/analysis/record/periods.js';
import { parseWindow } from '../../core/analysis/record/window.js';
import { integerOption, UsageError } from './exit.js';

/** The raw flags as commander gives them. */
export interface AnalysisFlags {
  train?: string;
  test?: string;
  every: string;
  measure: string;
  seed: string;
  seeds: string;
  restarts: string;
  evaluations: string;
  runs: string;
  out: string;
  params?: string;
  quiet?: boolean;
}

/** Adds the fitting and scoring options (with the defaults that keep fit + compare within budget) to a command. */
export function withFitOptions(cmd: Command, defaults: { evaluations: string; restarts: string }): Command {
  return cmd
    .option('--train <window>', 'training window, YYYY-YYYY or YYYY-MM..YYYY-MM (default: the scenario\'s meta.training, else the first third of its period)')
    .option('--test <window>', 'test window (default: after training to the end of the period)')
    .option('--every <period>', 'series granularity: month, quarter or year', 'quarter')
    .option('--measure <m>', 'record series to fit: goldstein or intensity', 'goldstein')
    .option('--seed <n>', 'master seed', '1')
    .option('--seeds <n>', 'runs per loss evaluation (common random numbers)', '8')
    .option('--restarts <n>', 'independent CMA-ES restarts', defaults.restarts)
    .option('--evaluations <n>', 'loss evaluations per restart', defaults.evaluations)
    .option('--runs <n>', 'runs of the out-of-sample ensemble', '100')
    .option('--params <keys>', 'comma-separated parameters to fit (mechanism.param or rules.param) instead of the default set')
    .option('--quiet', 'no progress bar on stderr');
}

/** Checks the flags; a bad value is a UsageError (exit 2) naming the option. */
export function fitOptionsOf(flags: AnalysisFlags) {
  for (const [name, v] of [['--train', flags.train], ['--test', flags.test]] as const) {
    if (v === undefined) continue;
    try {
      parseWindow(v);
    } catch (err) {
      throw new UsageError(`${name}: ${(err as Error).message}`);
    }
  }
  if (!['month', 'quarter', 'year'].includes(flags.every)) throw new UsageError(`--every takes month, quarter or year, not "${flags.every}"`);
  if (!['goldstein', 'intensity'].includes(flags.measure)) throw new UsageError(`--measure takes goldstein or intensity, not "${flags.measure}"`);
  const positive = (name: string, v: string) => {
    const n = integerOption(name, v);
    if (n < 1) throw new UsageError(`${name} must be at least 1`);
    return n;
  };
  return {
    train: flags.train,
    test: flags.test,
    every: flags.every as Every,
    measure: flags.measure as Measure,
    seed: integerOption('--seed', flags.seed),
    seeds: positive('--seeds', flags.seeds),
    restarts: positive('--restarts', flags.restarts),
    evaluations: positive('--evaluations', flags.evaluations),
    runs: positive('--runs', flags.runs),
    parameters: flags.params?.split(',').map((s) => s.trim()),
  };
}

/** Runs an analysis, turning the core's RangeErrors (a window outside the period, an unknown parameter) into exit-2 usage errors. */
export function asUsage<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError(err.message);
    throw err;
  }
}
