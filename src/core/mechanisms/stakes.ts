// Stakes: what a patron values in an ally beyond its capability - position, denial to a rival, the bloc's cohesion (Snyder 1997).
import type { PairView } from './pair.js';

/**
 * weight * (position + denial * R + cohesion * H), from the member's stated stakes in the scenario (all 0 when it states none):
 * position (bases, access) counts always; denial of the partner to a rival counts as far as a rival threatens i now
 * (R = the largest hostility max(0, -rho_ki) of a third actor toward i); cohesion and the claim to lead the bloc count as far as
 * i leads it (H, the alliance's hierarchy, when i is the senior; 1 - H when it is the junior).
 */
export function stakes(v: PairView): number {
  const { model, state } = v;
  const side = model.alliances[v.alliance].a === v.i ? 0 : 1;
  const at = (v.alliance * 2 + side) * 3;
  const position = model.stakes[at];
  const denial = model.stakes[at + 1];
  const cohesion = model.stakes[at + 2];
  if (position === 0 && denial === 0 && cohesion === 0) return 0;
  const { rel, n } = state;
  let rival = 0;
  for (let k = 0; k < n; k++) if (k !== v.i && k !== v.j) rival = Math.max(rival, -rel[k * n + v.i]);
  const h = state.hierarchy[v.alliance];
  return v.params.weight * (position + denial * rival + cohesion * (v.junior ? 1 - h : h));
}
