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
