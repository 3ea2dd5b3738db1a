// What happened, beside what the model did: the scenario's declared statuses month by month, and how often a run agrees.
import { STATUSES } from '../../engine/state.js';
import type { Alliance, Scenario } from '../../scenario/schema.js';
import { monthIndex } from '../../time/month.js';

/** No status declared for that month (before the first declared period). */
export const UNDECLARED = -1;

/**
 * The declared status of an alliance in each month of the period, as an index into STATUSES, or UNDECLARED.
 * @example declaredStatuses(scenario, scenario.alliances[0])[60] // 0 = allied
 */
export function declaredStatuses(scenario: Scenario, alliance: Alliance): number[] {
  const start = monthIndex(scenario.meta.period.start);
  const months = monthIndex(scenario.meta.period.end) - start + 1;
  const out = new Array<number>(months).fill(UNDECLARED);
  const sorted = [...(alliance.statuses ?? [])].sort((a, b) => monthIndex(a.from) - monthIndex(b.from));
  sorted.forEach((d, i) => {
    const from = Math.max(0, monthIndex(d.from) - start);
    const to = i + 1 < sorted.length ? Math.min(months, monthIndex(sorted[i + 1].from) - start) : months;
    for (let t = from; t < to; t++) out[t] = STATUSES.indexOf(d.status);
  });
  return out;
}

/** How far a run's statuses agree with the declared ones, over the months that have a declared status. */
export interface StatusAgreement {
  /** Months with a declared status. */
  months: number;
  /** Months where the run's status is the declared one. */
  same: number;
  /** Months on the same side of the line between together (allied, strained) and apart (broken, hostile). */
  sameSide: number;
}

/**
 * Compares a run's monthly statuses (indices into STATUSES) with the declared ones, month by month.
 * @example statusAgreement([0, 0, 2], [0, 1, 2]) // { months: 3, same: 2, sameSide: 3 }
 */
export function statusAgreement(run: ArrayLike<number>, declared: readonly number[]): StatusAgreement {
  let months = 0;
  let same = 0;
  let sameSide = 0;
  const n = Math.min(run.length, declared.length);
  for (let t = 0; t < n; t++) {
    if (declared[t] === UNDECLARED) continue;
    months++;
    if (run[t] === declared[t]) same++;
    if (run[t] >= 2 === declared[t] >= 2) sameSide++;
  }
  return { months, same, sameSide };
}
