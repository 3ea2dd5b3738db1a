// Tests of atomic writes: what a killed writer left beside the output is cleared or put back by the next write.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { clearStaleWrites, writeFileAtomic, writeFolderAtomic } from './atomic-write.js';

/** The id of a process that has ended. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

test('a later write clears the half-written folders of dead processes, and leaves a live one alone', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'schism-atomic-'));
  const dead = deadPid();
  for (const name of [`.out.tmp-${dead}-1`, `.out.tmp-${dead}-2-old`, `.out.tmp-${process.ppid}-3`, `.other.tmp-${dead}-4`]) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'series.csv'), 'half');
  }
  await writeFolderAtomic(join(dir, 'out'), { 'a.txt': 'new' });
  assert.deepEqual(readdirSync(dir).sort(), [`.other.tmp-${dead}-4`, `.out.tmp-${process.ppid}-3`, 'out']);
  assert.equal(readFileSync(join(dir, 'out', 'a.txt'), 'utf8'), 'new');
});

test('an old output a dead process moved aside is put back when the new one never arrived', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'schism-atomic-'));
  const dead = deadPid();
  mkdirSync(join(dir, `.out.tmp-${dead}-5-old`));
  writeFileSync(join(dir, `.out.tmp-${dead}-5-old`, 'a.txt'), 'old');
  mkdirSync(join(dir, `.out.tmp-${dead}-5`));
  await clearStaleWrites(join(dir, 'out'));
  assert.deepEqual(readdirSync(dir), ['out']);
  assert.equal(readFileSync(join(dir, 'out', 'a.txt'), 'utf8'), 'old');
});

test('a durable single-file write replaces the file whole and leaves no temporary file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'schism-atomic-'));
  await writeFileAtomic(join(dir, 'checkpoint.json'), '{"done":1}', { durable: true });
  await writeFileAtomic(join(dir, 'checkpoint.json'), '{"done":2}', { durable: true });
  assert.deepEqual(readdirSync(dir), ['checkpoint.json']);
  assert.equal(readFileSync(join(dir, 'checkpoint.json'), 'utf8'), '{"done":2}');
});
