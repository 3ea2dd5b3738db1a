// The bargain command end to end: every case in data/bargaining and the shipped scenario run; malformed CSVs exit 2 with row and column.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

function schism(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/schism.js', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const tmp = () => mkdtempSync(join(tmpdir(), 'schism-bargain-'));

test('bargain runs every case in data/bargaining with both models and writes the three files', () => {
  const dir = tmp();
  const cases: [string, string[]][] = [
    ['data/bargaining/bdm1994-ec-car-emissions/actors.csv', []],
    ['data/bargaining/iran-2013-presidential-election/actors.csv', []],
    ['data/bargaining/bdm2002-china-democratization/actors_masad.csv', ['--salience-scale', '100']],
    ['data/bargaining/saudi-oil-price-bdm1997-candidate/actors_mckibben_Sultan.csv', []],
    ['data/bargaining/ktab-china-soe-2016/SOE-Pol-Comp.csv', []],
    ['data/bargaining/unfccc-cop21-paris-2015-candidate/cop21_decide_format.tsv', []],
  ];
  for (const [file, extra] of cases) {
    for (const model of ['bdm', 'smp']) {
      const r = schism('bargain', file, '--model', model, '--out', join(dir, 'o'), ...extra);
      assert.equal(r.code, 0, `${file} ${model}: ${r.err}`);
      assert.deepEqual(readdirSync(join(dir, 'o')).sort(), ['forecast.csv', 'positions.csv', 'summary.csv']);
    }
  }
  const cw = schism('bargain', 'data/bargaining/bdm1998-cold-war-1948/actors_transcribed_rescaled.csv', '--shock', '1', '--rounds', '25', '--runs', '3', '--out', join(dir, 'cw'));
  assert.equal(cw.code, 0, cw.err);
  assert.equal(readFileSync(join(dir, 'cw', 'runs.csv'), 'utf8').trim().split('\n').length, 4);
});

test('bargain on the shipped scenario is byte-identical for the same seed', () => {
  const dir = tmp();
  for (const o of ['A', 'B']) {
    const r = schism('bargain', 'scenarios/moscow-1949-50.yaml', '--date', '1949-12', '--model', 'smp', '--stochastic', '--seed', '9', '--out', join(dir, o));
    assert.equal(r.code, 0, r.err);
  }
  for (const f of ['positions.csv', 'forecast.csv', 'summary.csv']) assert.ok(readFileSync(join(dir, 'A', f)).equals(readFileSync(join(dir, 'B', f))), f);
});

test('malformed CSVs exit 2 naming the row and column', () => {
  const dir = tmp();
  const bad: [string, RegExp][] = [
    ['Actor,Capability,Position,Salience\nA,1,4,0.5\nB,1,7\n', /:3:1: row 3: the row has 3 cells/],
    ['Actor,Capability,Position,Salience\nA,1,x,0.5\nB,1,7,0.1\n', /:2:3: row 2, column "Position": "x" is not a number/],
    ['Actor,Capability,Position,Salience\nA,1,4,1.5\nB,1,7,0.1\n', /:2:4: row 2, column "Salience": salience 1.5 is outside 0–1/],
    ['Actor,Capability,Position,Salience\n', /:2:1: row 2: the table has no actors/],
    ['Actor,Capability,Position,Salience\nA,1,4,0.5\nA,1,7,0.1\n', /:3:1: row 3, column "Actor": actor "A" already appears on row 2/],
    ['S,d,2,1,\nActor,Description,Power,X Position,X Salience\nA,a,1,10\nB,b,1,20,30\n', /:3:1: row 3: the row has 4 filled cells/],
  ];
  bad.forEach(([text, message], k) => {
    const file = join(dir, `bad${k}.csv`);
    writeFileSync(file, text);
    const r = schism('bargain', file, '--out', join(dir, 'o'));
    assert.equal(r.code, 2, `case ${k}: ${r.err}`);
    assert.match(r.err, message);
  });
  assert.equal(schism('bargain', 'data/bargaining/bdm1994-ec-car-emissions/actors.csv', '--model', 'xyz').code, 2);
  assert.equal(schism('bargain', join(dir, 'missing.csv')).code, 2);
});
