// One compiled model for a whole calibration. compile() does far more than resolve parameters (indices, schedules, capability
// series, events), and a fit evaluates thousands of parameter sets on the same scenario, so it compiles once and swaps each
// set in: only the fields that compile() derives from parameters are recomputed. model-at.test.ts checks that the result
// equals a fresh compile() field by field, so a new parameter-dependent field in compile() cannot be missed silently.
import { compile, resolveParameters, type CompileOptions } from '../../engine/compile.js';
import type { Model } from '../../engine/model.js';
import { MECHANISM_IDS } from '../../engine/parameters.js';
import type { Scenario } from '../../scenario/schema.js';

/** A model compiled once; `at(params)` sets its parameter overrides and returns it (the same object each time). */
export interface ModelAt {
  model: Model;
  at(params: Record<string, number>): Model;
}

/**
 * Compiles the scenario once with the given options (their `params` ignored); each `at(params)` then gives what
 * `compile(scenario, { ...options, params })` would, by overwriting the parameter-dependent fields of that one model in place.
 * A model returned earlier is changed by the next call, so use it before asking for another.
 * @example const m = modelAt(scenario, { mode: 'predict', until: '1957-12' }); runModel(m.at({ 'rules.noise': 0.3 }), rng);
 */
export function modelAt(scenario: Scenario, options: Omit<CompileOptions, 'params'>): ModelAt {
  const model = compile(scenario, options);
  const M = MECHANISM_IDS.length;
  // Per actor: the sum of its interests and each mechanism's share, as compile() computes them; personality's share alone
  // depends on a parameter (personality.weight).
  const totals = scenario.actors.map((a) => {
    const w = a.interests;
    return w.security + w.economy + w.standing + w.autonomy + w.ideology + w.bargaining || 1;
  });
  const personality = MECHANISM_IDS.indexOf('personality');
  const statedOutside = scenario.actors.map((a) => a.outsideOption?.base);
  return {
    model,
    at(params) {
      const resolved = resolveParameters(scenario, { mechanisms: options.mechanisms, params });
      model.params = resolved;
      if (personality >= 0) {
        const weight = resolved.mechanisms.personality.weight;
        totals.forEach((total, i) => (model.weights[i * M + personality] = (total * weight) / total));
      }
      statedOutside.forEach((base, i) => (model.outsideBase[i] = base ?? resolved.rules.outsideBase));
      return model;
    },
  };
}

