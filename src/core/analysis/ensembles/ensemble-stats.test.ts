// Tests of streamed ensemble counts: a chunked, merged ensemble gives the same statistics as one pass, whatever the split.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compile } from '../../engine/compile.js';
import { breakDatesCsv, chunkBytes, chunkLines, chunkWriter, cooperationBandsCsv, ensembleSummary } from '../../output/ensemble.js';
import { loadScenarioText } from '../../scenario/parse.js';
import { chunkArrays, runChunk } from './ensemble-chunk.js';
import { emptyStats, mergeStats, statsFromJson, statsToJson } from './ensemble-stats.js';
import { digestShape, layoutOf, shapeOfLayout } from './run-digest.js';

const FIXTURE = 'test/fixtures/minimal.yaml';
const model = compile(loadScenarioText(readFileSync(FIXTURE, 'utf8'), FIXTURE));
const shape = digestShape(model);

test('the digest shape has both directions of each alliance and every year of the period', () => {
  assert.deepEqual(shape.dyads.map((d) => `${d.fromId}>${d.toId}`), ['BIG>SMALL', 'SMALL>BIG']);
  assert.deepEqual(shape.years, [1950, 1951, 1952, 1953, 1954, 1955]);
  assert.deepEqual([...shape.monthsIn], [12, 12, 12, 12, 12, 12]);
});

test('chunks merged in any order give the same statistics and per-run lines as one pass', () => {
  const whole = chunkLines(shape, runChunk(model, shape, 11, { from: 0, to: 120 }));
  const parts = [{ from: 70, to: 120 }, { from: 0, to: 30 }, { from: 30, to: 70 }].map((range) => chunkLines(shape, runChunk(model, shape, 11, range)));
  const merged = emptyStats(shape);
  for (const p of parts) mergeStats(merged, p.stats);
  assert.equal(merged.runs, 120);
  assert.deepEqual(statsToJson(merged), statsToJson(whole.stats));
  assert.equal(breakDatesCsv(merged, shape), breakDatesCsv(whole.stats, shape));
  assert.equal(cooperationBandsCsv(merged, shape), cooperationBandsCsv(whole.stats, shape));
  const ordered = [...parts].sort((a, b) => a.from - b.from);
  assert.equal(ordered.map((p) => p.runs).join(''), whole.runs);
});

test('the bytes the journal writes are the readable lines, byte for byte, on the fixture and the reference scenario', () => {
  const reference = compile(loadScenarioText(readFileSync('scenarios/sino-soviet.yaml', 'utf8'), 'scenarios/sino-soviet.yaml'));
  const decoder = new TextDecoder();
  for (const [m, range] of [[model, { from: 0, to: 300 }], [reference, { from: 4_294_967_000, to: 4_294_967_040 }]] as const) {
    const s = digestShape(m);
    const chunk = runChunk(m, s, 9, range);
    const text = chunkLines(s, chunk);
    const bytes = chunkBytes(s, chunk);
    assert.ok(text.runs.includes(',,'), 'a run with a month that never came: an empty date is written');
    assert.equal(decoder.decode(bytes.runs), text.runs);
    assert.equal(decoder.decode(bytes.cooperation), text.cooperation);
  }
});

test('arrays and a writer kept from chunk to chunk, as a worker and the main thread keep them, give each chunk the bytes fresh ones do', () => {
  const decoder = new TextDecoder();
  // The reference scenario, whose runs change status (counted up in the kept ints).
  const reference = compile(loadScenarioText(readFileSync('scenarios/sino-soviet.yaml', 'utf8'), 'scenarios/sino-soviet.yaml'));
  const s = digestShape(reference);
  // On shared memory, as the ensemble's pool keeps them.
  const kept = chunkArrays(s, 50, SharedArrayBuffer);
  const write = chunkWriter(s);
  // A smaller chunk between two full ones: the arrays are used in part, then whole again, and must not carry anything over.
  for (const range of [{ from: 0, to: 50 }, { from: 50, to: 80 }, { from: 80, to: 130 }]) {
    const fresh = chunkBytes(s, runChunk(reference, s, 3, range));
    assert.ok(fresh.stats.changes[0] > 0, 'runs that change status');
    const reused = write(runChunk(reference, s, 3, range, kept));
    assert.equal(decoder.decode(reused.runs), decoder.decode(fresh.runs), `runs.csv of ${range.from}..${range.to}`);
    assert.equal(decoder.decode(reused.cooperation), decoder.decode(fresh.cooperation), `cooperation.csv of ${range.from}..${range.to}`);
    assert.deepEqual(statsToJson(reused.stats), statsToJson(fresh.stats));
  }
  assert.throws(() => runChunk(reference, s, 3, { from: 0, to: 51 }, kept), RangeError);
});

test('the statistics agree with the per-run lines they summarise', () => {
  const r = chunkLines(shape, runChunk(model, shape, 5, { from: 0, to: 200 }));
  const rows = r.runs.trim().split('\n').map((l) => l.split(','));
  const broken = rows.filter((c) => c[2] !== '').length;
  const summary = ensembleSummary(r.stats, shape) as { alliances: { firstBroken: { share: number } }[] };
  assert.equal(summary.alliances[0].firstBroken.share, broken / 200);
  const coop = r.cooperation.trim().split('\n').map((l) => l.split(','));
  const first = coop.filter((c) => c[1] === 'BIG').map((c) => Number(c[3]));
  const mean = first.reduce((a, b) => a + b, 0) / first.length;
  const band = cooperationBandsCsv(r.stats, shape).split('\n')[1].split(',');
  assert.equal(band.slice(0, 4).join(','), 'BIG,SMALL,1950,200');
  assert.ok(Math.abs(Number(band[4]) - mean) < 1e-6, `mean ${band[4]} vs ${mean}`);
});

test('statistics survive JSON and a layout read back from a manifest', () => {
  const r = runChunk(model, shape, 5, { from: 0, to: 50 });
  const again = shapeOfLayout(JSON.parse(JSON.stringify(layoutOf(shape))));
  const back = statsFromJson(JSON.parse(JSON.stringify(statsToJson(r.stats))), again);
  assert.equal(cooperationBandsCsv(back, again), cooperationBandsCsv(r.stats, shape));
  assert.throws(() => statsFromJson({ ...statsToJson(r.stats), acts: [1, 2] }, shape), /expected 1/);
});
