// Ideology: shared doctrine binds; doctrinal distance (paths to socialism, coexistence vs revolution) divides.
import { DIMENSION } from '../engine/model.js';
import type { PairView } from './pair.js';

/** solidarity*(1-d) - divergence*d, with d the salience-weighted distance of the two members' doctrine positions (0..1). */
export function ideology(v: PairView): number {
  const { state, model } = v;
  const K = state.K;
  const issues = model.issuesOf[DIMENSION.doctrine];
  let num = 0;
  let den = 0;
  for (let q = 0; q < issues.length; q++) {
    const k = issues[q];
    const xi = state.pos[v.i * K + k];
    const xj = state.pos[v.j * K + k];
    if (xi !== xi || xj !== xj) continue;
    const s = state.sal[v.i * K + k];
    num += (s * Math.abs(xi - xj)) / 100;
    den += s;
  }
  if (den === 0) return 0;
  const d = num / den;
  return v.params.solidarity * (1 - d) - v.params.divergence * d;
}
