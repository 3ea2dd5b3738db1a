// Recognises a bargaining input by its name and first row: a scenario (YAML/JSON), a KTAB SMP CSV, or a plain actor table.
import { loadScenarioText } from '../scenario/parse.js';
import { actorTableFromRows } from './actor-table.js';
import { readCsvRows } from './csv-rows.js';
import { ktabFromRows, looksLikeKtabCsv } from './ktab-csv.js';
import { scenarioProblems, type IssueProblem } from './scenario-issues.js';

/** Which format an input was read as. */
export type InputKind = 'scenario' | 'ktab-csv' | 'actor-table';

/** Options that only some formats use. */
export interface InputOptions {
  /** Scenario: the month whose positions, saliences and capabilities are used (default: the scenario's start). */
  date?: string;
  /** Actor table: saliences are on [0, salienceScale]. */
  salienceScale?: number;
  /** Actor table: accept a table without saliences (for runs that redraw them). */
  allowMissingSalience?: boolean;
}

/** An input read into one problem per issue (a CSV gives one problem; a scenario one per issue). */
export interface BargainingInput {
  kind: InputKind;
  date?: string;
  issues: IssueProblem[];
}

/**
 * Reads any bargaining input from its text; `file` names it in diagnostics and decides YAML/JSON versus CSV.
 * @example const input = parseBargainingInput(text, 'scenarios/moscow-1949-50.yaml', { date: '1949-12' });
 */
export function parseBargainingInput(text: string, file: string, options: InputOptions = {}): BargainingInput {
  if (/\.(ya?ml|json)$/i.test(file)) {
    const scenario = loadScenarioText(text, file);
    const date = options.date ?? scenario.meta.period.start;
    const { start, end } = scenario.meta.period;
    if (date.slice(0, 7) < start || date.slice(0, 7) > end) throw new RangeError(`--date ${date} is outside the scenario's period ${start} to ${end}`);
    return { kind: 'scenario', date, issues: scenarioProblems(scenario, date) };
  }
  const rows = readCsvRows(text, file);
  if (looksLikeKtabCsv(rows)) {
    const problem = ktabFromRows(rows, file);
    return { kind: 'ktab-csv', issues: [{ issue: problem.title || file, problem}] };
  }
  const problem = actorTableFromRows(rows, file, options);
  // Actor tables carry no issue name; the position column's header stands in for it.
  return { kind: 'actor-table', issues: [{ issue: problem.dimensions[0].name, problem}] };
}
