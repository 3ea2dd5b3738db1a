// Power month by month: each actor's capability and each pair's shares, now and expected. They follow from the inputs alone
// (capability series and the capability effects of the model's events), never from a run's choices, so they are worked out
// once per model and read by every run.
import type { Model } from './model.js';
import { OP } from './model.js';

/** Capabilities (t * n + actor) and member power shares now and `horizon` years ahead ((alliance * 2 + side) * months + t). */
export interface PowerSchedule {
  cap: Float64Array;
  shareNow: Float64Array;
  shareAhead: Float64Array;
  /** The commitment parameters the shares were read with: a fit may change them between runs of one model. */
  window: number;
  horizon: number;
}

const schedules = new WeakMap<Model, PowerSchedule>();

/** The model's power schedule, worked out on first use and again whenever the commitment window or horizon changed. */
export function powerSchedule(model: Model): PowerSchedule {
  const { window, horizon } = model.params.mechanisms.commitment;
  let s = schedules.get(model);
  if (!s) {
    s = { cap: capabilities(model), shareNow: new Float64Array(0), shareAhead: new Float64Array(0), window: Number.NaN, horizon: Number.NaN };
    schedules.set(model, s);
  }
  if (s.window !== window || s.horizon !== horizon) {
    const shares = powerShares(model, s.cap, window, horizon);
    s.shareNow = shares.now;
    s.shareAhead = shares.ahead;
    s.window = window;
    s.horizon = horizon;
  }
  return s;
}

/** Effective capability per month: the base series times the product of the capability effects applied so far. */
function capabilities(model: Model): Float64Array {
  const n = model.actorIds.length;
  const T = model.months;
  const factor = new Float64Array(n).fill(1);
  const cap = new Float64Array(T * n);
  for (let t = 0; t < T; t++) {
    for (let e = model.eventStart[t]; e < model.eventStart[t + 1]; e++) {
      for (const f of model.events[e].effects) if (f.op === OP.capability) factor[f.a] *= f.v;
    }
    for (let a = 0; a < n; a++) cap[t * n + a] = model.capability[a * T + t] * factor[a];
  }
  return cap;
}

/**
 * Member a's share of the pair's power each month - the mean of its CINC share and, where both members have them, its shares
 * of military spending and of personnel - and the shares both members expect `horizon` years ahead, extrapolating the trend of
 * the last `window` years (of what there is, once a year has passed). Kept for every month, inside the alliance's dates or
 * not, so that the trend a new alliance reads starts from real history.
 */
function powerShares(model: Model, cap: Float64Array, window: number, horizon: number): { now: Float64Array; ahead: Float64Array } {
  const n = model.actorIds.length;
  const T = model.months;
  const A = model.alliances.length;
  const now = new Float64Array(A * 2 * T);
  const ahead = new Float64Array(A * 2 * T);
  for (let al = 0; al < A; al++) {
    const { a, b } = model.alliances[al];
    const share = new Float64Array(T);
    for (let t = 0; t < T; t++) {
      const ca = cap[t * n + a];
      const cb = cap[t * n + b];
      const cinc = ca + cb > 0 ? ca / (ca + cb) : 0.5;
      const military = model.militaryShare[al * T + t];
      const s = military === military ? (cinc + 2 * military) / 3 : cinc;
      share[t] = s;
      const back = Math.min(t, Math.round(12 * window));
      const slope = back >= 12 ? (s - share[t - back]) / back : 0;
      const expected = Math.min(1, Math.max(0, s + slope * 12 * horizon));
      now[al * 2 * T + t] = s;
      ahead[al * 2 * T + t] = expected;
      now[(al * 2 + 1) * T + t] = 1 - s;
      ahead[(al * 2 + 1) * T + t] = 1 - expected;
    }
  }
  return { now, ahead };
}
