// Applies compiled effects and act impulses to the run state.
import type { CompiledEffect, CompiledEvent, Model } from './model.js';
import { OP } from './model.js';
import { issueChanged, type RunState } from './state.js';
import type { Trace } from './trace.js';

const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);

/** Moves the directed relation from -> to by an act of the given intensity, a share of the way to the bound (reciprocity memory). */
export function impulse(state: RunState, from: number, to: number, intensity: number, responsiveness: number): void {
  const d = from * state.n + to;
  const r = state.rel[d];
  const step = (responsiveness * intensity) / 10;
  state.rel[d] = clamp(r + step * (step > 0 ? 1 - r : 1 + r), -1, 1);
  state.coop[d] += intensity;
}

/** Applies one typed effect of a scenario event. */
export function applyEffect(model: Model, state: RunState, e: CompiledEffect): void {
  const { n, K } = state;
  switch (e.op) {
    // Capability effects follow from the inputs alone: the model's power schedule (power-schedule.ts) applies them once for all runs.
    case OP.capability: break;
    case OP.aid: state.aid[e.a * n + e.b] = e.v; break;
    // A threat shifts the relation toward hostility; it does not set it, so an easing later can lower hostility again.
    case OP.threat: state.rel[e.a * n + e.b] = clamp(state.rel[e.a * n + e.b] - e.v, -1, 1); break;
    case OP.relation: state.rel[e.a * n + e.b] = clamp(state.rel[e.a * n + e.b] + e.v, -1, 1); break;
    case OP.position: {
      const d = e.a * K + e.k;
      const base = state.pos[d] !== state.pos[d] ? model.statusQuo[e.k] : state.pos[d];
      state.pos[d] = clamp(e.rel ? base + e.v : e.v, 0, 100);
      issueChanged(model, state, e.k);
      break;
    }
    case OP.salience: {
      const d = e.a * K + e.k;
      state.sal[d] = clamp(e.rel ? state.sal[d] + e.v : e.v, 0, 1);
      issueChanged(model, state, e.k);
      break;
    }
    case OP.concession: state.outcome[e.k] = e.v; issueChanged(model, state, e.k); break;
    case OP.leader: state.leader[e.a] = e.k; break;
    case OP.inducement: state.inducement[e.a * n + e.b] = e.v; break;
    case OP.hierarchy: state.hierarchy[e.k] = clamp(e.rel ? state.hierarchy[e.k] + e.v : e.v, 0, 1); break;
  }
}

/** Applies one scenario event: its act moves the directed relation(s), a defection or force counts for statuses, then its effects. */
export function applyEvent(model: Model, state: RunState, ev: CompiledEvent, t: number, trace: Trace): void {
  const resp = model.params.rules.responsiveness;
  if (ev.to >= 0) {
    impulse(state, ev.from, ev.to, ev.intensity, resp);
    if (ev.joint) impulse(state, ev.to, ev.from, ev.intensity, resp);
    if (ev.kind !== 'other') {
      for (let al = 0; al < model.alliances.length; al++) {
        const { a, b } = model.alliances[al];
        if ((ev.from === a && ev.to === b) || (ev.from === b && ev.to === a)) {
          if (ev.kind === 'force') state.lastForce[al] = t;
          else { state.lastDefect[al] = t; state.severed[al] = 1; }
          state.breaker[al] = ev.from;
        }
      }
    }
  }
  for (const f of ev.effects) applyEffect(model, state, f);
  trace.event?.(t, ev);
}
