// The schism command line: one commander program, one module per command, exit 2 on bad input.
import { Command, CommanderError } from 'commander';
import { InputError } from '../../core/scenario/diagnostic.js';
import { registerBargain } from './commands/bargain.js';
import { registerCounterfactual } from './commands/counterfactual.js';
import { registerEnsemble } from './commands/ensemble.js';
import { registerMerge } from './commands/merge.js';
import { registerCompare } from './commands/compare.js';
import { registerFit } from './commands/fit.js';
import { registerRecord } from './commands/record.js';
import { registerReport } from './commands/report.js';
import { registerRun } from './commands/run.js';
import { registerSensitivity } from './commands/sensitivity.js';
import { registerSchema } from './commands/schema.js';
import { registerServe } from './commands/serve.js';
import { registerValidate } from './commands/validate.js';
import { EXIT, UsageError } from './exit.js';

const program = new Command('schism')
  .description('Model an alliance as self-interested states; run, explain and test it against the record.')
  .version('0.1.0')
  .exitOverride()
  .showHelpAfterError();

registerValidate(program);
registerRun(program);
registerRecord(program);
registerFit(program);
registerCompare(program);
registerSensitivity(program);
registerSchema(program);
registerBargain(program);
registerServe(program);
registerEnsemble(program);
registerMerge(program);
registerCounterfactual(program);
registerReport(program);

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
