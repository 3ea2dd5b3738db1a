// KTAB SMP's estimate of a challenge: who would win if i challenged j, and what it is worth to a third actor k.
// Follows SMPState::probEduChlg, Actor::vProbLittle and Actor::thirdPartyVoteSU (smpbcn.cpp, kmodel.cpp).
import { vote, type VotingRule } from './smp-vote.js';

/** How far third parties commit to the side they join (KTAB ThirdPartyCommit). */
export type ThirdPartyCommit = 'NoCommit' | 'SemiCommit' | 'FullCommit';

/** What a challenge estimate needs to know about the current state. */
export interface ChallengeContext {
  n: number;
  /** vd[a*n + b]: salience-weighted distance from a's ideal to b's position, in [0, 1]. */
  vd: Float64Array;
  cap: Float64Array;
  /** Each actor's total salience (its saliences summed over dimensions). */
  salSum: Float64Array;
  voting: VotingRule;
  commit: ThirdPartyCommit;
}

/**
 * h's estimate of the challenge i → j: the probability that i wins and the expected change in utility to k
 * against the status quo. `rH[a]` is h's estimate of a's risk attitude. Returns [p(i beats j), Δu_k].
 */
export function challengeEstimate(ctx: ChallengeContext, rH: Float64Array, k: number, i: number, j: number): [number, number] {
  const { n, vd, cap, salSum, voting } = ctx;
  const uii = util(vd[i * n + i], rH[i]);
  const uij = util(vd[i * n + j], rH[i]);
  const uji = util(vd[j * n + i], rH[j]);
  const ujj = util(vd[j * n + j], rH[j]);
  const uki = util(vd[k * n + i], rH[k]);
  const ukj = util(vd[k * n + j], rH[k]);
  const euSQ = uki + ukj;
  const uhkij = uki + uki;
  const uhkji = ukj + ukj;
  const sj = salSum[j];
  const prop = voting === 'Prop';
  // The principals' own weights in their contest; 1e-10 keeps either side from being empty.
  const contribI = prop ? salSum[i] * cap[i] * (uii - uij) : vote(voting, salSum[i] * cap[i], uii, uij);
  const contribJ = prop ? sj * cap[j] * (uji - ujj) : vote(voting, sj * cap[j], uji, ujj);
  let chij = 1e-10;
  let chji = 1e-10;
  if (contribI > 0) chij = chij + contribI;
  if (contribI < 0) chji = chji - contribI;
  if (contribJ > 0) chij = chij + contribJ;
  if (contribJ < 0) chji = chji - contribJ;
  const cI = chij;
  const cJ = chji;
  const semi = ctx.commit === 'SemiCommit';
  const full = ctx.commit === 'FullCommit';
  // This loop runs n³ times a turn: utilities are written out rather than called, to keep it tight.
  for (let m = 0; m < n; m++) {
    if (m === i || m === j) continue;
    const wm = salSum[m] * cap[m];
    const r = rH[m];
    const dmi = vd[m * n + i];
    const dmj = vd[m * n + j];
    const dmm = vd[m * n + m];
    const umi = dmi <= 1 ? (1 - dmi) * (1 + dmi * r) : (1 - dmi) * (1 + r);
    const umj = dmj <= 1 ? (1 - dmj) * (1 + dmj * r) : (1 - dmj) * (1 + r);
    const umm = dmm <= 1 ? (1 - dmm) * (1 + dmm * r) : (1 - dmm) * (1 + r);
    // Each third party judges the "little" contest of i, j and itself alone (vProbLittle).
    const cm = prop ? wm * (umi - umj) : vote(voting, wm, umi, umj);
    const cmi = cm > 0 ? cI + cm : cI;
    const cmj = cm < 0 ? cJ - cm : cJ;
    const pin = cmi / (cmi + cmj);
    const pjn = 1 - pin;
    // thirdPartyVoteSU: sums of three positions' utilities in the states "i and m beat j" and "i beats j and m".
    const uImDefJ = full ? umi + umi + umi : umi + umi + umm;
    const uJDefIm = semi || full ? umj + umj + umj : umj + umj + umm;
    const uIDefJm = semi || full ? umi + umi + umi : umi + umi + umm;
    const uJmDefI = full ? umj + umj + umj : umj + umj + umm;
    const uImJ = pin * uImDefJ + pjn * uJDefIm;
    const uIJm = pin * uIDefJm + pjn * uJmDefI;
    const vm = prop ? wm * (uImJ - uIJm) : vote(voting, wm, uImJ, uIJm);
    if (vm > 0) chij = chij + vm;
    if (vm < 0) chji = chji - vm;
  }
  const phij = chij / (chij + chji);
  const phji = chji / (chij + chji);
  const euCntst = phij * uhkij + phji * uhkji;
  // j resists with probability equal to its total salience; unresisted, i's position prevails.
  const euChlg = (1 - sj) * uhkij + sj * euCntst;
  return [phij, euChlg - euSQ];
}

/** KTAB bsUtil, kept local so the hot loop does not go through a module binding. */
function util(d: number, r: number): number {
  return d <= 1 ? (1 - d) * (1 + d * r) : (1 - d) * (1 + r);
}

/** Scratch arrays for challengerRow, sized for n actors and reused across challengers and turns. */
export interface ChallengeScratch {
  /** ut[x*n + m]: util(vd[m*n + x], rH[m]), m's utility (as h estimates it) for x's position. */
  ut: Float64Array;
  /** Per third party m: its weight, and its sums of three utilities in the states where i and m prevail. */
  w: Float64Array;
  uImDefJ: Float64Array;
  uIDefJm: Float64Array;
}

// A turn's context and scratch are built by constructors rather than object literals: V8 widens the field types of a
// literal's shape when the literal runs a second time, which in a fresh process is the second turn, and that threw away
// challengerRow's optimised code, compiled during the first turn on the narrower types, so it was compiled twice.
class Context implements ChallengeContext {
  n: number;
  vd: Float64Array;
  cap: Float64Array;
  salSum: Float64Array;
  voting: VotingRule;
  commit: ThirdPartyCommit;
  constructor(n: number, vd: Float64Array, cap: Float64Array, salSum: Float64Array, voting: VotingRule, commit: ThirdPartyCommit) {
    this.n = n;
    this.vd = vd;
    this.cap = cap;
    this.salSum = salSum;
    this.voting = voting;
    this.commit = commit;
  }
}

class Scratch implements ChallengeScratch {
  ut: Float64Array;
  w: Float64Array;
  uImDefJ: Float64Array;
  uIDefJm: Float64Array;
  constructor(n: number) {
    this.ut = new Float64Array(n * n);
    this.w = new Float64Array(n);
    this.uImDefJ = new Float64Array(n);
    this.uIDefJm = new Float64Array(n);
  }
}

/** The context of a turn's challenge estimates. */
export function challengeContext(n: number, vd: Float64Array, cap: Float64Array, salSum: Float64Array, voting: VotingRule, commit: ThirdPartyCommit): ChallengeContext {
  return new Context(n, vd, cap, salSum, voting, commit);
}

/** Scratch space for challengerRow over n actors. */
export function challengeScratch(n: number): ChallengeScratch {
  return new Scratch(n);
}

/**
 * i's own estimate (h = k = i) of its challenge to every j ≠ i, as challengeEstimate(ctx, rH, i, i, j) would give it
 * bit for bit: p[j] = p(i beats j), eu[j] = Δu_i. Each utility is computed once per challenger instead of once per
 * (j, m), which is most of the cost of a turn, and of its first, not yet optimised run in a fresh process.
 */
export function challengerRow(ctx: ChallengeContext, rH: Float64Array, i: number, s: ChallengeScratch, p: Float64Array, eu: Float64Array): void {
  const { n, vd, cap, salSum, voting } = ctx;
  const { ut, w, uImDefJ, uIDefJm } = s;
  // The same expression as util(), so the same bits: ut is laid out so the loop over third parties reads it in order.
  for (let m = 0; m < n; m++) {
    const r = rH[m];
    const row = m * n;
    for (let x = 0; x < n; x++) {
      const d = vd[row + x];
      ut[x * n + m] = d <= 1 ? (1 - d) * (1 + d * r) : (1 - d) * (1 + r);
    }
  }
  const prop = voting === 'Prop';
  const semi = ctx.commit === 'SemiCommit';
  const full = ctx.commit === 'FullCommit';
  const iRow = i * n;
  for (let m = 0; m < n; m++) {
    const umi = ut[iRow + m];
    const umm = ut[m * n + m];
    w[m] = salSum[m] * cap[m];
    uImDefJ[m] = full ? umi + umi + umi : umi + umi + umm;
    uIDefJm[m] = semi || full ? umi + umi + umi : umi + umi + umm;
  }
  const uii = ut[iRow + i];
  const wi = salSum[i] * cap[i];
  for (let j = 0; j < n; j++) {
    if (j === i) continue;
    const jRow = j * n;
    const uij = ut[jRow + i];
    const uji = ut[iRow + j];
    const ujj = ut[jRow + j];
    // k = i: uki = uii and ukj = uij.
    const euSQ = uii + uij;
    const uhkij = uii + uii;
    const uhkji = uij + uij;
    const sj = salSum[j];
    const contribI = prop ? wi * (uii - uij) : vote(voting, wi, uii, uij);
    const contribJ = prop ? sj * cap[j] * (uji - ujj) : vote(voting, sj * cap[j], uji, ujj);
    let chij = 1e-10;
    let chji = 1e-10;
    if (contribI > 0) chij = chij + contribI;
    if (contribI < 0) chji = chji - contribI;
    if (contribJ > 0) chij = chij + contribJ;
    if (contribJ < 0) chji = chji - contribJ;
    const cI = chij;
    const cJ = chji;
    if (prop && semi) {
      // KTAB's defaults (proportional votes, semi-committed third parties): the same sums with the rules fixed, so that
      // the loop a fresh process first runs interpreted, and then compiles, is short.
      for (let m = 0; m < n; m++) {
        if (m === i || m === j) continue;
        const wm = w[m];
        const umj = ut[jRow + m];
        const cm = wm * (ut[iRow + m] - umj);
        const cmi = cm > 0 ? cI + cm : cI;
        const cmj = cm < 0 ? cJ - cm : cJ;
        const pin = cmi / (cmi + cmj);
        const pjn = 1 - pin;
        const uImJ = pin * uImDefJ[m] + pjn * (umj + umj + umj);
        const uIJm = pin * uIDefJm[m] + pjn * (umj + umj + ut[m * n + m]);
        const vm = wm * (uImJ - uIJm);
        if (vm > 0) chij = chij + vm;
        if (vm < 0) chji = chji - vm;
      }
    } else {
      for (let m = 0; m < n; m++) {
        if (m === i || m === j) continue;
        const wm = w[m];
        const umi = ut[iRow + m];
        const umj = ut[jRow + m];
        const umm = ut[m * n + m];
        const cm = prop ? wm * (umi - umj) : vote(voting, wm, umi, umj);
        const cmi = cm > 0 ? cI + cm : cI;
        const cmj = cm < 0 ? cJ - cm : cJ;
        const pin = cmi / (cmi + cmj);
        const pjn = 1 - pin;
        const uJDefIm = semi || full ? umj + umj + umj : umj + umj + umm;
        const uJmDefI = full ? umj + umj + umj : umj + umj + umm;
        const uImJ = pin * uImDefJ[m] + pjn * uJDefIm;
        const uIJm = pin * uIDefJm[m] + pjn * uJmDefI;
        const vm = prop ? wm * (uImJ - uIJm) : vote(voting, wm, uImJ, uIJm);
        if (vm > 0) chij = chij + vm;
        if (vm < 0) chji = chji - vm;
      }
    }
    const phij = chij / (chij + chji);
    const phji = chji / (chij + chji);
    const euCntst = phij * uhkij + phji * uhkji;
    const euChlg = (1 - sj) * uhkij + sj * euCntst;
    p[j] = phij;
    eu[j] = euChlg - euSQ;
  }
}
