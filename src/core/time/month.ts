// Calendar months as integers, so that the engine steps through time with plain arithmetic.

/** Month index of a `YYYY-MM` or `YYYY-MM-DD` date: year * 12 + (month - 1). */
export function monthIndex(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return year * 12 + (month - 1);
}

/** The `YYYY-MM` label of a month index. */
export function monthLabel(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  // Four digits always: year 950 is written 0950, as a scenario must write it to re-validate.
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}`;
}

/** The calendar year of a month index. */
export function monthYear(index: number): number {
  return Math.floor(index / 12);
}
