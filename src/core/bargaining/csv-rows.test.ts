// Tests of CSV rows on awkward input: line breaks inside cells, CR-only files, and messages that stay on one line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../scenario/diagnostic.js';
import { parseActorTable } from './actor-table.js';
import { readCsvRows } from './csv-rows.js';
import { modelDiagnostics } from './models.js';
import { parseKtabCsv } from './ktab-csv.js';

/** The diagnostics of a table that must not parse. */
function problems(read: () => unknown) {
  try {
    read();
  } catch (err) {
    assert.ok(err instanceof InputError, String(err));
    return err.diagnostics;
  }
  assert.fail('expected an InputError');
}

test('a record with quoted line breaks is located at its first line, blank lines before it not counted', () => {
  const rows = readCsvRows('Actor,Capability\n\n"A\nB\nC",x\nD,2\n', 'x.csv');
  assert.deepEqual(rows.map((r) => r.line), [1, 3, 6]);
});

test('CR-only and mixed line endings split into rows', () => {
  assert.deepEqual(readCsvRows('a,b\r1,2\r3,4\r', 'x.csv').map((r) => [r.line, r.cells.join('|')]), [[1, 'a|b'], [2, '1|2'], [3, '3|4']]);
  assert.deepEqual(readCsvRows('a,b\n1,2\r\n3,4\r5,6', 'x.csv').map((r) => r.line), [1, 2, 3, 4]);
});

test('messages never echo a cell\'s line breaks', () => {
  const d = problems(() => parseActorTable('Actor,Capability,Position,Salience\nA,"1\n2\r3",50,0.5\nB,1,20,1\n', 'x.csv'));
  assert.equal(d[0].line, 2);
  assert.doesNotMatch(`${d[0].path} ${d[0].message}`, /[\r\n]/);
  const h = problems(() => parseActorTable('Actor,"Capa\nbility",Position,Salience\nA,x,50,0.5\n', 'x.csv'));
  for (const x of h) assert.doesNotMatch(`${x.path} ${x.message}`, /[\r\n]/);
});

test('a model\'s objections to a table carry its row and column', () => {
  const table = parseActorTable('Actor,Capability,Position,Salience\nA,0,50,0.5\nB,1,20,1\n', 'x.csv');
  const d = modelDiagnostics('smp', table, 'x.csv');
  assert.deepEqual(d.map((x) => [x.line, x.column, x.code]), [[2, 2, 'model.capability']]);
  const ktab = parseKtabCsv('t,d,2,1\nActor,Desc,Power,P,S\nA,a,1,10,100\nB,b,0,10,100\n', 'k.csv');
  assert.deepEqual(modelDiagnostics('smp', ktab, 'k.csv').map((x) => [x.line, x.column, x.code]), [[4, 3, 'model.capability']]);
  const one = modelDiagnostics('bdm', parseActorTable('Actor,Capability,Position,Salience\nA,1,50,0.5\n', 'x.csv'), 'x.csv');
  assert.deepEqual(one.map((x) => [x.line, x.code]), [[2, 'model.actors']]);
});
