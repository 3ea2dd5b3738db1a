// Bargaining inputs once read: a parsed scenario's issues, or a table (KTAB SMP CSV or plain actor table) told apart by its
// first row. Needs no YAML parser, so that a command reading a table loads none.
import type { Scenario } from '../scenario/schema.js';
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

/** Whether a file is read as a scenario (YAML or JSON) rather than as a table, by its name. */
export function isScenarioFile(file: string): boolean {
  return /\.(ya?ml|json)$/i.test(file);
}

/**
 * The bargaining problems of a checked scenario at a month (default: its start); a month outside its period is a RangeError.
 * @example const input = scenarioInput(scenario, { date: '1949-12' });
 */
export function scenarioInput(scenario: Scenario, options: InputOptions = {}): BargainingInput {
  const date = options.date ?? scenario.meta.period.start;
  const { start, end } = scenario.meta.period;
  if (date.slice(0, 7) < start || date.slice(0, 7) > end) throw new RangeError(`--date ${date} is outside the scenario's period ${start} to ${end}`);
  return { kind: 'scenario', date, issues: scenarioProblems(scenario, date) };
}

/**
 * Reads a table input: a KTAB SMP CSV (recognised by its first row) or a plain actor table.
 * @example const input = tableInput(readFileSync('SOE-Pol-Comp.csv', 'utf8'), 'SOE-Pol-Comp.csv');
 */
export function tableInput(text: string, file: string, options: InputOptions = {}): BargainingInput {
  const rows = readCsvRows(text, file);
  if (looksLikeKtabCsv(rows)) {
    const problem = ktabFromRows(rows, file);
    return { kind: 'ktab-csv', issues: [{ issue: problem.title || file, problem }] };
  }
  const problem = actorTableFromRows(rows, file, options);
  // Actor tables carry no issue name; the position column's header stands in for it.
  return { kind: 'actor-table', issues: [{ issue: problem.dimensions[0].name, problem }] };
}
