// record, fit, compare and sensitivity end to end: exit codes, the files written, byte-identical reruns, exit 2 on bad input.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const FIXTURE = 'test/fixtures/minimal.yaml';

function schism(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/schism.js', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const tmp = () => mkdtempSync(join(tmpdir(), 'schism-analysis-'));
const tiny = ['--train', '1950-1952', '--restarts', '1', '--evaluations', '12', '--seeds', '2', '--runs', '4', '--every', 'year'];

test('record writes the series, turning points and agreement tables; the shipped data are read', () => {
  const dir = join(tmp(), 'rec');
  const r = schism('record', FIXTURE, '--out', dir);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(readdirSync(dir).sort(), ['README.md', 'agreement.csv', 'copdab-yearly.csv', 'mie-yearly.csv', 'record-monthly.csv', 'record-quarterly.csv', 'record-yearly.csv', 'turning-points.csv']);
  const yearly = readFileSync(join(dir, 'record-yearly.csv'), 'utf8').split('\n');
  assert.equal(yearly[0], 'period,from,to,goldstein,intensity,acts');
  assert.ok(yearly.includes('1950,BIG,SMALL,7.4,7,1'), 'the recorded loan of 1950');
  assert.match(readFileSync(join(dir, 'README.md'), 'utf8'), /copdab-lebo-moore\/monthly\.csv/);
});

test('fit writes parameters, scores and forecasts, byte-identical on a rerun with its restarts on two workers', () => {
  const dir = tmp();
  const a = schism('fit', FIXTURE, ...tiny, '--restarts', '2', '--workers', '1', '--out', join(dir, 'A'));
  assert.equal(a.code, 0, a.err);
  assert.match(a.out, /fitted \d+ parameters on 1950-01\.\.1952-12/);
  const b = schism('fit', FIXTURE, ...tiny, '--restarts', '2', '--workers', '2', '--out', join(dir, 'B'));
  assert.equal(b.code, 0, b.err);
  const files = readdirSync(join(dir, 'A')).sort();
  assert.deepEqual(files, ['README.md', 'fit.json', 'forecast.csv', 'parameters.csv', 'scores.csv', 'turning-points.csv']);
  for (const f of files) assert.ok(readFileSync(join(dir, 'A', f)).equals(readFileSync(join(dir, 'B', f))), `${f} differs`);
  assert.match(readFileSync(join(dir, 'A', 'scores.csv'), 'utf8'), /^predictor,rmse,correlation,log_score,crps,turning_point_mae_months,strongest_baseline\nmodel,/);
});

test('bad --train, --every or budgets exit 2 with a message naming the option, and write nothing', () => {
  const dir = join(tmp(), 'never');
  for (const bad of [['--train', '1940-1952'], ['--train', 'fifties'], ['--every', 'week'], ['--restarts', '0'], ['--test', '1951-1955'], ['--workers', '0'], ['--shard', '1/2']]) {
    const r = schism('fit', FIXTURE, ...tiny, ...bad, '--out', dir);
    assert.equal(r.code, 2, `${bad.join(' ')}: ${r.err}`);
    assert.match(r.err, /^schism: /);
  }
  assert.equal(existsSync(dir), false);
  assert.equal(schism('fit', 'no/such.yaml', '--out', dir).code, 2);
});

test('compare ranks declared explanations, the same with 1 or 2 workers; without any it exits 2', () => {
  const dir = tmp();
  const file = join(dir, 'explained.yaml');
  writeFileSync(
    file,
    `${readFileSync(FIXTURE, 'utf8')}explanations:\n  - { id: status, name: Status, mechanisms: [standing, autonomy], description: rising junior }\n  - { id: doctrine, name: Doctrine, mechanisms: [ideology], description: doctrine }\n`,
  );
  const r = schism('compare', file, ...tiny, '--perturbations', '1', '--workers', '1', '--out', join(dir, 'C'));
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /ranking by held-out log score: (status > doctrine|doctrine > status)/);
  assert.deepEqual(readdirSync(join(dir, 'C')).sort(), ['README.md', 'comparison.csv', 'comparison.json', 'perturbations.csv', 'turning-points.csv']);
  assert.match(readFileSync(join(dir, 'C', 'comparison.csv'), 'utf8'), /baseline:persistence/);
  const w2 = schism('compare', file, ...tiny, '--perturbations', '1', '--workers', '2', '--out', join(dir, 'W'));
  assert.equal(w2.code, 0, w2.err);
  for (const f of readdirSync(join(dir, 'C'))) assert.ok(readFileSync(join(dir, 'C', f)).equals(readFileSync(join(dir, 'W', f))), `${f}: --workers 2 differs from 1`);
  assert.equal(schism('compare', FIXTURE, ...tiny, '--out', join(dir, 'D')).code, 2);
  assert.equal(schism('compare', file, ...tiny, '--test', '1952-1955', '--workers', '2', '--out', join(dir, 'D')).code, 2);
  assert.equal(schism('compare', file, ...tiny, '--only', 'wedge', '--out', join(dir, 'D')).code, 2);
});

test('sensitivity writes the Morris table; an unknown parameter exits 2', () => {
  const dir = tmp();
  const r = schism('sensitivity', FIXTURE, '--trajectories', '2', '--runs', '2', '--params', 'rules.outsideBase,rules.activity', '--out', join(dir, 'S'));
  assert.equal(r.code, 0, r.err);
  const csv = readFileSync(join(dir, 'S', 'morris.csv'), 'utf8').split('\n');
  assert.equal(csv[0], 'parameter,min,max,mu_star,mu,sigma');
  assert.equal(csv.length, 4);
  assert.equal(schism('sensitivity', FIXTURE, '--params', 'rules.nonsense', '--out', join(dir, 'T')).code, 2);
});
