// The month loop written flat for speed: every parameter read once per run, every mechanism called directly with plain
// numbers, no view object, and the decision rule's noise turned into logarithms only for options that could still win.
// It computes what the readable loop (run.ts, valuation.ts, decision.ts) computes, operation for operation in the same
// order, so that its outputs are bit-identical; flat-run.test.ts holds it to that over every shipped scenario.
import { autonomyTerm } from '../mechanisms/autonomy.js';
import { commitmentTerm } from '../mechanisms/commitment.js';
import { economyTerm } from '../mechanisms/economy.js';
import { ideologyTerm } from '../mechanisms/ideology.js';
import { nuclearTerm } from '../mechanisms/nuclear.js';
import { doctrineDistanceAt, issueGainAt, NEUTRAL_TRAITS } from '../mechanisms/pair.js';
import { personalityTerm } from '../mechanisms/personality.js';
import { securityTerm } from '../mechanisms/security.js';
import { stakesTerm } from '../mechanisms/stakes.js';
import { standingTerm } from '../mechanisms/standing.js';
import { wedgeTerm } from '../mechanisms/wedge.js';
import { gumbelOf, type RandomStream } from '../random/streams.js';
import { ACT_CATEGORIES, ACT_GOLDSTEIN, ACT_KINDS } from './acts.js';
import {
  applyOption, concessionCost, DEMAND_DIMENSION, DEMAND_MECHANISM, DEMAND_TERM, issueWeight, KIND_OF, OPTION, OPTIONS,
  retractableNuclear, shortfall, widestDoctrinalGap, widestGap,
} from './decision.js';
import { impulse } from './effects.js';
import { checkFinite } from './finite.js';
import { DIMENSION, DIMENSIONS, inForce, type Model } from './model.js';
import { monthInputs } from './month-inputs.js';
import { MECHANISM_IDS } from './parameters.js';
import { powerSchedule } from './power-schedule.js';
import type { RunState } from './state.js';
import { updateStatus } from './status.js';
import { thirdPowersAct } from './third-power.js';
import type { RunSummary, Trace } from './trace.js';
import { clearValuation } from './valuation.js';

const M = MECHANISM_IDS.length;
const NONE = Number.NEGATIVE_INFINITY;
// Each mechanism's index in MECHANISM_IDS, as literals the compiler can fold (checked against MECHANISM_IDS below).
const SECURITY = 0;
const ECONOMY = 1;
const STANDING = 2;
const AUTONOMY = 3;
const IDEOLOGY = 4;
const BARGAINING = 5;
const PERSONALITY = 6;
const WEDGE = 7;
const NUCLEAR = 8;
const STAKES = 9;
const COMMITMENT = 10;
const ORDER = ['security', 'economy', 'standing', 'autonomy', 'ideology', 'bargaining', 'personality', 'wedge', 'nuclear', 'stakes', 'commitment'];
if (ORDER.join() !== MECHANISM_IDS.join()) throw new Error(`the flat loop's mechanism indices (${ORDER.join()}) do not follow MECHANISM_IDS (${MECHANISM_IDS.join()})`);

/**
 * Whether the flat loop can run this model with this trace. A caller choosing acts (play mode) needs every option's exact
 * score, and foresight values issues at a bargaining forecast kept per state: both stay with the readable loop.
 */
export function flatRunnable(model: Model, trace: Trace): boolean {
  return trace.choose === undefined && !((model.params.mechanisms.bargaining.foresight ?? 0) > 0);
}

// Bounds of the standard Gumbel draw over each of 4,096 equal ranges of the 32-bit draw (its top 12 bits): gumbelOf grows with
// the draw, so an option's score lies between its score at the two bounds. Widened by 1e-9 so that no rounding of the two
// logarithms can put a draw outside its range's bounds.
const BUCKET_SHIFT = 20;
const BUCKETS = 1 << (32 - BUCKET_SHIFT);
const GUMBEL_LOW = new Float64Array(BUCKETS);
const GUMBEL_HIGH = new Float64Array(BUCKETS);
for (let b = 0; b < BUCKETS; b++) {
  GUMBEL_LOW[b] = gumbelOf(b * 2 ** BUCKET_SHIFT) - 1e-9;
  GUMBEL_HIGH[b] = gumbelOf((b + 1) * 2 ** BUCKET_SHIFT - 1) + 1e-9;
}

// How an option's score is made from its perturbation z, in the readable rule's order of operations (decision.ts):
// PLUS z + p; AID (((z + p) + q) + r) + s; PLUS_LESS (z + p) - q; LESS_LESS (z - p) - q.
const PLUS = 0;
const AID = 1;
const PLUS_LESS = 2;
const LESS_LESS = 3;

/** The flat loop's decision scratch, one per run state: per option its form, constants, issue and draw, and the issue queries read. */
class Options {
  form = new Int8Array(OPTIONS);
  p = new Float64Array(OPTIONS);
  q = new Float64Array(OPTIONS);
  r = 0;
  s = 0;
  open = new Uint8Array(OPTIONS);
  issue = new Int32Array(OPTIONS);
  draw = new Int32Array(OPTIONS);
  score = new Float64Array(OPTIONS);
  /**
   * Per member slot, what the rule asks of the issues (the widest gap and shortfall per demand dimension, the widest doctrinal
   * gap, a retractable nuclear issue), and per slot and dimension the issue version they were read at: each changes only
   * when an issue of its own dimension does.
   */
  issuesRead: Int32Array;
  gap: Int32Array;
  short: Float64Array;
  doctrinal: Int32Array;
  retract: Int32Array;

  constructor(slots: number) {
    this.issuesRead = new Int32Array(slots * DIMENSIONS);
    this.gap = new Int32Array(slots * 3);
    this.short = new Float64Array(slots * 3);
    this.doctrinal = new Int32Array(slots);
    this.retract = new Int32Array(slots);
  }

  /** Option o's score with perturbation z, each operation in the readable rule's order. */
  at(o: number, z: number): number {
    const f = this.form[o];
    if (f === PLUS) return z + this.p[o];
    if (f === AID) return z + this.p[o] + this.q[o] + this.r + this.s;
    if (f === PLUS_LESS) return z + this.p[o] - this.q[o];
    return z - this.p[o] - this.q[o];
  }

  /** Opens option o, with the form and constants of its score. */
  set(o: number, form: number, p: number, q: number): void {
    this.open[o] = 1;
    this.form[o] = form;
    this.p[o] = p;
    this.q[o] = q;
  }

  /**
   * Scores the open options as the readable rule does, computing an option's Gumbel perturbation only if its score at the top
   * of its draw's range reaches the best score any option is sure of: an option below that cannot be the best, exactly.
   */
  scoreAll(spread: number): void {
    const { open, draw, score } = this;
    if (!(spread > 0)) {
      for (let o = 0; o < OPTIONS; o++) score[o] = open[o] ? this.at(o, spread * gumbelOf(draw[o])) : NONE;
      return;
    }
    let sure = NONE;
    for (let o = 0; o < OPTIONS; o++) {
      if (!open[o]) continue;
      const low = this.at(o, spread * GUMBEL_LOW[draw[o] >>> BUCKET_SHIFT]);
      if (low > sure) sure = low;
    }
    for (let o = 0; o < OPTIONS; o++) {
      if (!open[o]) { score[o] = NONE; continue; }
      // Left out, it can only lose: its score is below `sure`, which some option's score reaches.
      score[o] = this.at(o, spread * GUMBEL_HIGH[draw[o] >>> BUCKET_SHIFT]) < sure ? NONE : this.at(o, spread * gumbelOf(draw[o]));
    }
  }
}

const optionsOf = new WeakMap<RunState, Options>();

/** Runs the month loop of `model` on `state` (fresh from resetState or initialState), filling `summary`; see flatRunnable. */
export function runFlat(model: Model, state: RunState, rng: RandomStream, trace: Trace, summary: RunSummary): void {
  const { n } = state;
  const months = model.months;
  const A = model.alliances.length;
  const alliances = model.alliances;
  const simulate = model.mode === 'predict';
  const memory = model.params.rules.memory;
  const v = new Valuation(model);
  const rule = new Rule(model);
  const { rel, relBase } = state;
  const power = powerSchedule(model);
  let options = optionsOf.get(state);
  if (!options) optionsOf.set(state, (options = new Options(A * 2)));
  const o = options;
  // A new run starts its issue versions again from 0.
  o.issuesRead.fill(-1);

  for (let t = 0; t < months; t++) {
    monthInputs(model, state, power, t, trace);
    for (let al = 0; al < A; al++) {
      const alliance = alliances[al];
      if (!inForce(alliance, t)) {
        clearValuation(state, al);
        continue;
      }
      valueMember(model, state, v, al, 0, alliance.a, alliance.b);
      valueMember(model, state, v, al, 1, alliance.b, alliance.a);
    }

    if (simulate) {
      for (let al = 0; al < A; al++) {
        const alliance = alliances[al];
        if (!inForce(alliance, t)) continue;
        summary.acts += decideMember(model, state, rng, o, rule, al, 0, alliance.a, alliance.b, trace);
        summary.acts += decideMember(model, state, rng, o, rule, al, 1, alliance.b, alliance.a, trace);
        thirdPowersAct(model, state, rng, al, trace);
      }
    }
    for (let d = 0; d < n * n; d++) rel[d] += memory * (relBase[d] - rel[d]);
    for (let al = 0; al < A; al++) if (inForce(alliances[al], t)) updateStatus(model, state, al, t, summary);
    checkFinite(model, state, t);
    trace.month?.(t, state);
    trace.cooperation?.(t, state.coop);
  }
}

/** A run's mechanism switches and parameters, read once from the model (a fit may change them between runs). */
class Valuation {
  readonly on: boolean[];
  readonly entrapment: number;
  readonly benefit: number;
  readonly cost: number;
  readonly resentment: number;
  readonly prestige: number;
  readonly challenge: number;
  readonly exponent: number;
  readonly autonomyWeight: number;
  readonly growth: number;
  readonly solidarity: number;
  readonly divergence: number;
  readonly bargainingWeight: number;
  readonly pressure: number;
  readonly inducementWeight: number;
  readonly help: number;
  readonly fear: number;
  readonly stakesWeight: number;
  readonly commitmentWeight: number;

  constructor(model: Model) {
    const mp = model.params.mechanisms;
    this.on = MECHANISM_IDS.map((id) => model.params.enabled[id]);
    this.entrapment = mp.security.entrapment;
    this.benefit = mp.economy.benefit;
    this.cost = mp.economy.cost;
    this.resentment = mp.standing.resentment;
    this.prestige = mp.standing.prestige;
    this.challenge = mp.standing.challenge;
    this.exponent = mp.standing.exponent;
    this.autonomyWeight = mp.autonomy.weight;
    this.growth = mp.autonomy.growth;
    this.solidarity = mp.ideology.solidarity;
    this.divergence = mp.ideology.divergence;
    this.bargainingWeight = mp.bargaining.weight;
    this.pressure = mp.wedge.pressure;
    this.inducementWeight = mp.wedge.inducement;
    this.help = mp.nuclear.help;
    this.fear = mp.nuclear.fear;
    this.stakesWeight = mp.stakes.weight;
    this.commitmentWeight = mp.commitment.weight;
  }
}

/** Member i's contributions, value, outside option and margin in alliance al (side 0 or 1, partner j), as valuation.ts works them out. */
function valueMember(model: Model, state: RunState, v: Valuation, al: number, side: number, i: number, j: number): void {
  const { n, rel, cap, aid, inducement, contrib, leader } = state;
  const on = v.on;
  const weights = model.weights;
  const slot = al * 2 + side;
  const share = state.shareNow[slot];
  const ci = cap[i];
  const cj = cap[j];
  const junior = share < 0.5;
  const ratio = share < 0.5 ? share / (1 - share) : (1 - share) / share;
  const li = leader[i];
  const lj = leader[j];
  const traitsI = li < 0 ? NEUTRAL_TRAITS : model.leaders[i].traits[li];
  const traitsJ = lj < 0 ? NEUTRAL_TRAITS : model.leaders[j].traits[lj];
  const w = i * M;
  const at = slot * M;
  let total = 0;
  let c = 0;
  // Term by term in report order, as valuation.ts adds them.
  c = on[SECURITY] ? weights[w + SECURITY] * securityTerm(rel, cap, n, i, j, ci, cj, v.entrapment) : 0;
  contrib[at + SECURITY] = c; total += c;
  c = on[ECONOMY] ? weights[w + ECONOMY] * economyTerm(aid, n, i, j, v.benefit, v.cost) : 0;
  contrib[at + ECONOMY] = c; total += c;
  c = on[STANDING] ? weights[w + STANDING] * standingTerm(state.hierarchy[al], Math.pow(ratio, v.exponent), junior, traitsI.ambition, traitsJ.ambition, v.resentment, v.prestige, v.challenge) : 0;
  contrib[at + STANDING] = c; total += c;
  c = on[AUTONOMY] ? weights[w + AUTONOMY] * autonomyTerm(issueGainAt(model, state, slot, i, j, DIMENSION.sovereignty), junior, ratio, v.autonomyWeight, v.growth) : 0;
  contrib[at + AUTONOMY] = c; total += c;
  c = on[IDEOLOGY] ? weights[w + IDEOLOGY] * ideologyTerm(doctrineDistanceAt(model, state, slot, i, j), v.solidarity, v.divergence) : 0;
  contrib[at + IDEOLOGY] = c; total += c;
  c = on[BARGAINING] ? weights[w + BARGAINING] * (v.bargainingWeight * issueGainAt(model, state, slot, i, j, DIMENSION.material)) : 0;
  contrib[at + BARGAINING] = c; total += c;
  c = on[PERSONALITY] ? weights[w + PERSONALITY] * personalityTerm(traitsI.mistrust, traitsJ.ambition) : 0;
  contrib[at + PERSONALITY] = c; total += c;
  c = on[WEDGE] ? weights[w + WEDGE] * wedgeTerm(rel, inducement, n, i, j, v.pressure, v.inducementWeight) : 0;
  contrib[at + WEDGE] = c; total += c;
  c = on[NUCLEAR] ? weights[w + NUCLEAR] * nuclearTerm(model, state, j, issueGainAt(model, state, slot, i, j, DIMENSION.nuclear), junior, traitsJ.risk, v.help, v.fear) : 0;
  contrib[at + NUCLEAR] = c; total += c;
  c = on[STAKES] ? weights[w + STAKES] * stakesTerm(model, state, al, i, j, junior, v.stakesWeight) : 0;
  contrib[at + STAKES] = c; total += c;
  c = on[COMMITMENT] ? weights[w + COMMITMENT] * commitmentTerm(state.shareAhead[slot], share, v.commitmentWeight) : 0;
  contrib[at + COMMITMENT] = c; total += c;
  const out = model.outsideBase[i];
  state.value[slot] = total;
  state.outside[slot] = out;
  state.margin[slot] = total - out;
}

/** A run's decision-rule parameters, read once from the model. */
class Rule {
  readonly activity: number;
  readonly reciprocity: number;
  readonly noise: number;
  readonly patience: number;
  readonly forceRelation: number;
  readonly responsiveness: number;
  /** Per demand dimension: whether its mechanism is on, and the parameter that scales its issue term. */
  readonly demandOn: boolean[];
  readonly demandWeight: number[];

  constructor(model: Model) {
    const r = model.params.rules;
    this.activity = r.activity;
    this.reciprocity = r.reciprocity;
    this.noise = r.noise;
    this.patience = r.patience;
    this.forceRelation = r.forceRelation;
    this.responsiveness = r.responsiveness;
    this.demandOn = DEMAND_MECHANISM.map((m) => model.params.enabled[m]);
    this.demandWeight = [0, 1, 2].map((d) => issueWeight(model, d));
  }
}

/**
 * Member i of alliance al (side 0 or 1, partner j) decides this month as decision.ts's decide does, with the same draws;
 * returns 1 if it acted.
 */
function decideMember(model: Model, state: RunState, rng: RandomStream, o: Options, rule: Rule, al: number, side: number, i: number, j: number, trace: Trace): number {
  // A fixed number of draws per member and month, so that one ally's choice never shifts the other's random numbers.
  const u = (rng.next() >>> 0) / 4294967296;
  for (let x = 0; x < OPTIONS; x++) o.draw[x] = rng.next();
  if (u >= rule.activity) return 0;
  const li = state.leader[i];
  const risk = (li < 0 ? NEUTRAL_TRAITS : model.leaders[i].traits[li]).risk;
  scoreMember(model, state, o, rule, al, side, i, j, risk);
  o.scoreAll(rule.noise * (0.5 + risk));
  const score = o.score;
  let best: number = OPTION.consult;
  for (let x = 0; x < OPTIONS; x++) if (score[x] > score[best]) best = x;
  const kind = KIND_OF[best];
  const issue = o.issue[best];
  const category = applyOption(model, state, al, i, j, best, issue);
  impulse(state, i, j, ACT_GOLDSTEIN[kind], rule.responsiveness);
  trace.act?.(state.month, al, i, j, ACT_KINDS[kind], issue, score[best], ACT_CATEGORIES[category]);
  return 1;
}

/** Sets each option of member i (side `side` of alliance al, partner j) open or closed, with its form and constants. */
function scoreMember(model: Model, state: RunState, o: Options, rule: Rule, al: number, side: number, i: number, j: number, risk: number): void {
  const { reciprocity, patience, forceRelation, demandOn, demandWeight } = rule;
  const weights = model.weights;
  const { n } = state;
  const slot = al * 2 + side;
  const at = slot * M;
  const { contrib } = state;
  const margin = state.margin[slot];
  const smoothed = state.smoothed[slot];
  const partnerMargin = state.margin[al * 2 + 1 - side];
  const R = reciprocity * state.rel[j * n + i];
  const { open, issue } = o;
  for (let x = 0; x < OPTIONS; x++) { open[x] = 0; issue[x] = -1; }

  o.set(OPTION.consult, PLUS, 0, 0);
  o.set(OPTION.agree, PLUS, margin + R, 0);
  if (state.cap[i] > state.cap[j] && state.aid[i * n + j] < 1) {
    o.set(OPTION.aid, AID, margin, R);
    o.r = Math.max(0, -partnerMargin);
    o.s = contrib[at + ECONOMY];
  }
  const pending = state.demandIssue[j * n + i];
  if (pending >= 0 && state.month - state.demandMonth[j * n + i] <= 12) {
    issue[OPTION.concede] = pending;
    o.set(OPTION.concede, PLUS, contrib[at + SECURITY] + contrib[at + STAKES] + R - concessionCost(model, state, i, j, pending), 0);
  }
  const read = o.issuesRead;
  const changed = state.dimensionChanged;
  const base = slot * DIMENSIONS;
  for (let d = 0; d < 3; d++) {
    const dimension = DEMAND_DIMENSION[d];
    if (read[base + dimension] >= changed[dimension]) continue;
    const k = demandOn[d] ? widestGap(model, state, i, j, dimension) : -1;
    o.gap[slot * 3 + d] = k;
    if (k >= 0) o.short[slot * 3 + d] = shortfall(model, state, i, j, dimension);
    if (dimension === DIMENSION.nuclear) o.retract[slot] = retractableNuclear(model, state, i, j);
    read[base + dimension] = state.issueVersion;
  }
  if (read[base + DIMENSION.doctrine] < changed[DIMENSION.doctrine]) {
    o.doctrinal[slot] = widestDoctrinalGap(model, state, i, j);
    read[base + DIMENSION.doctrine] = state.issueVersion;
  }
  for (let d = 0; d < 3; d++) {
    const k = o.gap[slot * 3 + d];
    if (k < 0) continue;
    issue[OPTION.demandSovereignty + d] = k;
    o.set(OPTION.demandSovereignty + d, PLUS, weights[i * M + DEMAND_TERM[d]] * demandWeight[d] * o.short[slot * 3 + d], 0);
  }
  const polemic = Math.max(0, -contrib[at + IDEOLOGY]) + Math.max(0, -contrib[at + STANDING]);
  issue[OPTION.criticise] = o.doctrinal[slot];
  if (polemic > 0) o.set(OPTION.criticise, PLUS_LESS, polemic, R);
  const aidCost = -contrib[at + ECONOMY];
  if (state.aid[i * n + j] > 0 && aidCost > 0) o.set(OPTION.withholdAid, PLUS_LESS, aidCost, R);
  const retract = o.retract[slot];
  const nuclearCost = -contrib[at + NUCLEAR];
  issue[OPTION.withholdNuclear] = retract;
  if (retract >= 0 && nuclearCost > 0) o.set(OPTION.withholdNuclear, PLUS_LESS, nuclearCost, R);
  o.set(OPTION.reduce, PLUS, -smoothed / 2 - R, 0);
  if (state.below[slot] >= patience && state.severed[al] === 0) o.set(OPTION.defect, LESS_LESS, smoothed, R);
  if (state.severed[al] === 1 && state.rel[i * n + j] <= forceRelation) o.set(OPTION.force, LESS_LESS, smoothed * risk, R);
}
