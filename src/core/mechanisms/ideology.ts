// Ideology: shared doctrine binds; doctrinal distance (paths to socialism, coexistence vs revolution) divides.
import { doctrineDistance, type PairView } from './pair.js';

/** solidarity*(1-d) - divergence*d, with d the salience-weighted distance of the two members' doctrine positions (0..1). */
export function ideology(v: PairView): number {
  return ideologyTerm(doctrineDistance(v), v.params.solidarity, v.params.divergence);
}

/** The ideology term from the doctrinal distance d (-1: no shared doctrine issue). */
export function ideologyTerm(d: number, solidarity: number, divergence: number): number {
  if (d < 0) return 0;
  return solidarity * (1 - d) - divergence * d;
}
