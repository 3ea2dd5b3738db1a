// The month loop fused for the shape of model that fits, screenings and the app run thousands of times: predict mode, one
// alliance, no foresight, a summary (and at most the acts and each month's cooperation) to report. Everything a run cannot
// change is worked out once per model (traits, capability ratios, which third powers act when, how many draws each month
// takes) or once per parameter set (power ratios and their powers, the terms that follow from parameters alone); the run's
// draws are taken at once; the decision is read off each option's bounds over its draw's range, with logarithms only when two
// options could still win. The run is one closure per model over typed arrays and numbers. Once a model has run often enough
// for it to pay, the loop is also written out for its shape and compiled for it alone (fused-source.ts), where code can be
// compiled at run time; that one is faster again (V8 gives the closure, shared by every model, code good for all of them).
// Both compute what the readable loop (run.ts, valuation.ts, decision.ts) computes, operation for operation in the same order,
// so that their outputs are bit-identical: fused-run.test.ts holds both to that, and anything they cannot do exactly they
// decline (fusedKernel returns null) and the flat loop runs instead.
import { autonomyTerm } from '../mechanisms/autonomy.js';
import { doctrineDistanceInto, issueGainInto, NEUTRAL_TRAITS } from '../mechanisms/pair.js';
import { economyTerm } from '../mechanisms/economy.js';
import { ideologyTerm } from '../mechanisms/ideology.js';
import { standingTerm } from '../mechanisms/standing.js';
import { wedgeTerm } from '../mechanisms/wedge.js';
import { ACT_CATEGORIES, ACT_GOLDSTEIN, ACT_KINDS, CATEGORY } from './acts.js';
import {
  concessionCost, DEMAND_DIMENSION, DEMAND_TERM, DIMENSION_CATEGORY, issueWeight, KIND_OF, OPTION, OPTIONS, retractableNuclear, shortfallInto,
  widestDoctrinalGap, widestGap,
} from './decision.js';
import { fusedSource, LOOP_PARAMETERS, type LoopShape } from './fused-source.js';
import { DIMENSION, inForce, OP, type Model } from './model.js';
import { MECHANISM_IDS } from './parameters.js';
import { fingerprint, MECHANISM_PARAMS, RULE_NAMES, sameParameters, writtenParameterCheck } from './parameter-fingerprint.js';
import { powerSchedule } from './power-schedule.js';
import { NEVER, STATUSES, type IssueState } from './state.js';
import { addMonth, startMonth } from './tally.js';
import type { RunSummary, StatusChange, StatusReason, Trace } from './trace.js';
import { gumbelOf, Xoroshiro128Plus, type RandomStream } from '../random/streams.js';
import { wasmDrawBuffer } from '../random/xoroshiro-wasm.js';

const M = MECHANISM_IDS.length;
// Each mechanism's index in MECHANISM_IDS, as literals (checked against MECHANISM_IDS below).
const SEC = 0;
const ECO = 1;
const STA = 2;
const AUT = 3;
const IDE = 4;
const BAR = 5;
const PER = 6;
const WED = 7;
const NUC = 8;
const STK = 9;
const COM = 10;
const ORDER = ['security', 'economy', 'standing', 'autonomy', 'ideology', 'bargaining', 'personality', 'wedge', 'nuclear', 'stakes', 'commitment'];
if (ORDER.join() !== MECHANISM_IDS.join()) throw new Error(`the fused loop's mechanism indices (${ORDER.join()}) do not follow MECHANISM_IDS (${MECHANISM_IDS.join()})`);
const { material: MAT, sovereignty: SOV, doctrine: DOC, nuclear: NUCLEAR } = DIMENSION;
const NONE = Number.NEGATIVE_INFINITY;
// The options as literals (decision.ts's OPTION, checked below).
const AID = 0;
const AGREE = 1;
const CONCEDE = 2;
const CONSULT = 3;
const DEMAND = 4;
const CRITICISE = 7;
const WITHHOLD_AID = 8;
const WITHHOLD_NUCLEAR = 9;
const REDUCE = 10;
const DEFECT = 11;
const FORCE = 12;
if ([AID, AGREE, CONCEDE, CONSULT, DEMAND, CRITICISE, WITHHOLD_AID, WITHHOLD_NUCLEAR, REDUCE, DEFECT, FORCE].join() !== [OPTION.aid, OPTION.agree, OPTION.concede, OPTION.consult, OPTION.demandSovereignty, OPTION.criticise, OPTION.withholdAid, OPTION.withholdNuclear, OPTION.reduce, OPTION.defect, OPTION.force].join()) {
  throw new Error('the fused loop\'s option indices do not follow decision.ts\'s OPTION');
}
/** The category of each option's act (decision.ts's applyOption); -1 where the issue's dimension says it. */
const OPTION_CATEGORY = [
  CATEGORY.aid, CATEGORY.treaty, -1, CATEGORY.visit, -1, -1, -1, CATEGORY.polemic, CATEGORY.aid, CATEGORY.nuclear,
  CATEGORY.diplomatic, CATEGORY.diplomatic, CATEGORY.military,
];
const INDUCE = ACT_KINDS.indexOf('induce');
const PRESSURE = ACT_KINDS.indexOf('pressure');

// Bounds of the standard Gumbel draw over each of 4,096 equal ranges of the 32-bit draw (its top 12 bits), low and high side by
// side (one cache line per look-up). gumbelOf grows with the draw and every operation of a score is monotone in it, so an
// option's score lies between its scores at the two bounds; widened by 1e-9 so that no rounding of the logarithms can put a
// draw outside its range's bounds.
const BUCKET_SHIFT = 20;
const BUCKETS = 1 << (32 - BUCKET_SHIFT);
const GUMBEL_BOUNDS = new Float64Array(2 * BUCKETS);
for (let b = 0; b < BUCKETS; b++) {
  GUMBEL_BOUNDS[2 * b] = gumbelOf(b * 2 ** BUCKET_SHIFT) - 1e-9;
  GUMBEL_BOUNDS[2 * b + 1] = gumbelOf((b + 1) * 2 ** BUCKET_SHIFT - 1) + 1e-9;
}

/** A model's fused loop, running the parameters it last read: see fusedKernel. */
export interface FusedKernel {
  /** Runs once, drawing from `rng`; null if a member's value went non-finite (the month is then in `failedMonth`). */
  run(rng: RandomStream, trace: Trace): RunSummary | null;
  /** The month of the last run that returned null. */
  failedMonth: number;
  /** The last run's draws (the first `drawCount`), from which the same run can be replayed on another loop. */
  draws: Int32Array;
  drawCount: number;
  /** Whether a run is under way: a run started from inside its trace must not reuse its state. */
  busy: boolean;
  /** Where the last run's stream stood before it (runModel saves it there when the stream is the engine's own). */
  streamAtStart: Int32Array;
  /** Whether the next run takes the loop written out for the model (fused-source.ts) rather than the closure's. */
  writtenOut: boolean;
}

interface Built {
  fingerprint: Float64Array;
  /** Whether the model's inputs suit the fused loop (inputsFit), which they do or not for good. */
  inputs: boolean;
  /** The model's loop, made once per model (see makeKernel), and whether it can run the parameters of `fingerprint`. */
  kernel: FusedLoop;
  usable: boolean;
}

/** A kernel and the means to read a model's parameters into it again. */
interface FusedLoop extends FusedKernel {
  /** Reads the model's parameters, switches, weights and outside options into the kernel's tables. */
  setParameters(): void;
  /** Counts `runs` runs to come as runs done toward the write-out threshold (see expectRuns). */
  expect(runs: number): void;
}

const built = new WeakMap<Model, Built>();

/** A month loop: one run, or null if a member's value went non-finite. */
type Loop = (rng: RandomStream, trace: Trace) => RunSummary | null;

/**
 * After how many runs of a model its loop is written out and compiled (fused-source.ts). Compiling costs about 150-250 ms of
 * CPU (V8 compiles the new functions, and runs them slowly until it has), which the faster runs repay after some 3,000-5,000
 * runs; a model run fewer times than this (each of the many models of `validate-cases` runs 500-1,000 times) keeps the
 * closure's loop, which V8 compiles once for all models, and loses at most about a third of its time on one that stops just
 * after (measured on fresh models of three scenarios, and end to end: written out after 500 runs, `validate-cases` took
 * 1.37× as long). In a fit, whose parameters change between runs, V8 compiled the loop's three main functions 10 times in a
 * restart, about 600 ms by its own timings (--trace-opt), so there the cost is higher than the figure above.
 */
export const WRITE_OUT_AFTER = 5000;
let writeOutAfter: number | null = WRITE_OUT_AFTER;

/**
 * Sets after how many runs of a model, from kernels made from now on, its loop is written out (null: never). The web app's
 * worker sets null: its content policy forbids compiling code at run time, and a refused attempt would show as a violation.
 * Tests set 0 to run the written-out loop from the first run; no argument restores the default.
 */
export function writeOutLoops(after: number | null = WRITE_OUT_AFTER): void {
  writeOutAfter = after;
}

let loopsCompiled = 0;

/** Compiles a written-out loop over its environment; null where the platform refuses to compile code at run time. */
function compileLoop(source: string, env: object): Loop | null {
  let factory: (env: object) => Loop;
  try {
    // The source holds only integers of the model's shape and fixed text (fused-source.ts): nothing a scenario can write. Its
    // name makes each one's text unique: V8 would give two identical texts one compiled form and one record of types, which
    // two models of one shape (or one model's kernels in two module instances) would then share, as the closure's loop does.
    factory = new Function('env', `${source}\n//# sourceURL=schism-fused-loop-${++loopsCompiled}.js`) as (env: object) => Loop;
  } catch (err) {
    if (err instanceof EvalError) return null;
    throw err;
  }
  return factory(env);
}

/**
 * The fused loop of this model, or null when it cannot run it exactly with this trace: a trace that chooses acts or watches
 * months or events, replay mode, other than one alliance, foresight, or inputs and parameters outside what its precomputations
 * assume (non-finite numbers, relations outside [-1, 1], memory outside [0, 1]). It reads the parameters again whenever a
 * parameter, switch, weight or outside option changed since it last read them: a fit swaps them in place in one model between
 * runs.
 */
export function fusedKernel(model: Model, trace: Trace): FusedKernel | null {
  if (trace.choose !== undefined || trace.month !== undefined || trace.event !== undefined) return null;
  if (model.mode !== 'predict' || model.alliances.length !== 1) return null;
  if ((model.params.mechanisms.bargaining.foresight ?? 0) > 0) return null;
  let entry = built.get(model);
  if (entry === undefined) {
    const inputs = inputsFit(model);
    entry = { fingerprint: fingerprint(model), inputs, kernel: makeKernel(model), usable: inputs && parametersFit(model) };
    built.set(model, entry);
  } else if (!(entry.kernel.writtenOut ? writtenParameterCheck() ?? sameParameters : sameParameters)(model, entry.fingerprint)) {
    // The same closures read the new parameters: V8 specialises a kernel's code to its closure while one exists, which a new
    // kernel per parameter set (a fit makes thousands) would undo.
    if (entry.kernel.busy) return null;
    entry.fingerprint = fingerprint(model);
    entry.usable = entry.inputs && parametersFit(model);
    if (entry.usable) entry.kernel.setParameters();
  }
  return !entry.usable || entry.kernel.busy ? null : entry.kernel;
}

/**
 * Tells the engine that `model` is about to run `runs` times (an ensemble's worker knows its share, a fit its budget). A model
 * that would reach WRITE_OUT_AFTER runs anyway has its loop written out now, before its first run instead of at its 5,000th:
 * those first runs take about twice as long on the closure's loop. Outputs are the same either way.
 * @example expectRuns(model, 100_000); for (let r = 0; r < 100_000; r++) runModel(model, runStream(7, r));
 */
export function expectRuns(model: Model, runs: number): void {
  if (fusedKernel(model, {}) !== null) built.get(model)?.kernel.expect(runs);
}

/** Whether the fused loop runs this model with this trace (see fusedKernel). */
export function fusedRunnable(model: Model, trace: Trace): boolean {
  return fusedKernel(model, trace) !== null;
}

/** Whether every number of xs is finite. */
function finite(xs: ArrayLike<number>): boolean {
  for (let k = 0; k < xs.length; k++) if (!Number.isFinite(xs[k])) return false;
  return true;
}

/** Whether every number of xs lies within [lo, hi]. */
function within(xs: ArrayLike<number>, lo: number, hi: number): boolean {
  for (let k = 0; k < xs.length; k++) if (!(xs[k] >= lo && xs[k] <= hi)) return false;
  return true;
}

/**
 * Whether the fused loop's cheap finiteness check (the members' values and margins only) is as good as checkFinite's: with
 * every input and parameter finite, relations and baselines within [-1, 1] and memory within [0, 1], relations stay finite
 * (acts and effects clamp them, drift averages), so only a contribution can go non-finite, and then the value does. The
 * model's inputs, checked once per model (a fit changes only parameters, weights and outside options):
 */
function inputsFit(model: Model): boolean {
  const baselines = model.baselineChanges.map((c) => c.value);
  if (!within(model.relation0, -1, 1) || !within(model.relationBase, -1, 1) || !within(baselines, -1, 1)) return false;
  for (const xs of [model.aid0, model.inducement0, model.stakes, model.statusQuo]) if (!finite(xs)) return false;
  for (const s of model.positions) if (!Number.isFinite(s.position) || !Number.isFinite(s.salience)) return false;
  for (const ev of model.events) {
    if (!Number.isFinite(ev.intensity)) return false;
    for (const e of ev.effects) {
      if (!Number.isFinite(e.v)) return false;
      // The one alliance is index 0: a hierarchy effect on another would be an error the readable loop meets, not this one.
      if (e.op === OP.hierarchy && e.k !== 0) return false;
    }
  }
  for (const leaders of model.leaders) for (const t of leaders.traits) if (!finite([t.ambition, t.mistrust, t.risk])) return false;
  // Capabilities at least 0: a third power's capability ratios are then finite, which the security term's skipping relies on.
  const cap = powerSchedule(model).cap;
  return finite(cap) && within(cap, 0, Number.POSITIVE_INFINITY);
}

/** ... and its parameters, weights and outside options, checked whenever they change (see inputsFit). */
function parametersFit(model: Model): boolean {
  const p = model.params;
  for (const name of RULE_NAMES) if (!Number.isFinite(p.rules[name])) return false;
  for (let m = 0; m < M; m++) for (const name of MECHANISM_PARAMS[m]) {
    const v = p.mechanisms[MECHANISM_IDS[m]][name];
    if (v !== undefined && !Number.isFinite(v)) return false;
  }
  const memory = p.rules.memory;
  if (!(memory >= 0 && memory <= 1)) return false;
  // The power shares move with the commitment window and horizon.
  const power = powerSchedule(model);
  return finite(model.outsideBase) && finite(model.weights) && finite(power.shareNow) && finite(power.shareAhead);
}

/**
 * Makes the fused loop of a model: its closures, once per model, with everything that follows from the model's shape and
 * inputs; setParameters() then reads its parameters (here, and again whenever they change).
 */
function makeKernel(model: Model): FusedLoop {
  const T = model.months;
  const n = model.actorIds.length;
  const K = model.issueIds.length;
  const alliance = model.alliances[0];
  const A = alliance.a;
  const B = alliance.b;
  const cap = powerSchedule(model).cap;

  // ---- what a run cannot change, per member slot s (0: A judging B, 1: B judging A) and month: index s * T + t ----
  const ST = 2 * T;
  const others: number[] = [];
  for (let k = 0; k < n; k++) if (k !== A && k !== B) others.push(k);
  const NO = others.length;
  const live = Uint8Array.from({ length: T }, (_, t) => (inForce(alliance, t) ? 1 : 0));
  const ambitionI = new Float64Array(ST);
  const ambitionJ = new Float64Array(ST);
  const mistrustI = new Float64Array(ST);
  const riskI = new Float64Array(ST);
  const riskJ = new Float64Array(ST);
  const capI = new Float64Array(ST);
  const capJ = new Float64Array(ST);
  // Per slot, month and third power q: c_k / (c_k + c_i) and c_k / (c_k + c_i + c_j), as securityTerm divides them.
  const alone = new Float64Array(ST * NO);
  const against = new Float64Array(ST * NO);
  const capOther = new Float64Array(T * NO);
  const leader = Int32Array.from(model.initialLeader);
  const traits = (a: number) => (leader[a] < 0 ? NEUTRAL_TRAITS : model.leaders[a].traits[leader[a]]);
  const relBaseNow = Float64Array.from(model.relationBase);
  // The third powers acting in month t: thirdStart[t] .. thirdStart[t + 1] - 1 in thirdPowers (thirdPowersAct's test).
  const thirdStart = new Int32Array(T + 1);
  const thirdList: number[] = [];
  for (let t = 0; t < T; t++) {
    for (let e = model.eventStart[t]; e < model.eventStart[t + 1]; e++) for (const f of model.events[e].effects) if (f.op === OP.leader) leader[f.a] = f.k;
    for (let c = model.baselineStart[t]; c < model.baselineStart[t + 1]; c++) relBaseNow[model.baselineChanges[c].dyad] = model.baselineChanges[c].value;
    for (let s = 0; s < 2; s++) {
      const i = s === 0 ? A : B;
      const j = s === 0 ? B : A;
      const x = s * T + t;
      const ti = traits(i);
      const tj = traits(j);
      ambitionI[x] = ti.ambition;
      ambitionJ[x] = tj.ambition;
      mistrustI[x] = ti.mistrust;
      riskI[x] = ti.risk;
      riskJ[x] = tj.risk;
      const ci = cap[t * n + i];
      const cj = cap[t * n + j];
      capI[x] = ci;
      capJ[x] = cj;
      for (let q = 0; q < NO; q++) {
        const ck = cap[t * n + others[q]];
        alone[x * NO + q] = ck / (ck + ci);
        against[x * NO + q] = ck / (ck + ci + cj);
      }
    }
    for (let q = 0; q < NO; q++) capOther[t * NO + q] = cap[t * n + others[q]];
    thirdStart[t] = thirdList.length;
    if (!live[t]) continue;
    for (const k of others) {
      if (relBaseNow[k * n + A] >= 0 && relBaseNow[k * n + B] >= 0) continue;
      if (cap[t * n + k] <= 0) continue;
      thirdList.push(k);
    }
  }
  thirdStart[T] = thirdList.length;
  const thirdPowers = Int32Array.from(thirdList);
  // Each month in force takes 14 draws per member (activity, then one per option) and one per acting third power.
  const drawStart = new Int32Array(T + 1);
  for (let t = 0; t < T; t++) drawStart[t + 1] = drawStart[t] + (live[t] ? 28 + thirdStart[t + 1] - thirdStart[t] : 0);
  const drawCount = drawStart[T];
  // The run's draws: written in place by WebAssembly where it runs (a buffer of this kernel's own), else by the stream.
  const buffer = wasmDrawBuffer(drawCount);
  const draws = buffer?.draws ?? new Int32Array(drawCount);
  /** Takes the run's draws from `rng`. */
  const takeDraws = (rng: RandomStream) => {
    if (!(rng instanceof Xoroshiro128Plus)) for (let x = 0; x < drawCount; x++) draws[x] = rng.next();
    else if (buffer !== null) rng.fillBuffer(buffer);
    else rng.fill(draws, drawCount);
  };
  // Relations the run reads (those touching a member; not the diagonal, not between two third powers): the rest drift unseen.
  const liveDyads: number[] = [];
  for (let x = 0; x < n; x++) for (let y = 0; y < n; y++) if (x !== y && (x === A || x === B || y === A || y === B)) liveDyads.push(x * n + y);
  const drifting = Int32Array.from(liveDyads);

  // ---- parameters, read by setParameters: per slot and month what follows from them (power shares move with the
  // commitment window and horizon), the switches, the weights, each scalar ----
  const junior = new Uint8Array(ST);
  const ratio = new Float64Array(ST);
  const ratioPow = new Float64Array(ST);
  const commitment = new Float64Array(ST);
  const personality = new Float64Array(ST);
  const spreadOf = new Float64Array(ST);
  const on = new Uint8Array(M);
  const demandOn = new Uint8Array(3);
  // Member slot s's interest weights (s * M + m), and per demand dimension weight * issueWeight (the demand score's first
  // product).
  const w = new Float64Array(2 * M);
  const demandWeight = new Float64Array(6);
  const STEP = new Float64Array(ACT_GOLDSTEIN.length);
  // The scalars again, in LOOP_PARAMETERS order, for the written-out loop (see fused-source.ts).
  const par = new Float64Array(LOOP_PARAMETERS.length);
  let entrapment = 0, benefit = 0, aidCost = 0, resentment = 0, prestige = 0, challenge = 0, autonomyWeight = 0, growth = 0;
  let solidarity = 0, divergence = 0, bargainingWeight = 0, pressureWeight = 0, inducementWeight = 0, help = 0, fear = 0;
  let stakesWeight = 0, outA = 0, outB = 0;
  let activity = 0, reciprocity = 0, patience = 0, forceRelation = 0, memory = 0, aidStep = 0, aidCut = 0, concessionStep = 0;
  let polarisation = 0, hierarchyErosion = 0, courtship = 0, wedgeStrain = 0, statusMemory = 0, strainedMargin = 0;
  let brokenMargin = 0, hostileRelation = 0, defectionMemory = 0, forceMemory = 0, restoreMargin = 0;

  /** Reads the model's parameters into the tables and scalars above. */
  function setParameters(): void {
    const P = model.params;
    const mp = P.mechanisms;
    const r = P.rules;
    const W = model.weights;
    const power = powerSchedule(model);
    MECHANISM_IDS.forEach((id, m) => (on[m] = P.enabled[id] ? 1 : 0));
    DEMAND_TERM.forEach((m, d) => (demandOn[d] = on[m]));
    for (let m = 0; m < M; m++) { w[m] = W[A * M + m]; w[M + m] = W[B * M + m]; }
    for (let s = 0; s < 2; s++) for (let d = 0; d < 3; d++) demandWeight[s * 3 + d] = w[s * M + DEMAND_TERM[d]] * issueWeight(model, d);
    for (let s = 0; s < 2; s++) {
      const i = s === 0 ? A : B;
      for (let t = 0; t < T; t++) {
        const x = s * T + t;
        const share = power.shareNow[s * T + t];
        junior[x] = share < 0.5 ? 1 : 0;
        ratio[x] = share < 0.5 ? share / (1 - share) : (1 - share) / share;
        ratioPow[x] = Math.pow(ratio[x], mp.standing.exponent);
        const rise = power.shareAhead[s * T + t] - share;
        commitment[x] = on[COM] ? W[i * M + COM] * (rise > 0 ? -mp.commitment.weight * rise : 0) : 0;
        personality[x] = on[PER] ? W[i * M + PER] * (1 - mistrustI[x] - ambitionJ[x]) : 0;
        spreadOf[x] = r.noise * (0.5 + riskI[x]);
      }
    }
    entrapment = mp.security.entrapment;
    benefit = mp.economy.benefit;
    aidCost = mp.economy.cost;
    resentment = mp.standing.resentment;
    prestige = mp.standing.prestige;
    challenge = mp.standing.challenge;
    autonomyWeight = mp.autonomy.weight;
    growth = mp.autonomy.growth;
    solidarity = mp.ideology.solidarity;
    divergence = mp.ideology.divergence;
    bargainingWeight = mp.bargaining.weight;
    pressureWeight = mp.wedge.pressure;
    inducementWeight = mp.wedge.inducement;
    help = mp.nuclear.help;
    fear = mp.nuclear.fear;
    stakesWeight = mp.stakes.weight;
    outA = model.outsideBase[A];
    outB = model.outsideBase[B];
    ({ activity, reciprocity, patience, forceRelation, memory, aidStep, aidCut, concessionStep, polarisation, hierarchyErosion } = r);
    ({ courtship, wedgeStrain, statusMemory, strainedMargin, brokenMargin, hostileRelation, defectionMemory, forceMemory, restoreMargin } = r);
    for (let k = 0; k < STEP.length; k++) STEP[k] = (r.responsiveness * ACT_GOLDSTEIN[k]) / 10;
    const scalars: Record<(typeof LOOP_PARAMETERS)[number], number> = {
      activity, reciprocity, patience, forceRelation, memory, aidStep, aidCut, hierarchyErosion, courtship, wedgeStrain, statusMemory,
      strainedMargin, brokenMargin, hostileRelation, defectionMemory, forceMemory, restoreMargin, responsiveness: r.responsiveness,
      entrapment, benefit, aidCost, resentment, prestige, challenge, autonomyWeight, growth, solidarity, divergence, bargainingWeight,
      pressureWeight, inducementWeight, help, fear, stakesWeight, outA, outB,
    };
    LOOP_PARAMETERS.forEach((name, x) => (par[x] = scalars[name]));
  }
  const stakes = model.stakes;
  const dimension = model.dimension;
  const issuesOf = model.issuesOf;
  const doctrine = issuesOf[DOC];
  const nuclearIssues = issuesOf[NUCLEAR];
  const statusQuo = model.statusQuo;
  const positionStart = model.positionStart;
  const positionActor = Int32Array.from(model.positions, (p) => p.actor);
  const positionIssue = Int32Array.from(model.positions, (p) => p.issue);
  const positionValue = Float64Array.from(model.positions, (p) => p.position);
  const positionSalience = Float64Array.from(model.positions, (p) => p.salience);
  const baselineStart = model.baselineStart;
  const baselineDyad = Int32Array.from(model.baselineChanges, (c) => c.dyad);
  const baselineValue = Float64Array.from(model.baselineChanges, (c) => c.value);
  const eventStart = model.eventStart;
  const events = model.events;

  // ---- the run's state, allocated once ----
  const rel = new Float64Array(n * n);
  const relBase = new Float64Array(n * n);
  const aid = new Float64Array(n * n);
  const ind = new Float64Array(n * n);
  const pos = new Float64Array(n * K);
  const sal = new Float64Array(n * K);
  const outcome = new Float64Array(K);
  // The month's net intensity per directed dyad, for a trace that asks for it (state.coop in the other loops).
  const coop = new Float64Array(n * n);
  // Per slot and dimension (s * 4 + d): whether the issue terms, and the decision's issue queries, must be worked out again
  // (the readable loop's issue memo: a term stays good while its own dimension is unchanged).
  const staleTerm = new Uint8Array(8);
  const staleQuery = new Uint8Array(8);
  const gainOf = new Float64Array(8);
  const gapOf = new Int32Array(6);
  const shortOf = new Float64Array(6);
  const doctrinalOf = new Int32Array(2);
  const retractOf = new Int32Array(2);
  // Contributions per slot (s * M + m) the decisions read.
  const C = new Float64Array(2 * M);
  // The deciding member's margin, smoothed margin and its partner's margin, which the month hands its decisions in this typed
  // array: doubles passed as arguments to a function V8 does not inline are boxed, a heap number each, three a decision.
  const decisionMargins = new Float64Array(3);
  // Each member slot's value of the alliance this month, as the closure's loop works it out (value()).
  const valueOf = new Float64Array(2);
  // The options of the member deciding: those open, by index, and the constants of each one's score.
  const opened = new Int8Array(OPTIONS);
  const P1 = new Float64Array(OPTIONS);
  const P2 = new Float64Array(OPTIONS);
  // The aid option's two extra terms (reciprocity's and the economy's), typed for the same reason as decisionMargins: a double
  // stored in a variable that closures share is boxed, a heap number each time.
  const aidTerms = new Float64Array(2);
  // Whether the run's act hook reads each act's score (Trace.actLatent).
  let latentWanted = true;
  let h = 0;
  let lastDefect = NEVER;
  let lastForce = NEVER;
  let severed = 0;
  let breaker = -1;
  // Pending demands of slot 0 (A toward B) and slot 1 (B toward A).
  let demand0 = -1;
  let demandMonth0 = NEVER;
  let demand1 = -1;
  let demandMonth1 = NEVER;

  const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);
  const changed = (k: number) => {
    const d = dimension[k];
    staleTerm[d] = 1; staleTerm[4 + d] = 1; staleQuery[d] = 1; staleQuery[4 + d] = 1;
  };
  /** effects.ts's impulse: the relation moves by `step`, the month's cooperation by the act's intensity. */
  const impulse = (from: number, to: number, step: number, intensity: number) => {
    const d = from * n + to;
    const x = rel[d];
    rel[d] = clamp(x + step * (step > 0 ? 1 - x : 1 + x), -1, 1);
    coop[d] += intensity;
  };

  /** effects.ts's applyEvent and applyEffect (capabilities and leaders are in the schedules). */
  function applyEvent(ev: Model['events'][number], t: number): void {
    if (ev.to >= 0) {
      impulse(ev.from, ev.to, (model.params.rules.responsiveness * ev.intensity) / 10, ev.intensity);
      if (ev.joint) impulse(ev.to, ev.from, (model.params.rules.responsiveness * ev.intensity) / 10, ev.intensity);
      if (ev.kind !== 'other' && ((ev.from === A && ev.to === B) || (ev.from === B && ev.to === A))) {
        if (ev.kind === 'force') lastForce = t;
        else { lastDefect = t; severed = 1; }
        breaker = ev.from;
      }
    }
    for (const e of ev.effects) {
      switch (e.op) {
        case OP.aid: aid[e.a * n + e.b] = e.v; break;
        case OP.threat: rel[e.a * n + e.b] = clamp(rel[e.a * n + e.b] - e.v, -1, 1); break;
        case OP.relation: rel[e.a * n + e.b] = clamp(rel[e.a * n + e.b] + e.v, -1, 1); break;
        case OP.position: {
          const d = e.a * K + e.k;
          const base = pos[d] !== pos[d] ? statusQuo[e.k] : pos[d];
          pos[d] = clamp(e.rel ? base + e.v : e.v, 0, 100);
          changed(e.k);
          break;
        }
        case OP.salience: {
          const d = e.a * K + e.k;
          sal[d] = clamp(e.rel ? sal[d] + e.v : e.v, 0, 1);
          changed(e.k);
          break;
        }
        case OP.concession: outcome[e.k] = e.v; changed(e.k); break;
        case OP.inducement: ind[e.a * n + e.b] = e.v; break;
        case OP.hierarchy: h = clamp(e.rel ? h + e.v : e.v, 0, 1); break;
        default: break;
      }
    }
  }

  // The issue queries of pair.ts and decision.ts read this loop's own positions, saliences and outcomes through this view.
  const issues: IssueState = { K, pos, sal, outcome };
  function moveOutcome(k: number, toward: number): void {
    const q = outcome[k];
    const step = Math.min(concessionStep, Math.abs(toward - q));
    outcome[k] = toward > q ? q + step : q - step;
    changed(k);
  }
  function polarise(i: number, j: number): void {
    for (let z = 0; z < doctrine.length; z++) {
      const k = doctrine[z];
      const xi = pos[i * K + k];
      const xj = pos[j * K + k];
      if (xi !== xi || xj !== xj) continue;
      const dir = xi >= xj ? 1 : -1;
      pos[i * K + k] = Math.min(100, Math.max(0, xi + dir * polarisation));
      changed(k);
    }
  }
  function refreshTerms(s: number, i: number, j: number): void {
    const o = s * 4;
    if (staleTerm[o + MAT]) { issueGainInto(model, issues, i, j, MAT, gainOf, o + MAT); staleTerm[o + MAT] = 0; }
    if (staleTerm[o + SOV]) { issueGainInto(model, issues, i, j, SOV, gainOf, o + SOV); staleTerm[o + SOV] = 0; }
    if (staleTerm[o + NUCLEAR]) { issueGainInto(model, issues, i, j, NUCLEAR, gainOf, o + NUCLEAR); staleTerm[o + NUCLEAR] = 0; }
    if (staleTerm[o + DOC]) { doctrineDistanceInto(model, issues, i, j, gainOf, o + DOC); staleTerm[o + DOC] = 0; }
  }
  function refreshQueries(s: number, i: number, j: number): void {
    const o = s * 4;
    for (let d = 0; d < 3; d++) {
      const dim = DEMAND_DIMENSION[d];
      if (!staleQuery[o + dim]) continue;
      const k = demandOn[d] ? widestGap(model, issues, i, j, dim) : -1;
      gapOf[s * 3 + d] = k;
      if (k >= 0) shortfallInto(model, issues, i, j, dim, shortOf, s * 3 + d);
      if (dim === NUCLEAR) retractOf[s] = retractableNuclear(model, issues, i, j);
      staleQuery[o + dim] = 0;
    }
    if (staleQuery[o + DOC]) { doctrinalOf[s] = widestDoctrinalGap(model, issues, i, j); staleQuery[o + DOC] = 0; }
  }

  // The arrays the hot functions read, gathered so that each takes them into local variables on entry: V8 then keeps them in
  // registers instead of reloading each from the closure's context at every use.
  const hot = {
    rel, relBase, aid, ind, sal, C, w, capI, capJ, capOther, alone, against, thirdParties: Int32Array.from(others), ratioPow, ratio,
    ambitionI, ambitionJ, riskI, riskJ, junior, gainOf, personality, commitment, stakes, nuclearIssues, opened, P1, P2, draws,
    drifting, spreadOf, drawStart, thirdStart, thirdPowers, live, gapOf, shortOf, demandWeight, retractOf, doctrinalOf,
  };

  /**
   * Member slot s's value of the alliance in month t (partner j), term by term in report order as valuation.ts adds them, put
   * in valueOf[s] (a double returned from a function V8 does not inline is boxed, a heap number each).
   */
  function value(s: number, i: number, j: number, t: number): void {
    const { rel, aid, ind, sal, C, w, capI, capJ, capOther, alone, against, thirdParties, ratioPow, ratio, ambitionI, ambitionJ, riskJ, junior, gainOf, personality, commitment, stakes, nuclearIssues } = hot;
    const x = s * T + t;
    const cb = s * M;
    const jun = junior[x] === 1;
    const hierarchy = h;
    refreshTerms(s, i, j);
    let total = 0;
    let c = 0;
    if (on[SEC]) {
      const ci = capI[x];
      const support = ((1 + rel[j * n + i]) / 2) * capJ[x];
      let protection = 0;
      let entrapped = 0;
      for (let z = 0; z < NO; z++) {
        const ck = capOther[t * NO + z];
        if (ck <= 0) continue;
        const k = thirdParties[z];
        const rki = rel[k * n + i];
        const rkj = rel[k * n + j];
        // A third power hostile to neither adds 0 times a finite number to both sums: nothing, exactly.
        if (rki >= 0 && rkj >= 0) continue;
        const hostileToI = Math.max(0, -rki);
        const hostileToJ = Math.max(0, -rkj);
        protection += hostileToI * (alone[x * NO + z] - ck / (ck + ci + support));
        entrapped += hostileToJ * (1 - hostileToI) * against[x * NO + z];
      }
      c = w[cb + SEC] * (protection - entrapment * entrapped);
    } else c = 0;
    C[cb + SEC] = c; total += c;
    // The mechanisms' own scalar functions where the terms need nothing precomputed (V8 inlines them).
    c = on[ECO] ? w[cb + ECO] * economyTerm(aid, n, i, j, benefit, aidCost) : 0;
    C[cb + ECO] = c; total += c;
    c = on[STA] ? w[cb + STA] * standingTerm(hierarchy, ratioPow[x], jun, ambitionI[x], ambitionJ[x], resentment, prestige, challenge) : 0;
    C[cb + STA] = c; total += c;
    c = on[AUT] ? w[cb + AUT] * autonomyTerm(gainOf[s * 4 + SOV], jun, ratio[x], autonomyWeight, growth) : 0;
    total += c;
    c = on[IDE] ? w[cb + IDE] * ideologyTerm(gainOf[s * 4 + DOC], solidarity, divergence) : 0;
    C[cb + IDE] = c; total += c;
    c = on[BAR] ? w[cb + BAR] * (bargainingWeight * gainOf[s * 4 + MAT]) : 0;
    total += c;
    total += personality[x];
    c = on[WED] ? w[cb + WED] * wedgeTerm(rel, ind, n, i, j, pressureWeight, inducementWeight) : 0;
    total += c;
    if (on[NUC]) {
      const g = help * gainOf[s * 4 + NUCLEAR];
      if (jun) c = w[cb + NUC] * g;
      else {
        let salience = 0;
        for (let z = 0; z < nuclearIssues.length; z++) salience = Math.max(salience, sal[j * K + nuclearIssues[z]]);
        c = w[cb + NUC] * (g - fear * salience * riskJ[x]);
      }
    } else c = 0;
    C[cb + NUC] = c; total += c;
    if (on[STK]) {
      const position = stakes[s * 3];
      const denial = stakes[s * 3 + 1];
      const cohesion = stakes[s * 3 + 2];
      if (position === 0 && denial === 0 && cohesion === 0) c = w[cb + STK] * 0;
      else {
        let rival = 0;
        for (let z = 0; z < NO; z++) rival = Math.max(rival, -rel[thirdParties[z] * n + i]);
        c = w[cb + STK] * (stakesWeight * (position + denial * rival + cohesion * (jun ? 1 - hierarchy : hierarchy)));
      }
    } else c = 0;
    C[cb + STK] = c; total += c;
    total += commitment[x];
    valueOf[s] = total;
  }

  /**
   * Opens member slot s's options, in the order of their indices, with the constants of their scores: each is ((z + P1) - P2),
   * plus aidTerms for aid. Returns how many are open (listed in `opened`).
   */
  function setOptions(s: number, i: number, j: number, t: number, x: number, below: number): number {
    const margin = decisionMargins[0];
    const smoothed = decisionMargins[1];
    const partnerMargin = decisionMargins[2];
    const { rel, aid, C, capI, capJ, riskI, opened, P1, P2, gapOf, shortOf, demandWeight, retractOf } = hot;
    const cb = s * M;
    const R = reciprocity * rel[j * n + i];
    let count = 0;
    // z - p is z + (-p) and x - 0 is x, exactly: each readable form of decision.ts in one shape.
    if (capI[x] > capJ[x] && aid[i * n + j] < 1) {
      opened[count++] = AID; P1[AID] = margin; P2[AID] = -R;
      aidTerms[0] = Math.max(0, -partnerMargin);
      aidTerms[1] = C[cb + ECO];
    }
    opened[count++] = AGREE; P1[AGREE] = margin + R; P2[AGREE] = 0;
    const pending = s === 0 ? demand1 : demand0;
    const pendingMonth = s === 0 ? demandMonth1 : demandMonth0;
    if (pending >= 0 && t - pendingMonth <= 12) {
      opened[count++] = CONCEDE; P1[CONCEDE] = C[cb + SEC] + C[cb + STK] + R - concessionCost(model, issues, i, j, pending); P2[CONCEDE] = 0;
    }
    opened[count++] = CONSULT; P1[CONSULT] = 0; P2[CONSULT] = 0;
    refreshQueries(s, i, j);
    for (let d = 0; d < 3; d++) {
      if (gapOf[s * 3 + d] < 0) continue;
      const o = DEMAND + d;
      opened[count++] = o; P1[o] = demandWeight[s * 3 + d] * shortOf[s * 3 + d]; P2[o] = 0;
    }
    const polemic = Math.max(0, -C[cb + IDE]) + Math.max(0, -C[cb + STA]);
    if (polemic > 0) { opened[count++] = CRITICISE; P1[CRITICISE] = polemic; P2[CRITICISE] = R; }
    const withheldAid = -C[cb + ECO];
    if (aid[i * n + j] > 0 && withheldAid > 0) { opened[count++] = WITHHOLD_AID; P1[WITHHOLD_AID] = withheldAid; P2[WITHHOLD_AID] = R; }
    const nuclearCost = -C[cb + NUC];
    if (retractOf[s] >= 0 && nuclearCost > 0) { opened[count++] = WITHHOLD_NUCLEAR; P1[WITHHOLD_NUCLEAR] = nuclearCost; P2[WITHHOLD_NUCLEAR] = R; }
    opened[count++] = REDUCE; P1[REDUCE] = -smoothed / 2 - R; P2[REDUCE] = 0;
    if (below >= patience && severed === 0) { opened[count++] = DEFECT; P1[DEFECT] = -smoothed; P2[DEFECT] = R; }
    if (severed === 1 && rel[i * n + j] <= forceRelation) { opened[count++] = FORCE; P1[FORCE] = -(smoothed * riskI[x]); P2[FORCE] = R; }
    return count;
  }

  /** The issue option o of slot s concerns (decision.ts's issue[o]), read before the option is applied. */
  function issueOf(s: number, o: number): number {
    if (o === CONCEDE) return s === 0 ? demand1 : demand0;
    if (o >= DEMAND && o < DEMAND + 3) return gapOf[s * 3 + o - DEMAND];
    if (o === CRITICISE) return doctrinalOf[s];
    if (o === WITHHOLD_NUCLEAR) return retractOf[s];
    return -1;
  }

  /** Option o's score with perturbation z, in the readable rule's order of operations. */
  function scoreOf(o: number, z: number): number {
    return scoreWith(o, z, aidTerms[0], aidTerms[1]);
  }

  /**
   * The best open option, the one decision.ts picks: if the option with the highest score at the low end of its draw's range
   * is the only one whose score at the high end reaches it, it wins, exactly, with no logarithm; otherwise (a small share of
   * decisions, and every one without noise) every open option's score is worked out as the readable rule does.
   */
  function best(spread: number, d0: number, count: number): number {
    const { opened, draws } = hot;
    if (spread > 0) {
      let maxLow = NONE;
      let argLow = -1;
      let maxHigh = NONE;
      let argHigh = -1;
      let secondHigh = NONE;
      for (let q = 0; q < count; q++) {
        const o = opened[q];
        const b = (draws[d0 + o] >>> BUCKET_SHIFT) << 1;
        const low = scoreOf(o, spread * GUMBEL_BOUNDS[b]);
        const high = scoreOf(o, spread * GUMBEL_BOUNDS[b + 1]);
        if (low > maxLow) { maxLow = low; argLow = o; }
        if (high > maxHigh) { secondHigh = maxHigh; maxHigh = high; argHigh = o; } else if (high > secondHigh) secondHigh = high;
      }
      if (argHigh === argLow && secondHigh < maxLow) return argLow;
    }
    let mask = 0;
    for (let q = 0; q < count; q++) mask |= 1 << opened[q];
    return exactChoice(spread, d0, mask, aidTerms[0], aidTerms[1]);
  }

  /**
   * Member slot s (i, partner j) decides with draws d0 .. d0 + 12 (the caller checked activity, and put the member's margins in
   * decisionMargins); as decision.ts's decide.
   */
  function decide(s: number, i: number, j: number, t: number, d0: number, below: number, act: Trace['act']): void {
    const x = s * T + t;
    const count = setOptions(s, i, j, t, x, below);
    const spread = spreadOf[x];
    const o = best(spread, d0, count);
    const k = issueOf(s, o);
    switch (o) {
      case AID: aid[i * n + j] = Math.min(1, aid[i * n + j] + aidStep); break;
      case CONCEDE:
        moveOutcome(k, pos[j * K + k]);
        if (s === 0) demand1 = -1; else demand0 = -1;
        break;
      case DEMAND: case DEMAND + 1: case DEMAND + 2:
        if (s === 0) { demand0 = k; demandMonth0 = t; } else { demand1 = k; demandMonth1 = t; }
        break;
      case CRITICISE:
        polarise(i, j);
        if (junior[x]) h = Math.max(0, h - hierarchyErosion);
        break;
      case WITHHOLD_AID: aid[i * n + j] *= 1 - aidCut; break;
      case WITHHOLD_NUCLEAR: if (k >= 0) moveOutcome(k, pos[i * K + k]); break;
      case DEFECT: lastDefect = t; severed = 1; breaker = i; break;
      case FORCE: lastForce = t; breaker = i; break;
      default: break;
    }
    const kind = KIND_OF[o];
    impulse(i, j, STEP[kind], ACT_GOLDSTEIN[kind]);
    if (act !== undefined) {
      const category = OPTION_CATEGORY[o] >= 0 ? OPTION_CATEGORY[o] : k < 0 ? CATEGORY.diplomatic : DIMENSION_CATEGORY[dimension[k]];
      act(t, 0, i, j, ACT_KINDS[kind], k, latentWanted ? scoreOf(o, spread * gumbelOf(draws[d0 + o])) : Number.NaN, ACT_CATEGORIES[category]);
    }
  }

  /** Option o's score with perturbation z, from P1 and P2 and the aid terms r and q (both loops' options set them). */
  function scoreWith(o: number, z: number, r: number, q: number): number {
    const y = z + P1[o] - P2[o];
    return o === AID ? y + r + q : y;
  }
  /** The exact pass of both loops' choice (best() and the written-out decisions), over the open options of the bit mask `mask`. */
  function exactChoice(spread: number, d0: number, mask: number, r: number, q: number): number {
    let chosen = CONSULT;
    let top = scoreWith(chosen, spread * gumbelOf(draws[d0 + chosen]), r, q);
    for (let o = 0; o < OPTIONS; o++) {
      if ((mask & (1 << o)) === 0) continue;
      const score = scoreWith(o, spread * gumbelOf(draws[d0 + o]), r, q);
      if (score > top) { top = score; chosen = o; }
    }
    return chosen;
  }
  const kernel: FusedLoop = { run, setParameters: readParameters, expect, failedMonth: -1, draws, drawCount, busy: false, streamAtStart: new Int32Array(4), writtenOut: false };
  // The loop written out for this model's shape and switches (fused-source.ts), compiled once per set of switches; null where
  // code cannot be compiled at run time (a content policy without 'unsafe-eval'), and then the closure's loop runs.
  const writtenOut = new Map<string, Loop | null>();
  let written: Loop | null = null;
  const env = {
    rel, relBase, aid, ind, pos, sal, outcome, coop, staleTerm, staleQuery, gainOf, gapOf, shortOf, doctrinalOf, retractOf, C, draws,
    drawStart, thirdStart, thirdPowers, live, positionStart, positionActor, positionIssue, positionValue, positionSalience, baselineStart,
    baselineDyad, baselineValue, eventStart, events, statusQuo, relation0: model.relation0, relationBase0: model.relationBase,
    aid0: model.aid0, inducement0: model.inducement0, hierarchy0: alliance.hierarchy, capI, capJ, capOther, alone, against, ambitionI,
    ambitionJ, riskI, riskJ, junior, ratio, ratioPow, commitment, personality, spreadOf, stakes, par, w, demandWeight, demandOn, STEP,
    GOLDSTEIN: ACT_GOLDSTEIN, GUMBEL_BOUNDS, gumbelOf, takeDraws, kernel, model, issues, issueGainInto,
    doctrineDistanceInto, concessionCost, widestGap, shortfallInto, retractableNuclear, widestDoctrinalGap, moveOutcome, polarise, changed,
    wedgeTerm, economyTerm, standingTerm, autonomyTerm, ideologyTerm, NEVER, STATUSES, ACT_KINDS, ACT_CATEGORIES, OPTION_CATEGORY,
    DIMENSION_CATEGORY, DIPLOMATIC: CATEGORY.diplomatic, dimension, KIND_OF, P1, P2, exactChoice, scoreOf: scoreWith, decisionMargins, addMonth, startMonth,
  };
  // Runs of this model so far: its loop is written out once they show that compiling it pays (writeOutAfter).
  const after = writeOutAfter;
  let runs = 0;
  /** Takes the written-out loop of the switches now on, compiling it if none is kept for them. */
  function takeWrittenLoop(): void {
    const key = on.join('');
    if (!writtenOut.has(key)) {
      const shape: LoopShape = { months: T, actors: n, issues: K, a: A, b: B, others, nuclearIssues: Array.from(nuclearIssues), drifting: liveDyads, on: Array.from(on) };
      writtenOut.set(key, compileLoop(fusedSource(shape, Object.keys(env)), env));
    }
    written = writtenOut.get(key) ?? null;
    kernel.writtenOut = written !== null;
  }
  /** Reads the parameters, and then runs the written-out loop of the switches now on, if the model has earned one. */
  function readParameters(): void {
    setParameters();
    written = null;
    kernel.writtenOut = false;
    if (after !== null && runs >= after) takeWrittenLoop();
  }
  readParameters();
  /** Takes the written-out loop now if the runs done and the `coming` ones reach the threshold; they then count as done. */
  function expect(coming: number): void {
    if (after === null || runs >= after || runs + coming < after) return;
    runs = after;
    takeWrittenLoop();
  }

  /** One run, marked busy while under way (a trace may start another run of the same model, which must not share this state). */
  function run(rng: RandomStream, trace: Trace): RunSummary | null {
    kernel.busy = true;
    try {
      if (++runs === after) takeWrittenLoop();
      return written !== null ? written(rng, trace) : loop(rng, trace);
    } finally {
      kernel.busy = false;
    }
  }

  /** One run: what runModel returns, or null at the first month whose values are not finite. */
  function loop(rng: RandomStream, trace: Trace): RunSummary | null {
    const { rel, relBase, ind, draws, drifting, drawStart, thirdStart, thirdPowers, live } = hot;
    takeDraws(rng);
    const act = trace.act;
    latentWanted = trace.actLatent !== false;
    const cooperation = trace.cooperation;
    const tally = trace.tally;
    rel.set(model.relation0);
    relBase.set(model.relationBase);
    aid.set(model.aid0);
    ind.set(model.inducement0);
    pos.fill(Number.NaN);
    sal.fill(0);
    outcome.set(statusQuo);
    h = alliance.hierarchy;
    lastDefect = NEVER; lastForce = NEVER; severed = 0; breaker = -1;
    demand0 = -1; demandMonth0 = NEVER; demand1 = -1; demandMonth1 = NEVER;
    staleTerm.fill(1);
    staleQuery.fill(1);
    let below0 = 0;
    let below1 = 0;
    let above = 0;
    let status = 0;
    let smoothed0 = Number.NaN;
    let smoothed1 = Number.NaN;
    let acts = 0;
    // The third powers' acts, which the tally counts with the allies'.
    let thirdActs = 0;
    let initial: (typeof STATUSES)[number] = 'allied';
    const changes: StatusChange[] = [];
    let firstBreak = -1;
    let firstBreakReason: StatusReason | '' = '';
    let firstBreakBelow = false;
    let firstHostile = -1;
    for (let t = 0; t < T; t++) {
      // ---- inputs (month-inputs.ts) ----
      // A loop, not coop.fill(0): the builtin's call costs more than the few cells it clears, every month of a run.
      // A tally adds each month's cooperation at the start of the next, as it clears it (see fused-source.ts), the last after the loop.
      if (cooperation !== undefined) {
        if (tally !== undefined && t > 0) addMonth(tally, t - 1, coop);
        for (let c = 0; c < coop.length; c++) coop[c] = 0;
      } else if (tally !== undefined) startMonth(tally, t, coop);
      for (let x = positionStart[t]; x < positionStart[t + 1]; x++) {
        const d = positionActor[x] * K + positionIssue[x];
        pos[d] = positionValue[x];
        sal[d] = positionSalience[x];
        changed(positionIssue[x]);
      }
      for (let c = baselineStart[t]; c < baselineStart[t + 1]; c++) relBase[baselineDyad[c]] = baselineValue[c];
      for (let e = eventStart[t]; e < eventStart[t + 1]; e++) applyEvent(events[e], t);
      if (live[t]) {
        // ---- valuation ----
        value(0, A, B, t);
        value(1, B, A, t);
        const value0 = valueOf[0];
        const value1 = valueOf[1];
        const margin0 = value0 - outA;
        const margin1 = value1 - outB;
        // x * 0 is 0 for finite x, NaN otherwise; with relations and capabilities finite by construction (inputsFit and
        // parametersFit), checkFinite throws exactly when one of these is not finite.
        if (value0 * 0 + value1 * 0 + margin0 * 0 + margin1 * 0 !== 0) {
          kernel.failedMonth = t;
          if (tally !== undefined) tally.acts[0] += acts + thirdActs;
          return null;
        }
        // ---- decisions: A then B, 14 draws each, then the third powers ----
        const d = drawStart[t];
        if ((draws[d] >>> 0) / 4294967296 < activity) {
          decisionMargins[0] = margin0; decisionMargins[1] = smoothed0; decisionMargins[2] = margin1;
          decide(0, A, B, t, d + 1, below0, act);
          acts++;
        }
        if ((draws[d + 14] >>> 0) / 4294967296 < activity) {
          decisionMargins[0] = margin1; decisionMargins[1] = smoothed1; decisionMargins[2] = margin0;
          decide(1, B, A, t, d + 15, below1, act);
          acts++;
        }
        const strain = Math.max(0, -(rel[A * n + B] + rel[B * n + A]) / 2);
        for (let q = thirdStart[t], y = d + 28; q < thirdStart[t + 1]; q++, y++) {
          if ((draws[y] >>> 0) / 4294967296 >= activity) continue;
          const k = thirdPowers[q];
          thirdActs++;
          const pryA = rel[A * n + k] - rel[A * n + B];
          const pryB = rel[B * n + k] - rel[B * n + A];
          const target = pryA >= pryB ? A : B;
          const dyad = k * n + target;
          if (strain >= wedgeStrain) {
            ind[dyad] += courtship * (strain - ind[dyad]);
            impulse(k, target, STEP[INDUCE], ACT_GOLDSTEIN[INDUCE]);
            act?.(t, 0, k, target, 'induce', -1, strain, 'diplomatic');
          } else {
            ind[dyad] *= 1 - courtship;
            impulse(k, target, STEP[PRESSURE], ACT_GOLDSTEIN[PRESSURE]);
            act?.(t, 0, k, target, 'pressure', -1, strain, 'crisis');
          }
        }
        // ---- relations drift ----
        for (let z = 0; z < drifting.length; z++) { const dd = drifting[z]; rel[dd] += memory * (relBase[dd] - rel[dd]); }
        // ---- status (status.ts) ----
        smoothed0 = smoothed0 !== smoothed0 ? margin0 : smoothed0 + statusMemory * (margin0 - smoothed0);
        below0 = smoothed0 < 0 ? below0 + 1 : 0;
        smoothed1 = smoothed1 !== smoothed1 ? margin1 : smoothed1 + statusMemory * (margin1 - smoothed1);
        below1 = smoothed1 < 0 ? below1 + 1 : 0;
        const worst = Math.min(smoothed0, smoothed1);
        above = worst >= restoreMargin ? above + 1 : 0;
        // Worked out every month, not only while severed: see the written-out loop's statusSource (fused-source.ts).
        const healed = above >= patience && t - lastDefect >= defectionMemory;
        if (severed === 1 && healed) severed = 0;
        let now: number;
        let reason: StatusReason;
        if (t - lastForce < forceMemory) { now = 3; reason = 'force'; }
        else if (Math.max(rel[A * n + B], rel[B * n + A]) <= hostileRelation) { now = 3; reason = 'relations'; }
        else if (severed === 1) { now = 2; reason = 'defection'; }
        else if (worst < brokenMargin) { now = 2; reason = 'margin'; }
        else if (worst < strainedMargin) { now = 1; reason = 'margin'; }
        else { now = 0; reason = 'margin'; }
        if (t === 0) initial = STATUSES[now];
        else if (now !== status) changes.push({ month: t, alliance: 0, from: STATUSES[status], to: STATUSES[now], reason });
        status = now;
        if (now >= 2 && firstBreak < 0) {
          firstBreak = t;
          firstBreakReason = reason;
          const broke = reason === 'defection' || reason === 'force' ? breaker : -1;
          const side = broke === B ? 1 : broke === A ? 0 : smoothed0 <= smoothed1 ? 0 : 1;
          firstBreakBelow = (side === 0 ? smoothed0 : smoothed1) < 0;
        }
        if (now === 3 && firstHostile < 0) firstHostile = t;
      } else {
        for (let z = 0; z < drifting.length; z++) { const dd = drifting[z]; rel[dd] += memory * (relBase[dd] - rel[dd]); }
      }
      cooperation?.(t, coop);
    }
    if (tally !== undefined) {
      addMonth(tally, T - 1, coop);
      tally.acts[0] += acts + thirdActs;
    }
    return {
      initial: [initial], changes, firstBreak: [firstBreak], firstBreakReason: [firstBreakReason],
      firstBreakBelow: [firstBreakBelow], firstHostile: [firstHostile], acts,
    };
  }
  return kernel;
}
