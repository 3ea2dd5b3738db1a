// What a mechanism sees: one ally (i) judging its alliance with a partner (j) this month.
import { DIMENSION, DIMENSIONS, type Model } from '../engine/model.js';
import type { IssueState, RunState } from '../engine/state.js';
import type { Traits } from '../scenario/schema.js';

/** One member's view of its alliance this month; mechanisms read it and return an unweighted term. */
export interface PairView {
  model: Model;
  state: RunState;
  /** Index of the alliance in model.alliances. */
  alliance: number;
  /** The member's slot (alliance * 2 + side), or -1 for an ad-hoc view whose issue terms are not memoised. */
  slot: number;
  i: number;
  j: number;
  /** CINC capabilities this month (what aggregates against third powers). */
  ci: number;
  cj: number;
  /** Whether i is the weaker member of the pair by power share this month. */
  junior: boolean;
  /** Power ratio of the weaker to the stronger member, in (0, 1]: CINC, with military spending and personnel where given. */
  ratio: number;
  /** i's share of the pair's power this month, and the share it expects `horizon` years ahead from the recent trend. */
  share: number;
  forecast: number;
  traitsI: Traits;
  traitsJ: Traits;
  /** The mechanism's own parameters. */
  params: Record<string, number>;
}

/** Traits of a leaderless actor: midway on every scale. */
export const NEUTRAL_TRAITS: Traits = { ambition: 0.5, mistrust: 0.5, risk: 0.5 };

/** The traits of the leader an actor has in office now. */
export function currentTraits(model: Model, state: RunState, actor: number): Traits {
  const l = state.leader[actor];
  return l < 0 ? NEUTRAL_TRAITS : model.leaders[actor].traits[l];
}

/**
 * What the alliance gains i on the issues of one dimension that both members hold a stance on: per issue, i's salience times how
 * much nearer the outcome stands to i's position than the outcome without the alliance would, on the 0-100 scale; summed, not
 * averaged, so that a partner's new demand adds nothing until an outcome moves. The outcome without the alliance is the issue's
 * stated status quo (the period's first month), the point the scenario judges the issue would rest at with no alliance bargain.
 */
export function issueGain(v: PairView, dimension: number): number {
  return issueGainAt(v.model, v.state, v.slot, v.i, v.j, dimension);
}

/** issueGain for member i (partner j) in member slot `slot` (-1: not memoised), without a view. */
export function issueGainAt(model: Model, state: RunState, slot: number, i: number, j: number, dimension: number): number {
  return memo(model, state, slot, i, j, dimension, issueGainOf);
}

/**
 * The salience-weighted distance (0..1) between the two members' doctrine positions, as i weighs them; -1 when they share no
 * doctrine issue.
 */
export function doctrineDistance(v: PairView): number {
  return doctrineDistanceAt(v.model, v.state, v.slot, v.i, v.j);
}

/** doctrineDistance for member i (partner j) in member slot `slot` (-1: not memoised), without a view. */
export function doctrineDistanceAt(model: Model, state: RunState, slot: number, i: number, j: number): number {
  return memo(model, state, slot, i, j, DIMENSION.doctrine, doctrineDistanceOf);
}

/** Issue terms change only when a position, salience or outcome of their own dimension does: reuse the last value until then. */
function memo(
  model: Model, state: RunState, slot: number, i: number, j: number, dimension: number,
  compute: (model: Model, state: RunState, i: number, j: number, dimension: number) => number,
): number {
  if (slot < 0) return compute(model, state, i, j, dimension);
  const at = slot * DIMENSIONS + dimension;
  if (state.issueMemoVersion[at] >= state.dimensionChanged[dimension]) return state.issueMemo[at];
  const x = compute(model, state, i, j, dimension);
  state.issueMemo[at] = x;
  state.issueMemoVersion[at] = state.issueVersion;
  return x;
}

/**
 * The -Of functions below work out an issue term from the positions themselves, never memoised; the -Into forms write it into
 * out[at], as the fused loop keeps it. The -Into forms hold the arithmetic: a double that a function V8 does not inline returns
 * to the loop is put in a new heap object (a sampling heap profile showed some 2 KB a run of them), while one stored in a
 * typed array is not. The -Of forms read it back from a one-number array.
 */
const oneNumber = new Float64Array(1);

/** doctrineDistance worked out from the positions themselves, never memoised. */
export function doctrineDistanceOf(model: Model, state: IssueState, i: number, j: number): number {
  doctrineDistanceInto(model, state, i, j, oneNumber, 0);
  return oneNumber[0];
}

/** doctrineDistanceOf written into out[at]. */
export function doctrineDistanceInto(model: Model, state: IssueState, i: number, j: number, out: Float64Array, at: number): void {
  const K = state.K;
  const issues = model.issuesOf[DIMENSION.doctrine];
  let num = 0;
  let den = 0;
  for (let q = 0; q < issues.length; q++) {
    const k = issues[q];
    const xi = state.pos[i * K + k];
    const xj = state.pos[j * K + k];
    if (xi !== xi || xj !== xj) continue;
    const s = state.sal[i * K + k];
    num += (s * Math.abs(xi - xj)) / 100;
    den += s;
  }
  out[at] = den > 0 ? num / den : -1;
}

/** issueGain on one dimension worked out from the positions and outcomes themselves, never memoised. */
export function issueGainOf(model: Model, state: IssueState, i: number, j: number, dimension: number): number {
  issueGainInto(model, state, i, j, dimension, oneNumber, 0);
  return oneNumber[0];
}

/** issueGainOf written into out[at]. */
export function issueGainInto(model: Model, state: IssueState, i: number, j: number, dimension: number, out: Float64Array, at: number): void {
  const K = state.K;
  const issues = model.issuesOf[dimension];
  let sum = 0;
  for (let q = 0; q < issues.length; q++) {
    const k = issues[q];
    const x = state.pos[i * K + k];
    if (x !== x || state.pos[j * K + k] !== state.pos[j * K + k]) continue;
    sum += (state.sal[i * K + k] * (Math.abs(x - model.statusQuo[k]) - Math.abs(x - state.outcome[k]))) / 100;
  }
  out[at] = sum;
}
