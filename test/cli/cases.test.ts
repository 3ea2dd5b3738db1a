// validate-cases, fit across cases and recover end to end: files written, the same bytes for any worker count or sharding, exit 2.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const CASES = ['test/fixtures/cases/endures.yaml', 'test/fixtures/cases/breaks.yaml', 'test/fixtures/minimal.yaml'];

function schism(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/schism.js', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const tmp = () => mkdtempSync(join(tmpdir(), 'schism-cases-'));
const tiny = ['--restarts', '1', '--evaluations', '8', '--seeds', '2', '--runs', '4'];

test('validate-cases writes the study; one worker, two workers and two shards put together give the same bytes', () => {
  const dir = tmp();
  const one = schism('validate-cases', ...CASES, ...tiny, '--workers', '1', '--out', join(dir, 'one'));
  assert.equal(one.code, 0, one.err);
  assert.match(one.err, /validate-cases: 3\/3 jobs/);
  assert.deepEqual(readdirSync(join(dir, 'one')).sort(), ['README.md', 'calibration.csv', 'cases.csv', 'study.json', 'summary.csv']);
  const two = schism('validate-cases', ...CASES, ...tiny, '--workers', '2', '--out', join(dir, 'two'));
  assert.equal(two.code, 0, two.err);
  for (const s of ['0/2', '1/2']) assert.equal(schism('validate-cases', ...CASES, ...tiny, '--shard', s, '--out', join(dir, `s${s[0]}`)).code, 0);
  const merged = schism('validate-cases', ...CASES, ...tiny, '--from', join(dir, 's0'), join(dir, 's1'), '--out', join(dir, 'merged'));
  assert.equal(merged.code, 0, merged.err);
  for (const f of ['study.json', 'cases.csv', 'summary.csv', 'calibration.csv', 'README.md']) {
    const a = readFileSync(join(dir, 'one', f));
    assert.ok(a.equals(readFileSync(join(dir, 'two', f))), `${f}: workers`);
    assert.ok(a.equals(readFileSync(join(dir, 'merged', f))), `${f}: shards`);
  }
  assert.match(readFileSync(join(dir, 'one', 'summary.csv'), 'utf8'), /^predictor,mean_brier,median_date_error_months,outcomes_right,mean_log_score,mean_crps,independent_cases,mean_independent_log_score,mean_independent_crps\nmodel,([^,]*,){5}2,-?\d/);
  // The two fixtures with COW codes are scored against COPDAB's series for them (1951-1955, both directions); minimal.yaml is not.
  const calibration = readFileSync(join(dir, 'one', 'calibration.csv'), 'utf8').trim().split('\n');
  assert.match(calibration[1], /^endures\.yaml,12,-?[\d.]+,-?[\d.]+,[\d.]+,[\d.]+,1951-1955,10,(-?[\d.]+)?,(-?[\d.]+)?,-?[\d.]+,$/);
  assert.match(calibration[3], /^minimal\.yaml,24,.*,none,0,,,,COPDAB has no series/);
  const model = readFileSync(join(dir, 'one', 'cases.csv'), 'utf8').split('\n').filter((l) => /^(endures|minimal)\.yaml,.*,model,/.test(l));
  assert.match(model[0], /,-?[\d.]+,[\d.]+$/);
  assert.match(model[1], /,,$/);
  assert.match(readFileSync(join(dir, 'one', 'README.md'), 'utf8'), /## Against the independent series \(COPDAB\)[^]*Strongest baseline on the independent series: by log score /);
});

test('validate-cases refuses one case, a missing file and a bad budget with exit 2', () => {
  assert.equal(schism('validate-cases', CASES[0], ...tiny, '--out', tmp()).code, 2);
  assert.equal(schism('validate-cases', CASES[0], 'nope.yaml', '--out', tmp()).code, 2);
  const bad = schism('validate-cases', ...CASES, '--evaluations', 'x', '--out', tmp());
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--evaluations/);
});

test('fit with several files fits one shared parameter set, the same bytes with one or two workers, and scores each case', () => {
  const dir = tmp();
  const args = ['--restarts', '2', '--evaluations', '8', '--seeds', '2', '--runs', '4', '--every', 'year'];
  const one = schism('fit', ...CASES, ...args, '--workers', '1', '--out', join(dir, 'one'));
  assert.equal(one.code, 0, one.err);
  assert.match(one.out, /fitted \d+ shared parameters across 3 cases/);
  assert.equal(schism('fit', ...CASES, ...args, '--workers', '2', '--out', join(dir, 'two')).code, 0);
  for (const f of ['fit.json', 'parameters.csv', 'cases.csv', 'README.md']) assert.ok(readFileSync(join(dir, 'one', f)).equals(readFileSync(join(dir, 'two', f))), f);
  const rows = readFileSync(join(dir, 'one', 'cases.csv'), 'utf8').trim().split('\n');
  assert.equal(rows.length, 4);
  assert.match(rows[1], /^endures\.yaml,1950-01\.\.1951-12,/);
  assert.equal(schism('fit', ...CASES, ...args, '--params', 'rules.noise', '--out', join(dir, 'bad')).code, 2);
});

test('recover writes the confusion matrix and recovery table, the same bytes with one or two workers; exit 2 without explanations', () => {
  const dir = tmp();
  const args = ['--runs', '1', '--densities', '1,10', '--train', '1950-1952', '--evaluations', '6', '--seeds', '2', '--score-runs', '3'];
  const fixture = join(dir, 'explained.yaml');
  writeFileSync(fixture, readFileSync('test/fixtures/minimal.yaml', 'utf8') + 'explanations:\n  - { id: doctrine, name: Doctrine, mechanisms: [ideology], description: doctrinal distance }\n  - { id: status, name: Status, mechanisms: [standing, autonomy], description: rising junior }\n');
  const one = schism('recover', fixture, ...args, '--workers', '1', '--out', join(dir, 'one'));
  assert.equal(one.code, 0, one.err);
  assert.match(one.out, /recovered the generating explanation in [\d.]+ of records at 1x and [\d.]+ at 10x/);
  assert.equal(schism('recover', fixture, ...args, '--workers', '2', '--out', join(dir, 'two')).code, 0);
  for (const f of ['recovery.json', 'confusion.csv', 'recovery.csv', 'jobs.csv', 'README.md']) assert.ok(readFileSync(join(dir, 'one', f)).equals(readFileSync(join(dir, 'two', f))), f);
  assert.equal(readFileSync(join(dir, 'one', 'confusion.csv'), 'utf8').trim().split('\n').length, 1 + 2 * 2 * 2);
  assert.equal(schism('recover', 'test/fixtures/minimal.yaml', ...args, '--out', join(dir, 'bad')).code, 2);
  assert.equal(schism('recover', fixture, ...args, '--densities', '1,x', '--out', join(dir, 'bad')).code, 2);
});

test('compare with several files ranks the explanations across them, the same bytes with one or two workers or two shards put together', () => {
  const dir = tmp();
  const fixture = join(dir, 'explained.yaml');
  writeFileSync(fixture, readFileSync('test/fixtures/minimal.yaml', 'utf8') + 'explanations:\n  - { id: doctrine, name: Doctrine, mechanisms: [ideology], description: doctrinal distance }\n  - { id: status, name: Status, mechanisms: [standing, autonomy], description: rising junior }\n');
  const args = [fixture, 'test/fixtures/cases/breaks.yaml', 'test/fixtures/cases/endures.yaml', '--restarts', '1', '--evaluations', '6', '--seeds', '2', '--runs', '4'];
  const one = schism('compare', ...args, '--workers', '1', '--out', join(dir, 'one'));
  assert.equal(one.code, 0, one.err);
  assert.match(one.out, /ranking across 3 cases by pooled held-out log score: (doctrine > status|status > doctrine)/);
  assert.equal(schism('compare', ...args, '--workers', '2', '--out', join(dir, 'two')).code, 0);
  for (const s of ['0/2', '1/2']) assert.equal(schism('compare', ...args, '--shard', s, '--out', join(dir, `s${s[0]}`)).code, 0);
  const merged = schism('compare', ...args, '--from', join(dir, 's0'), join(dir, 's1'), '--out', join(dir, 'merged'));
  assert.equal(merged.code, 0, merged.err);
  for (const f of ['comparison.json', 'comparison.csv', 'cases.csv', 'README.md']) {
    assert.ok(readFileSync(join(dir, 'one', f)).equals(readFileSync(join(dir, 'two', f))), `${f}: workers`);
    assert.ok(readFileSync(join(dir, 'one', f)).equals(readFileSync(join(dir, 'merged', f))), `${f}: shards`);
  }
  // Scored against the cases' COPDAB series too, as validate-cases does: the allies of breaks.yaml and endures.yaml (US and
  // France) have one.
  assert.match(readFileSync(join(dir, 'one', 'comparison.csv'), 'utf8'), /^rank,explanation,mechanisms,(\w+,){5}independent_cases,mean_independent_log_score,mean_independent_crps,mean_tracking_correlation\n1,\w+,[^\n]*,2,-?\d[^\n]*\n2,/);
  assert.match(readFileSync(join(dir, 'one', 'cases.csv'), 'utf8'), /,independent_log_score,independent_crps\n(doctrine|status),explained\.yaml,[^\n]*,,\n[^]*\n(doctrine|status),breaks\.yaml,[^\n]*,-?\d+(\.\d+)?,\d+(\.\d+)?\n/);
  assert.match(readFileSync(join(dir, 'one', 'README.md'), 'utf8'), /## Against the independent series \(COPDAB\)[^]*\| (doctrine|status) \| 2 \| -?\d[^]*Strongest baseline on the independent series: by log score (?!none)/);
  assert.equal(schism('compare', fixture, '--shard', '0/2', '--out', join(dir, 'one-file')).code, 2, 'one file has no shards');
  assert.equal(schism('compare', 'test/fixtures/cases/endures.yaml', 'test/fixtures/cases/breaks.yaml', '--out', join(dir, 'bad')).code, 2, 'no explanations declared');
});
