// The bargaining table's data: a scenario's issues (or a CSV) as editable problems, and BDM and SMP run side by side on them.
import { parseBargainingInput } from '../../../core/bargaining/input.js';
import { scenarioProblems } from '../../../core/bargaining/scenario-issues.js';
import { MODEL_IDS, modelProblems, runBargaining, type ModelId } from '../../../core/bargaining/models.js';
import type { BargainingProblem } from '../../../core/bargaining/types.js';
import { runStream } from '../../../core/random/streams.js';
import type { Scenario } from '../../../core/scenario/schema.js';

/** One issue on the table: the problem (editable), its scale's words, and the status quo and recorded outcome where known. */
export interface TableIssue {
  issue: string;
  name: string;
  problem: BargainingProblem | null;
  skipped?: string;
  scale?: { low: string; high: string };
  statusQuo?: number;
  /** The recorded outcome on the first dimension's scale, with where it comes from. */
  outcome?: { value: number; note: string };
}

/** One model's answer on one issue: positions by round, the forecast, or why the model cannot take the problem. */
export interface ModelAnswer {
  model: ModelId;
  problems: string[];
  rounds: number[][][];
  forecastByRound: number[][];
  forecast: number[];
  stop: string;
}

/** A scenario's issues at a month, as the table shows them. */
export function scenarioTable(s: Scenario, date: string): TableIssue[] {
  const issues = new Map(s.issues.map((i) => [i.id, i]));
  return scenarioProblems(s, date).map((i) => {
    const spec = issues.get(i.issue);
    return {
      issue: i.issue,
      name: spec?.name ?? i.issue,
      problem: i.problem ?? null,
      ...(i.skipped ? { skipped: i.skipped } : {}),
      ...(spec ? { scale: spec.scale } : {}),
      ...(i.statusQuo !== undefined ? { statusQuo: i.statusQuo } : {}),
      ...(spec?.outcome ? { outcome: { value: spec.outcome.value, note: `${spec.outcome.date ? `${spec.outcome.date}: ` : ''}${spec.outcome.judgement}` } } : {}),
    };
  });
}

/** A KTAB SMP CSV or a plain actor table, as the table shows it (one issue). */
export function csvTable(text: string, file: string): TableIssue[] {
  return parseBargainingInput(text, file).issues.map((i) => ({ issue: i.issue, name: i.problem?.title || i.issue, problem: i.problem ?? null }));
}

/** Runs BDM and the SMP on a problem with the command line's defaults; a model that cannot take it says why. */
export function bothModels(problem: BargainingProblem, seed: number): ModelAnswer[] {
  return MODEL_IDS.map((model) => {
    const problems = modelProblems(model, problem);
    if (problems.length) return { model, problems, rounds: [], forecastByRound: [], forecast: [], stop: '' };
    try {
      const run = runBargaining(model, problem, {}, runStream(seed, 0));
      return { model, problems: [], rounds: run.rounds, forecastByRound: run.forecastByRound, forecast: run.forecast, stop: run.stop };
    } catch (err) {
      return { model, problems: [err instanceof Error ? err.message : String(err)], rounds: [], forecastByRound: [], forecast: [], stop: '' };
    }
  });
}
