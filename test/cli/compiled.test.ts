// The compiled command from a fresh clone: `npm run build` makes dist/, and bin/schism.js runs it without tsx.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(import.meta.dirname, '../..');
const inGit = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() === 'true';

/** A node_modules of links to the installed packages, all but tsx, so that the clone can only run compiled code. */
function linkModulesWithoutTsx(clone: string): void {
  const mine = join(ROOT, 'node_modules');
  mkdirSync(join(clone, 'node_modules'));
  for (const name of readdirSync(mine)) if (name !== 'tsx') symlinkSync(join(mine, name), join(clone, 'node_modules', name));
}

/** The environment of a user's shell: the test runner's request to run from source removed. */
function userEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.SCHISM_FROM_SOURCE;
  return env;
}

test('a fresh clone builds with npm run build and runs --version, validate, run and bargain compiled (the CLI bundled)', { skip: !inGit && 'not a git checkout' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'schism-clone-'));
  try {
    const clone = join(dir, 'schism');
    const cloned = spawnSync('git', ['clone', '--quiet', '--no-hardlinks', ROOT, clone], { encoding: 'utf8' });
    assert.equal(cloned.status, 0, cloned.stderr);
    linkModulesWithoutTsx(clone);
    const npm = process.env.npm_execpath;
    const build = npm
      ? spawnSync(process.execPath, [npm, 'run', 'build'], { cwd: clone, encoding: 'utf8' })
      : spawnSync('npm', ['run', 'build'], { cwd: clone, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stdout + build.stderr);
    assert.ok(existsSync(join(clone, 'dist/adapters/cli/main.js')));
    assert.ok(existsSync(join(clone, 'dist/adapters/workers/ensemble-task.js')));
    assert.ok(existsSync(join(clone, 'dist/cli/main.js')), 'the bundled CLI');

    const schism = (...args: string[]) => spawnSync(process.execPath, ['bin/schism.js', ...args], { cwd: clone, encoding: 'utf8', env: userEnv() });
    const version = schism('--version');
    assert.equal(version.status, 0, version.stderr);
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8')).version);

    const valid = schism('validate', 'scenarios/sino-soviet.yaml');
    assert.equal(valid.status, 0, valid.stderr);
    assert.match(valid.stdout, /scenarios\/sino-soviet\.yaml: valid \(/);

    const out = join(dir, 'run');
    const run = schism('run', 'test/fixtures/minimal.yaml', '--seed', '7', '--out', out);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(readdirSync(out).sort(), ['events.csv', 'manifest.json', 'series.csv', 'story.md']);

    // The same run from the TypeScript source gives the same bytes: compiling changes nothing but speed.
    const fromSource = join(dir, 'run-source');
    const src = spawnSync(process.execPath, ['bin/schism.js', 'run', 'test/fixtures/minimal.yaml', '--seed', '7', '--out', fromSource], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, SCHISM_FROM_SOURCE: '1' },
    });
    assert.equal(src.status, 0, src.stderr);
    for (const f of ['events.csv', 'series.csv', 'story.md']) assert.ok(readFileSync(join(out, f)).equals(readFileSync(join(fromSource, f))), `${f} differs`);

    // The bundled bargain command (its own chunk, csv-parse inside) gives the source's bytes too.
    const csv = 'data/bargaining/ktab-china-soe-2016/SOE-Pol-Comp.csv';
    const bargained = join(dir, 'bargain');
    const bargain = schism('bargain', csv, '--model', 'smp', '--out', bargained);
    assert.equal(bargain.status, 0, bargain.stderr);
    const bargainedSource = join(dir, 'bargain-source');
    const bargainSrc = spawnSync(process.execPath, ['bin/schism.js', 'bargain', csv, '--model', 'smp', '--out', bargainedSource], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, SCHISM_FROM_SOURCE: '1' },
    });
    assert.equal(bargainSrc.status, 0, bargainSrc.stderr);
    for (const f of ['positions.csv', 'forecast.csv', 'summary.csv']) assert.ok(readFileSync(join(bargained, f)).equals(readFileSync(join(bargainedSource, f))), `bargain ${f} differs`);

    // That bargain ran as one script with the code cache the build wrote, and V8 took the cache.
    assert.ok(existsSync(join(clone, 'dist/cli/bargain.cjs')) && existsSync(join(clone, 'dist/cli/bargain.cache')), 'the bargain script and its cache');
    const probe = spawnSync(process.execPath, ['--input-type=module', '-e', [
      "import { loadCommandScript } from './scripts/command-script.cjs';",
      "const r = loadCommandScript(process.cwd() + '/dist/cli/bargain.cjs', process.cwd() + '/dist/cli/bargain.cache', (u) => import(u));",
      "process.stdout.write(String(r.cacheRejected) + ' ' + typeof r.exports.main);",
    ].join('\n')], { cwd: clone, encoding: 'utf8' });
    assert.equal(probe.stdout, 'false function', probe.stderr);
    // A scenario's located error crosses from the parser's own modules and still exits 2, as from the bundled CLI.
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'meta:\n  title: x\nstates: [\n');
    const refused = schism('bargain', bad, '--out', join(dir, 'bad'));
    assert.equal(refused.status, 2, refused.stderr);
    assert.match(refused.stderr, /bad\.yaml:4:1: /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
