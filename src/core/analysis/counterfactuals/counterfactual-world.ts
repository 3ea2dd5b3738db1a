// A counterfactual world: the scenario with drivers removed, record acts taken as given or moved, events added and parameters set, checked before any run.
import type { CompileOptions } from '../../engine/compile.js';
import { MECHANISMS, RULES } from '../../engine/parameters.js';
import { formatPath, InputError, type Diagnostic } from '../../scenario/diagnostic.js';
import { checkReferences } from '../../scenario/references.js';
import type { Scenario, ScenarioEvent } from '../../scenario/schema.js';
import type { ParsedVariant } from '../../scenario/variant.js';

/** What the user asked for: `--without` ids, `--set` strings, and parsed `--add` variant files. */
export interface WorldSpec {
  without?: string[];
  set?: string[];
  variants?: ParsedVariant[];
}

/** What a world changes relative to the scenario as written. */
export interface WorldChanges {
  without: string[];
  drivers: string[];
  moved: Record<string, string>;
  added: string[];
  set: Record<string, number | boolean>;
  variants: { file: string; title: string }[];
}

/** A world ready to compile, what it changes, and the warnings worth printing. */
export interface World {
  scenario: Scenario;
  compile: CompileOptions;
  changes: WorldChanges;
  warnings: string[];
}

/**
 * Reads `PARAM=VALUE` (`mechanism.param`, `rules.param`, or `mechanism.enabled` with true/false); throws RangeError naming what is wrong.
 * @example parseSetting('rules.noise=0.8') // ['rules.noise', 0.8]
 */
export function parseSetting(text: string): [string, number | boolean] {
  const m = /^([A-Za-z][A-Za-z0-9_]*)\.([A-Za-z][A-Za-z0-9_]*)=(.*)$/.exec(text);
  if (!m) throw new RangeError(`--set takes PARAM=VALUE with PARAM as mechanism.param or rules.param, e.g. rules.noise=0.8, not "${text}"`);
  const [, group, name, raw] = m;
  const key = `${group}.${name}`;
  if (name === 'enabled' && Object.hasOwn(MECHANISMS, group)) {
    if (raw === 'true' || raw === '1') return [key, true];
    if (raw === 'false' || raw === '0') return [key, false];
    throw new RangeError(`--set ${key} takes true or false, not "${raw}"`);
  }
  checkParameter(key);
  const value = raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(value)) throw new RangeError(`--set ${key} takes a number, not "${raw}"`);
  return [key, value];
}

/** Throws RangeError unless `key` names a parameter, listing the known ones of its group. */
function checkParameter(key: string): void {
  const [group, name] = key.split('.', 2);
  if (group === 'rules') {
    if (!Object.hasOwn(RULES, name)) throw new RangeError(`unknown parameter "${key}" (rules: ${Object.keys(RULES).join(', ')})`);
    return;
  }
  // Own names only: `constructor` or `toString` would otherwise find an object's machinery, not a parameter.
  const spec = Object.hasOwn(MECHANISMS, group) ? MECHANISMS[group] : undefined;
  if (!spec) throw new RangeError(`unknown parameter "${key}": "${group}" is neither a mechanism (${Object.keys(MECHANISMS).join(', ')}) nor rules`);
  if (!Object.hasOwn(spec.params, name)) throw new RangeError(`unknown parameter "${key}" (${group}: ${Object.keys(spec.params).join(', ')}, enabled)`);
}

function bounds(key: string): { min: number; max: number } {
  const [group, name] = key.split('.', 2);
  return group === 'rules' ? RULES[name] : MECHANISMS[group].params[name];
}

/** Why an event cannot be left out of a predict run, or null if it can. */
function withoutProblem(events: ScenarioEvent[], id: string): string | null {
  const e = events.find((x) => x.id === id);
  if (!e) return `unknown event "${id}"`;
  if (e.role === 'record') {
    return `event "${id}" is a record event (an act of the allies that the model must generate); predict mode never reads the record, so leaving it out changes nothing. To suppose the conditions for it never arose, leave out the drivers behind it; to force a different act, add a driver with --add`;
  }
  return null;
}

/**
 * Applies a counterfactual to a checked scenario, on top of `base` (another world) when given. Variants apply in order
 * (in each: drivers, moves, added events, then removals), then the flags. Flag problems throw RangeError; problems in a
 * variant file throw InputError located in that file.
 * @example const world = buildWorld(scenario, { without: ['A47'], set: ['rules.noise=0.8'] });
 */
export function buildWorld(scenario: Scenario, spec: WorldSpec, base?: World): World {
  const warnings: string[] = [];
  const changes: WorldChanges = base
    ? structuredClone(base.changes)
    : { without: [], drivers: [], moved: {}, added: [], set: {}, variants: [] };
  const without = new Set(changes.without);
  let events = base ? base.scenario.events : scenario.events;

  for (const pv of spec.variants ?? []) {
    const { variant: v, file, map } = pv;
    const problems: Diagnostic[] = [];
    const at = (path: (string | number)[], code: string, message: string) => problems.push({ file, ...map.locate(path), path: formatPath(path), code, message });
    const next = [...events];
    const find = (id: string) => next.findIndex((x) => x.id === id);
    v.drivers.forEach((id, i) => {
      const k = find(id);
      if (k < 0) at(['drivers', i], 'variant.drivers', `unknown event "${id}"`);
      else if (next[k].role !== 'record') at(['drivers', i], 'variant.drivers', `event "${id}" is already a driver`);
      else {
        next[k] = { ...next[k], role: 'driver' };
        changes.drivers.push(id);
      }
    });
    for (const [id, date] of Object.entries(v.move)) {
      const k = find(id);
      if (k < 0) at(['move', id], 'variant.move', `unknown event "${id}"`);
      else {
        next[k] = { ...next[k], role: 'driver', date, end: undefined };
        changes.moved[id] = date;
      }
    }
    const before = next.length;
    next.push(...v.events);
    for (const p of checkReferences({ ...scenario, events: next })) {
      const i = p.path[1];
      if (p.path[0] !== 'events' || typeof i !== 'number') continue;
      if (i >= before) at(['events', i - before, ...p.path.slice(2)], p.code, p.message);
      else if (next[i].id in v.move && p.path[2] === 'date') at(['move', next[i].id], p.code, p.message);
    }
    v.without.forEach((id, i) => {
      const problem = withoutProblem(next, id);
      if (problem) at(['without', i], 'variant.without', problem);
      else without.add(id);
    });
    for (const [key, value] of Object.entries(v.set)) {
      try {
        checkParameter(key);
        changes.set[key] = value;
      } catch (err) {
        at(['set', key], 'variant.set', (err as Error).message);
      }
    }
    if (problems.length) throw new InputError(problems);
    events = next;
    changes.added.push(...v.events.map((e) => e.id));
    changes.variants.push({ file: file.split(/[\\/]/).pop() ?? file, title: v.title });
  }

  for (const id of spec.without ?? []) {
    const problem = withoutProblem(events, id);
    if (problem) throw new RangeError(`--without ${id}: ${problem}`);
    without.add(id);
  }
  for (const text of spec.set ?? []) {
    const [key, value] = parseSetting(text);
    changes.set[key] = value;
  }
  changes.without = [...without].sort();

  const params: Record<string, number> = {};
  const mechanisms: Record<string, boolean> = {};
  for (const [key, value] of Object.entries(changes.set)) {
    if (typeof value === 'boolean') {
      mechanisms[key.split('.')[0]] = value;
      continue;
    }
    params[key] = value;
    const { min, max } = bounds(key);
    if (value < min || value > max) warnings.push(`${key}=${value} is outside its prior bounds [${min}, ${max}]: the model was not built for that range`);
  }
  return {
    scenario: { ...scenario, events },
    compile: { mode: 'predict', without: changes.without, params, mechanisms },
    changes,
    warnings,
  };
}
