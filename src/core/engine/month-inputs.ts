// What a month brings before anyone values or decides: the scheduled stances, rivalries starting or ending, the month's
// scenario events, and the capabilities and power shares of the model's power schedule. Both month loops start with it.
import { applyEvent } from './effects.js';
import type { Model } from './model.js';
import type { PowerSchedule } from './power-schedule.js';
import { issueChanged, type RunState } from './state.js';
import type { Trace } from './trace.js';

/** Starts month t: clears its cooperation, applies its positions, baselines and events, and sets capabilities and shares. */
export function monthInputs(model: Model, state: RunState, power: PowerSchedule, t: number, trace: Trace): void {
  const { n, K, coop, relBase, cap, shareNow, shareAhead } = state;
  const months = model.months;
  state.month = t;
  for (let d = 0; d < n * n; d++) coop[d] = 0;
  for (let p = model.positionStart[t]; p < model.positionStart[t + 1]; p++) {
    const s = model.positions[p];
    state.pos[s.actor * K + s.issue] = s.position;
    state.sal[s.actor * K + s.issue] = s.salience;
    issueChanged(model, state, s.issue);
  }
  for (let c = model.baselineStart[t]; c < model.baselineStart[t + 1]; c++) relBase[model.baselineChanges[c].dyad] = model.baselineChanges[c].value;
  for (let e = model.eventStart[t]; e < model.eventStart[t + 1]; e++) applyEvent(model, state, model.events[e], t, trace);
  for (let a = 0; a < n; a++) cap[a] = power.cap[t * n + a];
  // Shares are kept for every member slot, in force or not, so that outputs and the trend read real history.
  for (let slot = 0; slot < model.alliances.length * 2; slot++) {
    shareNow[slot] = power.shareNow[slot * months + t];
    shareAhead[slot] = power.shareAhead[slot * months + t];
  }
}
