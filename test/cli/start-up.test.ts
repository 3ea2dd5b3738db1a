// What the command loads at start-up: --version and --help load no command and no parser; a cached validate no YAML or zod;
// an uncached validate of a valid file the quick reader (js-yaml), not the located one (yaml).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { SCHISM_VERSION } from '../../src/core/version.js';

/** The URLs of the modules `schism ARGS` loads (from source, as the tests run it), and its exit code. */
function loads(args: string[], env: NodeJS.ProcessEnv = {}): { code: number | null; urls: string[]; err: string } {
  const dir = mkdtempSync(join(tmpdir(), 'schism-loads-'));
  try {
    const log = join(dir, 'loads.txt');
    const r = spawnSync(process.execPath, ['--import', './test/fixtures/record-loads.mjs', 'bin/schism.js', ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...env, SCHISM_LOAD_LOG: log },
    });
    let urls: string[] = [];
    try {
      urls = readFileSync(log, 'utf8').trim().split('\n');
    } catch {
      // No module resolved through the hook: nothing to list.
    }
    return { code: r.status, urls, err: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const heavy = (urls: string[]) => urls.filter((u) => /\/cli\/commands\/|\/node_modules\/(yaml|zod|jsdom|@observablehq|piscina|hono)\/|\/scenario\/parse\./.test(u));

test('--help loads no command module, parser, YAML, zod, jsdom or Plot; --version not even the CLI', () => {
  const help = loads(['--help']);
  assert.equal(help.code, 0, help.err);
  assert.ok(help.urls.some((u) => u.includes('/cli/main.')), 'the hook saw the CLI load');
  assert.deepEqual(heavy(help.urls), [], '--help loaded them');
  for (const flag of ['--version', '-V']) {
    const r = loads([flag]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(r.urls.filter((u) => u.includes('/src/') || u.includes('/dist/')), [], `${flag} loaded the CLI`);
    const printed = spawnSync(process.execPath, ['bin/schism.js', flag], { encoding: 'utf8' }).stdout;
    assert.equal(printed, `${SCHISM_VERSION}\n`);
  }
  // With other arguments the version comes from the CLI itself, the same text.
  assert.equal(spawnSync(process.execPath, ['bin/schism.js', '--version', '--quiet'], { encoding: 'utf8' }).stdout.split('\n')[0], SCHISM_VERSION);
});

test('a validate served from the scenario cache loads no YAML, zod or parser', () => {
  const cache = mkdtempSync(join(tmpdir(), 'schism-cache-'));
  try {
    const env = { XDG_CACHE_HOME: cache };
    const first = loads(['validate', 'test/fixtures/minimal.yaml'], env);
    assert.equal(first.code, 0, first.err);
    assert.ok(first.urls.some((u) => u.includes('/node_modules/js-yaml/')), 'the first validate parses');
    const again = loads(['validate', 'test/fixtures/minimal.yaml'], env);
    assert.equal(again.code, 0, again.err);
    assert.deepEqual(heavy(again.urls).filter((u) => !u.includes('/commands/validate.')), []);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});

test('an uncached validate of a valid scenario, its warning located, loads js-yaml but not yaml; an invalid one loads yaml to locate', () => {
  const ok = loads(['validate', 'scenarios/sino-soviet.yaml'], { SCHISM_NO_CACHE: '1' });
  assert.equal(ok.code, 0, ok.err);
  assert.match(ok.err, /sino-soviet\.yaml:2132:11: events\[51\]\.role: warning:/);
  assert.ok(ok.urls.some((u) => u.includes('/node_modules/js-yaml/')));
  assert.deepEqual(ok.urls.filter((u) => /\/node_modules\/yaml\/|\/scenario\/(parse|document|source-map)\./.test(u)), []);
  const dir = mkdtempSync(join(tmpdir(), 'schism-bad-'));
  try {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, readFileSync('test/fixtures/minimal.yaml', 'utf8').replace('meta:\n', 'meta:\n  colour: red\n'));
    const bad = loads(['validate', file], { SCHISM_NO_CACHE: '1' });
    assert.equal(bad.code, 2, bad.err);
    assert.match(bad.err, /bad\.yaml:\d+:\d+: meta\.colour: unknown field "colour"/);
    assert.ok(bad.urls.some((u) => u.includes('/node_modules/yaml/')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
