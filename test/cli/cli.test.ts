// The schism command end to end: validate, run and schema as a user calls them, and every kind of bad input refused with exit 2.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const FIXTURE = 'test/fixtures/minimal.yaml';
const fixtureText = readFileSync(FIXTURE, 'utf8');

function schism(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/schism.js', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'schism-cli-'));

test('validate accepts a good scenario with exit 0', () => {
  const r = schism('validate', FIXTURE);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /valid \(3 actors, 3 issues, 4 events, 1 sources\)/);
});

test('run writes the four outputs, byte-identical for the same seed, different acts for another seed', () => {
  const dir = tmp();
  const a = schism('run', FIXTURE, '--seed', '7', '--out', join(dir, 'A'));
  assert.equal(a.code, 0, a.err);
  assert.match(a.out, /prediction from drivers only, seed 7/);
  schism('run', FIXTURE, '--seed', '7', '--out', join(dir, 'B'));
  schism('run', FIXTURE, '--seed', '8', '--out', join(dir, 'C'));
  const files = readdirSync(join(dir, 'A')).sort();
  assert.deepEqual(files, ['events.csv', 'manifest.json', 'series.csv', 'story.md']);
  for (const f of files) assert.ok(readFileSync(join(dir, 'A', f)).equals(readFileSync(join(dir, 'B', f))), `${f} differs`);
  assert.notEqual(readFileSync(join(dir, 'A', 'events.csv'), 'utf8'), readFileSync(join(dir, 'C', 'events.csv'), 'utf8'));
  const manifest = JSON.parse(readFileSync(join(dir, 'A', 'manifest.json'), 'utf8'));
  assert.equal(manifest.mode, 'predict');
  assert.equal(manifest.seed, 7);
  assert.match(manifest.scenario.sha256, /^[0-9a-f]{64}$/);
  assert.ok(!JSON.stringify(manifest).match(/20\d\d-\d\d-\d\dT/), 'no wall-clock time in the manifest');
  assert.equal(readdirSync(dir).filter((f) => f.startsWith('.')).length, 0, 'no temporary folder left behind');
});

test('replay says so in the manifest and the story', () => {
  const out = join(tmp(), 'R');
  assert.equal(schism('run', FIXTURE, '--replay', '--out', out).code, 0);
  assert.equal(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).mode, 'replay');
  assert.match(readFileSync(join(out, 'story.md'), 'utf8'), /replay: drivers and the record applied/);
  assert.match(readFileSync(join(out, 'events.csv'), 'utf8'), /,record,E2,/);
});

test('schema prints a JSON Schema that names the top-level blocks', () => {
  const r = schism('schema');
  assert.equal(r.code, 0);
  const schema = JSON.parse(r.out);
  for (const key of ['meta', 'sources', 'actors', 'issues', 'alliances', 'events', 'mechanisms']) assert.ok(key in schema.properties, key);
});

/** Bad inputs: each edit of the fixture, the error it must produce (file:line:column: path: message). */
const BAD: [string, (t: string) => string, RegExp][] = [
  ['broken YAML', (t) => t.replace('schism: 1', 'schism: 1\n  bad: [unclosed'), /bad\.yaml:\d+:\d+: \(document\): /],
  ['unknown actor', (t) => t.replace('from: THIRD, to: SMALL, role: driver', 'from: NOBODY, to: SMALL, role: driver'), /bad\.yaml:58:\d+: events\[0\]\.from: unknown actor "NOBODY"/],
  ['date outside the period', (t) => t.replace('date: "1950-06-25"', 'date: "1944-06-25"'), /bad\.yaml:58:\d+: events\[0\]\.date: 1944-06-25 is outside the period/],
  ['event without a source', (t) => t.replace('description: a show of force, effects: [{ type: threat, from: THIRD, to: SMALL, level: 0.8 }], sources: [made-up]', 'description: a show of force, effects: [{ type: threat, from: THIRD, to: SMALL, level: 0.8 }], sources: []'), /bad\.yaml:58:\d+: events\[0\]\.sources: a fact cites at least one source/],
  ['negative salience', (t) => t.replace('position: 10, salience: 0.5', 'position: 10, salience: -0.5'), /bad\.yaml:32:\d+: issues\[0\]\.positions\[0\]\.salience: /],
  ['unknown effect', (t) => t.replace('{ type: threat, from: THIRD', '{ type: teleport, from: THIRD'), /bad\.yaml:58:\d+: events\[0\]\.effects\[0\]\.type: /],
  ['unresolved source', (t) => t.replace('description: a loan, effects', 'description: a loan, sources: [nowhere], effects').replace(/(description: a loan, sources: \[nowhere\], effects: \[[^\]]*\]), sources: \[made-up\]/, '$1'), /events\[1\]\.sources\[0\]: source "nowhere" is not in the bibliography/],
];

for (const [what, edit, expected] of BAD) {
  test(`bad input refused with exit 2 and a located message: ${what}`, () => {
    const dir = tmp();
    const file = join(dir, 'bad.yaml');
    const text = edit(fixtureText);
    assert.notEqual(text, fixtureText, 'the edit applies');
    writeFileSync(file, text);
    const out = join(dir, 'out');
    for (const args of [['validate', file], ['run', file, '--out', out]]) {
      const r = schism(...args);
      assert.equal(r.code, 2, `${args[0]}: ${r.err}`);
      assert.match(r.err, expected);
    }
    assert.equal(existsSync(out), false, 'no output folder after a failed run');
    assert.deepEqual(readdirSync(dir), ['bad.yaml']);
  });
}

test('bad option values exit 2', () => {
  assert.equal(schism('run', FIXTURE, '--seed', 'x', '--out', join(tmp(), 'o')).code, 2);
  assert.equal(schism('run', FIXTURE, '--until', '1950-13', '--out', join(tmp(), 'o')).code, 2);
  assert.equal(schism('run', 'no/such/file.yaml').code, 2);
  assert.equal(schism('frobnicate').code, 2);
});

test('dates outside the scenario\'s period are refused with exit 2, not silently clipped', () => {
  const dir = tmp();
  const late = schism('run', FIXTURE, '--until', '2999-01', '--out', join(dir, 'late'));
  assert.equal(late.code, 2, late.err);
  assert.match(late.err, /--until 2999-01 is after the period ends/);
  assert.equal(existsSync(join(dir, 'late')), false);
  const bargain = schism('bargain', 'scenarios/moscow-1949-50.yaml', '--date', '1980-01', '--out', join(dir, 'b'));
  assert.equal(bargain.code, 2, bargain.err);
  assert.match(bargain.err, /--date 1980-01 is outside the scenario's period/);
});
