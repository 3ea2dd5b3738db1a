// The monthly loop: apply inputs, value the alliance, let each ally act, update relations and statuses.
import { MECHANISM_FUNCTIONS } from '../mechanisms/index.js';
import { currentTraits, type PairView } from '../mechanisms/pair.js';
import { logisticNoise, uniform, type RandomStream } from '../random/streams.js';
import { ACTS, type ActKind } from './acts.js';
import { applyEffect, impulse } from './effects.js';
import { checkFinite } from './finite.js';
import { DIMENSION, type CompiledEvent, type Model } from './model.js';
import { MECHANISM_IDS } from './parameters.js';
import { initialState, STATUSES, type RunState } from './state.js';

/** Observes a run as it goes; every method is optional so that fast runs pay nothing. */
export interface Trace {
  /** A scenario event was applied in month t. */
  event?(t: number, event: CompiledEvent): void;
  /** Ally `from` took an act toward `to`; `issue` is the issue index or -1; `latent` the decision-scale value that chose it. */
  act?(t: number, alliance: number, from: number, to: number, kind: ActKind, issue: number, latent: number): void;
  /** The month is over; the state holds its values, contributions and statuses. */
  month?(t: number, state: RunState): void;
  /**
   * Lets a caller take an ally's decisions (play mode). When present it is asked at every decision of every ally, whether or
   * not the activity draw made the ally act (`active`); `proposed` is the act the rule's latent points to and `latent` that
   * decision-scale value. Return undefined to keep the rule's choice (the proposed act if active, else none), null for no act,
   * or the act to take instead.
   */
  choose?(t: number, alliance: number, from: number, to: number, proposed: ActKind, issue: number, latent: number, active: boolean): ActKind | null | undefined;
}

/** What set a status: a recent use of force, both relations deep in conflict, a recent defection, or the members' smoothed margins. */
export type StatusReason = 'force' | 'relations' | 'defection' | 'margin';

/** A change of an alliance's status, and what set the new one. */
export interface StatusChange {
  month: number;
  alliance: number;
  from: (typeof STATUSES)[number];
  to: (typeof STATUSES)[number];
  reason: StatusReason;
}

/** What every run reports, however fast: status changes, the first break, and how many acts of each kind. */
export interface RunSummary {
  /** Per alliance: the status in the first month. */
  initial: (typeof STATUSES)[number][];
  changes: StatusChange[];
  /** Per alliance: first month (index from the period start) with status broken or hostile, or -1. */
  firstBreak: number[];
  /** Per alliance: first month with status hostile, or -1. */
  firstHostile: number[];
  acts: number;
}

const M = MECHANISM_IDS.length;

/**
 * Runs the model once with the given random stream; deterministic for a given model and stream.
 * @example const summary = runModel(compile(scenario), runStream(7, 0));
 */
export function runModel(model: Model, rng: RandomStream, trace: Trace = {}): RunSummary {
  const state = initialState(model);
  const { n, K } = state;
  const rules = model.params.rules;
  const enabled = MECHANISM_IDS.map((id) => model.params.enabled[id]);
  const mechParams = MECHANISM_IDS.map((id) => model.params.mechanisms[id]);
  const simulate = model.mode === 'predict';
  const A = model.alliances.length;
  const summary: RunSummary = { initial: new Array(A).fill('allied'), changes: [], firstBreak: new Array(A).fill(-1), firstHostile: new Array(A).fill(-1), acts: 0 };
  const view: PairView = {
    model, state, alliance: 0, slot: 0, i: 0, j: 0, ci: 0, cj: 0, junior: false, ratio: 1,
    traitsI: currentTraits(model, state, 0), traitsJ: currentTraits(model, state, 0), params: mechParams[0],
  };

  const months = model.months;
  const memory = rules.memory;
  const { rel, coop, cap, capFactor } = state;
  const { relationBase, capability } = model;
  for (let t = 0; t < months; t++) {
    state.month = t;
    for (let d = 0; d < n * n; d++) coop[d] = 0;
    for (let p = model.positionStart[t]; p < model.positionStart[t + 1]; p++) {
      const s = model.positions[p];
      state.pos[s.actor * K + s.issue] = s.position;
      state.sal[s.actor * K + s.issue] = s.salience;
      state.issueVersion++;
    }
    for (let e = model.eventStart[t]; e < model.eventStart[t + 1]; e++) applyEvent(model, state, model.events[e], t, trace);
    for (let a = 0; a < n; a++) cap[a] = capability[a * months + t] * capFactor[a];

    for (let al = 0; al < A; al++) {
      const { a, b } = model.alliances[al];
      value(model, state, view, al, 0, a, b, enabled, mechParams);
      value(model, state, view, al, 1, b, a, enabled, mechParams);
    }
    if (simulate) {
      for (let al = 0; al < A; al++) {
        const { a, b } = model.alliances[al];
        summary.acts += decide(model, state, rng, al, 0, a, b, trace);
        summary.acts += decide(model, state, rng, al, 1, b, a, trace);
      }
    }
    for (let d = 0; d < n * n; d++) rel[d] += memory * (relationBase[d] - rel[d]);
    for (let al = 0; al < A; al++) updateStatus(model, state, al, t, summary);
    // Outputs never hold NaN: a run that goes non-finite stops here, naming the input behind it.
    checkFinite(model, state, t);
    trace.month?.(t, state);
  }
  return summary;
}

function applyEvent(model: Model, state: RunState, ev: CompiledEvent, t: number, trace: Trace): void {
  const resp = model.params.rules.responsiveness;
  if (ev.to >= 0) {
    impulse(state, ev.from, ev.to, ev.intensity, resp);
    if (ev.joint) impulse(state, ev.to, ev.from, ev.intensity, resp);
    if (ev.kind !== 'other') {
      for (let al = 0; al < model.alliances.length; al++) {
        const { a, b } = model.alliances[al];
        if ((ev.from === a && ev.to === b) || (ev.from === b && ev.to === a)) {
          if (ev.kind === 'force') state.lastForce[al] = t;
          else state.lastDefect[al] = t;
        }
      }
    }
  }
  for (const f of ev.effects) applyEffect(model, state, f);
  trace.event?.(t, ev);
}

/** Computes member i's contributions, value, outside option and margin in alliance `al` (side 0 or 1). */
function value(
  model: Model, state: RunState, v: PairView, al: number, side: number, i: number, j: number,
  enabled: boolean[], mechParams: Record<string, number>[],
): void {
  const ci = state.cap[i];
  const cj = state.cap[j];
  v.alliance = al; v.i = i; v.j = j; v.ci = ci; v.cj = cj;
  v.junior = ci < cj;
  v.ratio = ci < cj ? ci / cj : cj / ci;
  v.traitsI = currentTraits(model, state, i);
  v.traitsJ = currentTraits(model, state, j);
  const slot = al * 2 + side;
  v.slot = slot;
  let total = 0;
  for (let m = 0; m < M; m++) {
    let c = 0;
    if (enabled[m]) {
      v.params = mechParams[m];
      c = model.weights[i * M + m] * MECHANISM_FUNCTIONS[m](v);
    }
    state.contrib[slot * M + m] = c;
    total += c;
  }
  const rules = model.params.rules;
  // A third power's inducement is the wedge mechanism's term, so that it can be switched off like any other.
  const outside = model.outsideBase[i] + rules.selfReliance * (ci / (ci + cj) - 0.5);
  state.value[slot] = total;
  state.outside[slot] = outside;
  state.margin[slot] = total - outside;
}

/** The decision rule: with probability `activity` ally i acts toward j; the noisy latent picks the act. Returns 1 if it acted. */
function decide(model: Model, state: RunState, rng: RandomStream, al: number, side: number, i: number, j: number, trace: Trace): number {
  const r = model.params.rules;
  // Both draws are always taken so that one ally's choice never shifts the other's random numbers.
  const u = uniform(rng);
  const eps = logisticNoise(rng);
  const choose = trace.choose;
  if (u >= r.activity && choose === undefined) return 0;
  const { n, K } = state;
  const traits = currentTraits(model, state, i);
  const z = state.margin[al * 2 + side] / r.marginScale + r.reciprocity * state.rel[j * n + i] + r.noise * (0.5 + traits.risk) * eps;
  const t = state.month;
  let kind: ActKind;
  let issue = -1;
  if (z >= r.cooperateCut) {
    kind = state.cap[i] > state.cap[j] && state.aid[i * n + j] < 1 ? 'aid' : 'agree';
  } else if (z >= r.demandCut) {
    const d = j * n + i;
    if (state.demandIssue[d] >= 0 && t - state.demandMonth[d] <= 12) {
      kind = 'concede';
      issue = state.demandIssue[d];
    } else kind = 'consult';
  } else if (z >= r.criticiseCut) {
    issue = mostContested(model, state, i, j);
    kind = issue >= 0 ? 'demand' : 'criticise';
  } else if (z >= r.withholdCut) {
    kind = 'criticise';
  } else if (z >= r.defectCut) {
    kind = state.aid[i * n + j] > 0 ? 'withhold' : 'reduce';
  } else if (z >= r.forceCut || state.rel[i * n + j] > r.forceRelation) {
    kind = 'defect';
  } else {
    kind = 'force';
  }
  if (choose !== undefined) {
    const chosen = choose(t, al, i, j, kind, issue, z, u < r.activity);
    if (chosen === null || (chosen === undefined && u >= r.activity)) return 0;
    if (chosen !== undefined && chosen !== kind) {
      kind = chosen;
      issue = issueOf(model, state, kind, i, j);
    }
  }

  switch (kind) {
    case 'aid': state.aid[i * n + j] = Math.min(1, state.aid[i * n + j] + r.aidStep); break;
    case 'concede': {
      if (issue < 0) break; // only a chosen concession can lack a pending demand; it is then a gesture with no issue moved
      const x = state.pos[j * K + issue];
      const q = state.outcome[issue];
      const step = Math.min(r.concessionStep, Math.abs(x - q));
      state.outcome[issue] = q + (x > q ? step : -step);
      state.issueVersion++;
      state.demandIssue[j * n + i] = -1;
      break;
    }
    case 'demand':
      state.demandIssue[i * n + j] = issue;
      state.demandMonth[i * n + j] = t;
      break;
    case 'criticise':
      polarise(model, state, i, j, r.polarisation);
      if (state.cap[i] < state.cap[j]) state.hierarchy[al] = Math.max(0, state.hierarchy[al] - r.hierarchyErosion);
      break;
    case 'withhold': state.aid[i * n + j] *= 1 - r.aidCut; break;
    case 'defect': state.lastDefect[al] = t; break;
    case 'force': state.lastForce[al] = t; break;
    default: break;
  }
  impulse(state, i, j, ACTS[kind].goldstein, r.responsiveness);
  trace.act?.(t, al, i, j, kind, issue, z);
  return 1;
}

/** The issue a chosen act bears on, as the rule would pick it: a demand on the most contested issue, a concession on the partner's pending demand. */
function issueOf(model: Model, state: RunState, kind: ActKind, i: number, j: number): number {
  if (kind === 'demand') return mostContested(model, state, i, j);
  const d = j * state.n + i;
  if (kind === 'concede' && state.demandIssue[d] >= 0 && state.month - state.demandMonth[d] <= 12) return state.demandIssue[d];
  return -1;
}

/** The material or sovereignty issue on which i is furthest from the outcome, weighted by salience, if any is 5+ points off. */
function mostContested(model: Model, state: RunState, i: number, j: number): number {
  const K = state.K;
  let best = -1;
  let bestScore = 0;
  for (let k = 0; k < K; k++) {
    if (model.dimension[k] === DIMENSION.doctrine) continue;
    const x = state.pos[i * K + k];
    if (x !== x || state.pos[j * K + k] !== state.pos[j * K + k]) continue;
    const gap = Math.abs(x - state.outcome[k]);
    if (gap < 5) continue;
    const score = state.sal[i * K + k] * gap;
    if (score > bestScore) { bestScore = score; best = k; }
  }
  return best;
}

/** Polemics entrench: the critic's doctrine positions move away from its partner's. */
function polarise(model: Model, state: RunState, i: number, j: number, step: number): void {
  const K = state.K;
  for (let k = 0; k < K; k++) {
    if (model.dimension[k] !== DIMENSION.doctrine) continue;
    const xi = state.pos[i * K + k];
    const xj = state.pos[j * K + k];
    if (xi !== xi || xj !== xj) continue;
    const dir = xi >= xj ? 1 : -1;
    state.pos[i * K + k] = Math.min(100, Math.max(0, xi + dir * step));
    state.issueVersion++;
  }
}

/** Smooths the members' margins and sets the alliance's status from them, its defections, uses of force and relations. */
function updateStatus(model: Model, state: RunState, al: number, t: number, summary: RunSummary): void {
  const r = model.params.rules;
  const { a, b } = model.alliances[al];
  const n = state.n;
  for (let s = 0; s < 2; s++) {
    const slot = al * 2 + s;
    const prev = state.smoothed[slot];
    state.smoothed[slot] = prev !== prev ? state.margin[slot] : prev + r.statusMemory * (state.margin[slot] - prev);
  }
  const worst = Math.min(state.smoothed[al * 2], state.smoothed[al * 2 + 1]);
  let status: number;
  let reason: StatusReason;
  if (t - state.lastForce[al] < r.forceMemory) { status = 3; reason = 'force'; }
  else if (Math.max(state.rel[a * n + b], state.rel[b * n + a]) <= r.hostileRelation) { status = 3; reason = 'relations'; }
  else if (t - state.lastDefect[al] < r.defectionMemory) { status = 2; reason = 'defection'; }
  else if (worst < r.brokenMargin) { status = 2; reason = 'margin'; }
  else if (worst < r.strainedMargin) { status = 1; reason = 'margin'; }
  else { status = 0; reason = 'margin'; }
  const before = state.status[al];
  if (t === 0) summary.initial[al] = STATUSES[status];
  else if (status !== before) summary.changes.push({ month: t, alliance: al, from: STATUSES[before], to: STATUSES[status], reason });
  state.status[al] = status;
  if (status >= 2 && summary.firstBreak[al] < 0) summary.firstBreak[al] = t;
  if (status === 3 && summary.firstHostile[al] < 0) summary.firstHostile[al] = t;
}
