// `schism report` end to end on the small fixture: one self-contained HTML page, every chart with a table, the same bytes for the same seed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const FIXTURE = 'test/fixtures/minimal.yaml';

function schism(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/schism.js', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('report writes one offline page with charts, tables and a counterfactual fan, byte-identical when repeated', () => {
  const dir = mkdtempSync(join(tmpdir(), 'schism-report-'));
  const variant = join(dir, 'overture.yaml');
  writeFileSync(variant, `variant: 1
title: An overture to the junior ally
events:
  - { id: N1, date: "1951-01", from: THIRD, to: SMALL, role: driver, category: diplomatic, intensity: 5, description: an overture, effects: [{ type: inducement, from: THIRD, to: SMALL, level: 0.6 }], sources: [made-up] }
`);
  const args = ['report', FIXTURE, '--runs', '20', '--decomposition-runs', '2', '--trajectories', '1', '--counterfactual', variant, '--quiet'];
  const r = schism(...args, '--out', join(dir, 'a'));
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /report written to .*report\.html \(4 sections, 5 charts\)/);
  assert.deepEqual(readdirSync(join(dir, 'a')), ['report.html']);
  const html = readFileSync(join(dir, 'a', 'report.html'), 'utf8');
  for (const id of ['record', 'decomposition', 'counterfactuals', 'sensitivity']) assert.match(html, new RegExp(`<section id="${id}">`));
  assert.doesNotMatch(html, /id="explanations"/, 'the fixture declares no explanations, so there is nothing to compare');
  const figures = html.match(/<figure id=/g)?.length ?? 0;
  assert.equal(figures, 5);
  assert.equal(html.match(/<details><summary>The data of this chart as a table<\/summary><table>/g)?.length, figures, 'every chart has its table');
  assert.ok((html.match(/<svg/g)?.length ?? 0) >= figures, 'each chart is inline SVG');
  assert.match(html, /An overture to the junior ally: cooperation/);
  assert.doesNotMatch(html, /<script|<link|src=|https?:\/\//, 'nothing fetched');
  schism(...args, '--out', join(dir, 'b'));
  assert.equal(readFileSync(join(dir, 'b', 'report.html'), 'utf8'), html);
});
