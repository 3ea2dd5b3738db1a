// How each member values its alliance this month: every mechanism's term, the outside option, the margin.
import { mechanismTerm } from '../mechanisms/index.js';
import { currentTraits, type PairView } from '../mechanisms/pair.js';
import type { Model } from './model.js';
import { MECHANISM_IDS } from './parameters.js';
import type { RunState } from './state.js';

const M = MECHANISM_IDS.length;

/** Computes member i's contributions, value, outside option and margin in alliance `al` (side 0 or 1, partner j). */
export function valueAlliance(
  model: Model, state: RunState, v: PairView, al: number, side: number, i: number, j: number,
  enabled: boolean[], mechParams: Record<string, number>[],
): void {
  const slot = al * 2 + side;
  const share = state.shareNow[slot];
  v.alliance = al; v.slot = slot; v.i = i; v.j = j;
  v.ci = state.cap[i]; v.cj = state.cap[j];
  v.share = share;
  v.forecast = state.shareAhead[slot];
  v.junior = share < 0.5;
  v.ratio = share < 0.5 ? share / (1 - share) : (1 - share) / share;
  v.traitsI = currentTraits(model, state, i);
  v.traitsJ = currentTraits(model, state, j);
  let total = 0;
  for (let m = 0; m < M; m++) {
    let c = 0;
    if (enabled[m]) {
      v.params = mechParams[m];
      c = model.weights[i * M + m] * mechanismTerm(m, v);
    }
    state.contrib[slot * M + m] = c;
    total += c;
  }
  // Going it alone does not improve with capability share (Powell 1999 is about the deal, not the share); a third power's
  // inducement is the wedge term, so that it can be switched off like any other.
  const outside = model.outsideBase[i];
  state.value[slot] = total;
  state.outside[slot] = outside;
  state.margin[slot] = total - outside;
}

/** Zeroes an alliance's valuation while it does not exist, so that its outputs show no value rather than a stale one. */
export function clearValuation(state: RunState, al: number): void {
  const M = MECHANISM_IDS.length;
  for (const slot of [al * 2, al * 2 + 1]) {
    state.value[slot] = 0;
    state.outside[slot] = 0;
    state.margin[slot] = 0;
    state.contrib.fill(0, slot * M, (slot + 1) * M);
  }
}
