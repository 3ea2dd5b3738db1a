// The status rule: smoothed margins, a break by defection undone only when both margins recover, force and hostility.
import type { Model } from './model.js';
import { STATUSES, type RunState } from './state.js';
import type { RunSummary, StatusReason } from './trace.js';

/**
 * Smooths the members' margins, counts how long each has stood below its outside option (the decision rule's patience reads it),
 * restores an alliance broken by a defection once both margins have stood `restoreMargin` above the outside options for
 * `patience` months (and at least `defectionMemory` months have passed), and sets the status:
 * hostile after force within `forceMemory` months or when both relations are at or below `hostileRelation`; broken while a
 * defection stands or the lower smoothed margin is below `brokenMargin`; strained below `strainedMargin`; else allied.
 */
export function updateStatus(model: Model, state: RunState, al: number, t: number, summary: RunSummary): void {
  const r = model.params.rules;
  const { a, b } = model.alliances[al];
  const n = state.n;
  for (let s = 0; s < 2; s++) {
    const slot = al * 2 + s;
    const prev = state.smoothed[slot];
    const m = prev !== prev ? state.margin[slot] : prev + r.statusMemory * (state.margin[slot] - prev);
    state.smoothed[slot] = m;
    state.below[slot] = m < 0 ? state.below[slot] + 1 : 0;
  }
  const worst = Math.min(state.smoothed[al * 2], state.smoothed[al * 2 + 1]);
  state.above[al] = worst >= r.restoreMargin ? state.above[al] + 1 : 0;
  if (state.severed[al] === 1 && state.above[al] >= r.patience && t - state.lastDefect[al] >= r.defectionMemory) state.severed[al] = 0;

  let status: number;
  let reason: StatusReason;
  if (t - state.lastForce[al] < r.forceMemory) { status = 3; reason = 'force'; }
  else if (Math.max(state.rel[a * n + b], state.rel[b * n + a]) <= r.hostileRelation) { status = 3; reason = 'relations'; }
  else if (state.severed[al] === 1) { status = 2; reason = 'defection'; }
  else if (worst < r.brokenMargin) { status = 2; reason = 'margin'; }
  else if (worst < r.strainedMargin) { status = 1; reason = 'margin'; }
  else { status = 0; reason = 'margin'; }
  const before = state.status[al];
  if (t === 0) summary.initial[al] = STATUSES[status];
  else if (status !== before) summary.changes.push({ month: t, alliance: al, from: STATUSES[before], to: STATUSES[status], reason });
  state.status[al] = status;
  if (status >= 2 && summary.firstBreak[al] < 0) {
    summary.firstBreak[al] = t;
    summary.firstBreakReason[al] = reason;
    const breaker = reason === 'defection' || reason === 'force' ? state.breaker[al] : -1;
    const side = breaker === b ? 1 : breaker === a ? 0 : state.smoothed[al * 2] <= state.smoothed[al * 2 + 1] ? 0 : 1;
    summary.firstBreakBelow[al] = state.smoothed[al * 2 + side] < 0;
  }
  if (status === 3 && summary.firstHostile[al] < 0) summary.firstHostile[al] = t;
}
