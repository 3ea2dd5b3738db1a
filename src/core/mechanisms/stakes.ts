// Stakes: what a patron values in an ally beyond its capability - position, denial to a rival, the bloc's cohesion (Snyder 1997).
import type { Model } from '../engine/model.js';
import type { RunState } from '../engine/state.js';
import type { PairView } from './pair.js';

/**
 * weight * (position + denial * R + cohesion * H), from the member's stated stakes in the scenario (all 0 when it states none):
 * position (bases, access) counts always; denial of the partner to a rival counts as far as a rival threatens i now
 * (R = the largest hostility max(0, -rho_ki) of a third actor toward i); cohesion and the claim to lead the bloc count as far as
 * i leads it (H, the alliance's hierarchy, when i is the senior; 1 - H when it is the junior).
 */
export function stakes(v: PairView): number {
  return stakesTerm(v.model, v.state, v.alliance, v.i, v.j, v.junior, v.params.weight);
}

/** The stakes term of member i of alliance `al` (partner j), from the model's stated stakes and the state's relations. */
export function stakesTerm(model: Model, state: RunState, al: number, i: number, j: number, junior: boolean, weight: number): number {
  const side = model.alliances[al].a === i ? 0 : 1;
  const at = (al * 2 + side) * 3;
  const position = model.stakes[at];
  const denial = model.stakes[at + 1];
  const cohesion = model.stakes[at + 2];
  if (position === 0 && denial === 0 && cohesion === 0) return 0;
  const { rel, n } = state;
  let rival = 0;
  for (let k = 0; k < n; k++) if (k !== i && k !== j) rival = Math.max(rival, -rel[k * n + i]);
  const h = state.hierarchy[al];
  return weight * (position + denial * rival + cohesion * (junior ? 1 - h : h));
}
