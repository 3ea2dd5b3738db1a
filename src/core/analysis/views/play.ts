// Play mode: a person takes one ally's decisions over a window while the rule plays everyone else, then sees their path beside history and the rule.
import { ACTS, ALLY_ACT_KINDS, type ActKind } from '../../engine/acts.js';
import type { Model } from '../../engine/model.js';
import { MECHANISM_IDS, MECHANISMS } from '../../engine/parameters.js';
import { STATUSES } from '../../engine/state.js';
import { simulateModel, type RunResult } from '../../engine/simulate.js';
import { describeEntry, type DescribedEntry } from '../../output/event-log.js';
import type { PlayRoleSetting, Scenario } from '../../scenario/schema.js';
import { monthIndex, monthLabel } from '../../time/month.js';
import { declaredStatuses, UNDECLARED } from '../record/history.js';

/** A role a class can play, as the scenario declares it (`roles`): actor, leader, window, the choices offered and a briefing. */
export type PlayRole = PlayRoleSetting;

/** A choice at a decision point: an act kind, or no act this month. */
export type Choice = ActKind | 'none';
/** Every choice a player has, most cooperative first. */
export const CHOICES: Choice[] = [...ALLY_ACT_KINDS, 'none'];

/** A role placed in a compiled model: actor, partner and alliance indices, and the window as month indices from the period start. */
export interface ResolvedRole {
  role: PlayRole;
  actor: number;
  partner: number;
  alliance: number;
  side: number;
  first: number;
  last: number;
  /** The choices on the player's menu, most cooperative first. */
  menu: Choice[];
}

/** Places a role in a model: its actor, the first alliance the actor belongs to, the window; throws a RangeError when the scenario lacks them. */
export function resolveRole(model: Model, role: PlayRole): ResolvedRole {
  const actor = model.actorIds.indexOf(role.actor);
  if (actor < 0) throw new RangeError(`no actor "${role.actor}" in "${model.scenario.meta.title}"`);
  const alliance = model.alliances.findIndex((al) => al.a === actor || al.b === actor);
  if (alliance < 0) throw new RangeError(`${model.actorIds[actor]} is in no alliance of the scenario`);
  const al = model.alliances[alliance];
  const first = monthIndex(role.from) - model.start;
  const last = Math.min(monthIndex(role.to) - model.start, model.months - 1);
  if (first < 0 || first > last) throw new RangeError(`the window ${role.from}..${role.to} lies outside the scenario's period`);
  const menu = role.choices ? CHOICES.filter((c) => role.choices!.includes(c)) : CHOICES;
  return { role, actor, partner: al.a === actor ? al.b : al.a, alliance, side: al.a === actor ? 0 : 1, first, last, menu };
}

/** A mechanism's share in the player's alliance value at a decision. */
export interface Reason {
  mechanism: string;
  title: string;
  contribution: number;
}

/** One month's decision of the played actor: what the rule proposed and why, what the player chose, and what history did. */
export interface DecisionPoint {
  index: number;
  month: number;
  date: string;
  /** The act the rule's latent points to, whether or not its activity draw made it act this month. */
  proposed: ActKind;
  /** What the rule would have done: the proposed act, or none when its activity draw kept the actor quiet. */
  rule: Choice;
  latent: number;
  value: number;
  outside: number;
  margin: number;
  /** The three mechanisms that weigh most in the alliance value this month. */
  reasons: Reason[];
  /** The player's choice, once made. */
  chosen?: Choice;
  /** What the record says the actor did toward its partner that month. */
  history: { id: string; date: string; description: string; intensity: number; nearest: ActKind }[];
  /** What happened to the actor in the three months before: drivers and both allies' acts. */
  recent: DescribedEntry[];
}

/** A game in progress or over: the decision points so far, the index of the next one to answer, and the run as played. */
export interface PlayState {
  role: ResolvedRole;
  seed: number;
  decisions: DecisionPoint[];
  /** Index of the first unanswered decision; equals decisions.length when the game is over. */
  next: number;
  /** The run with the player's choices so far and the rule's choices after them. */
  result: RunResult;
}

/** The roles a scenario declares for play mode. */
export function rolesOf(scenario: Scenario): PlayRole[] {
  return scenario.roles ?? [];
}

/**
 * Replays the player's choices so far in the window and lets the rule play the rest; deterministic for a model, seed and choices.
 * @example let s = play(model, 7, resolveRole(model, scenario.roles[0]), []); s = play(model, 7, s.role, ['demand']);
 */
export function play(model: Model, seed: number, role: ResolvedRole, choices: readonly Choice[]): PlayState {
  const asked: { t: number; proposed: ActKind; latent: number; active: boolean }[] = [];
  const result = simulateModel(model, seed, 0, (t, al, from, _to, proposed, _issue, latent, active) => {
    if (al !== role.alliance || from !== role.actor || t < role.first || t > role.last) return undefined;
    const k = asked.length;
    asked.push({ t, proposed, latent, active });
    if (k >= choices.length) return undefined;
    return choices[k] === 'none' ? null : choices[k];
  });
  const decisions = asked.map((a, index) => decisionPoint(result, role, index, a, choices[index]));
  return { role, seed, decisions, next: Math.min(choices.length, decisions.length), result };
}

function decisionPoint(
  r: RunResult, role: ResolvedRole, index: number,
  a: { t: number; proposed: ActKind; latent: number; active: boolean }, chosen: Choice | undefined,
): DecisionPoint {
  const { model } = r;
  const T = model.months;
  const M = MECHANISM_IDS.length;
  const at = (role.alliance * 2 + role.side) * T + a.t;
  const reasons = MECHANISM_IDS.map((m, k) => ({ mechanism: m, title: MECHANISMS[m].title, contribution: r.contrib[at * M + k] }))
    .filter((x) => x.contribution !== 0)
    .sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution))
    .slice(0, 3);
  const actorId = model.actorIds[role.actor];
  const partnerId = model.actorIds[role.partner];
  const date = monthLabel(model.start + a.t);
  const history = model.scenario.events
    .filter((e) => e.role === 'record' && e.date.slice(0, 7) === date && ((e.from === actorId && e.to === partnerId) || (e.joint && e.from === partnerId && e.to === actorId)))
    .map((e) => ({ id: e.id, date: e.date, description: e.description, intensity: e.intensity, nearest: nearestAct(e.goldstein ?? e.intensity) }));
  let ordinal = 0;
  const recent: DescribedEntry[] = [];
  for (const e of r.log) {
    const d = describeEntry(r, e, e.type === 'simulated' ? ordinal++ : 0);
    if (e.month < a.t - 3 || e.month >= a.t) continue;
    if (d.from === actorId || d.to === actorId) recent.push(d);
  }
  return {
    index, month: a.t, date, proposed: a.proposed, rule: a.active ? a.proposed : 'none', latent: a.latent,
    value: r.value[at], outside: r.outside[at], margin: r.margin[at], reasons, chosen, history, recent,
  };
}

/** The act kind whose Goldstein weight is nearest a recorded act's weight: how a record event reads on the player's menu. */
export function nearestAct(goldstein: number): ActKind {
  let best: ActKind = ALLY_ACT_KINDS[0];
  for (const k of ALLY_ACT_KINDS) if (Math.abs(ACTS[k].goldstein - goldstein) < Math.abs(ACTS[best].goldstein - goldstein)) best = k;
  return best;
}

/** Whether a choice is cooperative (+1), conflictual (-1) or no act (0), by its Goldstein weight. */
export function direction(choice: Choice): number {
  return choice === 'none' ? 0 : Math.sign(ACTS[choice].goldstein);
}

/** The alliance's course from the window's opening in one run, or in the record: what a class's choices can move. */
export interface Outcome {
  /** The status when the window closes (null where the record declares none). */
  statusAtEnd: string | null;
  /** The first month broken or hostile from the window's opening on, as YYYY-MM, or null when it never comes. */
  breakFromWindow: string | null;
  /** Months allied or strained from the window's opening to the period's end, and how many months that span has. */
  monthsTogether: number;
  months: number;
}

/** How a finished game compares: months agreeing with the rule, months with a recorded act matched, and the three outcomes. */
export interface PlayVerdict {
  decisions: number;
  sameAsRule: number;
  historyMonths: number;
  sameDirectionAsHistory: number;
  /** First month broken or hostile over the whole period, as YYYY-MM (or null), in the played run and in the rule's own run. */
  yourBreak: string | null;
  ruleBreak: string | null;
  /** True when the alliance first broke before the window opened in both runs, so that first break cannot tell the paths apart. */
  brokeBeforeWindow: boolean;
  /** From the window's opening: the class's run, the model's own run (same seed), and the record's declared statuses. */
  yours: Outcome;
  model: Outcome;
  history: Outcome | null;
  /** The player's margin (alliance value minus outside option) when the window closes, in the two runs. */
  yourMargin: number;
  ruleMargin: number;
}

function outcomeOf(status: ArrayLike<number>, role: ResolvedRole, model: Model): Outcome {
  const T = model.months;
  let breakAt = -1;
  let together = 0;
  let months = 0;
  for (let t = role.first; t < T; t++) {
    if (status[t] === UNDECLARED) continue;
    months++;
    if (status[t] < 2) together++;
    else if (breakAt < 0) breakAt = t;
  }
  const end = status[role.last];
  return {
    statusAtEnd: end === UNDECLARED || end === undefined ? null : STATUSES[end],
    breakFromWindow: breakAt >= 0 ? monthLabel(model.start + breakAt) : null,
    monthsTogether: together,
    months,
  };
}

/** Compares a finished game with the rule's choices at each decision, with the record of the window, and with the model's own run and the record after it. */
export function verdict(state: PlayState, model: Model): PlayVerdict {
  const done = state.decisions.filter((d) => d.chosen !== undefined);
  const withHistory = done.filter((d) => d.history.length > 0);
  const ruleRun = simulateModel(model, state.seed, 0);
  const { role } = state;
  const T = model.months;
  const breakOf = (r: RunResult) => {
    const t = r.summary.firstBreak[role.alliance];
    return t >= 0 ? monthLabel(model.start + t) : null;
  };
  const statusOf = (r: RunResult) => r.status.subarray(role.alliance * T, role.alliance * T + T);
  const firstOf = (r: RunResult) => r.summary.firstBreak[role.alliance];
  const declared = declaredStatuses(model.scenario, model.scenario.alliances[role.alliance]);
  const at = (role.alliance * 2 + role.side) * T + role.last;
  return {
    decisions: done.length,
    sameAsRule: done.filter((d) => d.chosen === d.rule).length,
    historyMonths: withHistory.length,
    sameDirectionAsHistory: withHistory.filter((d) => d.history.some((h) => direction(h.nearest) === direction(d.chosen as Choice))).length,
    yourBreak: breakOf(state.result),
    ruleBreak: breakOf(ruleRun),
    brokeBeforeWindow: [state.result, ruleRun].every((r) => firstOf(r) >= 0 && firstOf(r) < role.first),
    yours: outcomeOf(statusOf(state.result), role, model),
    model: outcomeOf(statusOf(ruleRun), role, model),
    history: declared.some((d) => d !== UNDECLARED) ? outcomeOf(declared, role, model) : null,
    yourMargin: state.result.margin[at],
    ruleMargin: ruleRun.margin[at],
  };
}
