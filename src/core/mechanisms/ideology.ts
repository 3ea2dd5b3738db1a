// Ideology: shared doctrine binds; doctrinal distance (paths to socialism, coexistence vs revolution) divides.
import { doctrineDistance, type PairView } from './pair.js';

/** solidarity*(1-d) - divergence*d, with d the salience-weighted distance of the two members' doctrine positions (0..1). */
export function ideology(v: PairView): number {
  const d = doctrineDistance(v);
  if (d < 0) return 0;
  return v.params.solidarity * (1 - d) - v.params.divergence * d;
}
