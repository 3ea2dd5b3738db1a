// The schism program that every entry point runs: commander set up once, and the exit code an error maps to.
import { Command, CommanderError } from 'commander';
import { NON_FINITE, NonFiniteState } from '../../core/engine/finite.js';
import { formatDiagnostic, formatPath, isInputError } from '../../core/scenario/diagnostic.js';
import { SCHISM_VERSION } from '../../core/version.js';
import { EXIT, UsageError } from './exit.js';

/** A new schism program, with no command registered yet. */
export function newProgram(): Command {
  return new Command('schism')
    .description('Model an alliance as self-interested states; run, explain and test it against the record.')
    .version(SCHISM_VERSION)
    .exitOverride()
    .showHelpAfterError();
}

/** Parses `argv` (as process.argv) and runs the command it names; an error sets process.exitCode (2 bad input, 1 internal). */
export async function runProgram(program: Command, argv: readonly string[]): Promise<void> {
  try {
    await program.parseAsync(argv as string[]);
  } catch (err) {
    process.exitCode = await exitCodeFor(err);
  }
}

async function exitCodeFor(err: unknown): Promise<number> {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0) return EXIT.ok;
    return EXIT.input;
  }
  if (isInputError(err)) {
    process.stderr.write(`${err.message}\n`);
    process.stderr.write(`${err.diagnostics.length} error${err.diagnostics.length === 1 ? '' : 's'}\n`);
    return EXIT.input;
  }
  if (err instanceof NonFiniteState) {
    // A run that went non-finite is bad input: located at the scenario value most likely behind it.
    // The parser loads only here: start-up of every command stays free of YAML and zod.
    const { scenarioLocation } = await import('../../core/scenario/parse.js');
    const at = err.scenario ? scenarioLocation(err.scenario, err.path) : { file: '(scenario)', line: 1, column: 1 };
    process.stderr.write(`${formatDiagnostic({ ...at, path: err.path.length ? formatPath(err.path) : '(document)', code: 'run.non_finite', message: err.message })}\n`);
    return EXIT.input;
  }
  if (err instanceof Error && err.message.startsWith(NON_FINITE)) {
    // The same, from a worker thread, where the error lost its class and the scenario it came from.
    process.stderr.write(`schism: ${err.message}\n`);
    return EXIT.input;
  }
  if (err instanceof UsageError) {
    process.stderr.write(`schism: ${err.message}\n`);
    return EXIT.input;
  }
  process.stderr.write(`schism: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  return EXIT.internal;
}
