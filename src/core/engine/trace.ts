// What a run reports: the observer hooks of the month loop, and the summary every run returns however fast.
import type { ActCategory, ActKind } from './acts.js';
import type { CompiledEvent } from './model.js';
import type { RunState, STATUSES } from './state.js';

/** Observes a run as it goes; every method is optional so that fast runs pay nothing. */
export interface Trace {
  /** A scenario event was applied in month t. */
  event?(t: number, event: CompiledEvent): void;
  /**
   * Actor `from` took an act toward `to` within alliance `alliance` (an ally toward its partner, or a third power toward an ally);
   * `issue` is the issue index or -1; `latent` the score that chose it; `category` what the act concerns.
   */
  act?(t: number, alliance: number, from: number, to: number, kind: ActKind, issue: number, latent: number, category: ActCategory): void;
  /**
   * False when `act` never reads `latent` (a fit's loss, an ensemble's digest): the fused loop then spares the chosen option's
   * score, two logarithms an act, and passes NaN.
   */
  actLatent?: boolean;
  /** The month is over; the state holds its values, contributions and statuses. */
  month?(t: number, state: RunState): void;
  /**
   * The month is over (called after `month`): the net intensity of the month's acts and events per directed dyad
   * (from * n + to), as `state.coop` holds it. A caller that reads nothing else should ask for this, not `month`: the fused
   * loop serves it and declines `month`.
   */
  cooperation?(t: number, coop: Float64Array): void;
  /**
   * Counts the run adds up for its caller (an ensemble's digest): what `act` and `cooperation` would report, summed. The fused
   * loop keeps them itself, sparing the run the hundreds of calls those hooks cost; other loops fill them through the hooks.
   */
  tally?: Tally;
  /**
   * Lets a caller take an ally's decisions (play mode). When present it is asked at every decision of every ally, whether or
   * not the activity draw made the ally act (`active`); `proposed` is the act the rule's scores point to and `latent` its
   * score. Return undefined to keep the rule's choice (the proposed act if active, else none), null for no act, or the act to
   * take instead.
   */
  choose?(t: number, alliance: number, from: number, to: number, proposed: ActKind, issue: number, latent: number, active: boolean): ActKind | null | undefined;
}

/** What a run adds to for its caller (Trace.tally): its acts per alliance, and the monthly cooperation of some dyads summed per period. */
export interface Tally {
  /** Per alliance: the acts taken within it, by its members and by third powers toward them (every act `act` reports). */
  acts: Int32Array;
  /** The directed dyads (from * actors + to) whose cooperation is summed. */
  cells: Int32Array;
  /** Per month of the run: its period. */
  periodOf: Int32Array;
  /** How many periods there are. */
  periods: number;
  /** Per dyad and period, `[d * periods + period]`: the sum of the months' net intensities (what `cooperation` reports). */
  sums: Float64Array;
}

/** What set a status: a recent use of force, both relations deep in conflict, a defection not yet undone, or the smoothed margins. */
export type StatusReason = 'force' | 'relations' | 'defection' | 'margin';

/** A change of an alliance's status, and what set the new one. */
export interface StatusChange {
  month: number;
  alliance: number;
  from: (typeof STATUSES)[number];
  to: (typeof STATUSES)[number];
  reason: StatusReason;
}

/** What every run reports, however fast: status changes, the first break and its cause, and how many acts the allies took. */
export interface RunSummary {
  /** Per alliance: the status in the first month. */
  initial: (typeof STATUSES)[number][];
  changes: StatusChange[];
  /** Per alliance: first month (index from the period start) with status broken or hostile, or -1. */
  firstBreak: number[];
  /** Per alliance: what set the first break (a reason as above), or '' when it never broke. */
  firstBreakReason: (StatusReason | '')[];
  /**
   * Per alliance: whether the member that broke it (the defector, the user of force, else the member with the lower smoothed
   * margin) valued the alliance below its outside option, by its smoothed margin, in the month of the first break.
   */
  firstBreakBelow: boolean[];
  /** Per alliance: first month with status hostile, or -1. */
  firstHostile: number[];
  acts: number;
}
