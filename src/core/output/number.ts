// One way to write numbers into output files, so that the same run gives the same bytes on every machine.

/**
 * Formats a number with at most 6 significant decimals, no exponent for ordinary magnitudes, and -0 written as 0.
 * The result is String(Math.round(x * 1e6) / 1e6), written from the integer count of millionths: below 1e15 millionths
 * that decimal has at most 15 significant digits, so it is exactly the shortest form String() gives, and integer
 * formatting is cheaper than the shortest-double search (an ensemble writes some 56 numbers a run).
 */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Inf' : '-Inf';
  const k = Math.round(x * 1e6);
  if (k === 0) return '0';
  const a = k < 0 ? -k : k;
  if (a >= 1e15) return String(k / 1e6);
  const sign = k < 0 ? '-' : '';
  const whole = Math.floor(a / 1e6);
  let frac = a - whole * 1e6;
  if (frac === 0) return `${sign}${whole}`;
  let digits = 6;
  while (frac % 10 === 0) {
    frac /= 10;
    digits--;
  }
  const f = String(frac);
  return `${sign}${whole}.${'00000'.slice(0, digits - f.length)}${f}`;
}
