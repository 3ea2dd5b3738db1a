// `schism schema`: prints the JSON Schema of the scenario format, for editors to validate against.
import type { Command } from 'commander';
import { scenarioJsonSchema } from '../../../core/scenario/json-schema.js';

/** Registers the schema command. */
export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of the scenario file format')
    .action(() => {
      process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    });
}
