// The engine's finiteness check: at each month's end every value the run reports must be a finite number, or the run stops and names the input behind it.
import { formatPath } from '../scenario/diagnostic.js';
import { monthLabel } from '../time/month.js';
import type { Model } from './model.js';
import { MECHANISM_IDS, MECHANISMS, RULES, type ParamSpec } from './parameters.js';
import type { RunState } from './state.js';

/** A run reached a non-finite value; `path` is the scenario input most likely behind it. */
export class NonFiniteState extends Error {
  override name = 'NonFiniteState';
  constructor(
    readonly path: (string | number)[],
    readonly month: number,
    message: string,
    /** The scenario the run came from, so that an adapter can locate `path` in its text. */
    readonly scenario?: Model['scenario'],
  ) {
    super(message);
  }
}

/** The marker every NonFiniteState message starts with, so that one crossing a worker thread (which drops its class) is still known. */
export const NON_FINITE = 'non-finite state';

/**
 * Throws NonFiniteState if capability, a relation or a member's value, outside option, margin or contribution is NaN or
 * infinite at month `t`. The schema bounds every input so that this should not happen; parameter overrides are not bounded.
 */
export function checkFinite(model: Model, state: RunState, t: number): void {
  // x * 0 is 0 for every finite x and NaN otherwise: one sum tells whether anything needs naming, at the cost of a pass.
  if (zeroSum(state.cap) + zeroSum(state.rel) + zeroSum(state.value) + zeroSum(state.outside) + zeroSum(state.margin) + zeroSum(state.contrib) === 0) return;
  nameNonFinite(model, state, t);
}

function zeroSum(xs: Float64Array): number {
  let s = 0;
  for (let x = 0; x < xs.length; x++) s += xs[x] * 0;
  return s;
}

/** Finds the first non-finite value and throws NonFiniteState naming it. */
function nameNonFinite(model: Model, state: RunState, t: number): void {
  const { n, cap, rel, value, outside, margin, contrib } = state;
  const M = MECHANISM_IDS.length;
  const actorAt = (i: number) => Math.max(0, model.scenario.actors.findIndex((a) => a.id === model.actorIds[i]));
  const fail = (path: (string | number)[], what: string, x: number): never => {
    // A parameter outside its declared bounds is the likeliest cause: the schema bounds every other input.
    const wild = parameterOutOfBounds(model);
    const blame = wild ? wild.path : path;
    const why = wild ? `${formatPath(wild.path)} = ${wild.value} is outside its declared bounds [${wild.spec.min}, ${wild.spec.max}]` : `check ${formatPath(path)}`;
    const message = `${NON_FINITE} in ${monthLabel(model.start + t)}: ${what} is ${x}; ${why}`;
    throw new NonFiniteState(blame, t, message, model.scenario);
  };
  for (let a = 0; a < n; a++) {
    if (!Number.isFinite(cap[a])) fail(['actors', actorAt(a), 'capability'], `the capability of ${model.actorIds[a]}`, cap[a]);
  }
  for (let d = 0; d < n * n; d++) {
    if (!Number.isFinite(rel[d])) fail(['relations'], `the relation ${model.actorIds[Math.floor(d / n)]} → ${model.actorIds[d % n]}`, rel[d]);
  }
  for (let slot = 0; slot < model.alliances.length * 2; slot++) {
    const al = model.alliances[slot >> 1];
    const i = slot % 2 === 0 ? al.a : al.b;
    const who = `${model.actorIds[i]} in ${al.id}`;
    for (let k = 0; k < M; k++) {
      const x = contrib[slot * M + k];
      if (Number.isFinite(x)) continue;
      const id = MECHANISM_IDS[k];
      const setting = model.scenario.mechanisms[id];
      const interest = MECHANISMS[id].interest ?? id;
      const path = setting && Object.keys(setting.params).length > 0 ? ['mechanisms', id, 'params'] : interest === 'none' ? ['mechanisms', id] : ['actors', actorAt(i), 'interests', interest];
      fail(path, `the ${id} term of ${who}`, x);
    }
    if (!Number.isFinite(outside[slot])) fail(['actors', actorAt(i), 'outsideOption'], `the outside option of ${who}`, outside[slot]);
    if (!Number.isFinite(value[slot])) fail(['actors', actorAt(i), 'interests'], `the alliance value of ${who}`, value[slot]);
    if (!Number.isFinite(margin[slot])) fail(['rules'], `the margin of ${who}`, margin[slot]);
  }
}

/** The first parameter whose value lies outside its declared bounds (set in the scenario, by --set or by a request), or null. */
function parameterOutOfBounds(model: Model): { path: (string | number)[]; value: number; spec: ParamSpec } | null {
  const outside = (v: number, spec: ParamSpec) => !(v >= spec.min && v <= spec.max);
  for (const [name, spec] of Object.entries(RULES)) {
    const v = model.params.rules[name];
    if (outside(v, spec)) return { path: ['rules', name], value: v, spec };
  }
  for (const id of MECHANISM_IDS) {
    for (const [name, spec] of Object.entries(MECHANISMS[id].params)) {
      const v = model.params.mechanisms[id][name];
      if (outside(v, spec)) return { path: ['mechanisms', id, 'params', name], value: v, spec };
    }
  }
  return null;
}
