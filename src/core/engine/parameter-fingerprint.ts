// A model's parameters, switches, weights and outside options as one vector, and the check before each run of the fused loop
// that they are still those it read: a fit swaps them in place in one model between runs, and nothing tells the loop.
import type { Model } from './model.js';
import { MECHANISM_IDS, MECHANISMS, RULES } from './parameters.js';

/** The rules' names, in the fingerprint's order. */
export const RULE_NAMES = Object.keys(RULES);
/** Per mechanism (MECHANISM_IDS order), its parameters' names, in the fingerprint's order. */
export const MECHANISM_PARAMS = MECHANISM_IDS.map((id) => Object.keys(MECHANISMS[id].params));

/** Whether a model's values are still those of a fingerprint taken of it. */
export type ParameterCheck = (model: Model, fp: Float64Array) => boolean;

/** Every value a kernel is built from that a caller may change in the model between runs, in one fixed order. */
export function fingerprint(model: Model): Float64Array {
  const p = model.params;
  const out: number[] = [];
  for (const name of RULE_NAMES) out.push(p.rules[name] ?? Number.NaN);
  MECHANISM_IDS.forEach((id, m) => {
    out.push(p.enabled[id] ? 1 : 0);
    for (const name of MECHANISM_PARAMS[m]) out.push(p.mechanisms[id][name] ?? Number.NaN);
  });
  out.push(...model.weights, ...model.outsideBase);
  return Float64Array.from(out);
}

/** Whether the model's parameters, switches, weights and outside options are still those of the fingerprint. */
export function sameParameters(model: Model, fp: Float64Array): boolean {
  const p = model.params;
  let x = 0;
  for (let r = 0; r < RULE_NAMES.length; r++) if (!Object.is(p.rules[RULE_NAMES[r]] ?? Number.NaN, fp[x++])) return false;
  for (let m = 0; m < MECHANISM_IDS.length; m++) {
    const id = MECHANISM_IDS[m];
    if ((p.enabled[id] ? 1 : 0) !== fp[x++]) return false;
    const values = p.mechanisms[id];
    const names = MECHANISM_PARAMS[m];
    for (let q = 0; q < names.length; q++) if (!Object.is(values[names[q]] ?? Number.NaN, fp[x++])) return false;
  }
  return sameNumbers(model, fp, x);
}

/** Whether the weights and outside options are those of the fingerprint from `x` on (the part of any length). */
function sameNumbers(model: Model, fp: Float64Array, x: number): boolean {
  const { weights, outsideBase } = model;
  if (fp.length !== x + weights.length + outsideBase.length) return false;
  for (let q = 0; q < weights.length; q++) if (!Object.is(weights[q], fp[x++])) return false;
  for (let q = 0; q < outsideBase.length; q++) if (!Object.is(outsideBase[q], fp[x++])) return false;
  return true;
}

let written: ParameterCheck | null | undefined;

/**
 * sameParameters with each name written in its text, compiled once; null where the platform refuses to compile code at run
 * time. Read by name, as sameParameters cannot, V8 loads each value where the object holds it and compares it there; read by a
 * name from a list, it looks the name up and puts the number in a new heap object, some 60 times a run: about 1.5 µs and 1 KB
 * a run (fusedKernel called in a loop, and a sampling heap profile of ensemble chunks). Only fixed names from parameters.ts
 * enter the text, each as a string literal.
 */
export function writtenParameterCheck(): ParameterCheck | null {
  if (written !== undefined) return written;
  const lines = ['const p = model.params, rules = p.rules, on = p.enabled, ms = p.mechanisms;', 'let values;'];
  let x = 0;
  for (const name of RULE_NAMES) lines.push(`if (!Object.is(rules[${JSON.stringify(name)}] ?? NaN, fp[${x++}])) return false;`);
  MECHANISM_IDS.forEach((id, m) => {
    lines.push(`if ((on[${JSON.stringify(id)}] ? 1 : 0) !== fp[${x++}]) return false;`, `values = ms[${JSON.stringify(id)}];`);
    for (const name of MECHANISM_PARAMS[m]) lines.push(`if (!Object.is(values[${JSON.stringify(name)}] ?? NaN, fp[${x++}])) return false;`);
  });
  lines.push(`return sameNumbers(model, fp, ${x});`);
  try {
    const make = new Function('sameNumbers', `return function sameParametersWritten(model, fp) {\n${lines.join('\n')}\n};`);
    written = make(sameNumbers) as ParameterCheck;
  } catch (err) {
    if (!(err instanceof EvalError)) throw err;
    written = null;
  }
  return written;
}
