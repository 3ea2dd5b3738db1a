// A case's outcome as the record states it and as a model or baseline predicts it: whether and when the alliance first
// broke within the period, dated by one stated rule, and the scores of a prediction (Brier score, date error).
import type { Scenario } from '../../scenario/schema.js';
import { monthIndex, monthLabel } from '../../time/month.js';
import { isAlliancePair } from '../record/turning-points.js';
import { brier } from './scoring-rules.js';

/**
 * WEIS codes of acts between the allies that can break the alliance in the record: diplomatic relations broken (195), a
 * treaty or commitment renounced (198), personnel ordered out or expelled (201, 202) and military engagement (223). The
 * engine's own "broken" status is the model's counterpart: its first month broken or hostile.
 */
export const BREAK_WEIS = ['195', '198', '201', '202', '223'];

/**
 * The judged intensity at or below which such an act is a rupture rather than a partial step. A judgement: the case
 * chronologies code partial withdrawals (a fleet taken out of NATO command, forces East of Suez) as 198 at −3..−5 and
 * ruptures (advisers expelled, relations ended, a treaty abrogated, armed clashes) at −7..−10.
 */
export const BREAK_MAX_INTENSITY = -7;

/** The record's first break of a case's first alliance: the event that dates it, or none within the period. */
export interface RecordedBreak {
  /** Month index, or null when the alliance does not break within the period. */
  month: number | null;
  /** The event id, or `ended` when the alliance's stated end date comes first. */
  by: string | null;
}

/**
 * Dates the first break of the scenario's first alliance: the earliest record act between its members with a WEIS code in
 * BREAK_WEIS and a judged intensity of at most BREAK_MAX_INTENSITY, or the alliance's `ended` date, whichever comes first
 * inside the period.
 * @example recordedBreak(scenario).month
 */
export function recordedBreak(scenario: Scenario): RecordedBreak {
  const al = scenario.alliances[0];
  const start = monthIndex(scenario.meta.period.start);
  const end = monthIndex(scenario.meta.period.end);
  let best: RecordedBreak = { month: null, by: null };
  const consider = (m: number, by: string) => {
    if (m >= start && m <= end && (best.month === null || m < best.month)) best = { month: m, by };
  };
  if (al?.ended) consider(monthIndex(al.ended), 'ended');
  for (const e of scenario.events) {
    if (e.role !== 'record' || e.to === undefined || e.weis === undefined || !al) continue;
    if (!al.members.includes(e.from) || !al.members.includes(e.to) || !isAlliancePair(scenario, e.from, e.to)) continue;
    if (e.intensity <= BREAK_MAX_INTENSITY && BREAK_WEIS.some((w) => e.weis!.startsWith(w))) consider(monthIndex(e.date), e.id);
  }
  return best;
}

/** A prediction of a case's outcome: the probability of a break within the period and a date (null: no break). */
export interface BreakForecast {
  probability: number;
  month: number | null;
}

/** A prediction scored against the record: Brier score, date error in months, and whether "no break" was called right. */
export interface BreakScore {
  probability: number;
  predicted: string | null;
  brier: number;
  /** |predicted − recorded| in months, a missing date counting as the month after the period (censored). */
  dateError: number;
  /** Whether the prediction and the record agree on break or no break (a date of null against null is right). */
  outcomeRight: boolean;
}

/**
 * Scores a forecast of a case's break against the recorded one; `end` is the period's last month index.
 * @example scoreBreak({ probability: 0.8, month: 1889 * 12 }, { month: null, by: null }, 1892 * 12 + 11)
 */
export function scoreBreak(f: BreakForecast, recorded: RecordedBreak, end: number): BreakScore {
  const censored = end + 1;
  return {
    probability: f.probability,
    predicted: f.month === null ? null : monthLabel(f.month),
    brier: brier(f.probability, recorded.month !== null),
    dateError: Math.abs((f.month ?? censored) - (recorded.month ?? censored)),
    outcomeRight: (f.month === null) === (recorded.month === null),
  };
}
