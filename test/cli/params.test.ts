// --params carries a fit's parameters to run, ensemble and counterfactual; run --run-index reproduces one run of an ensemble.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const FIXTURE = 'test/fixtures/minimal.yaml';
const schism = (...args: string[]) => spawnSync(process.execPath, ['bin/schism.js', ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'schism-params-'));

test('run --run-index n writes the run that is row n of the ensemble with the same seed', () => {
  assert.equal(schism('ensemble', FIXTURE, '--runs', '6', '--workers', '1', '--seed', '11', '--quiet', '--out', join(dir, 'ens')).status, 0);
  const acts = readFileSync(join(dir, 'ens', 'runs.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[6]);
  for (const i of [0, 4]) {
    const r = schism('run', FIXTURE, '--seed', '11', '--run-index', String(i), '--out', join(dir, `run${i}`));
    assert.equal(r.status, 0, r.stderr);
    // The ensemble counts every act the model chose (the third power's too), as events.csv lists them.
    const simulated = readFileSync(join(dir, `run${i}`, 'events.csv'), 'utf8').split('\n').filter((l) => l.split(',')[1] === 'simulated').length;
    assert.equal(String(simulated), acts[i], `run ${i} has the ensemble's ${acts[i]} acts`);
  }
  assert.notEqual(acts[0], acts[4], 'the two runs differ, so the index matters');
});

test('--params loads a fit\'s parameters: the run changes, and a bad file or key exits 2 with its location', () => {
  const fit = join(dir, 'fit');
  spawnSync('mkdir', ['-p', fit]);
  writeFileSync(join(fit, 'fit.json'), JSON.stringify({ fit: { mechanisms: ['security', 'economy'], parameters: [{ key: 'rules.activity', fitted: 0.9 }] } }));
  const base = schism('run', FIXTURE, '--out', join(dir, 'base'));
  const fitted = schism('run', FIXTURE, '--params', fit, '--out', join(dir, 'fitted'));
  assert.equal(fitted.status, 0, fitted.stderr);
  assert.notEqual(base.stdout.match(/simulated acts: \d+/)![0], fitted.stdout.match(/simulated acts: \d+/)![0], 'activity 0.9 gives more acts');
  const again = schism('run', FIXTURE, '--params', join(fit, 'fit.json'), '--out', join(dir, 'fitted2'));
  assert.ok(readFileSync(join(dir, 'fitted', 'series.csv')).equals(readFileSync(join(dir, 'fitted2', 'series.csv'))), 'folder or file: same bytes');
  const cf = schism('counterfactual', FIXTURE, '--params', fit, '--without', 'E1', '--runs', '4', '--out', join(dir, 'cf'));
  assert.equal(cf.status, 0, cf.stderr);
  writeFileSync(join(dir, 'bad.json'), '{"fit": {"mechanisms": []}}');
  const bad = schism('run', FIXTURE, '--params', join(dir, 'bad.json'), '--out', join(dir, 'x'));
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /bad\.json:1:1: \(document\): --params: not a fit/);
  writeFileSync(join(dir, 'unknown.json'), JSON.stringify({ mechanisms: [], parameters: [{ key: 'rules.nothing', fitted: 1 }] }));
  const unknown = schism('ensemble', FIXTURE, '--params', join(dir, 'unknown.json'), '--runs', '2', '--workers', '1', '--quiet', '--out', join(dir, 'y'));
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /rules\.nothing/);
});
