// Security: protection an ally gives against third powers' threats, less the risk of entrapment in the ally's own quarrels.
import type { PairView } from './pair.js';

/**
 * Walt's threat (a third power's hostility times its capability relative to i) met by the partner's share of the pair's
 * capability and the credibility of its support (Morrow 1991; Snyder 1984), minus entrapment: the partner's enemies that are not i's.
 */
export function security(v: PairView): number {
  const { rel, cap, n } = v.state;
  const { i, j, ci, cj } = v;
  const credibility = (1 + rel[j * n + i]) / 2;
  const share = cj / (ci + cj);
  let protection = 0;
  let entrapment = 0;
  for (let k = 0; k < n; k++) {
    if (k === i || k === j) continue;
    const ck = cap[k];
    if (ck <= 0) continue;
    const hostileToI = Math.max(0, -rel[k * n + i]);
    const hostileToJ = Math.max(0, -rel[k * n + j]);
    protection += hostileToI * (ck / (ck + ci)) * share * credibility;
    entrapment += hostileToJ * (1 - hostileToI) * (ck / (ck + cj));
  }
  return protection - v.params.entrapment * entrapment;
}
