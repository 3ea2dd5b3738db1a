// Personality: a mistrustful leader facing an ambitious counterpart values the alliance less.
import type { PairView } from './pair.js';

/** 1 - mistrust of i's leader - ambition of j's leader: +1 between trusting, modest leaders, -1 between suspicious, driven ones. */
export function personality(v: PairView): number {
  return personalityTerm(v.traitsI.mistrust, v.traitsJ.ambition);
}

/** The personality term from i's leader's mistrust and j's leader's ambition. */
export function personalityTerm(mistrustI: number, ambitionJ: number): number {
  return 1 - mistrustI - ambitionJ;
}
