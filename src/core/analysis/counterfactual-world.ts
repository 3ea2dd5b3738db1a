// A counterfactual world: the scenario with drivers removed, record acts taken as given, events added and parameters set, checked before any run.
import type { CompileOptions } from '../engine/compile.js';
import { MECHANISMS, RULES } from '../engine/parameters.js';
import { formatPath, InputError, type Diagnostic } from '../scenario/diagnostic.js';
import { checkReferences } from '../scenario/references.js';
import type { Scenario } from '../scenario/schema.js';
import type { ParsedVariant } from '../scenario/variant.js';

/** What the user asked for: `--without` ids, `--set` strings, and parsed `--add` variant files. */
export interface WorldSpec {
  without?: string[];
  set?: string[];
  variants?: ParsedVariant[];
}

/** A world ready to compile, what it changes, and the warnings worth printing. */
export interface World {
  scenario: Scenario;
  compile: CompileOptions;
  changes: { without: string[]; drivers: string[]; added: string[]; set: Record<string, number | boolean>; variants: { file: string; title: string }[] };
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
  if (name === 'enabled' && MECHANISMS[group]) {
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
    if (!(name in RULES)) throw new RangeError(`unknown parameter "${key}" (rules: ${Object.keys(RULES).join(', ')})`);
    return;
  }
  const spec = MECHANISMS[group];
  if (!spec) throw new RangeError(`unknown parameter "${key}": "${group}" is neither a mechanism (${Object.keys(MECHANISMS).join(', ')}) nor rules`);
  if (!(name in spec.params)) throw new RangeError(`unknown parameter "${key}" (${group}: ${Object.keys(spec.params).join(', ')}, enabled)`);
}

function bounds(key: string): { min: number; max: number } {
  const [group, name] = key.split('.', 2);
  return group === 'rules' ? RULES[name] : MECHANISMS[group].params[name];
}

/** Why an event cannot be left out, or null if it can. */
function withoutProblem(scenario: Scenario, id: string): string | null {
  const e = scenario.events.find((x) => x.id === id);
  if (!e) return `unknown event "${id}"`;
  if (e.role === 'record') {
    return `event "${id}" is a record event (an act of the allies that the model must generate); predict mode never reads the record, so leaving it out changes nothing. To suppose the conditions for it never arose, leave out the drivers behind it; to force a different act, add a driver with --add`;
  }
  return null;
}

/**
 * Applies a counterfactual to a checked scenario. Flag problems throw RangeError; problems in a variant file throw InputError located in that file.
 * @example const world = buildWorld(scenario, { without: ['secret-speech'], set: ['rules.noise=0.8'] });
 */
export function buildWorld(scenario: Scenario, spec: WorldSpec): World {
  const warnings: string[] = [];
  const without = new Set<string>();
  const drivers = new Set<string>();
  const set: Record<string, number | boolean> = {};
  for (const id of spec.without ?? []) {
    const problem = withoutProblem(scenario, id);
    if (problem) throw new RangeError(`--without ${id}: ${problem}`);
    without.add(id);
  }
  for (const text of spec.set ?? []) {
    const [key, value] = parseSetting(text);
    set[key] = value;
  }

  let events = scenario.events;
  const added: string[] = [];
  const variants: World['changes']['variants'] = [];
  for (const pv of spec.variants ?? []) {
    const { variant: v, file, map } = pv;
    const problems: Diagnostic[] = [];
    const at = (path: (string | number)[], code: string, message: string) => problems.push({ file, ...map.locate(path), path: formatPath(path), code, message });
    v.without.forEach((id, i) => {
      const problem = withoutProblem(scenario, id);
      if (problem) at(['without', i], 'variant.without', problem);
      else without.add(id);
    });
    v.drivers.forEach((id, i) => {
      const e = scenario.events.find((x) => x.id === id);
      if (!e) at(['drivers', i], 'variant.drivers', `unknown event "${id}"`);
      else if (e.role !== 'record') at(['drivers', i], 'variant.drivers', `event "${id}" is already a driver`);
      else drivers.add(id);
    });
    for (const [key, value] of Object.entries(v.set)) {
      try {
        checkParameter(key);
        set[key] = value;
      } catch (err) {
        at(['set', key], 'variant.set', (err as Error).message);
      }
    }
    const base = events.length;
    const merged = [...events, ...v.events];
    for (const p of checkReferences({ ...scenario, events: merged })) {
      if (p.path[0] === 'events' && typeof p.path[1] === 'number' && p.path[1] >= base) {
        const path = ['events', p.path[1] - base, ...p.path.slice(2)];
        at(path, p.code, p.message);
      }
    }
    if (problems.length) throw new InputError(problems);
    events = merged;
    added.push(...v.events.map((e) => e.id));
    variants.push({ file, title: v.title });
  }
  if (drivers.size) events = events.map((e) => (drivers.has(e.id) ? { ...e, role: 'driver' as const } : e));

  const params: Record<string, number> = {};
  const mechanisms: Record<string, boolean> = {};
  for (const [key, value] of Object.entries(set)) {
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
    compile: { mode: 'predict', without: [...without].sort(), params, mechanisms },
    changes: { without: [...without].sort(), drivers: [...drivers].sort(), added, set, variants },
    warnings,
  };
}
