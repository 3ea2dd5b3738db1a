// Standing: the junior partner resents a hierarchy it did not make; the senior gains prestige but pays for a rising challenger.
import type { PairView } from './pair.js';

/**
 * Power transition (Organski & Kugler 1980): with r the capability ratio of junior to senior raised to `exponent`, H the
 * senior's leadership of the bloc and a the junior leader's ambition, the junior loses resentment*H*r*a and the senior
 * gains prestige*H less challenge*r*a.
 */
export function standing(v: PairView): number {
  const { resentment, prestige, challenge, exponent } = v.params;
  return standingTerm(v.state.hierarchy[v.alliance], Math.pow(v.ratio, exponent), v.junior, v.traitsI.ambition, v.traitsJ.ambition, resentment, prestige, challenge);
}

/** The standing term from the hierarchy h and the ratio already raised to its exponent, r (what standing(v) works out). */
export function standingTerm(h: number, r: number, junior: boolean, ambitionI: number, ambitionJ: number, resentment: number, prestige: number, challenge: number): number {
  if (junior) return -resentment * h * r * ambitionI;
  return prestige * h - challenge * r * ambitionJ;
}
