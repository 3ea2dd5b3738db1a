// `schism bargain` on its own: the program with that one command, which the build bundles into a single classic script
// (dist/cli/bargain.cjs) with a V8 code cache, so that bin/schism.js starts a bargain without the module loader's work
// or compiling the functions the command runs (one process per table is the common use: docs/bargaining.md).
import { registerBargain } from './commands/bargain.js';
import { newProgram, runProgram } from './program.js';

/** Runs `schism bargain ...` from `argv` (as process.argv: node, script, then `bargain` and its arguments). */
export async function main(argv: readonly string[]): Promise<void> {
  const program = newProgram();
  registerBargain(program);
  await runProgram(program, argv);
}
