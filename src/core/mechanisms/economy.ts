// Economy: aid received is worth its benefit to the receiver; aid given costs the giver. Without the alliance neither flows.
import type { PairView } from './pair.js';

/** Aid flow from the partner times its benefit, less aid flow to the partner times its cost. */
export function economy(v: PairView): number {
  const { aid, n } = v.state;
  return v.params.benefit * aid[v.j * n + v.i] - v.params.cost * aid[v.i * n + v.j];
}
