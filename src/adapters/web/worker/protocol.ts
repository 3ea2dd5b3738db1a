// Messages between the page and the engine worker, and the plain view data the worker sends back (structured-clone safe).
import type { PlayVerdict, DecisionPoint, Choice } from '../../../core/analysis/views/play.js';
import type { StatusAgreement } from '../../../core/analysis/record/history.js';
import type { TriangleYear } from '../../../core/analysis/views/triangle.js';
import type { RecordTriangleYear } from '../../../core/analysis/views/triangle-record.js';
import type { BargainingProblem } from '../../../core/bargaining/types.js';
import type { Diagnostic } from '../../../core/scenario/diagnostic.js';
import type { ModelAnswer, TableIssue } from './bargain-view.js';
import type { Counterfactual } from '../state/counterfactual.js';

/** A scenario event as the timeline shows it, its sources resolved from the bibliography. */
export interface EventView {
  id: string;
  date: string;
  /** The last date of an event that spans months, or ''. */
  end: string;
  month: number;
  role: 'driver' | 'record';
  from: string;
  to: string;
  category: string;
  intensity: number;
  weis: string;
  description: string;
  sources: string[];
  effects: string[];
  note: string;
}

/** A parameter the counterfactual sliders can move. */
export interface ParamView {
  key: string;
  group: string;
  name: string;
  value: number;
  min: number;
  max: number;
  judgement: string;
}

/** What happened to an alliance, as the scenario declares it: statuses by period (index per month, -1 undeclared) and turning points. */
export interface HistoryView {
  declared: number[];
  periods: { from: string; to: string; status: string; judgement: string; sources: string[] }[];
  turningPoints: { label: string; date: string; month: number; event: string; description: string; sources: string[] }[];
}

/** A role of play mode as the page lists it. */
export interface RoleView {
  id: string;
  title: string;
  leader: string;
  actor: string;
  from: string;
  to: string;
  brief: string;
  sources: string[];
  questions: string[];
  available: boolean;
}

/** What the page needs to know about a loaded scenario. */
export interface ScenarioView {
  id: string;
  title: string;
  description: string;
  start: string;
  end: string;
  months: number;
  seed: number;
  actors: { id: string; name: string; cow: number | null }[];
  alliances: { id: string; name: string; a: string; b: string; history: HistoryView }[];
  events: EventView[];
  mechanisms: { id: string; title: string; theory: string; enabled: boolean }[];
  params: ParamView[];
  explanations: { id: string; name: string; mechanisms: string[]; description: string }[];
  /** The triple for the strategic triangle, when the scenario has three actors that fit. */
  triangle: [string, string, string] | null;
  playRoles: RoleView[];
}

/** One member's alliance value series: total, outside option, and contribution per mechanism, month by month. */
export interface MemberSeries {
  actor: string;
  partner: string;
  value: number[];
  outside: number[];
  contrib: Record<string, number[]>;
}

/** The data of one alliance in a run. */
export interface AllianceView {
  id: string;
  name: string;
  members: [MemberSeries, MemberSeries];
  status: number[];
  /** Monthly cooperation per direction: the model's own acts, and the record's acts. */
  cooperation: { from: string; to: string; simulated: number[]; recorded: number[] }[];
  firstBreak: string | null;
  /** Months whose status the scenario declares, and how many of them the run matches (exactly, and together-or-apart). */
  agreement: StatusAgreement;
}

/** Where a fan of runs puts the first break of each alliance. */
export interface FanView {
  runs: number;
  alliances: { id: string; broke: number; median: string | null; p25: string | null; p75: string | null; byYear: { year: number; runs: number }[] }[];
  ms: number;
}

/** A recorded run of the current counterfactual, shaped for the charts. */
export interface RunView {
  labels: string[];
  alliances: AllianceView[];
  triangle: TriangleYear[];
  /** The same three actors' triangle from the scenario's events, year by year: what happened. */
  recordTriangle: RecordTriangleYear[];
  story: string;
  /** Scenario event ids applied, and the model's own acts, month by month, for the timeline's third lane. */
  acts: { month: number; from: string; to: string; act: string; intensity: number }[];
  fan: FanView;
  /** Changes of the counterfactual that cannot affect this run, each with the reason. */
  warnings: string[];
  /** Milliseconds spent in the worker: compile + one recorded run, and the whole request. */
  runMs: number;
  totalMs: number;
}

/** A set of mechanisms scored against the record. */
export interface ExplanationScore {
  id: string;
  name: string;
  mechanisms: string[];
  rmse: number;
  nullRmse: number;
  medianBreak: string | null;
  brokeShare: number;
}

/** The search budget of a held-out comparison run in the browser: far smaller than the command line's defaults. */
export interface CompareBudget {
  seeds: number;
  restarts: number;
  evaluations: number;
  runs: number;
}

/** The analysis module's comparison of the declared explanations (fit on a training window, scored out of sample), in brief. */
export interface ComparisonView {
  train: string;
  test: string;
  every: string;
  measure: string;
  rows: { id: string; name: string; mechanisms: string[]; rank: number; rmse: number; correlation: number | null; logScore: number; weight: number }[];
  baselines: { name: string; rmse: number; correlation: number | null }[];
  ms: number;
}

/** A game of play mode as the page shows it. */
export interface PlayView {
  roleId: string;
  title: string;
  brief: string;
  actor: string;
  partner: string;
  actorId: string;
  partnerId: string;
  /** The choices on the player's menu. */
  menu: Choice[];
  decisions: DecisionPoint[];
  next: number;
  verdict: PlayVerdict | null;
  status: { date: string; status: string }[];
}

/** Requests from the page. */
export type { ModelAnswer, TableIssue } from './bargain-view.js';

export type Request =
  | { type: 'load'; id: string; text: string; file: string; parsed?: unknown }
  | { type: 'validate'; text: string; file: string }
  | { type: 'run'; cf: Counterfactual; fanRuns: number }
  | { type: 'fan'; cf: Counterfactual; runs: number }
  | { type: 'explain'; cf: Counterfactual; sets: { id: string; name: string; mechanisms: string[] }[]; seeds: number }
  | { type: 'play'; cf: Counterfactual; role: string; choices: Choice[] }
  | { type: 'bench'; cf: Counterfactual; repeats: number; fanRuns: number }
  | { type: 'compare'; cf: Counterfactual; budget: CompareBudget }
  | { type: 'table'; source: { scenario: string; date: string } | { text: string; file: string } }
  | { type: 'bargain'; problem: BargainingProblem; seed: number };

/** Replies, by request type. */
export type Reply =
  | { type: 'load'; ok: true; scenario: ScenarioView }
  | { type: 'load'; ok: false; diagnostics: Diagnostic[] }
  | { type: 'validate'; diagnostics: Diagnostic[]; total: number }
  | { type: 'run'; run: RunView }
  | { type: 'fan'; fan: FanView }
  | { type: 'explain'; scores: ExplanationScore[] }
  | { type: 'play'; play: PlayView }
  | { type: 'bench'; single: number[]; fan: number[] }
  | { type: 'compare'; comparison: ComparisonView }
  | { type: 'table'; issues: TableIssue[]; diagnostics: Diagnostic[] }
  | { type: 'bargain'; answers: ModelAnswer[] }
  | { type: 'error'; message: string };
