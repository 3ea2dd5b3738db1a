// The schism command line: one commander program, one module per command, exit 2 on bad input.
import { COMMANDS, listCommands } from './command-list.js';
import { newProgram, runProgram } from './program.js';

const program = newProgram();

// Only the command asked for is loaded (for `help NAME`, that one); the top-level help lists stand-ins.
const args = process.argv.slice(2);
const asked = args[0] === 'help' ? args[1] : args[0];
if (asked !== undefined && Object.hasOwn(COMMANDS, asked)) (await COMMANDS[asked].load())(program);
else if (asked !== '--version' && asked !== '-V') listCommands(program);

await runProgram(program, process.argv);
