// How each member values its alliance this month: the pair's power shares and their trend, every mechanism's term, the outside option.
import { mechanismTerm } from '../mechanisms/index.js';
import { currentTraits, type PairView } from '../mechanisms/pair.js';
import type { Model } from './model.js';
import { MECHANISM_IDS } from './parameters.js';
import type { RunState } from './state.js';

const M = MECHANISM_IDS.length;

/**
 * Member a's share of the pair's power in month t - the mean of its CINC share (moved by capability effects) and, where both
 * members have them, its shares of military spending and of personnel - and the shares both members expect `horizon` years
 * ahead, extrapolating the trend of the last `window` years (of what there is, once a year has passed).
 */
export function updatePowerShares(model: Model, state: RunState, al: number, t: number): void {
  const { a, b } = model.alliances[al];
  const ca = state.cap[a];
  const cinc = ca + state.cap[b] > 0 ? ca / (ca + state.cap[b]) : 0.5;
  const military = model.militaryShare[al * model.months + t];
  const share = military === military ? (cinc + 2 * military) / 3 : cinc;
  state.share[al * model.months + t] = share;
  const c = model.params.mechanisms.commitment;
  const back = Math.min(t, Math.round(12 * c.window));
  const slope = back >= 12 ? (share - state.share[al * model.months + t - back]) / back : 0;
  const ahead = Math.min(1, Math.max(0, share + slope * 12 * c.horizon));
  state.shareNow[al * 2] = share;
  state.shareAhead[al * 2] = ahead;
  state.shareNow[al * 2 + 1] = 1 - share;
  state.shareAhead[al * 2 + 1] = 1 - ahead;
}

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
