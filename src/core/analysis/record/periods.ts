// Calendar periods (month, quarter, year) and the binning of monthly series into them, so every analysis aggregates alike.
import { monthLabel, monthYear } from '../../time/month.js';

/** How finely a series is aggregated. */
export type Every = 'month' | 'quarter' | 'year';

/** The months per period of each granularity. */
export const MONTHS_PER: Record<Every, number> = { month: 1, quarter: 3, year: 12 };

/** The index of the calendar period (of the given granularity) that month index `m` falls in. */
export function periodOf(m: number, every: Every): number {
  return Math.floor(m / MONTHS_PER[every]);
}

/** The label of a period index: `YYYY-MM`, `YYYY-Qn` or `YYYY`. */
export function periodLabel(p: number, every: Every): string {
  if (every === 'month') return monthLabel(p);
  if (every === 'year') return String(p);
  return `${monthYear(p * 3)}-Q${(p % 4) + 1}`;
}

/** The whole calendar periods covered by months [first, last] (month indices), as [firstPeriod, lastPeriod]. */
export function periodRange(first: number, last: number, every: Every): [number, number] {
  return [periodOf(first, every), periodOf(last, every)];
}

/**
 * Sums a monthly series (month 0 = month index `start`) into calendar periods from `first` to `last` (period indices).
 * Months outside the series count as zero: no event was recorded or simulated there.
 * @example binSeries(monthly, monthIndex('1950-01'), 'year', 1950, 1957)
 */
export function binSeries(monthly: ArrayLike<number>, start: number, every: Every, first: number, last: number): Float64Array {
  const out = new Float64Array(Math.max(0, last - first + 1));
  for (let t = 0; t < monthly.length; t++) {
    const p = periodOf(start + t, every) - first;
    if (p >= 0 && p < out.length) out[p] += monthly[t];
  }
  return out;
}
