// The schism command line: one commander program, one module per command, exit 2 on bad input.
import { Command, CommanderError } from 'commander';
import { InputError } from '../../core/scenario/diagnostic.js';
import { SCHISM_VERSION } from '../../core/version.js';
import { EXIT, UsageError } from './exit.js';

type Register = (program: Command) => void;

/**
 * Every command, loaded only when it is the one asked for: the commands between them pull in jsdom, Observable Plot,
 * Hono and piscina, and loading them all made even `schism --version` take over a CPU-second.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  validate: async () => (await import('./commands/validate.js')).registerValidate,
  init: async () => (await import('./commands/init.js')).registerInit,
  run: async () => (await import('./commands/run.js')).registerRun,
  record: async () => (await import('./commands/record.js')).registerRecord,
  fit: async () => (await import('./commands/fit.js')).registerFit,
  compare: async () => (await import('./commands/compare.js')).registerCompare,
  sensitivity: async () => (await import('./commands/sensitivity.js')).registerSensitivity,
  schema: async () => (await import('./commands/schema.js')).registerSchema,
  bargain: async () => (await import('./commands/bargain.js')).registerBargain,
  serve: async () => (await import('./commands/serve.js')).registerServe,
  ensemble: async () => (await import('./commands/ensemble.js')).registerEnsemble,
  merge: async () => (await import('./commands/merge.js')).registerMerge,
  counterfactual: async () => (await import('./commands/counterfactual.js')).registerCounterfactual,
  report: async () => (await import('./commands/report.js')).registerReport,
};

const program = new Command('schism')
  .description('Model an alliance as self-interested states; run, explain and test it against the record.')
  .version(SCHISM_VERSION)
  .exitOverride()
  .showHelpAfterError();

const asked = process.argv[2];
const wanted = asked !== undefined && asked in COMMANDS ? [asked] : asked === '--version' || asked === '-V' ? [] : Object.keys(COMMANDS);
for (const name of wanted) (await COMMANDS[name]())(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.exitCode = exitCodeFor(err);
}

function exitCodeFor(err: unknown): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0) return EXIT.ok;
    return EXIT.input;
  }
  if (err instanceof InputError) {
    process.stderr.write(`${err.message}\n`);
    process.stderr.write(`${err.diagnostics.length} error${err.diagnostics.length === 1 ? '' : 's'}\n`);
    return EXIT.input;
  }
  if (err instanceof UsageError) {
    process.stderr.write(`schism: ${err.message}\n`);
    return EXIT.input;
  }
  process.stderr.write(`schism: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  return EXIT.internal;
}
