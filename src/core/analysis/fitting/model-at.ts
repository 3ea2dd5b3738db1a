// One compiled model for a whole calibration. compile() does far more than resolve parameters (indices, schedules, capability
// series, events), and a fit evaluates thousands of parameter sets on the same scenario, so it compiles once and swaps each
// set in: only the fields that compile() derives from parameters are recomputed.
//
// Should compile() come to derive another field from parameters, swapping would silently run a different model. So modelAt
// compiles a probe with every parameter moved and compares the other fields: any that differs makes every evaluation compile
// afresh (slower, never wrong), and `recompiled` names it; model-at.test.ts fails on it, and checks the swapped model
// against a fresh compile() at random points.
import { compile, resolveParameters, type CompileOptions } from '../../engine/compile.js';
import type { Model } from '../../engine/model.js';
import { MECHANISM_IDS, MECHANISMS, RULES } from '../../engine/parameters.js';
import type { Scenario } from '../../scenario/schema.js';

/** A model compiled once; `at(params)` gives it with those parameter overrides. */
export interface ModelAt {
  /** The model as compiled with no overrides (its shape is every evaluation's shape). */
  model: Model;
  at(params: Record<string, number>): Model;
  /** Fields compile() derives from parameters that swapping does not know: empty, or every evaluation compiles afresh. */
  recompiled: string[];
}

/** The fields of a Model that depend on parameter values, and that `at` recomputes. */
const SWAPPED = new Set<string>(['params', 'weights', 'outsideBase']);

/** Every engine parameter moved to 0.618 of its range (a value no default sits at), to find what depends on them. */
function probeParams(): Record<string, number> {
  const out: Record<string, number> = {};
  const at = (p: { min: number; max: number }) => p.min + 0.618 * (p.max - p.min);
  for (const [name, p] of Object.entries(RULES)) out[`rules.${name}`] = at(p);
  for (const m of MECHANISM_IDS) for (const [name, p] of Object.entries(MECHANISMS[m].params)) out[`${m}.${name}`] = at(p);
  return out;
}

/** Whether two compiled fields hold the same data (typed arrays compared element by element, NaN equal to NaN). */
function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) {
    const x = a as unknown as ArrayLike<number>;
    const y = b as unknown as ArrayLike<number>;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return false;
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Compiles the scenario once with the given options (their `params` ignored); each `at(params)` then gives what
 * `compile(scenario, { ...options, params })` would, by overwriting the parameter-dependent fields of that one model in place.
 * A model returned earlier is changed by the next call, so use it before asking for another.
 * @example const m = modelAt(scenario, { mode: 'predict', until: '1957-12' }); runModel(m.at({ 'rules.noise': 0.3 }), rng);
 */
export function modelAt(scenario: Scenario, options: Omit<CompileOptions, 'params'>): ModelAt {
  const base = { ...options, params: undefined };
  const model = compile(scenario, base);
  const probe = compile(scenario, { ...base, params: probeParams() });
  const recompiled = Object.keys(model).filter((k) => !SWAPPED.has(k) && !sameData(model[k as keyof Model], probe[k as keyof Model]));
  if (recompiled.length > 0) return { model, recompiled, at: (params) => compile(scenario, { ...base, params }) };

  const M = MECHANISM_IDS.length;
  // Per actor: the sum of its interests, as compile() computes it; of the interest weights only personality's depends on a
  // parameter (personality.weight).
  const totals = scenario.actors.map((a) => {
    const w = a.interests;
    return w.security + w.economy + w.standing + w.autonomy + w.ideology + w.bargaining || 1;
  });
  const personality = MECHANISM_IDS.indexOf('personality');
  const statedOutside = scenario.actors.map((a) => a.outsideOption?.base);
  // The parameter values are overwritten in place in the model's own objects (no allocation per evaluation, and the shapes
  // the engine's code has seen stay the same); every value an earlier call set is first put back to the scenario's.
  const resolved = model.params;
  const slots = new Map<string, { values: Record<string, number>; name: string; base: number }>();
  const slotOf = (key: string) => {
    let slot = slots.get(key);
    if (!slot) {
      const [group, name] = key.split('.', 2);
      // The same precedence and checks as resolveParameters, which throws the same RangeError on a key that names nothing.
      const values =
        group === 'rules' && Object.hasOwn(RULES, name) ? resolved.rules
        : Object.hasOwn(MECHANISMS, group) && Object.hasOwn(MECHANISMS[group].params, name) ? resolved.mechanisms[group]
        : undefined;
      if (!values) throw resolveError(scenario, key);
      slot = { values, name, base: values[name] };
      slots.set(key, slot);
    }
    return slot;
  };
  return {
    model,
    recompiled,
    at(params) {
      for (const slot of slots.values()) slot.values[slot.name] = slot.base;
      for (const key in params) {
        const slot = slotOf(key);
        slot.values[slot.name] = params[key];
      }
      if (personality >= 0) {
        const weight = resolved.mechanisms.personality.weight;
        totals.forEach((total, i) => (model.weights[i * M + personality] = (total * weight) / total));
      }
      statedOutside.forEach((b, i) => (model.outsideBase[i] = b ?? resolved.rules.outsideBase));
      return model;
    },
  };
}

/** The error resolveParameters gives for an unknown parameter key. */
function resolveError(scenario: Scenario, key: string): unknown {
  try {
    resolveParameters(scenario, { params: { [key]: 0 } });
  } catch (err) {
    return err;
  }
  return new RangeError(`unknown parameter "${key}"`);
}
