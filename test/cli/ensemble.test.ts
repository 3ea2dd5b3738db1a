// Ensembles end to end: the same bytes for 1 or 2 workers, for 1 shard or 4 merged (separate processes), and after a SIGKILL and a resume.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

const FIXTURE = 'test/fixtures/minimal.yaml';
const tmp = () => mkdtempSync(join(tmpdir(), 'schism-ensemble-'));

function schism(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/schism.js', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Runs schism as a child process, resolving with its exit code. */
function schismAsync(...args: string[]): Promise<number | null> {
  const child = spawn(process.execPath, ['bin/schism.js', ...args], { stdio: 'ignore' });
  return new Promise((done) => child.on('exit', (code) => done(code)));
}

/** Asserts two folders hold the same files with the same bytes. */
function assertSameFolder(a: string, b: string): void {
  const files = readdirSync(a).sort();
  assert.deepEqual(readdirSync(b).sort(), files);
  for (const f of files) assert.ok(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), `${f} differs between ${a} and ${b}`);
}

test('an ensemble writes its summaries and per-run files, identical for 1 and 2 workers and any chunk size', () => {
  const dir = tmp();
  const one = schism('ensemble', FIXTURE, '--runs', '300', '--workers', '1', '--chunk', '40', '--quiet', '--out', join(dir, 'w1'));
  assert.equal(one.code, 0, one.err);
  assert.match(one.out, /300 runs \(0\.\.299 of 300\), seed 3/);
  const two = schism('ensemble', FIXTURE, '--runs', '300', '--workers', '2', '--chunk', '25', '--quiet', '--out', join(dir, 'w2'));
  assert.equal(two.code, 0, two.err);
  assertSameFolder(join(dir, 'w1'), join(dir, 'w2'));
  assert.deepEqual(readdirSync(join(dir, 'w1')).sort(), ['break-dates.csv', 'cooperation-bands.csv', 'cooperation.csv', 'manifest.json', 'runs.csv', 'stats.json', 'summary.json']);
  const runs = readFileSync(join(dir, 'w1', 'runs.csv'), 'utf8').trim().split('\n');
  assert.equal(runs.length, 301);
  assert.deepEqual(runs.slice(1).map((l) => Number(l.split(',')[0])), Array.from({ length: 300 }, (_, i) => i), 'one row per run, in run order');
  const manifest = JSON.parse(readFileSync(join(dir, 'w1', 'manifest.json'), 'utf8'));
  assert.deepEqual(manifest.range, { from: 0, to: 300 });
  assert.equal(manifest.recordUsed, false);
  assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('.')), [], 'no journal left behind');
});

test('four shards run as separate processes and merged equal one unsharded run byte for byte', async () => {
  const dir = tmp();
  const whole = schism('ensemble', FIXTURE, '--runs', '203', '--seed', '9', '--workers', '1', '--quiet', '--out', join(dir, 'whole'));
  assert.equal(whole.code, 0, whole.err);
  const codes = await Promise.all([0, 1, 2, 3].map((i) => schismAsync('ensemble', FIXTURE, '--runs', '203', '--seed', '9', '--workers', '1', '--shard', `${i}/4`, '--quiet', '--out', join(dir, `s${i}`))));
  assert.deepEqual(codes, [0, 0, 0, 0]);
  assert.deepEqual(JSON.parse(readFileSync(join(dir, 's1', 'manifest.json'), 'utf8')).range, { from: 50, to: 101 });
  const merged = schism('merge', join(dir, 's3'), join(dir, 's1'), join(dir, 's0'), join(dir, 's2'), '--out', join(dir, 'merged'));
  assert.equal(merged.code, 0, merged.err);
  assertSameFolder(join(dir, 'whole'), join(dir, 'merged'));

  const gap = schism('merge', join(dir, 's0'), join(dir, 's2'), '--out', join(dir, 'bad'));
  assert.equal(gap.code, 2);
  assert.match(gap.err, /runs 50\.\.100 are missing/);
  const other = join(dir, 'other');
  cpSync(join(dir, 's1'), other, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(other, 'manifest.json'), 'utf8'));
  writeFileSync(join(other, 'manifest.json'), JSON.stringify({ ...manifest, seed: 10 }));
  const mixed = schism('merge', join(dir, 's0'), other, '--out', join(dir, 'bad'));
  assert.equal(mixed.code, 2);
  assert.match(mixed.err, /not a shard of the same ensemble/);
  assert.equal(existsSync(join(dir, 'bad')), false);
});

test('an ensemble killed with SIGKILL after its first chunk resumes to the same bytes as an uninterrupted run', async () => {
  const dir = tmp();
  const args = ['ensemble', FIXTURE, '--workers', '1', '--chunk', '20', '--quiet'];
  let runs = 1500;
  let killedAt = -1;
  // Kill as soon as the first checkpoint lands; if the machine is so fast that the run had already finished, try a larger one.
  for (let attempt = 0; attempt < 4 && killedAt < 0; attempt++, runs *= 4) {
    const out = join(dir, `killed${attempt}`);
    const journal = join(dir, `.killed${attempt}.partial`, 'checkpoint.json');
    const child = spawn(process.execPath, ['bin/schism.js', ...args, '--runs', String(runs), '--out', out], { stdio: 'ignore' });
    const exited = new Promise((done) => child.on('exit', done));
    while (!existsSync(journal) && child.exitCode === null) await sleep(2);
    child.kill('SIGKILL');
    await exited;
    if (existsSync(out)) continue;
    killedAt = JSON.parse(readFileSync(journal, 'utf8')).done;
    assert.ok(killedAt > 0 && killedAt < runs, `killed after ${killedAt} of ${runs} runs`);
    const resumed = schism(...args, '--runs', String(runs), '--out', out);
    assert.equal(resumed.code, 0, resumed.err);
    assert.match(resumed.out, /resumed after \d+/);
    const fresh = schism('ensemble', FIXTURE, '--workers', '2', '--quiet', '--runs', String(runs), '--out', join(dir, 'fresh'));
    assert.equal(fresh.code, 0, fresh.err);
    assertSameFolder(out, join(dir, 'fresh'));
    assert.equal(existsSync(join(dir, `.killed${attempt}.partial`)), false, 'the journal is gone once the output is in place');
  }
  assert.ok(killedAt > 0, 'the ensemble was killed mid-way at least once');
});

test('bad options exit 2 and write nothing', () => {
  const dir = tmp();
  const out = join(dir, 'e');
  const bad = (args: string[], pattern: RegExp) => {
    const r = schism('ensemble', FIXTURE, '--quiet', '--out', out, ...args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
    assert.match(r.err, pattern);
  };
  bad(['--runs', '0'], /at least 1/);
  bad(['--runs', '10', '--without', 'E2'], /record event/);
  assert.equal(existsSync(out), false, 'nothing written');
});
