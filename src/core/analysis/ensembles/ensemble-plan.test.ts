// Tests of shards and chunks: contiguous blocks that tile the runs, and clear refusals of malformed --shard values.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chunkRanges, defaultChunk, MAX_CHUNK, MIN_CHUNK, parseShard, shardRange } from './ensemble-plan.js';

test('shards are contiguous blocks that tile 0..R-1 with sizes differing by at most one', () => {
  for (const [runs, count] of [[10, 4], [3, 5], [1000, 7], [0, 2]]) {
    const ranges = Array.from({ length: count }, (_, index) => shardRange(runs, { index, count }));
    assert.equal(ranges[0].from, 0);
    assert.equal(ranges[count - 1].to, runs);
    for (let i = 1; i < count; i++) assert.equal(ranges[i].from, ranges[i - 1].to);
    const sizes = ranges.map((r) => r.to - r.from);
    assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `sizes ${sizes}`);
  }
  assert.deepEqual(shardRange(10, { index: 1, count: 4 }), { from: 2, to: 5 });
  assert.deepEqual(shardRange(10), { from: 0, to: 10 });
});

test('--shard I/N is read and checked', () => {
  assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
  assert.throws(() => parseShard('4/4'), /0 to N-1/);
  assert.throws(() => parseShard('1/0'), /at least 1/);
  assert.throws(() => parseShard('1-4'), /takes I\/N/);
});

test('chunks cover a range in order', () => {
  assert.deepEqual(chunkRanges({ from: 5, to: 12 }, 3), [{ from: 5, to: 8 }, { from: 8, to: 11 }, { from: 11, to: 12 }]);
  assert.deepEqual(chunkRanges({ from: 5, to: 5 }, 3), []);
});

test('by default a chunk holds a quarter of each worker\'s share of the runs, between MIN_CHUNK and MAX_CHUNK', () => {
  assert.equal(defaultChunk(200_000, 2), MAX_CHUNK);
  assert.equal(defaultChunk(24_000, 2), 3000);
  assert.equal(chunkRanges({ from: 0, to: 24_000 }, defaultChunk(24_000, 2)).length, 8);
  assert.equal(defaultChunk(2_000, 2), MIN_CHUNK);
  assert.equal(defaultChunk(0, 2), MIN_CHUNK);
});
