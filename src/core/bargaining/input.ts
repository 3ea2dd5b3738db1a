// Recognises a bargaining input by its name and first row: a scenario (YAML/JSON), a KTAB SMP CSV, or a plain actor table.
import { loadScenarioText } from '../scenario/parse.js';
import { isScenarioFile, scenarioInput, tableInput, type BargainingInput, type InputOptions } from './input-kinds.js';

export type { BargainingInput, InputKind, InputOptions } from './input-kinds.js';

/**
 * Reads any bargaining input from its text; `file` names it in diagnostics and decides YAML/JSON versus CSV.
 * @example const input = parseBargainingInput(text, 'scenarios/moscow-1949-50.yaml', { date: '1949-12' });
 */
export function parseBargainingInput(text: string, file: string, options: InputOptions = {}): BargainingInput {
  return isScenarioFile(file) ? scenarioInput(loadScenarioText(text, file), options) : tableInput(text, file, options);
}
