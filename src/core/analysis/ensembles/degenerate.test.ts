// A degenerate world is named, and an ordinary one is not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { degenerateWarnings } from './degenerate.js';

const shape = { alliances: ['A-B'], months: 36, start: 1950 * 12 };
const bins = 4;
/** Counts for `breaks` (first-break month per run, -1 never) and per-run cooperation bins in one cell. */
function counts(breaks: number[], coopBins: number[]) {
  const firstBroken = new Float64Array(37);
  for (const t of breaks) firstBroken[t < 0 ? 36 : t]++;
  const coopHist = new Float64Array(bins);
  for (const b of coopBins) coopHist[b]++;
  return { firstBroken, coopHist };
}

test('every run broken within the first year is named, with the months', () => {
  const w = degenerateWarnings(counts([0, 3, 11], [0, 1, 2]), shape, 3, bins, 'factual');
  assert.equal(w.length, 1);
  assert.match(w[0], /^factual: every one of 3 runs of A-B broke within its first year \(1950-01 to 1950-12\)/);
});

test('a world whose runs all break on the same month with the same cooperation does not vary', () => {
  const w = degenerateWarnings(counts([20, 20, 20], [1, 1, 1]), shape, 3, bins);
  assert.deepEqual(w.length, 1);
  assert.match(w[0], /the runs do not vary/);
});

test('an ordinary spread gives no warning, nor do runs that never break but differ in cooperation', () => {
  assert.deepEqual(degenerateWarnings(counts([5, 20, -1], [0, 1, 2]), shape, 3, bins), []);
  assert.deepEqual(degenerateWarnings(counts([-1, -1, -1], [0, 2, 2]), shape, 3, bins), []);
  assert.deepEqual(degenerateWarnings(counts([12, 14, 30], [0, 0, 0]), shape, 3, bins), []);
});
