// Tests of the ensemble journal: a chunk half-written when the process died is cut back on resume, another job is refused, the end is atomic.
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runChunk } from '../../core/analysis/ensembles/ensemble-chunk.js';
import { statsToJson } from '../../core/analysis/ensembles/ensemble-stats.js';
import { digestShape } from '../../core/analysis/ensembles/run-digest.js';
import { compile } from '../../core/engine/compile.js';
import { chunkBytes, chunkLines, cooperationHeader, RUNS_HEADER } from '../../core/output/ensemble.js';
import { loadScenarioText } from '../../core/scenario/parse.js';
import { openJournal, ResumeConflict } from './ensemble-journal.js';

const FIXTURE = 'test/fixtures/minimal.yaml';
const model = compile(loadScenarioText(readFileSync(FIXTURE, 'utf8'), FIXTURE));
const shape = digestShape(model);
const headers = { 'runs.csv': RUNS_HEADER, 'cooperation.csv': cooperationHeader(shape) };

test('a resume cuts a half-written chunk back to the checkpoint and ends with exactly the one-pass files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'schism-journal-'));
  const out = join(dir, 'ens');
  const job = { seed: 4, runs: 30 };
  const first = await openJournal(out, job, shape, headers, 30);
  assert.equal(first.done, 0);
  await first.append(chunkBytes(shape, runChunk(model, shape, 4, { from: 0, to: 10 })));
  await first.close();
  // The process dies while writing the next chunk: bytes beyond the checkpoint.
  appendFileSync(join(dir, '.ens.partial', 'out', 'runs.csv'), '10,pact,1950-0');
  appendFileSync(join(dir, '.ens.partial', 'out', 'cooperation.csv'), '10,BIG,SMALL,1.5,');

  const again = await openJournal(out, job, shape, headers, 30);
  assert.equal(again.done, 10);
  assert.equal(again.stats.runs, 10);
  await again.append(chunkBytes(shape, runChunk(model, shape, 4, { from: 10, to: 30 })));
  await again.finish({ 'stats.json': JSON.stringify(statsToJson(again.stats)) });

  const whole = chunkLines(shape, runChunk(model, shape, 4, { from: 0, to: 30 }));
  assert.equal(readFileSync(join(out, 'runs.csv'), 'utf8'), RUNS_HEADER + whole.runs);
  assert.equal(readFileSync(join(out, 'cooperation.csv'), 'utf8'), cooperationHeader(shape) + whole.cooperation);
  assert.deepEqual(JSON.parse(readFileSync(join(out, 'stats.json'), 'utf8')), statsToJson(whole.stats));
  assert.deepEqual(readdirSync(dir), ['ens'], 'the journal is gone');
});

test('an unfinished journal of another job is refused, and left alone', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'schism-journal-'));
  const out = join(dir, 'ens');
  const j = await openJournal(out, { seed: 1 }, shape, headers, 10);
  await j.append(chunkBytes(shape, runChunk(model, shape, 1, { from: 0, to: 5 })));
  await j.close();
  await assert.rejects(openJournal(out, { seed: 2 }, shape, headers, 10), (err: unknown) => err instanceof ResumeConflict && /other arguments/.test((err as Error).message));
  assert.ok(existsSync(join(dir, '.ens.partial', 'checkpoint.json')));
});

/** A journal of 30 runs interrupted after 10, in a fresh folder. */
async function interrupted() {
  const dir = mkdtempSync(join(tmpdir(), 'schism-journal-'));
  const out = join(dir, 'ens');
  const job = { seed: 4, runs: 30 };
  const j = await openJournal(out, job, shape, headers, 30);
  await j.append(chunkBytes(shape, runChunk(model, shape, 4, { from: 0, to: 10 })));
  await j.close();
  return { dir, out, job, partial: join(dir, '.ens.partial') };
}

/** Asserts that resuming is refused with a message naming `file`. */
async function refusedNaming(out: string, job: object, file: string): Promise<void> {
  await assert.rejects(openJournal(out, job, shape, headers, 30), (err: unknown) => {
    assert.ok(err instanceof ResumeConflict, String(err));
    assert.ok(err.message.includes(file), err.message);
    assert.match(err.message, /damaged/);
    return true;
  });
}

test('a per-run file shorter than its checkpoint, or missing with out/, is refused naming it (no NUL bytes written)', async () => {
  const a = await interrupted();
  const runs = join(a.partial, 'out', 'runs.csv');
  truncateSync(runs, 100);
  await refusedNaming(a.out, a.job, runs);
  assert.equal(readFileSync(runs).length, 100, 'left as it was');
  const b = await interrupted();
  rmSync(join(b.partial, 'out'), { recursive: true });
  await refusedNaming(b.out, b.job, join(b.partial, 'out', 'runs.csv'));
});

test('an empty, non-JSON or ill-formed checkpoint is refused naming it', async () => {
  for (const text of ['', '{"done":', 'null', '{"done":-1,"bytes":{},"stats":{}}', '{"done":10,"bytes":{"runs.csv":"x"},"stats":{}}', '{"done":10,"bytes":{"runs.csv":10000000,"cooperation.csv":10000000},"stats":{"runs":3}}']) {
    const c = await interrupted();
    const checkpoint = join(c.partial, 'checkpoint.json');
    writeFileSync(checkpoint, text);
    await refusedNaming(c.out, c.job, checkpoint);
  }
  // Counts that do not add up to the runs it says are done.
  const d = await interrupted();
  const checkpoint = join(d.partial, 'checkpoint.json');
  const cp = JSON.parse(readFileSync(checkpoint, 'utf8'));
  writeFileSync(checkpoint, JSON.stringify({ ...cp, done: 5 }));
  await refusedNaming(d.out, d.job, checkpoint);
});
