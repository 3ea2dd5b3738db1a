// The compiled model: a scenario turned into flat arrays and a month-by-month schedule, ready for fast runs.
import type { ReplayCodeTable, Scenario, ScenarioEvent, Traits } from '../scenario/schema.js';
import { DEFAULT_REPLAY_CODES, weisMatches } from './replay-codes.js';

/** Whether a run predicts from drivers only, or also replays the record. */
export type RunMode = 'predict' | 'replay';

/** Operation codes of compiled effects. */
export const OP = {
  capability: 0,
  aid: 1,
  threat: 2,
  relation: 3,
  position: 4,
  salience: 5,
  concession: 6,
  leader: 7,
  inducement: 8,
  hierarchy: 9,
} as const;

/** One typed change to the state: `a`, `b` actor indices, `k` issue or alliance index, `v` value, `rel` whether `v` is relative. */
export interface CompiledEffect {
  op: number;
  a: number;
  b: number;
  k: number;
  v: number;
  rel: boolean;
}

/** A scenario event ready to apply. */
export interface CompiledEvent {
  /** Index into the scenario's events. */
  index: number;
  from: number;
  to: number;
  joint: boolean;
  intensity: number;
  /** What the act counts as for statuses: a defection or a use of force, when it is one. */
  kind: 'other' | 'defect' | 'force';
  effects: CompiledEffect[];
}

/** A scheduled stance: from month `month`, `actor` holds `position` on `issue` with `salience`. */
export interface ScheduledPosition {
  month: number;
  actor: number;
  issue: number;
  position: number;
  salience: number;
}

/** A change of a directed relation's baseline from month `month` on: a rivalry starting or ending (dyad = from * n + to). */
export interface BaselineChange {
  month: number;
  dyad: number;
  value: number;
}

/** An alliance pair, by actor index. */
export interface CompiledAlliance {
  id: string;
  a: number;
  b: number;
  hierarchy: number;
  /** First and last month (run offsets, inclusive) the alliance exists: from its signature to its end, within the run. */
  from: number;
  to: number;
}

/** Whether the alliance exists in month t: from its signature to its end, as compiled. */
export function inForce(alliance: CompiledAlliance, t: number): boolean {
  return t >= alliance.from && t <= alliance.to;
}

/** Resolved parameter values, by mechanism and by rule. */
export interface ResolvedParameters {
  mechanisms: Record<string, Record<string, number>>;
  rules: Record<string, number>;
  enabled: Record<string, boolean>;
}

/** Everything a run needs, with no reference back to the text it came from. */
export interface Model {
  scenario: Scenario;
  mode: RunMode;
  start: number;
  months: number;
  actorIds: string[];
  issueIds: string[];
  dimension: Uint8Array;
  /** Issue indices of each dimension (indexed by DIMENSION), so that mechanisms loop only over their own issues. */
  issuesOf: Int32Array[];
  /** Base capability per actor per month (actor * months + t). */
  capability: Float64Array;
  relation0: Float64Array;
  /** Aid and inducement flowing at the start (the scenario's `initial`), per directed dyad `from * n + to`. */
  aid0: Float64Array;
  inducement0: Float64Array;
  /** The level each directed relation drifts back to without acts (the scenario's baseline, else 0). */
  relationBase: Float64Array;
  /** Rivalries starting and ending, sorted by month; those of month t are baselineChanges[baselineStart[t]] .. [baselineStart[t+1]-1]. */
  baselineChanges: BaselineChange[];
  baselineStart: Int32Array;
  /** Stated stakes per member slot (slot * 3 + 0 position, 1 denial, 2 cohesion), 0 where the scenario states none. */
  stakes: Float64Array;
  /**
   * Per alliance and month (alliance * months + t): member a's share of the pair's military spending and personnel, averaged, or
   * NaN where either member lacks them; the loop averages it with the CINC share (which capability effects move).
   */
  militaryShare: Float64Array;
  statusQuo: Float64Array;
  positions: ScheduledPosition[];
  /** Positions starting at month t are positions[positionStart[t]] .. positions[positionStart[t+1]-1]. */
  positionStart: Int32Array;
  events: CompiledEvent[];
  /** Events of month t are events[eventStart[t]] .. events[eventStart[t+1]-1]. */
  eventStart: Int32Array;
  alliances: CompiledAlliance[];
  /** Normalised interest weight per actor per mechanism (actor * M + m). */
  weights: Float64Array;
  outsideBase: Float64Array;
  /** Leader traits per actor: the leaders in declaration order, and the index of the one in office at the start. */
  leaders: { ids: string[]; traits: Traits[] }[];
  initialLeader: Int32Array;
  params: ResolvedParameters;
  /** Scenario events left out of this run (by id), for counterfactuals. */
  without: string[];
}

/** Dimensions of issues as small integers. */
export const DIMENSION = { material: 0, sovereignty: 1, doctrine: 2, nuclear: 3 } as const;

/** How many issue dimensions there are. */
export const DIMENSIONS = Object.keys(DIMENSION).length;

/** The record-kind of an act by its WEIS code and the scenario's replay codes (see replay-codes.ts). */
export function actKindOfWeis(weis: string | undefined, codes: ReplayCodeTable = DEFAULT_REPLAY_CODES): CompiledEvent['kind'] {
  if (weisMatches(weis, codes.defection)) return 'defect';
  if (weisMatches(weis, codes.force)) return 'force';
  return 'other';
}

/** Whether a scenario event is an input to this mode of run (the only place the role is read). */
export function isInput(event: Pick<ScenarioEvent, 'role'>, mode: RunMode): boolean {
  return event.role === 'driver' || mode === 'replay';
}
