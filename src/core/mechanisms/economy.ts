// Economy: aid received is worth its benefit to the receiver; aid given costs the giver. Without the alliance neither flows.
import type { PairView } from './pair.js';

/** Aid flow from the partner times its benefit, less aid flow to the partner times its cost. */
export function economy(v: PairView): number {
  return economyTerm(v.state.aid, v.state.n, v.i, v.j, v.params.benefit, v.params.cost);
}

/** The economy term from the aid flows themselves (what economy(v) reads from its view). */
export function economyTerm(aid: Float64Array, n: number, i: number, j: number, benefit: number, cost: number): number {
  return benefit * aid[j * n + i] - cost * aid[i * n + j];
}
