// Pins the seeded streams: reproducible from (seed, index), distinct across indices, well-behaved draws.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { logisticNoise, runStream, uniform, Xoroshiro128Plus } from './streams.js';
import { wasmDrawBuffer, wasmFill } from './xoroshiro-wasm.js';

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

test('the engine\'s xoroshiro128+ gives pure-rand\'s xoroshiro128plus draw for draw, by next() and by fill() (WebAssembly and script)', () => {
  assert.ok(wasmFill !== null, 'WebAssembly runs here');
  for (const seed of [0, 1, -1, 7, 0x7fffffff, -0x80000000, 123456789]) for (const how of ['fill', 'fillInScript'] as const) {
    const ours = Xoroshiro128Plus.seeded(seed);
    const theirs = xoroshiro128plus(seed);
    for (let x = 0; x < 3000; x++) assert.equal(ours.next(), theirs.next(), `seed ${seed}, draw ${x}`);
    // fill continues the same sequence and leaves the stream where as many next() calls would.
    const buffer = new Int32Array(2500);
    ours[how](buffer, 0);
    ours[how](buffer, 2000);
    for (let x = 0; x < 2000; x++) assert.equal(buffer[x], theirs.next(), `seed ${seed}, filled draw ${x}`);
    assert.equal(buffer[2000], 0, 'fill writes only the draws asked for');
    for (let x = 0; x < 100; x++) assert.equal(ours.next(), theirs.next(), `seed ${seed}, draw ${x} after ${how}`);
    // A fill larger than the WebAssembly memory's first page makes it grow.
    const many = new Int32Array(40000);
    ours[how](many, 40000);
    for (let x = 0; x < 40000; x++) assert.equal(many[x], theirs.next(), `seed ${seed}, ${how} draw ${x} of many`);
    assert.equal(ours.next(), theirs.next());
  }
});

test('a draw buffer of its own is filled in place with the same draws, and no other buffer\'s fill touches it', () => {
  const a = wasmDrawBuffer(20000);
  const b = wasmDrawBuffer(3);
  assert.ok(a !== null && b !== null, 'WebAssembly runs here');
  assert.equal(wasmDrawBuffer(0), null, 'no buffer for no draws');
  const ours = Xoroshiro128Plus.seeded(99);
  const theirs = xoroshiro128plus(99);
  ours.fillBuffer(a);
  const first = Array.from(a.draws);
  Xoroshiro128Plus.seeded(5).fillBuffer(b);
  assert.deepEqual(Array.from(a.draws), first, 'another buffer\'s fill leaves this one as it was');
  for (let x = 0; x < 20000; x++) assert.equal(first[x], theirs.next(), `draw ${x}`);
  for (let x = 0; x < 50; x++) assert.equal(ours.next(), theirs.next(), `draw ${x} after the buffer`);
});
