// `schism validate FILE`: checks a scenario and lists every problem as file:line:column: path: message.
import type { Command } from 'commander';
import { readScenario } from '../../files/read-scenario.js';

/** Registers the validate command. */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .argument('<file>', 'scenario file (YAML or JSON)')
    .description('check a scenario file; exit 0 when valid, 2 listing every error')
    .action(async (file: string) => {
      const { scenario } = await readScenario(file);
      process.stdout.write(
        `${file}: valid (${scenario.actors.length} actors, ${scenario.issues.length} issues, ${scenario.events.length} events, ${scenario.sources.length} sources)\n`,
      );
    });
}
