// `schism validate FILE`: checks a scenario and lists every problem as file:line:column: path: message, then its warnings.
import { setFlagsFromString } from 'node:v8';
import type { Command } from 'commander';
import { formatDiagnostic, formatPath } from '../../../core/scenario/diagnostic.js';
import { scenarioWarnings } from '../../../core/scenario/warnings.js';
import { checkScenarioText, locateInScenario, readInputText } from '../../files/read-scenario.js';
import { DATA_DIR, loadGoldsteinTable } from '../../files/read-state-data.js';

/**
 * Files below this size are checked with V8's optimizing compiler (TurboFan) off. One file read once runs the YAML and
 * zod code too briefly to repay compiling it: the reference scenario (157 kB) takes about a third less CPU without it,
 * a 0.68 MB scenario still a little less (0.50 s against 0.55 s), a 1.7 MB one much more (1.05 s against 0.70 s).
 */
const UNOPTIMIZED_BELOW = 512 * 1024;

/** Registers the validate command. */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .argument('<file>', 'scenario file (YAML or JSON)')
    .description('check a scenario file; exit 0 when valid (printing any warnings with their locations), 2 listing every error')
    .option('--data <dir>', 'folder with the WEIS -> Goldstein table', DATA_DIR)
    .action(async (file: string, flags: { data: string }) => {
      const text = await readInputText(file);
      if (text.length < UNOPTIMIZED_BELOW) setFlagsFromString('--no-opt');
      const scenario = await checkScenarioText(text, file);
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
