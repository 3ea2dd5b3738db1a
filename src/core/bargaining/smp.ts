// KTAB's Spatial Model of Politics: each turn every actor challenges its best target, proposes a bargain, and each
// actor's new position is the bargain that wins a probabilistic Condorcet election among those that involve it.
// Follows SMPState::stepBCN/doBCN/updateBestBrgnPositions (KTAB smp.cpp, smpbcn.cpp); docs/bargaining.md has the formulas.
import { challengeContext, challengeEstimate, challengerRow, challengeScratch, type ThirdPartyCommit } from './smp-challenge.js';
import {
  coalitions, outcomeProbabilities, riskFromProbabilities, scalarPce,
  type BigRRange, type PceModel, type VictoryProbModel, type VotingRule,
} from './smp-vote.js';
import { uniform01, type RandomSource } from './types.js';

/** How h's estimate of i's risk attitude anchors on h's own (KTAB BigRAdjust). */
export type BigRAdjust = 'None' | 'OneThird' | 'Half' | 'TwoThirds' | 'Full';
/** How a bargain's position on each dimension is interpolated (KTAB InterVecBrgn). */
export type InterVecBargain = 'S1P1' | 'S2P2' | 'S2PMax';
/** Whose view of the challenge shapes the bargain (KTAB SMPBargnModel). */
export type BargainModel = 'InitOnlyInterp' | 'InitRcvrInterp' | 'PWCompInterp';

/** KTAB's documented SMP parameters and stopping rule. */
export interface SmpOptions {
  victory: VictoryProbModel;
  voting: VotingRule;
  pce: PceModel;
  transitions: 'Deterministic' | 'Stochastic';
  bigRRange: BigRRange;
  bigRAdjust: BigRAdjust;
  thirdParty: ThirdPartyCommit;
  interVec: InterVecBargain;
  bargain: BargainModel;
  /** Stop no earlier than this turn ... */
  minTurns: number;
  /** ... and no later than this one. */
  maxTurns: number;
  /** Stop when the last turn's movement is below this fraction of the first turn's. */
  minDeltaRatio: number;
  /** Added to the first turn's movement so that a still first turn cannot divide by zero. */
  minSigDelta: number;
  /** Record each state's outcome probabilities (costs one more election per turn). */
  probabilities: boolean;
}

/** KTAB smpc's defaults (SMPModel, configExec): the parameters of its 2017 reference runs. */
export const SMP_DEFAULTS: SmpOptions = {
  victory: 'Linear', voting: 'Prop', pce: 'Conditional', transitions: 'Deterministic', bigRRange: 'Mid',
  bigRAdjust: 'OneThird', thirdParty: 'SemiCommit', interVec: 'S2P2', bargain: 'InitOnlyInterp',
  minTurns: 2, maxTurns: 100, minDeltaRatio: 0.02, minSigDelta: 1e-4, probabilities: false,
};

/** The fixed part of an SMP problem on KTAB's internal scale: positions in [0, 1], saliences summing to at most 1. */
export interface SmpSetup {
  n: number;
  dims: number;
  cap: Float64Array;
  /** sal[i*dims + d] */
  sal: Float64Array;
  salSum: Float64Array;
  /** Each actor's saliences squared and summed. */
  ssSqr: Float64Array;
}

/** A bargain: initiator and receiver and the positions it gives each (status quo when init === rcvr). */
export interface SmpBargain {
  init: number;
  rcvr: number;
  posInit: Float64Array;
  posRcvr: Float64Array;
}

/** What one turn did: who challenged whom, the bargains, and the risk attitudes it inferred. */
export interface SmpTurn {
  next: Float64Array;
  risk: Float64Array;
  bargains: SmpBargain[];
  /** For each actor, the index into `bargains` it adopted (−1: status quo). */
  adopted: Int32Array;
}

/** A full SMP run on KTAB's internal scale. */
export interface SmpRun {
  /** states[t][i*dims + d] */
  states: Float64Array[];
  /** Outcome probability of each actor's position per state (when asked for, else only for the last state). */
  probabilities: Float64Array[];
  stop: string;
}

/** Builds the fixed part of a problem; saliences are KTAB's (an actor's saliences sum to at most 1). */
export function smpSetup(cap: readonly number[], sal: readonly (readonly number[])[]): SmpSetup {
  const n = cap.length;
  const dims = sal[0]?.length ?? 0;
  const s = new Float64Array(n * dims);
  const salSum = new Float64Array(n);
  const ssSqr = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let sq = 0;
    for (let d = 0; d < dims; d++) {
      s[i * dims + d] = sal[i][d];
      sum = sum + sal[i][d];
      sq = sq + sal[i][d] * sal[i][d];
    }
    salSum[i] = sum;
    ssSqr[i] = sq;
  }
  return { n, dims, cap: Float64Array.from(cap), sal: s, salSum, ssSqr };
}

/** KTAB estNRA: h's estimate of i's risk attitude. */
export function estimateRisk(rh: number, ri: number, adjust: BigRAdjust): number {
  switch (adjust) {
    case 'Full': return ri;
    case 'TwoThirds': return (rh + 2.0 * ri) / 3.0;
    case 'Half': return (rh + ri) / 2;
    case 'OneThird': return (2.0 * rh + ri) / 3.0;
    case 'None': return rh;
  }
}

/** vd[i*n + j]: KTAB bvDiff, the distance from i's ideal (its position) to j's, weighted by i's saliences and normalised. */
export function salienceDistances(setup: SmpSetup, pos: Float64Array): Float64Array {
  const { n, dims, sal } = setup;
  const vd = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    // i's squared saliences summed, the same for every j (and every state).
    const ssSqr = setup.ssSqr[i];
    for (let j = 0; j < n; j++) {
      let dsSqr = 0;
      for (let d = 0; d < dims; d++) {
        const ds = (pos[i * dims + d] - pos[j * dims + d]) * sal[i * dims + d];
        dsSqr = dsSqr + ds * ds;
      }
      // An actor with no salience anywhere is indifferent between all positions: it carries no weight (0, not KTAB's 0/0).
      vd[i * n + j] = ssSqr > 0 ? Math.sqrt(dsSqr / ssSqr) : 0;
    }
  }
  return vd;
}

/** Risk attitudes inferred from how likely each actor's position is to win when all are risk neutral (setAllAUtil). */
export function inferRisk(setup: SmpSetup, vd: Float64Array, opts: SmpOptions): Float64Array {
  const { n, cap } = setup;
  const c = coalitions(n, n, cap, neutralUtilities(vd), opts.voting);
  return riskFromProbabilities(outcomeProbabilities(n, c, opts.victory, opts.pce), opts.bigRRange);
}

// The loops of a turn are small functions of their own, apart from the code that strings them together: in a fresh
// process V8 then optimises each loop alone and quickly, instead of compiling (by on-stack replacement) one large
// function with everything inlined into it, which cost a one-shot `schism bargain` more CPU than the run itself.

/** Every actor's utility for every position when all are risk neutral: util(vd[x], 0). */
function neutralUtilities(vd: Float64Array): Float64Array {
  const u = new Float64Array(vd.length);
  // util(d, 0), written out (see bargainUtilities).
  for (let x = 0; x < vd.length; x++) {
    const d = vd[x];
    u[x] = d <= 1 ? (1 - d) * (1 + d * 0) : (1 - d) * (1 + 0);
  }
  return u;
}

/** out[a]: h's estimate of a's risk attitude (estimateRisk), for every actor a. */
function riskEstimates(risk: Float64Array, h: number, adjust: BigRAdjust, out: Float64Array): Float64Array {
  const rh = risk[h];
  for (let a = 0; a < risk.length; a++) out[a] = estimateRisk(rh, risk[a], adjust);
  return out;
}

/** The target j ≠ i with the largest expected gain `eu[j]` above 1e−5 (the first one on ties), or −1 when none is worth it. */
function bestTarget(n: number, i: number, eu: Float64Array): number {
  let bestJ = -1;
  let bestEU = -1;
  for (let j = 0; j < n; j++) {
    if (j === i) continue;
    const edu = eu[j];
    if (1e-5 < edu && bestEU < edu) {
      bestJ = j;
      bestEU = edu;
    }
  }
  return bestJ;
}

/** own[a*n + m]: a's utility for m's position with its own risk attitude; uSQ[a]: their mean (a's utility for the status quo). */
function ownUtilities(n: number, vd: Float64Array, risk: Float64Array, adjust: BigRAdjust, own: Float64Array, uSQ: Float64Array): void {
  for (let a = 0; a < n; a++) {
    const r = estimateRisk(risk[a], risk[a], adjust);
    let s = 0;
    for (let m = 0; m < n; m++) {
      const d = vd[a * n + m];
      const u = d <= 1 ? (1 - d) * (1 + d * r) : (1 - d) * (1 + r);
      own[a * n + m] = u;
      s = s + u;
    }
    uSQ[a] = s / n;
  }
}

/** u[a*m + o]: a's utility for option o of an election, the status quo (o = 0) and then the bargains `options`. */
function electionUtilities(n: number, uSQ: Float64Array, uB: Float64Array[], options: number[]): Float64Array {
  const m = options.length + 1;
  const u = new Float64Array(n * m);
  for (let a = 0; a < n; a++) {
    u[a * m] = uSQ[a];
    for (let o = 1; o < m; o++) u[a * m + o] = uB[options[o - 1]][a];
  }
  return u;
}

/** KTAB interpBrgnSnPm / interpBrgnS2PMax on every dimension: the positions a bargain between i and j gives each. */
export function interpolateBargain(
  setup: SmpSetup, pos: Float64Array, i: number, j: number, prbI: number, prbJ: number, rule: InterVecBargain,
): SmpBargain {
  const { dims, sal } = setup;
  const posInit = new Float64Array(dims);
  const posRcvr = new Float64Array(dims);
  for (let d = 0; d < dims; d++) {
    const ti = pos[i * dims + d];
    const tj = pos[j * dims + d];
    const si = sal[i * dims + d];
    const sj = sal[j * dims + d];
    if (rule === 'S2PMax') {
      const di = prbJ > prbI ? prbJ - prbI : 0;
      const dj = prbI > prbJ ? prbI - prbJ : 0;
      const dik = (di * sj * sj) / (di * sj * sj + 1e-6 + (1 - di) * si * si);
      const djk = (dj * si * si) / (dj * si * si + 1e-6 + (1 - dj) * sj * sj);
      posInit[d] = ti + dik * (tj - ti);
      posRcvr[d] = tj + djk * (ti - tj);
      continue;
    }
    const wi = rule === 'S2P2' ? si * si * (prbI * prbI) : si * prbI;
    const wj = rule === 'S2P2' ? sj * sj * (prbJ * prbJ) : sj * prbJ;
    // 1e-6 keeps 0/0 away when neither cares; the asymmetry it adds is deliberate in KTAB.
    // Four decimals, as KTAB rounds a bargain (against spurious asymmetry and spurious precision); written out here
    // rather than called, as in bargainUtilities.
    posInit[d] = Math.trunc(0.5 + (((wi + 1e-6) * ti + wj * tj) / (wi + 1e-6 + wj)) * 10000) / 10000;
    posRcvr[d] = Math.trunc(0.5 + ((wi * ti + (1e-6 + wj) * tj) / (wi + 1e-6 + wj)) * 10000) / 10000;
  }
  return { init: i, rcvr: j, posInit, posRcvr };
}

/** What a turn needs about the state it starts from: its salience distances and inferred risk attitudes. */
export interface SmpStateView {
  vd: Float64Array;
  risk: Float64Array;
}

/** The salience distances and risk attitudes of positions `pos`, which a turn and the outcome probabilities share. */
export function stateView(setup: SmpSetup, pos: Float64Array, opts: SmpOptions): SmpStateView {
  const vd = salienceDistances(setup, pos);
  return { vd, risk: inferRisk(setup, vd, opts) };
}

/**
 * One SMP turn from positions `pos` (identity accommodation: ideals are the current positions). `view` is the state's
 * stateView when the caller has it already.
 */
export function smpTurn(setup: SmpSetup, pos: Float64Array, opts: SmpOptions, rng?: RandomSource, view?: SmpStateView): SmpTurn {
  const { n, dims } = setup;
  const { vd, risk } = view ?? stateView(setup, pos, opts);
  const ctx = challengeContext(n, vd, setup.cap, setup.salSum, opts.voting, opts.thirdParty);

  // Challenges: each actor picks the target with the largest expected gain (first one on ties), if it is worth anything.
  const bargains: SmpBargain[] = [];
  const scratch = challengeScratch(n);
  const rI = new Float64Array(n);
  const pRow = new Float64Array(n);
  const euRow = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    challengerRow(ctx, riskEstimates(risk, i, opts.bigRAdjust, rI), i, scratch, pRow, euRow);
    const j = bestTarget(n, i, euRow);
    if (j < 0) continue;
    const bestP = pRow[j];
    const fromI = interpolateBargain(setup, pos, i, j, bestP, 1 - bestP, opts.interVec);
    if (opts.bargain === 'InitOnlyInterp') {
      bargains.push(fromI);
      continue;
    }
    // j's view of the same challenge. KTAB passes j's expected gain here where the probability is meant; we pass the probability.
    const [pJ] = challengeEstimate(ctx, riskEstimates(risk, j, opts.bigRAdjust, new Float64Array(n)), i, i, j);
    const fromJ = interpolateBargain(setup, pos, i, j, pJ, 1 - pJ, opts.interVec);
    if (opts.bargain === 'InitRcvrInterp') {
      bargains.push(fromI, fromJ);
      continue;
    }
    const wi = setup.cap[i] * setup.salSum[i];
    const wj = setup.cap[j] * setup.salSum[j];
    const mix = (a: Float64Array, b: Float64Array) => a.map((v, d) => (wi * v + wj * b[d]) / (wi + wj));
    bargains.push({ init: i, rcvr: j, posInit: mix(fromI.posInit, fromJ.posInit), posRcvr: mix(fromI.posRcvr, fromJ.posRcvr) });
  }

  // Every actor's utility for each bargain's world (all positions as now except the two parties'), averaged over positions.
  // own[a*n + m]: a's utility for m's position, computed once a turn rather than once per bargain.
  const own = new Float64Array(n * n);
  const uSQ = new Float64Array(n);
  ownUtilities(n, vd, risk, opts.bigRAdjust, own, uSQ);
  const uB: Float64Array[] = [];
  for (const b of bargains) uB.push(bargainUtilities(setup, pos, risk, own, setup.ssSqr, b));

  // Each actor's new position: the winner of an election among the status quo and the bargains that involve it.
  const involving: number[][] = Array.from({ length: n }, () => []);
  bargains.forEach((b, x) => {
    involving[b.init].push(x);
    if (b.rcvr !== b.init) involving[b.rcvr].push(x);
  });
  const next = pos.slice();
  const adopted = new Int32Array(n).fill(-1);
  for (let k = 0; k < n; k++) {
    const opts_k = involving[k];
    if (opts_k.length === 0) continue;
    const p = scalarPce(n, opts_k.length + 1, setup.cap, electionUtilities(n, uSQ, uB, opts_k), opts.voting, opts.victory, opts.pce);
    let pick = 0;
    if (opts.transitions === 'Deterministic') {
      // The option with the largest |p|, the first on ties (a handful of options: not worth a function V8 would optimise).
      let best = -1;
      for (let o = 0; o < p.length; o++) if (best < Math.abs(p[o])) { best = Math.abs(p[o]); pick = o; }
    } else {
      if (!rng) throw new Error('stochastic SMP transitions need a seeded random source');
      pick = sample(p, uniform01(rng));
    }
    if (pick === 0) continue;
    const b = bargains[opts_k[pick - 1]];
    next.set(b.init === k ? b.posInit : b.posRcvr, k * dims);
    adopted[k] = opts_k[pick - 1];
  }
  return { next, risk, bargains, adopted };
}

/**
 * Every actor's utility for the world of bargain `b`, averaged over positions: the two parties' new positions (valued
 * with each actor's own risk attitude) and everyone else's as now (`own[a*n + m]`), summed in actor order. The
 * distances and utilities are written out here rather than called: in a fresh process V8 then compiles this one
 * function, not also the small ones it would first optimise on their own.
 */
function bargainUtilities(setup: SmpSetup, pos: Float64Array, risk: Float64Array, own: Float64Array, ssSqr: Float64Array, b: SmpBargain): Float64Array {
  const { n, dims, sal } = setup;
  const pI = b.posInit;
  const pR = b.posRcvr;
  const col = new Float64Array(n);
  // The parties' own positions are left out of the sum; the actors before, between and after them keep their order.
  const lo = Math.min(b.init, b.rcvr);
  const hi = Math.max(b.init, b.rcvr);
  for (let a = 0; a < n; a++) {
    const row = a * n;
    // a's salience-weighted distances to the two new positions.
    let dsI = 0;
    let dsR = 0;
    for (let d = 0; d < dims; d++) {
      const x = (pos[a * dims + d] - pI[d]) * sal[a * dims + d];
      dsI = dsI + x * x;
      const y = (pos[a * dims + d] - pR[d]) * sal[a * dims + d];
      dsR = dsR + y * y;
    }
    const r = risk[a];
    const dI = Math.sqrt(dsI / ssSqr[a]);
    const dR = Math.sqrt(dsR / ssSqr[a]);
    let s = 0;
    s = s + (dI <= 1 ? (1 - dI) * (1 + dI * r) : (1 - dI) * (1 + r));
    s = s + (dR <= 1 ? (1 - dR) * (1 + dR * r) : (1 - dR) * (1 + r));
    for (let m = 0; m < lo; m++) s = s + own[row + m];
    for (let m = lo + 1; m < hi; m++) s = s + own[row + m];
    for (let m = hi + 1; m < n; m++) s = s + own[row + m];
    col[a] = s / n;
  }
  return col;
}

function sample(p: Float64Array, u: number): number {
  let acc = 0;
  for (let o = 0; o < p.length; o++) {
    acc += p[o];
    if (u < acc) return o;
  }
  return p.length - 1;
}

/** KTAB stateDist: the sum over actors of the Euclidean distance each moved (internal [0, 1] scale). */
export function stateDistance(setup: SmpSetup, a: Float64Array, b: Float64Array): number {
  let total = 0;
  for (let i = 0; i < setup.n; i++) {
    let s = 0;
    for (let d = 0; d < setup.dims; d++) {
      const x = a[i * setup.dims + d] - b[i * setup.dims + d];
      s = s + x * x;
    }
    total = total + Math.sqrt(s);
  }
  return total;
}

/**
 * The probability that each actor's position is the outcome (KTAB pDist(−1) and posProb): an election among the
 * distinct positions (closer than 1e−3 counts as the same), each actor valuing them with its own risk attitude. `view`
 * is the state's stateView when the caller has it already.
 */
export function positionProbabilities(setup: SmpSetup, pos: Float64Array, opts: SmpOptions, view?: SmpStateView): Float64Array {
  const { n, dims } = setup;
  const { vd, risk } = view ?? stateView(setup, pos, opts);
  const same = (i: number, j: number) => {
    let s = 0;
    for (let d = 0; d < dims; d++) {
      const x = pos[i * dims + d] - pos[j * dims + d];
      s = s + x * x;
    }
    return Math.sqrt(s) < 1e-3;
  };
  const unique: number[] = [];
  for (let i = 0; i < n; i++) if (!unique.some((k) => same(i, k))) unique.push(i);
  const m = unique.length;
  const u = new Float64Array(n * m);
  for (let a = 0; a < n; a++) {
    const r = estimateRisk(risk[a], risk[a], opts.bigRAdjust);
    for (let o = 0; o < m; o++) u[a * m + o] = util(vd[a * n + unique[o]], r);
  }
  const p = scalarPce(n, m, setup.cap, u, opts.voting, opts.victory, opts.pce);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // As KTAB's posProb: the last distinct position the actor's is equivalent to.
    for (let o = 0; o < m; o++) if (same(i, unique[o])) out[i] = p[o];
  }
  return out;
}

/** Runs the SMP from initial positions (internal scale) until KTAB's stopping rule fires. */
export function smpRun(setup: SmpSetup, start: Float64Array, options: Partial<SmpOptions> = {}, rng?: RandomSource): SmpRun {
  const opts = { ...SMP_DEFAULTS, ...options };
  const states: Float64Array[] = [start.slice()];
  const probabilities: Float64Array[] = [];
  // Each state's distances and risk attitudes serve both its outcome probabilities and the turn that starts from it.
  let view = stateView(setup, start, opts);
  if (opts.probabilities) probabilities.push(positionProbabilities(setup, start, opts, view));
  let stop = '';
  // The first turn's movement, which every later one is compared with (set after the first turn).
  let d01 = 0;
  for (let iter = 1; ; iter++) {
    const { next } = smpTurn(setup, states[iter - 1], opts, rng, view);
    states.push(next);
    view = stateView(setup, next, opts);
    if (opts.probabilities) probabilities.push(positionProbabilities(setup, next, opts, view));
    if (iter === 1) d01 = stateDistance(setup, states[0], states[1]) + opts.minSigDelta;
    const ratio = stateDistance(setup, states[iter], states[iter - 1]) / d01;
    if (opts.maxTurns <= iter) {
      stop = `reached the turn limit (${opts.maxTurns})`;
      break;
    }
    if (opts.minTurns <= iter && ratio < opts.minDeltaRatio) {
      stop = `turn ${iter} moved ${ratio.toFixed(4)} of the first turn's distance (< ${opts.minDeltaRatio})`;
      break;
    }
  }
  if (!opts.probabilities) probabilities.push(positionProbabilities(setup, states[states.length - 1], opts, view));
  return { states, probabilities, stop };
}

/** KTAB bsUtil (see smp-vote.ts), kept local so the n³ loops do not go through a module binding. */
function util(d: number, r: number): number {
  return d <= 1 ? (1 - d) * (1 + d * r) : (1 - d) * (1 + r);
}
