// Pins the seeded streams: reproducible from (seed, index), distinct across indices, well-behaved draws.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { logisticNoise, runStream, uniform } from './streams.js';

test('the same seed and run index give the same stream; another index another stream', () => {
  const a = runStream(7, 3), b = runStream(7, 3), c = runStream(7, 4);
  const xs = Array.from({ length: 5 }, () => uniform(a));
  assert.deepEqual(Array.from({ length: 5 }, () => uniform(b)), xs);
  assert.notDeepEqual(Array.from({ length: 5 }, () => uniform(c)), xs);
});

test('uniform draws lie in [0, 1) and logistic noise has mean ~0 and variance ~1', () => {
  const rng = runStream(1, 0);
  let sum = 0, sq = 0;
  const n = 20000;
  for (let i = 0; i < n; i++) {
    const u = uniform(rng);
    assert.ok(u >= 0 && u < 1);
    const e = logisticNoise(rng);
    sum += e; sq += e * e;
  }
  assert.ok(Math.abs(sum / n) < 0.05, `mean ${sum / n}`);
  assert.ok(Math.abs(sq / n - 1) < 0.1, `variance ${sq / n}`);
});
