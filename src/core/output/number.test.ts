// Tests that formatNumber writes exactly what String() gives for the number rounded to millionths.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatNumber } from './number.js';

/** The definition formatNumber must match byte for byte. */
function reference(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Inf' : '-Inf';
  const rounded = Math.round(x * 1e6) / 1e6;
  return rounded === 0 ? '0' : String(rounded);
}

test('formatNumber equals String(Math.round(x * 1e6) / 1e6) over magnitudes 1e-10 to 1e14 and at the edges', () => {
  let seed = 12345;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const values = [0, -0, 1e-7, -1e-7, 5e-7, -5e-7, 4.9999999e-7, 1e-6, 0.1, 0.2, 0.3, 1 / 3, -2 / 3, 2.5e-6, 999999999.9999995, 1e9, 1e15, 1e21, -1e21, 1e300, 5e-324, NaN, Infinity, -Infinity];
  for (let i = 0; i < 200_000; i++) {
    const v = (next() - 0.5) * 10 ** (Math.floor(next() * 25) - 10);
    values.push(v, -v, Math.round(v * 1e3) / 1e3, Math.round(v * 1e6) / 1e6 + 5e-7);
  }
  for (const v of values) assert.equal(formatNumber(v), reference(v), `formatNumber(${v})`);
});
