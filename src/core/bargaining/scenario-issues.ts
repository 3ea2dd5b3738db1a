// A scenario's issues at a given month as bargaining problems: one problem per issue, the actors that hold a position on it.
import type { Scenario } from '../scenario/schema.js';
import { monthIndex } from '../time/month.js';
import type { BargainingProblem } from './types.js';

/** An actor's capability in the year of `date`: the latest series year not after it, else the earliest year there is. */
export function capabilityAt(series: Record<string, number>, date: string): number {
  const year = Number(date.slice(0, 4));
  const years = Object.keys(series).map(Number).sort((a, b) => a - b);
  let value = series[String(years[0])];
  for (const y of years) if (y <= year) value = series[String(y)];
  return value;
}

/** One issue at a date, with the reason it was left out when fewer than two actors hold a position on it. */
export interface IssueProblem {
  issue: string;
  problem?: BargainingProblem;
  skipped?: string;
  /** The issue's status quo (scenario inputs only). */
  statusQuo?: number;
}

/**
 * Each issue's positions and saliences in force at `date` (the latest entry dated no later, per actor), with the
 * actors' capabilities that year, as a one-dimension problem on the issue's 0–100 scale.
 * @example const problems = scenarioProblems(scenario, '1949-12');
 */
export function scenarioProblems(scenario: Scenario, date: string): IssueProblem[] {
  const at = monthIndex(date);
  const actors = new Map(scenario.actors.map((a) => [a.id, a]));
  return scenario.issues.map((issue) => {
    const current = new Map<string, { position: number; salience: number; from: number }>();
    for (const p of issue.positions) {
      const from = monthIndex(p.from);
      if (from > at) continue;
      const prev = current.get(p.actor);
      if (!prev || from >= prev.from) current.set(p.actor, { position: p.position, salience: p.salience, from });
    }
    // Keep the scenario's actor order so that runs do not depend on the order positions were written in.
    const ids = scenario.actors.map((a) => a.id).filter((id) => current.has(id));
    if (ids.length < 2) {
      return { issue: issue.id, statusQuo: issue.statusQuo.value, skipped: `${ids.length} actor(s) hold a position on ${issue.id} at ${date}; bargaining needs two` };
    }
    const problem: BargainingProblem = {
      title: issue.name,
      actors: ids.map((id) => ({ id, name: actors.get(id)!.name, capability: capabilityAt(actors.get(id)!.capability.series, date) })),
      dimensions: [{ id: issue.id, name: issue.name, low: 0, high: 100 }],
      positions: ids.map((id) => [current.get(id)!.position]),
      salience: ids.map((id) => [current.get(id)!.salience]),
    };
    return { issue: issue.id, statusQuo: issue.statusQuo.value, problem };
  });
}
