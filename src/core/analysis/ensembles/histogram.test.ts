// Tests of fixed-bin histograms: binning at the centres, clamping at the ends, quantiles and sparse round trips.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { binCentre, binOf, COOPERATION_BINS, denseCounts, quantileBin, sparseCounts } from './histogram.js';

test('a value falls in the bin whose centre is nearest, and zero is a centre', () => {
  assert.equal(binCentre(COOPERATION_BINS, binOf(COOPERATION_BINS, 0)), 0);
  assert.equal(binCentre(COOPERATION_BINS, binOf(COOPERATION_BINS, 1.26)), 1.25);
  assert.equal(binOf(COOPERATION_BINS, -50), 0, 'below the range: first bin');
  assert.equal(binOf(COOPERATION_BINS, 50), COOPERATION_BINS.bins - 1, 'above the range: last bin');
});

test('quantiles invert the empirical distribution: the lowest bin reaching ceil(q * n)', () => {
  const counts = Float64Array.of(1, 0, 3, 0, 1);
  assert.equal(quantileBin(counts, 0, 5, 0.2), 0);
  assert.equal(quantileBin(counts, 0, 5, 0.21), 2);
  assert.equal(quantileBin(counts, 0, 5, 0.8), 2);
  assert.equal(quantileBin(counts, 0, 5, 0.81), 4);
  assert.equal(quantileBin(new Float64Array(5), 0, 5, 0.5), -1, 'empty histogram');
  assert.equal(quantileBin(Float64Array.of(9, 9, 1, 0, 3), 2, 3, 0.5), 2, 'reads at an offset; the bin is counted from there');
});

test('sparse counts round-trip and refuse bins out of range', () => {
  const a = Float64Array.of(0, 2, 0, 0, 7);
  assert.deepEqual(sparseCounts(a), [[1, 2], [4, 7]]);
  assert.deepEqual([...denseCounts(sparseCounts(a), 5)], [...a]);
  assert.throws(() => denseCounts([[5, 1]], 5), /outside/);
});
