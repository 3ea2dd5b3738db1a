// Autonomy: sovereignty given up to the partner (bases, joint companies, special rights), valued more as the junior grows.
import { DIMENSION } from '../engine/model.js';
import { issueSatisfaction, type PairView } from './pair.js';

/**
 * Satisfaction with the outcomes of sovereignty issues; for the junior partner scaled by 1 + growth*(r - 1/2), because in
 * Morrow's (1991) asymmetric alliance a weak partner that gains capability comes to value autonomy more.
 */
export function autonomy(v: PairView): number {
  const sat = issueSatisfaction(v, DIMENSION.sovereignty);
  return v.junior ? sat * (1 + v.params.growth * (v.ratio - 0.5)) : sat;
}
