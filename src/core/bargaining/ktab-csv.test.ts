// Pins the KTAB CSV reader: KTAB's own example layouts, and malformed scenarios refused by row and column.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { InputError } from '../scenario/diagnostic.js';
import { parseKtabCsv } from './ktab-csv.js';

function problems(text: string) {
  try {
    parseKtabCsv(text, 'k.csv');
  } catch (err) {
    if (err instanceof InputError) return err.diagnostics.map((d) => `${d.line}:${d.column} ${d.path}: ${d.code}`);
    throw err;
  }
  return [];
}

test('reads the SOE scenarios (padded cells, trailing commas) with positions on 0–100 and saliences as fractions', () => {
  const p = parseKtabCsv(readFileSync('data/bargaining/ktab-china-soe-2016/SOE-Pol-Comp.csv', 'utf8'), 'SOE-Pol-Comp.csv');
  assert.equal(p.title, 'China Policy/Competitive; scen 2');
  assert.deepEqual(p.dimensions.map((d) => d.name), ['Policy', 'Competitive']);
  assert.deepEqual(p.actors[0], { id: 'XJ', name: 'Xi Jinping', capability: 100, line: 3 });
  assert.deepEqual(p.positions[0], [30, 20]);
  assert.deepEqual(p.salience[0], [0.24, 0.48]);
  assert.equal(parseKtabCsv(readFileSync('data/bargaining/ktab-china-soe-2016/SOE-Competitive.csv', 'utf8'), 'c.csv').actors.length, 34);
});

test('KTAB\'s first line may carry extra cells (the 6-dimension dummy has ",0,,,,") and rows may end with a comma', () => {
  const p = parseKtabCsv('S,desc,3,1,0,,,\nActor,Description,Power,X Position,X Salience\nA,a,1,10,50,\nB,b,2,20,50,\nC,c,3,30,50\n', 'k.csv');
  assert.equal(p.actors.length, 3);
  assert.equal(p.dimensions[0].name, 'X');
});

test('malformed scenarios give located diagnostics', () => {
  const head = 'S,desc,2,1,\nActor,Description,Power,X Position,X Salience,\n';
  assert.deepEqual(problems(`${head}A,a,1,10\nB,b,2,20,50\n`), ['3:1 row 3: csv.ragged_row']);
  assert.deepEqual(problems(`${head}A,a,1,10,50,7\nB,b,2,20,50\n`), ['3:1 row 3: csv.ragged_row']);
  assert.deepEqual(problems(`${head}A,a,x,10,50\nB,b,2,20,50\n`), ['3:3 row 3, column "Power": csv.not_a_number']);
  assert.deepEqual(problems(`${head}A,a,1,101,50\nB,b,2,20,150\n`), ['3:4 row 3, column "X Position": csv.out_of_range', '4:5 row 4, column "X Salience": csv.out_of_range']);
  assert.deepEqual(problems(`${head}A,a,1,10,50\nA,b,2,20,50\n`), ['4:1 row 4, column "Actor": csv.duplicate_name']);
  assert.deepEqual(problems(`${head}A,a,1,10,50\n`), ['4:1 row 4: ktab.actor_count']);
  assert.deepEqual(problems('S,desc,0,1,\nActor,Description,Power,X Position,X Salience,\n'), ['1:3 row 1, column "number of actors": csv.no_actors']);
  assert.deepEqual(problems('S,desc,2,2,\nActor,Description,Power,X Position,X Salience,Y Position,Y Salience\nA,a,1,10,60,10,50\nB,b,1,1,1,1,1\n'),
    ['3:7 row 3, column "Y Salience": ktab.salience_total']);
});
