// Security: how much less a third power threatens an ally with its partner beside it than alone, less the risk of entrapment.
import type { PairView } from './pair.js';

/**
 * Walt's (1987) threat of each third power k to i (its hostility h_ki = max(0, -rho_ki)) times the fall in k's relative
 * capability that the partner's credible support brings: c_k/(c_k+c_i) alone against c_k/(c_k+c_i+cred*c_j) allied, with
 * cred = (1+rho_ji)/2 (Morrow 1991; Snyder 1984 on abandonment). Less entrapment: the partner's enemies that are not i's,
 * h_kj * (1 - h_ki), weighted by what a war beside the partner would pit against the pair, c_k/(c_k+c_i+c_j).
 */
export function security(v: PairView): number {
  return securityTerm(v.state.rel, v.state.cap, v.state.n, v.i, v.j, v.ci, v.cj, v.params.entrapment);
}

/** The security term from the relations and capabilities themselves (what security(v) reads from its view). */
export function securityTerm(rel: Float64Array, cap: Float64Array, n: number, i: number, j: number, ci: number, cj: number, entrapmentWeight: number): number {
  const support = ((1 + rel[j * n + i]) / 2) * cj;
  let protection = 0;
  let entrapment = 0;
  for (let k = 0; k < n; k++) {
    if (k === i || k === j) continue;
    const ck = cap[k];
    if (ck <= 0) continue;
    const hostileToI = Math.max(0, -rel[k * n + i]);
    const hostileToJ = Math.max(0, -rel[k * n + j]);
    protection += hostileToI * (ck / (ck + ci) - ck / (ck + ci + support));
    entrapment += hostileToJ * (1 - hostileToI) * (ck / (ck + ci + cj));
  }
  return protection - entrapmentWeight * entrapment;
}
