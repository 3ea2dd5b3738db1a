// The parameters a fit or a screening may move: which ones, within which bounds, and the map from the unit cube to them.
import { resolveParameters } from '../../engine/compile.js';
import { MECHANISMS, RULES } from '../../engine/parameters.js';
import type { ParamSetting, Scenario } from '../../scenario/schema.js';

/** One free parameter: its key (`mechanism.param` or `rules.param`), search bounds and value as the scenario stands. */
export interface FreeParameter {
  key: string;
  min: number;
  max: number;
  value: number;
  /** Where the bounds come from: the scenario's prior, or the engine's declared range. */
  bounds: 'prior' | 'engine';
}

/**
 * Rules every fit moves by default: how often allies act, reciprocity, noise, how fast acts move relations, and how long a
 * member bears a margin below its outside option before it breaks. The status thresholds stay fixed: they define what the
 * statuses mean.
 */
export const DEFAULT_FIT_RULES = ['activity', 'reciprocity', 'noise', 'responsiveness', 'patience'];

const priorOf = (s: ParamSetting | undefined) => (s !== undefined && typeof s !== 'number' ? s.prior : undefined);

/**
 * Parameters left out of the default free set because a non-zero value switches on a costly sub-model: bargaining.foresight
 * runs a settlement forecast every month (about seven times the cost of a run). Name them explicitly to fit them.
 */
export const COSTLY_PARAMETERS = ['bargaining.foresight'];

/** The keys a fit moves by default: every parameter of the given mechanisms (less the costly ones), then the given rules. */
export function defaultFreeKeys(mechanisms: string[], rules: string[] = DEFAULT_FIT_RULES): string[] {
  const keys = mechanisms.flatMap((m) => Object.keys(MECHANISMS[m]?.params ?? {}).map((p) => `${m}.${p}`));
  return [...keys.filter((k) => !COSTLY_PARAMETERS.includes(k)), ...rules.map((r) => `rules.${r}`)];
}

/**
 * The free parameters of the given keys (`mechanism.param` or `rules.param`), each bounded by the scenario's prior when it
 * declares one and by the engine's range otherwise; throws a RangeError on an unknown key.
 * @example freeParameters(scenario, defaultFreeKeys(['standing', 'autonomy']))
 */
export function freeParameters(scenario: Scenario, keys: string[]): FreeParameter[] {
  const resolved = resolveParameters(scenario);
  return keys.map((key) => {
    const [group, name] = key.split('.', 2);
    if (group === 'rules') {
      const p = RULES[name];
      if (!p) throw new RangeError(`unknown parameter "${key}"`);
      const prior = priorOf(scenario.rules[name]);
      return { key, min: prior?.min ?? p.min, max: prior?.max ?? p.max, value: resolved.rules[name], bounds: prior ? 'prior' : 'engine' };
    }
    const p = MECHANISMS[group]?.params[name];
    if (!p) throw new RangeError(`unknown parameter "${key}" (write mechanism.param or rules.param)`);
    const prior = priorOf(scenario.mechanisms[group]?.params[name]);
    return { key, min: prior?.min ?? p.min, max: prior?.max ?? p.max, value: resolved.mechanisms[group][name], bounds: prior ? 'prior' : 'engine' };
  });
}

/** Parameter values from a point of the unit cube (coordinate i of u maps linearly onto parameter i's bounds). */
export function fromUnit(space: FreeParameter[], u: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  space.forEach((p, i) => (out[p.key] = p.min + (p.max - p.min) * u[i]));
  return out;
}

/** The unit-cube point of parameter values (clamped into the bounds). */
export function toUnit(space: FreeParameter[], values: Record<string, number>): number[] {
  return space.map((p) => {
    const v = values[p.key] ?? p.value;
    return p.max > p.min ? Math.min(1, Math.max(0, (v - p.min) / (p.max - p.min))) : 0.5;
  });
}

/**
 * The free parameters of the given keys with the engine's ranges and defaults, for a fit shared across scenarios (one
 * scenario's priors must not bound another's); throws a RangeError on an unknown key.
 * @example engineSpace(defaultFreeKeys(['ideology']))
 */
export function engineSpace(keys: string[]): FreeParameter[] {
  return keys.map((key) => {
    const [group, name] = key.split('.', 2);
    const p = group === 'rules' ? RULES[name] : MECHANISMS[group]?.params[name];
    if (!p) throw new RangeError(`unknown parameter "${key}" (write mechanism.param or rules.param)`);
    return { key, min: p.min, max: p.max, value: p.value, bounds: 'engine' as const };
  });
}
