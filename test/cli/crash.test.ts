// Crash tests: `run`, `fit` and `ensemble` killed by SIGKILL at seeded moments and inside the write window, then rerun;
// journals damaged in each way a crash or a person can. Every result is the uninterrupted one or exit 2 naming the journal,
// and no hidden folder is left.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

const FIXTURE = 'test/fixtures/minimal.yaml';
const root = mkdtempSync(join(tmpdir(), 'schism-crash-'));

function schism(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/schism.js', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The files of a folder and their bytes, for comparing outputs. */
function contents(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir).sort()) out[f] = readFileSync(join(dir, f), 'base64');
  return out;
}

/** Hidden entries beside an output folder other than a resumable ensemble journal. */
function hidden(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.startsWith('.') && !f.endsWith('.partial'));
}

/** Where a command's write window shows: the folder to watch and the entries that appear in it once writing has begun. */
type Window = (out: string) => { dir: string; match: (name: string) => boolean };
/** run and fit write into `.OUT.tmp-PID-TIME` beside OUT, then rename it into place. */
const folderWindow: Window = (out) => ({ dir: dirname(out), match: (n) => n.startsWith(`.${basename(out)}.tmp-`) });
/** An ensemble writes its summaries into its journal's out/ folder, then renames that into place. */
const journalWindow: Window = (out) => ({ dir: join(dirname(out), `.${basename(out)}.partial`, 'out'), match: (n) => n.endsWith('.json') || n.startsWith('break') });

/**
 * Starts schism and kills it with SIGKILL after `delayMs`, or, with `window`, as soon as its write window opens.
 * Reports whether the command had finished before the kill.
 */
async function killed(args: string[], out: string, when: { delayMs: number } | { window: Window }): Promise<{ inWindow: boolean; finished: boolean }> {
  const child = spawn(process.execPath, ['bin/schism.js', ...args], { stdio: 'ignore' });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  let inWindow = false;
  if ('window' in when) {
    const { dir, match } = when.window(out);
    while (!existsSync(dir) && child.exitCode === null) await sleep(2);
    const watcher = existsSync(dir)
      ? watch(dir, (_, name) => {
          if (name && match(name)) {
            inWindow = child.exitCode === null;
            child.kill('SIGKILL');
          }
        })
      : undefined;
    await exited;
    watcher?.close();
  } else {
    await Promise.race([sleep(when.delayMs), exited]);
    child.kill('SIGKILL');
    await exited;
  }
  return { inWindow, finished: child.exitCode === 0 };
}

/** Kills a command at seeded moments and in its write window; each rerun must give the reference bytes and leave nothing hidden. */
async function crashAndRerun(t: TestContext, name: string, args: (out: string) => string[], delays: number[], window: Window): Promise<void> {
  const dir = join(root, name);
  const reference = join(dir, 'reference');
  const first = schism(...args(reference));
  assert.equal(first.code, 0, first.err);
  const expected = contents(reference);
  let mid = 0;
  let inWindow = 0;
  const moments: ({ delayMs: number } | { window: Window })[] = [...delays.map((delayMs) => ({ delayMs })), { window }];
  for (const [k, when] of moments.entries()) {
    const out = join(dir, `killed${k % 2}`);
    const kill = await killed(args(out), out, when);
    if (kill.inWindow) inWindow++;
    if (!kill.finished) mid++;
    const again = schism(...args(out));
    assert.equal(again.code, 0, again.err);
    assert.deepEqual(contents(out), expected, `${name}: output after a kill differs from an uninterrupted run`);
    assert.deepEqual(hidden(dir), [], `${name}: hidden folders left after a kill`);
  }
  t.diagnostic(`${name}: ${moments.length} kills, ${mid} before the command finished, ${inWindow} inside the write window; all reruns identical, no hidden folder left`);
}

test('run killed at seeded moments and in its write window: the rerun gives the same bytes, no hidden folder', async (t) => {
  await crashAndRerun(t, 'run', (out) => ['run', FIXTURE, '--seed', '5', '--out', out], [700], folderWindow);
});

test('fit killed at seeded moments and in its write window: the rerun gives the same bytes, no hidden folder', async (t) => {
  await crashAndRerun(t, 'fit', (out) => ['fit', FIXTURE, '--train', '1950-1953', '--evaluations', '12', '--restarts', '1', '--seeds', '2', '--runs', '6', '--out', out], [1200], folderWindow);
});

test('ensemble killed at seeded moments and in its write window: the resume gives the same bytes, no hidden folder', async (t) => {
  await crashAndRerun(t, 'ensemble', (out) => ['ensemble', FIXTURE, '--runs', '400', '--chunk', '25', '--workers', '1', '--quiet', '--out', out], [1000], journalWindow);
});

test('a damaged ensemble journal exits 2 naming the damaged file; deleting the journal starts afresh', async () => {
  const dir = join(root, 'damaged');
  const args = (out: string) => ['ensemble', FIXTURE, '--runs', '400', '--chunk', '20', '--workers', '1', '--quiet', '--out', out];
  const damage: [string, (partial: string) => string][] = [
    ['short per-run file', (p) => { truncateSync(join(p, 'out', 'runs.csv'), 60); return join(p, 'out', 'runs.csv'); }],
    ['removed out/', (p) => { rmSync(join(p, 'out'), { recursive: true }); return join(p, 'out', 'runs.csv'); }],
    ['empty checkpoint', (p) => { writeFileSync(join(p, 'checkpoint.json'), ''); return join(p, 'checkpoint.json'); }],
    ['checkpoint with wrong fields', (p) => { writeFileSync(join(p, 'checkpoint.json'), '{"done":"many","bytes":{}}'); return join(p, 'checkpoint.json'); }],
  ];
  // Interrupt once, as soon as a checkpoint exists, and keep that journal to damage a copy of it each time.
  const out = join(dir, 'e');
  const partial = join(dir, '.e.partial');
  const pristine = join(dir, 'pristine');
  for (let attempt = 0; attempt < 3 && !existsSync(pristine); attempt++) {
    const child = spawn(process.execPath, ['bin/schism.js', ...args(out)], { stdio: 'ignore' });
    const exited = new Promise((done) => child.on('exit', done));
    while (!existsSync(join(partial, 'checkpoint.json')) && child.exitCode === null) await sleep(2);
    child.kill('SIGKILL');
    await exited;
    if (existsSync(out)) rmSync(out, { recursive: true });
    else cpSync(partial, pristine, { recursive: true });
  }
  assert.ok(existsSync(pristine), 'the ensemble was interrupted with a journal on disk');
  for (const [what, harm] of damage) {
    rmSync(partial, { recursive: true, force: true });
    cpSync(pristine, partial, { recursive: true });
    const file = harm(partial);
    const r = schism(...args(out));
    assert.equal(r.code, 2, `${what}: ${r.err}`);
    assert.ok(r.err.includes(file), `${what}: the message names ${file}: ${r.err}`);
    assert.doesNotMatch(r.err, /\n\s+at /, `${what}: no stack trace`);
    assert.equal(existsSync(out), false, `${what}: nothing written`);
  }
  rmSync(partial, { recursive: true });
  assert.equal(schism(...args(out)).code, 0);
});
