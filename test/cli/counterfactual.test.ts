// `schism counterfactual` end to end: the files of a paired comparison, and exit 2 with a clear message for every bad request.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const FIXTURE = 'test/fixtures/minimal.yaml';
const tmp = () => mkdtempSync(join(tmpdir(), 'schism-cf-'));

function schism(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/schism.js', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('a counterfactual writes both worlds\' bands and break dates, and records what it changed', () => {
  const dir = tmp();
  const variant = join(dir, 'overture.yaml');
  writeFileSync(variant, `variant: 1
title: An overture to the junior ally
events:
  - { id: N1, date: "1951-01", from: THIRD, to: SMALL, role: driver, category: diplomatic, intensity: 5, description: an overture, effects: [{ type: inducement, from: THIRD, to: SMALL, level: 0.6 }], sources: [made-up] }
`);
  const out = join(dir, 'cf');
  const r = schism('counterfactual', FIXTURE, '--without', 'E1', '--add', variant, '--set', 'rules.noise=0.7', '--runs', '40', '--seed', '5', '--out', out);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /40 paired runs, seed 5\n {2}pact\n {4}factual: {8}broken in/);
  assert.deepEqual(readdirSync(out).sort(), ['break-dates.csv', 'cooperation-bands.csv', 'manifest.json', 'runs.csv', 'summary.json']);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  assert.deepEqual(manifest.counterfactual.changes.without, ['E1']);
  assert.deepEqual(manifest.counterfactual.changes.added, ['N1']);
  assert.deepEqual(manifest.counterfactual.changes.set, { 'rules.noise': 0.7 });
  assert.equal(manifest.recordUsed, false);
  const bands = readFileSync(join(out, 'cooperation-bands.csv'), 'utf8').split('\n');
  assert.equal(bands[0], 'from,to,date,world,mean,p05,p25,p50,p75,p95');
  assert.match(bands[1], /^BIG,SMALL,1950-01,factual,/);
  const again = join(dir, 'again');
  schism('counterfactual', FIXTURE, '--without', 'E1', '--add', variant, '--set', 'rules.noise=0.7', '--runs', '40', '--seed', '5', '--out', again);
  for (const f of readdirSync(out)) assert.ok(readFileSync(join(out, f)).equals(readFileSync(join(again, f))), `${f} differs`);
});

test('unknown events and parameters, malformed settings, record events and bad variants exit 2 and write nothing', () => {
  const dir = tmp();
  const out = join(dir, 'cf');
  const bad = (args: string[], pattern: RegExp) => {
    const r = schism('counterfactual', FIXTURE, '--runs', '5', '--out', out, ...args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
    assert.match(r.err, pattern);
  };
  bad(['--without', 'E9'], /--without E9: unknown event "E9"/);
  bad(['--without', 'E1', 'E9'], /--without E9: unknown event "E9"/); // several ids after one flag are all read
  bad(['--without', 'E2'], /record event .* predict mode never reads the record, so leaving it out changes nothing/);
  bad(['--set', 'rules.noise'], /--set takes PARAM=VALUE/);
  bad(['--set', 'rules.loudness=2'], /unknown parameter "rules\.loudness"/);
  const variant = join(dir, 'bad.yaml');
  writeFileSync(variant, 'variant: 1\ntitle: bad\nevents:\n  - { id: N1, date: "1951-01", from: NOBODY, to: SMALL, role: driver, category: diplomatic, intensity: 5, description: x, sources: [made-up] }\n');
  bad(['--add', variant], /bad\.yaml:4:\d+: events\[0\]\.from: unknown actor "NOBODY"/);
  bad([], /nothing to compare/);
  assert.equal(existsSync(out), false);
});
