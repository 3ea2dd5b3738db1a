// Turns a counterfactual into what the engine takes: a scenario with moved events re-dated, and compile options.
import { buildWorld } from '../../../core/analysis/counterfactuals/counterfactual-world.js';
import type { CompileOptions } from '../../../core/engine/compile.js';
import { MECHANISM_IDS, MECHANISMS, RULES } from '../../../core/engine/parameters.js';
import type { Scenario } from '../../../core/scenario/schema.js';
import type { Counterfactual } from '../state/counterfactual.js';

/**
 * Why each removal of the counterfactual cannot change the run, in the command line's words (empty when every one can):
 * in predict mode the record is never read, so leaving out a record event changes nothing.
 */
export function mootRemovals(scenario: Scenario, cf: Counterfactual): string[] {
  if (cf.mode !== 'predict') return [];
  const known = new Set(scenario.events.map((e) => e.id));
  return cf.without.filter((id) => known.has(id)).flatMap((id) => {
    try {
      buildWorld(scenario, { without: [id] });
      return [];
    } catch (err) {
      // The command line's words, with its flags turned into what the app offers.
      if (err instanceof RangeError) return [err.message.replace(/^--without [^:]+: /, '').replace(/with --add\b/, 'in the editor')];
      throw err;
    }
  });
}

/**
 * The scenario with moved events re-dated (to the first of their new month), and the compile options of the counterfactual.
 * As on the command line, a moved record event is taken as given at its new date: it becomes a driver, or predict mode would never read it.
 */
export function applyCounterfactual(scenario: Scenario, cf: Counterfactual): { scenario: Scenario; options: CompileOptions } {
  const moved = Object.keys(cf.moved).length
    ? { ...scenario, events: scenario.events.map((e) => (cf.moved[e.id] ? { ...e, date: cf.moved[e.id], role: 'driver' as const, end: undefined } : e)) }
    : scenario;
  // Every mechanism is set explicitly, so that a mechanism the scenario switches off is on unless the state lists it as off.
  const mechanisms: Record<string, boolean> = {};
  for (const m of MECHANISM_IDS) mechanisms[m] = !cf.off.includes(m);
  const params: Record<string, number> = {};
  for (const [key, v] of Object.entries(cf.params)) if (isParameter(key)) params[key] = v;
  const known = new Set(scenario.events.map((e) => e.id));
  return {
    scenario: moved,
    options: { mode: cf.mode, mechanisms, params, without: cf.without.filter((id) => known.has(id)) },
  };
}

/** Whether `group.name` names a parameter the engine knows. */
export function isParameter(key: string): boolean {
  const [group, name] = key.split('.', 2);
  if (group === 'rules') return name in RULES;
  return Boolean(MECHANISMS[group]) && name in MECHANISMS[group].params;
}
