// Carries a fit's parameters to a scenario: the fitted values and mechanism switches written into its settings, priors kept.
import { MECHANISMS, RULES } from '../../engine/parameters.js';
import type { ParamSetting, Scenario } from '../../scenario/schema.js';

/** Parameter values by key (`mechanism.param` or `rules.param`) and mechanisms switched on or off, as a fit gives them. */
export interface ParameterSettings {
  mechanisms: Record<string, boolean>;
  params: Record<string, number>;
}

/** A setting with its value replaced and its prior and judgement kept. */
const withValue = (s: ParamSetting | undefined, value: number): ParamSetting => (s === undefined || typeof s === 'number' ? value : { ...s, value });

/**
 * The scenario with the settings folded in, so that every command that runs it (run, ensemble, counterfactual, report,
 * serve) runs the fitted model. Throws a RangeError on a key that names no mechanism or rule parameter of this engine.
 * @example withParameters(scenario, fitSettings(fit)).mechanisms.security.params
 */
export function withParameters(scenario: Scenario, settings: ParameterSettings): Scenario {
  const mechanisms = { ...scenario.mechanisms };
  const rules = { ...scenario.rules };
  for (const [id, enabled] of Object.entries(settings.mechanisms)) {
    if (!MECHANISMS[id]) throw new RangeError(`the parameters switch an unknown mechanism "${id}"`);
    mechanisms[id] = { ...(mechanisms[id] ?? { params: {} }), enabled };
  }
  for (const [key, value] of Object.entries(settings.params)) {
    const [group, name] = key.split('.', 2);
    if (group === 'rules' && name in RULES) rules[name] = withValue(rules[name], value);
    else if (MECHANISMS[group] && name in MECHANISMS[group].params) {
      const m = mechanisms[group] ?? { enabled: true, params: {} };
      mechanisms[group] = { ...m, params: { ...m.params, [name]: withValue(m.params[name], value) } };
    } else throw new RangeError(`the parameters name "${key}", which is no parameter of this engine (write mechanism.param or rules.param)`);
  }
  return { ...scenario, mechanisms, rules };
}
