// The mutable state of one run: flat typed arrays per actor, per directed dyad, per issue and per alliance.
import { DIMENSIONS, type Model } from './model.js';
import { MECHANISM_IDS } from './parameters.js';

/** Alliance statuses, from closest to worst. */
export const STATUSES = ['allied', 'strained', 'broken', 'hostile'] as const;
/** An alliance pair's status. */
export type Status = (typeof STATUSES)[number];

/** State of a run at the current month. Dyad arrays are indexed `from * n + to`. */
export interface RunState {
  n: number;
  K: number;
  month: number;
  /** Effective capability this month (base times the capability effects so far), read from the model's power schedule. */
  cap: Float64Array;
  /** Directed relation, -1 hostile .. +1 close. */
  rel: Float64Array;
  /** The level each directed relation drifts back to now: its stated baseline, or a rivalry's hostility while it lasts. */
  relBase: Float64Array;
  aid: Float64Array;
  inducement: Float64Array;
  /** Position (NaN when the actor holds no stance) and salience per actor per issue (`actor * K + issue`). */
  pos: Float64Array;
  sal: Float64Array;
  /** The current outcome (status quo) of each issue. */
  outcome: Float64Array;
  /** Senior partner's leadership of the bloc per alliance. */
  hierarchy: Float64Array;
  leader: Int32Array;
  /** This month's summed act intensity per directed dyad. */
  coop: Float64Array;
  /** Last demand per directed dyad: issue index (-1 none) and month. */
  demandIssue: Int32Array;
  demandMonth: Int32Array;
  /** Per alliance: month of the last defection and use of force (-1e9 none), current status, smoothed margins of a and b. */
  lastDefect: Int32Array;
  lastForce: Int32Array;
  /** Per alliance: 1 while a member's defection has broken it and the margins have not yet restored it. */
  severed: Int8Array;
  /** Per alliance: the member that last defected or used force (-1 none). */
  breaker: Int32Array;
  /** Per member slot: consecutive months its smoothed margin has stood below its outside option. */
  below: Int32Array;
  /** Per alliance: consecutive months both smoothed margins have stood `restoreMargin` above the outside options. */
  above: Int32Array;
  /** Per member slot: the power share now and the one expected `horizon` years ahead. */
  shareNow: Float64Array;
  shareAhead: Float64Array;
  status: Int8Array;
  smoothed: Float64Array;
  /** Per alliance and member (alliance * 2 + side): contributions per mechanism, value, outside option, margin. */
  contrib: Float64Array;
  value: Float64Array;
  outside: Float64Array;
  margin: Float64Array;
  /** Bumped whenever a position, salience or outcome changes (issueChanged), so issue terms are recomputed only then. */
  issueVersion: number;
  /**
   * Per dimension, the issueVersion of its last change: a term that reads one dimension's issues stays good while its own
   * dimension is unchanged, whatever happens on the others (polemics move doctrine only, a concession one outcome).
   */
  dimensionChanged: Int32Array;
  /** Per member slot and dimension (slot * DIMENSIONS + dimension): the issue term and the version it was computed at. */
  issueMemo: Float64Array;
  issueMemoVersion: Int32Array;
  /** Bumped each time the state is reset for a new run, so that a memo keyed by the state object knows a new run began. */
  generation: number;
}

/** A month long before any run: "never happened" for the months of the last defection, use of force and demand. */
export const NEVER = -1_000_000_000;

/** A fresh state at the start of the period. */
export function initialState(model: Model): RunState {
  const n = model.actorIds.length;
  const K = model.issueIds.length;
  const A = model.alliances.length;
  return resetState(model, {
    n,
    K,
    month: 0,
    cap: new Float64Array(n),
    rel: new Float64Array(n * n),
    relBase: new Float64Array(n * n),
    aid: new Float64Array(n * n),
    inducement: new Float64Array(n * n),
    pos: new Float64Array(n * K),
    sal: new Float64Array(n * K),
    outcome: new Float64Array(K),
    hierarchy: new Float64Array(A),
    leader: new Int32Array(n),
    coop: new Float64Array(n * n),
    demandIssue: new Int32Array(n * n),
    demandMonth: new Int32Array(n * n),
    lastDefect: new Int32Array(A),
    lastForce: new Int32Array(A),
    severed: new Int8Array(A),
    breaker: new Int32Array(A),
    below: new Int32Array(A * 2),
    above: new Int32Array(A),
    shareNow: new Float64Array(A * 2),
    shareAhead: new Float64Array(A * 2),
    status: new Int8Array(A),
    smoothed: new Float64Array(A * 2),
    contrib: new Float64Array(A * 2 * MECHANISM_IDS.length),
    value: new Float64Array(A * 2),
    outside: new Float64Array(A * 2),
    margin: new Float64Array(A * 2),
    issueVersion: 0,
    dimensionChanged: new Int32Array(DIMENSIONS),
    issueMemo: new Float64Array(A * 2 * DIMENSIONS),
    issueMemoVersion: new Int32Array(A * 2 * DIMENSIONS),
    generation: 0,
  });
}

/** Puts a state of this model back at the start of the period, so that runs can reuse its arrays instead of allocating them. */
export function resetState(model: Model, s: RunState): RunState {
  s.month = 0;
  s.cap.fill(0);
  s.rel.set(model.relation0);
  s.relBase.set(model.relationBase);
  s.aid.set(model.aid0);
  s.inducement.set(model.inducement0);
  s.pos.fill(Number.NaN);
  s.sal.fill(0);
  s.outcome.set(model.statusQuo);
  for (let al = 0; al < model.alliances.length; al++) s.hierarchy[al] = model.alliances[al].hierarchy;
  s.leader.set(model.initialLeader);
  s.coop.fill(0);
  s.demandIssue.fill(-1);
  s.demandMonth.fill(NEVER);
  s.lastDefect.fill(NEVER);
  s.lastForce.fill(NEVER);
  s.severed.fill(0);
  s.breaker.fill(-1);
  s.below.fill(0);
  s.above.fill(0);
  s.shareNow.fill(0);
  s.shareAhead.fill(0);
  s.status.fill(0);
  s.smoothed.fill(Number.NaN);
  s.contrib.fill(0);
  s.value.fill(0);
  s.outside.fill(0);
  s.margin.fill(0);
  s.issueVersion = 0;
  s.dimensionChanged.fill(0);
  s.issueMemo.fill(0);
  s.issueMemoVersion.fill(-1);
  s.generation++;
  return s;
}

/** Records that a position, salience or outcome of issue k changed, so that the terms reading its dimension are worked out again. */
export function issueChanged(model: Model, state: RunState, k: number): void {
  state.dimensionChanged[model.dimension[k]] = ++state.issueVersion;
}

/** The part of a run's state the issue queries read (positions, saliences and outcomes), so that a loop keeping its own arrays can ask them too. */
export type IssueState = Pick<RunState, 'K' | 'pos' | 'sal' | 'outcome'>;
