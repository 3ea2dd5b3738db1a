// One way to write numbers into output files, so that the same run gives the same bytes on every machine.

/** Formats a number with at most 6 significant decimals, no exponent for ordinary magnitudes, and -0 written as 0. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Inf' : '-Inf';
  const rounded = Math.round(x * 1e6) / 1e6;
  if (rounded === 0) return '0';
  return String(rounded);
}
