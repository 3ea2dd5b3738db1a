// The decision rule: each month a member picks the act that answers the term of its alliance value that falls short, given what
// it expects of its partner; noise only chooses between acts whose scores are close.
import { currentTraits } from '../mechanisms/pair.js';
import { gumbelOf, uniform, type RandomStream } from '../random/streams.js';
import { ACT, ACT_CATEGORIES, ACT_GOLDSTEIN, ACT_KINDS, CATEGORY, type ActKind } from './acts.js';
import { impulse } from './effects.js';
import { DIMENSION, type Model } from './model.js';
import { MECHANISM_IDS } from './parameters.js';
import { issueChanged, type IssueState, type RunState } from './state.js';
import type { Trace } from './trace.js';

/** The alternatives a member weighs; several share an act kind and differ in the issue and category they concern. */
export const OPTION = {
  aid: 0, agree: 1, concede: 2, consult: 3, demandSovereignty: 4, demandMaterial: 5, demandNuclear: 6, criticise: 7,
  withholdAid: 8, withholdNuclear: 9, reduce: 10, defect: 11, force: 12,
} as const;
/** How many options there are. */
export const OPTIONS = 13;
/** The act kind (ACT) each option is. */
export const KIND_OF = Int8Array.from([
  ACT.aid, ACT.agree, ACT.concede, ACT.consult, ACT.demand, ACT.demand, ACT.demand, ACT.criticise, ACT.withhold, ACT.withhold, ACT.reduce, ACT.defect, ACT.force,
]);
/** The dimension of each demand option (sovereignty, material, nuclear). */
export const DEMAND_DIMENSION = [DIMENSION.sovereignty, DIMENSION.material, DIMENSION.nuclear];
/**
 * The mechanism whose term each demand answers: with that mechanism switched off (an explanation without it) there is no
 * such demand.
 */
export const DEMAND_MECHANISM = ['autonomy', 'bargaining', 'nuclear'];
/** Each demand's mechanism as an index into MECHANISM_IDS. */
export const DEMAND_TERM = DEMAND_MECHANISM.map((m) => MECHANISM_IDS.indexOf(m));
const M = MECHANISM_IDS.length;
const TERM = Object.fromEntries(MECHANISM_IDS.map((m, k) => [m, k])) as Record<string, number>;
/** The category of an act on an issue, by the issue's dimension (material issues count as diplomatic). */
export const DIMENSION_CATEGORY = [CATEGORY.diplomatic, CATEGORY.sovereignty, CATEGORY.ideological, CATEGORY.nuclear];
const NONE = Number.NEGATIVE_INFINITY;

/** Scratch space of the rule, one per run: each option's score, the issue it concerns, and its random draw. */
export interface DecisionScratch {
  score: Float64Array;
  issue: Int32Array;
  /** Each option's 32-bit draw this month, turned into its Gumbel perturbation (times `spread`) only if the option is scored. */
  draw: Int32Array;
  spread: number;
}

/** Scratch space for the decision rule of one run. */
export function decisionScratch(): DecisionScratch {
  return { score: new Float64Array(OPTIONS), issue: new Int32Array(OPTIONS), draw: new Int32Array(OPTIONS), spread: 0 };
}

/** Option o's perturbation: its Gumbel draw scaled by the leader's spread. */
function noise(scratch: DecisionScratch, o: number): number {
  return scratch.spread * gumbelOf(scratch.draw[o]);
}

/**
 * Member i of alliance `al` (side 0 or 1, partner j) decides this month. With probability `activity` it acts; each option is
 * scored in units of alliance value, from the terms of its value that fall short and what it expects of its partner, plus a
 * small Gumbel perturbation; the best option is taken. Returns 1 if it acted.
 *
 * Scores (c_m its weighted terms, m its margin, m̄ the smoothed margin, m_j the partner's margin, R = reciprocity * rho_ji):
 * - agree: m + R; aid (the stronger member only): m + R + max(0, -m_j) + c_economy - a patron buys a wavering ally's loyalty;
 * - concede on the partner's pending demand: c_security + c_stakes + R - the value the concession costs i (security need);
 * - demand, on the issue of a dimension where i's salience-weighted gap is widest: the dimension's shortfall, how far its outcomes
 *   stand from i's positions (sum of s_ik |x_ik - q_k| / 100, weighted as the dimension's term): a sovereignty deficit leads
 *   to a demand on that issue, likewise material and nuclear ones;
 * - criticise (polemic on the widest doctrinal gap): the doctrinal and standing shortfalls max(0, -c_ideology) + max(0, -c_standing) - R;
 * - withhold aid: -c_economy - R; withhold nuclear help: -c_nuclear - R (different acts of one kind);
 *   each of these three is open only while its shortfall is positive: a hostile act answers a shortfall;
 * - reduce relations: -m̄/2 - R; consult: 0;
 * - defect, only after m̄ has stood below the outside option for `patience` months: -m̄ - R (the value of leaving);
 * - force, only once the alliance is broken and i's relation to j is below forceRelation: -m̄ * risk_i - R.
 */
export function decide(model: Model, state: RunState, rng: RandomStream, scratch: DecisionScratch, al: number, side: number, i: number, j: number, trace: Trace): number {
  const r = model.params.rules;
  // A fixed number of draws per member and month, so that one ally's choice never shifts the other's random numbers.
  const u = uniform(rng);
  const { score, issue, draw } = scratch;
  // The draws are taken whether or not the member acts; their logarithms only when it does (two thirds of months it does not).
  for (let o = 0; o < OPTIONS; o++) draw[o] = rng.next();
  const choose = trace.choose;
  if (u >= r.activity && choose === undefined) return 0;
  scratch.spread = r.noise * (0.5 + currentTraits(model, state, i).risk);

  scoreOptions(model, state, scratch, al, side, i, j);
  let best: number = OPTION.consult;
  for (let o = 0; o < OPTIONS; o++) if (score[o] > score[best]) best = o;
  let kind = KIND_OF[best];
  let on = issue[best];
  let option = best;
  const t = state.month;
  if (choose !== undefined) {
    const chosen = choose(t, al, i, j, ACT_KINDS[kind], on, score[best], u < r.activity);
    if (chosen === null || (chosen === undefined && u >= r.activity)) return 0;
    if (chosen !== undefined && chosen !== ACT_KINDS[kind]) {
      option = optionOf(chosen, scratch);
      kind = KIND_OF[option];
      on = issue[option];
    }
  }
  const category = applyOption(model, state, al, i, j, option, on);
  impulse(state, i, j, ACT_GOLDSTEIN[kind], r.responsiveness);
  trace.act?.(t, al, i, j, ACT_KINDS[kind], on, score[option], ACT_CATEGORIES[category]);
  return 1;
}

/** Scores each option: its perturbation plus what it is worth to i now (NONE where the option is not open). */
function scoreOptions(model: Model, state: RunState, scratch: DecisionScratch, al: number, side: number, i: number, j: number): void {
  const r = model.params.rules;
  const { score, issue } = scratch;
  const { n } = state;
  const slot = al * 2 + side;
  const other = al * 2 + 1 - side;
  const { contrib } = state;
  const at = slot * M;
  const margin = state.margin[slot];
  const smoothed = state.smoothed[slot];
  const partnerMargin = state.margin[other];
  const R = r.reciprocity * state.rel[j * n + i];
  // A loop, not fill(): for 13 cells the built-in's call costs more than the stores.
  for (let o = 0; o < OPTIONS; o++) issue[o] = -1;

  // Each open option's score is its perturbation plus its value; a closed option's is NONE (and needs no perturbation).
  score[OPTION.consult] = noise(scratch, OPTION.consult) + 0;
  score[OPTION.agree] = noise(scratch, OPTION.agree) + (margin + R);
  score[OPTION.aid] = state.cap[i] > state.cap[j] && state.aid[i * n + j] < 1
    ? noise(scratch, OPTION.aid) + margin + R + Math.max(0, -partnerMargin) + contrib[at + TERM.economy] : NONE;

  const pending = state.demandIssue[j * n + i];
  if (pending >= 0 && state.month - state.demandMonth[j * n + i] <= 12) {
    issue[OPTION.concede] = pending;
    score[OPTION.concede] = noise(scratch, OPTION.concede) + (contrib[at + TERM.security] + contrib[at + TERM.stakes] + R - concessionCost(model, state, i, j, pending));
  } else score[OPTION.concede] = NONE;

  for (let d = 0; d < 3; d++) {
    const o = OPTION.demandSovereignty + d;
    const k = model.params.enabled[DEMAND_MECHANISM[d]] ? widestGap(model, state, i, j, DEMAND_DIMENSION[d]) : -1;
    if (k < 0) { score[o] = NONE; continue; }
    issue[o] = k;
    score[o] = noise(scratch, o) + model.weights[i * M + DEMAND_TERM[d]] * issueWeight(model, d) * shortfall(model, state, i, j, DEMAND_DIMENSION[d]);
  }

  const polemic = Math.max(0, -contrib[at + TERM.ideology]) + Math.max(0, -contrib[at + TERM.standing]);
  // A hostile act answers a shortfall; reciprocity only makes it likelier against a hostile partner (reduce answers conduct alone).
  issue[OPTION.criticise] = widestDoctrinalGap(model, state, i, j);
  score[OPTION.criticise] = polemic > 0 ? noise(scratch, OPTION.criticise) + polemic - R : NONE;
  const aidCost = -contrib[at + TERM.economy];
  score[OPTION.withholdAid] = state.aid[i * n + j] > 0 && aidCost > 0 ? noise(scratch, OPTION.withholdAid) + aidCost - R : NONE;
  const retract = retractableNuclear(model, state, i, j);
  const nuclearCost = -contrib[at + TERM.nuclear];
  issue[OPTION.withholdNuclear] = retract;
  score[OPTION.withholdNuclear] = retract >= 0 && nuclearCost > 0 ? noise(scratch, OPTION.withholdNuclear) + nuclearCost - R : NONE;
  score[OPTION.reduce] = noise(scratch, OPTION.reduce) + (-smoothed / 2 - R);
  score[OPTION.defect] = state.below[slot] >= r.patience && state.severed[al] === 0 ? noise(scratch, OPTION.defect) - smoothed - R : NONE;
  score[OPTION.force] = state.severed[al] === 1 && state.rel[i * n + j] <= r.forceRelation
    ? noise(scratch, OPTION.force) - smoothed * currentTraits(model, state, i).risk - R : NONE;
}

const oneNumber = new Float64Array(1);

/** How far the outcomes of a dimension's issues held by both members stand from i's positions: sum of salience * gap / 100. */
export function shortfall(model: Model, state: IssueState, i: number, j: number, dimension: number): number {
  shortfallInto(model, state, i, j, dimension, oneNumber, 0);
  return oneNumber[0];
}

/** shortfall written into out[at]: the fused loop's form (see doctrineDistanceInto in pair.ts for why). */
export function shortfallInto(model: Model, state: IssueState, i: number, j: number, dimension: number, out: Float64Array, at: number): void {
  const K = state.K;
  const issues = model.issuesOf[dimension];
  let sum = 0;
  for (let q = 0; q < issues.length; q++) {
    const k = issues[q];
    const x = state.pos[i * K + k];
    if (x !== x || state.pos[j * K + k] !== state.pos[j * K + k]) continue;
    sum += (state.sal[i * K + k] * Math.abs(x - state.outcome[k])) / 100;
  }
  out[at] = sum;
}

/** The parameter that scales a demand dimension's issue term (autonomy.weight, bargaining.weight, nuclear.help). */
export function issueWeight(model: Model, d: number): number {
  const m = model.params.mechanisms;
  return d === 0 ? m.autonomy.weight : d === 1 ? m.bargaining.weight : m.nuclear.help;
}

/** What conceding `concessionStep` on issue k toward j's position costs i, in weighted value. */
export function concessionCost(model: Model, state: IssueState, i: number, j: number, k: number): number {
  const K = state.K;
  const x = state.pos[i * K + k];
  if (x !== x) return 0;
  const q = state.outcome[k];
  const target = state.pos[j * K + k];
  const step = Math.min(model.params.rules.concessionStep, Math.abs(target - q));
  // q - step, the same number as q + -step: a step of 0 negated is -0, on which V8's optimised decision gave way (deoptimised) in the first runs.
  const next = target > q ? q + step : q - step;
  const d = model.dimension[k];
  const dd = d === DIMENSION.sovereignty ? 0 : d === DIMENSION.nuclear ? 2 : 1;
  if (!model.params.enabled[DEMAND_MECHANISM[dd]]) return 0;
  const term = DEMAND_TERM[dd];
  return (model.weights[i * M + term] * issueWeight(model, dd) * state.sal[i * K + k] * (Math.abs(x - next) - Math.abs(x - q))) / 100;
}

/** The issue of a dimension, held by both members, on which i stands furthest from the outcome by salience (5+ points off), or -1. */
export function widestGap(model: Model, state: IssueState, i: number, j: number, dimension: number): number {
  const K = state.K;
  const issues = model.issuesOf[dimension];
  let best = -1;
  let bestScore = 0;
  for (let q = 0; q < issues.length; q++) {
    const k = issues[q];
    const x = state.pos[i * K + k];
    if (x !== x || state.pos[j * K + k] !== state.pos[j * K + k]) continue;
    const gap = Math.abs(x - state.outcome[k]);
    if (gap < 5) continue;
    const s = state.sal[i * K + k] * gap;
    if (s > bestScore) { bestScore = s; best = k; }
  }
  return best;
}

/** The doctrine issue on which the two members stand furthest apart, by i's salience, or -1. */
export function widestDoctrinalGap(model: Model, state: IssueState, i: number, j: number): number {
  const K = state.K;
  const issues = model.issuesOf[DIMENSION.doctrine];
  let best = -1;
  let bestScore = 0;
  for (let q = 0; q < issues.length; q++) {
    const k = issues[q];
    const xi = state.pos[i * K + k];
    const xj = state.pos[j * K + k];
    if (xi !== xi || xj !== xj) continue;
    const s = state.sal[i * K + k] * Math.abs(xi - xj);
    if (s > bestScore) { bestScore = s; best = k; }
  }
  return best;
}

/** A nuclear issue whose outcome the alliance has moved away from i's own position (help i has given and may take back), or -1. */
export function retractableNuclear(model: Model, state: IssueState, i: number, j: number): number {
  const K = state.K;
  const issues = model.issuesOf[DIMENSION.nuclear];
  for (let q = 0; q < issues.length; q++) {
    const k = issues[q];
    const x = state.pos[i * K + k];
    if (x !== x || state.pos[j * K + k] !== state.pos[j * K + k]) continue;
    if (Math.abs(x - state.outcome[k]) >= 5 && Math.abs(x - model.statusQuo[k]) < Math.abs(x - state.outcome[k])) return k;
  }
  return -1;
}

/** The option a chosen act kind stands for: the best-scoring open option of that kind, else the first of that kind. */
function optionOf(kind: ActKind, scratch: DecisionScratch): number {
  const want = ACT[kind];
  let best = -1;
  for (let o = 0; o < OPTIONS; o++) {
    if (KIND_OF[o] !== want) continue;
    if (best < 0 || (scratch.score[o] > scratch.score[best] && scratch.score[o] !== NONE)) best = o;
  }
  return best < 0 ? OPTION.consult : best;
}

/** Applies an option's effect on the state; returns the category it concerns. */
export function applyOption(model: Model, state: RunState, al: number, i: number, j: number, option: number, k: number): number {
  const r = model.params.rules;
  const { n, K } = state;
  const t = state.month;
  switch (option) {
    case OPTION.aid:
      state.aid[i * n + j] = Math.min(1, state.aid[i * n + j] + r.aidStep);
      return CATEGORY.aid;
    case OPTION.agree: return CATEGORY.treaty;
    case OPTION.consult: return CATEGORY.visit;
    case OPTION.concede: {
      // Only a chosen concession can lack a pending demand; it is then a gesture with no issue moved.
      if (k < 0) return CATEGORY.diplomatic;
      moveOutcome(model, state, k, state.pos[j * K + k]);
      state.demandIssue[j * n + i] = -1;
      return DIMENSION_CATEGORY[model.dimension[k]];
    }
    case OPTION.demandSovereignty: case OPTION.demandMaterial: case OPTION.demandNuclear:
      if (k < 0) return CATEGORY.diplomatic;
      state.demandIssue[i * n + j] = k;
      state.demandMonth[i * n + j] = t;
      return DIMENSION_CATEGORY[model.dimension[k]];
    case OPTION.criticise:
      polarise(model, state, i, j, r.polarisation);
      if (isJunior(model, state, al, i)) state.hierarchy[al] = Math.max(0, state.hierarchy[al] - r.hierarchyErosion);
      return CATEGORY.polemic;
    case OPTION.withholdAid:
      state.aid[i * n + j] *= 1 - r.aidCut;
      return CATEGORY.aid;
    case OPTION.withholdNuclear:
      if (k >= 0) moveOutcome(model, state, k, state.pos[i * K + k]);
      return CATEGORY.nuclear;
    case OPTION.reduce: return CATEGORY.diplomatic;
    case OPTION.defect:
      state.lastDefect[al] = t;
      state.severed[al] = 1;
      state.breaker[al] = i;
      return CATEGORY.diplomatic;
    case OPTION.force:
      state.lastForce[al] = t;
      state.breaker[al] = i;
      return CATEGORY.military;
    default: return CATEGORY.diplomatic;
  }
}

/** Whether i is the weaker member of alliance al by power share. */
function isJunior(model: Model, state: RunState, al: number, i: number): boolean {
  const side = model.alliances[al].a === i ? 0 : 1;
  return state.shareNow[al * 2 + side] < 0.5;
}

/** Moves issue k's outcome `concessionStep` toward a position. */
function moveOutcome(model: Model, state: RunState, k: number, toward: number): void {
  const q = state.outcome[k];
  const step = Math.min(model.params.rules.concessionStep, Math.abs(toward - q));
  state.outcome[k] = toward > q ? q + step : q - step;
  issueChanged(model, state, k);
}

/** Polemics entrench: the critic's doctrine positions move away from its partner's. */
function polarise(model: Model, state: RunState, i: number, j: number, step: number): void {
  const K = state.K;
  const issues = model.issuesOf[DIMENSION.doctrine];
  for (let q = 0; q < issues.length; q++) {
    const k = issues[q];
    const xi = state.pos[i * K + k];
    const xj = state.pos[j * K + k];
    if (xi !== xi || xj !== xj) continue;
    const dir = xi >= xj ? 1 : -1;
    state.pos[i * K + k] = Math.min(100, Math.max(0, xi + dir * step));
    issueChanged(model, state, k);
  }
}
