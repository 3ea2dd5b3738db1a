// Standing: the junior partner resents a hierarchy it did not make; the senior gains prestige but pays for a rising challenger.
import type { PairView } from './pair.js';

/**
 * Power transition (Organski & Kugler 1980): with r the capability ratio of junior to senior raised to `exponent`, H the
 * senior's leadership of the bloc and a the junior leader's ambition, the junior loses resentment*H*r*a and the senior
 * gains prestige*H less challenge*r*a.
 */
export function standing(v: PairView): number {
  const { resentment, prestige, challenge, exponent } = v.params;
  const h = v.state.hierarchy[v.alliance];
  const r = Math.pow(v.ratio, exponent);
  if (v.junior) return -resentment * h * r * v.traitsI.ambition;
  return prestige * h - challenge * r * v.traitsJ.ambition;
}
