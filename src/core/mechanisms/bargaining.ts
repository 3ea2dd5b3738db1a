// Bargaining: gains and losses on the contested material issues, as their outcomes stand this month.
import { DIMENSION } from '../engine/model.js';
import { issueSatisfaction, type PairView } from './pair.js';

/** weight times the salience-weighted satisfaction with the outcomes of material issues both members hold a stance on. */
export function bargaining(v: PairView): number {
  return v.params.weight * issueSatisfaction(v, DIMENSION.material);
}
