// Pins the actor-table reader: the public replications' header variants, and every malformed table refused by row and column.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { InputError } from '../scenario/diagnostic.js';
import { parseActorTable } from './actor-table.js';

function problems(text: string, options = {}) {
  try {
    parseActorTable(text, 't.csv', options);
  } catch (err) {
    if (err instanceof InputError) return err.diagnostics.map((d) => `${d.line}:${d.column} ${d.path}: ${d.code}`);
    throw err;
  }
  return [];
}

test('reads every actor table in data/bargaining (EC, Iran, China at salience scale 100, Cold War without saliences, Saudi)', () => {
  const ec = parseActorTable(readFileSync('data/bargaining/bdm1994-ec-car-emissions/actors.csv', 'utf8'), 'ec.csv');
  assert.equal(ec.actors.length, 10);
  assert.deepEqual([ec.dimensions[0].low, ec.dimensions[0].high], [4, 10]);
  const iran = parseActorTable(readFileSync('data/bargaining/iran-2013-presidential-election/actors.csv', 'utf8'), 'iran.csv');
  assert.equal(iran.actors[6].id, 'RUH');
  const china = parseActorTable(readFileSync('data/bargaining/bdm2002-china-democratization/actors_williams.csv', 'utf8'), 'c.csv', { salienceScale: 100 });
  assert.equal(china.salience[0][0], 0.85);
  const cw = parseActorTable(readFileSync('data/bargaining/bdm1998-cold-war-1948/actors_transcribed_rescaled.csv', 'utf8'), 'cw.csv', { allowMissingSalience: true });
  assert.equal(cw.actors.length, 36);
  const saudi = parseActorTable(readFileSync('data/bargaining/saudi-oil-price-bdm1997-candidate/actors_farago_oil_price.csv', 'utf8'), 's.csv');
  assert.equal(saudi.actors.length, 17);
});

test('malformed tables give located diagnostics: ragged rows, non-numbers, salience outside 0–1, duplicates, no actors', () => {
  const head = 'Actor,Capability,Position,Salience\n';
  assert.deepEqual(problems(`${head}A,1,4,0.5\nB,1,7\n`), ['3:1 row 3: csv.ragged_row']);
  assert.deepEqual(problems(`${head}A,1,four,0.5\nB,1,7,0.2\n`), ['2:3 row 2, column "Position": csv.not_a_number']);
  assert.deepEqual(problems(`${head}A,1,4,1.5\nB,1,7,-0.1\n`), ['2:4 row 2, column "Salience": csv.out_of_range', '3:4 row 3, column "Salience": csv.out_of_range']);
  assert.deepEqual(problems(`${head}A,1,4,0.5\nA,1,7,0.2\n`), ['3:1 row 3, column "Actor": csv.duplicate_name']);
  assert.deepEqual(problems(head), ['2:1 row 2: csv.no_actors']);
  assert.deepEqual(problems('Actor,Position\nA,1\n'), ['1:1 row 1: csv.missing_column', '1:1 row 1: csv.missing_column']);
  assert.deepEqual(problems(`${head}A,1,4,50\n`, { salienceScale: 100 }), []);
  assert.deepEqual(problems(`${head}A,-1,4,0.5\n`), ['2:2 row 2, column "Capability": csv.out_of_range']);
  assert.deepEqual(problems(`${head}A,1,4,"0.5\n`).length, 1);
});
