// Autonomy: sovereignty the alliance costs the junior (bases, joint companies, special rights) and the influence it gives the senior.
import { DIMENSION } from '../engine/model.js';
import { issueGain, type PairView } from './pair.js';

/**
 * weight times the gain on sovereignty issues against their outcome without the alliance (issueGain): positive for a senior
 * whose rights on the partner's soil the alliance secures, negative for the junior that concedes them. A junior's loss is
 * scaled by 1 + growth * r, r its power ratio to the senior: in Morrow's (1991) asymmetric alliance a weak partner that gains
 * capability needs the security less and prizes the autonomy it gave for it more.
 */
export function autonomy(v: PairView): number {
  return autonomyTerm(issueGain(v, DIMENSION.sovereignty), v.junior, v.ratio, v.params.weight, v.params.growth);
}

/** The autonomy term from the gain on sovereignty issues (what autonomy(v) reads through issueGain). */
export function autonomyTerm(gain: number, junior: boolean, ratio: number, weight: number, growth: number): number {
  const g = weight * gain;
  return junior && g < 0 ? g * (1 + growth * ratio) : g;
}
