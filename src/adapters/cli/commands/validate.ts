// `schism validate FILE`: checks a scenario and lists every problem as file:line:column: path: message, then its warnings.
import type { Command } from 'commander';
import { formatDiagnostic, formatPath } from '../../../core/scenario/diagnostic.js';
import { scenarioWarnings } from '../../../core/scenario/warnings.js';
import { locateInScenario, readScenario } from '../../files/read-scenario.js';
import { DATA_DIR, loadGoldsteinTable } from '../../files/read-state-data.js';

/** Registers the validate command. */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .argument('<file>', 'scenario file (YAML or JSON)')
    .description('check a scenario file; exit 0 when valid (printing any warnings with their locations), 2 listing every error')
    .option('--data <dir>', 'folder with the WEIS -> Goldstein table', DATA_DIR)
    .action(async (file: string, flags: { data: string }) => {
      const { scenario } = await readScenario(file);
      const warnings = scenarioWarnings(scenario, await loadGoldsteinTable(flags.data));
      const places = await locateInScenario(scenario, warnings.map((w) => w.path));
      for (const [i, w] of warnings.entries()) {
        const d = { ...places[i], path: formatPath(w.path), code: w.code, message: `warning: ${w.message}` };
        process.stderr.write(`${formatDiagnostic(d)}\n`);
      }
      process.stdout.write(
        `${file}: valid (${scenario.actors.length} actors, ${scenario.issues.length} issues, ${scenario.events.length} events, ${scenario.sources.length} sources${warnings.length ? `; ${warnings.length} warning${warnings.length === 1 ? '' : 's'}` : ''})\n`,
      );
    });
}
