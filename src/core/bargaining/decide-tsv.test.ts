// Pins the decide-format reader on the COP21 inputs (Stokman & Thomson 2015; unfccc-cop21-paris-2015-candidate/SOURCE.md).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { InputError } from '../scenario/diagnostic.js';
import { parseDecideTsv } from './decide-tsv.js';
import { weightedMean, weightedMedian } from './types.js';

test('COP21: 13 issues, and the initial weighted medians and means SOURCE.md derives', () => {
  const issues = parseDecideTsv(readFileSync('data/bargaining/unfccc-cop21-paris-2015-candidate/cop21_decide_format.tsv', 'utf8'), 'cop21.tsv');
  assert.equal(issues.length, 13);
  const stats = issues.map((i) => {
    const p = i.problem!;
    const x = p.positions.map((v) => v[0]);
    const w = p.actors.map((a, k) => a.capability * p.salience[k][0]);
    return `${i.issue} ${weightedMedian(x, w)}/${weightedMean(x, w).toFixed(1)}`;
  });
  assert.deepEqual(stats, [
    'differentiation 40/49.3', 'mrv 70/57.2', 'legal 50/58.0', 'adapt_legal 70/59.5', 'adapt_inst 60/59.6', 'finance_vol 20/47.6',
    'finance_who 60/38.1', 'adapt_finance 50/55.1', 'ld 20/40.1', 'progress 40/45.6', 'amb2050 65/67.9', 'amb2100 80/85.7', 'eaa 90/57.1',
  ]);
  assert.equal(issues[10].problem!.actors.length, 8);
});

test('malformed decide records are located', () => {
  const where = (text: string) => {
    try { parseDecideTsv(text, 'd.tsv'); } catch (e) { if (e instanceof InputError) return e.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`); throw e; }
    return [];
  };
  const head = "'#A'\t'a'\t'a'\t''\n'#A'\t'b'\t'b'\t''\n'#P'\t'i'\t'i'\t'i'\n";
  assert.deepEqual(where(`${head}'#D'\t'a'\t'i'\tx\t0.5\t1\n`), ['4:4 csv.not_a_number']);
  assert.deepEqual(where(`${head}'#D'\t'a'\t'i'\t10\t1.5\t1\n`), ['4:5 csv.out_of_range']);
  assert.deepEqual(where(`${head}'#D'\t'c'\t'i'\t10\t0.5\t1\n`), ['4:2 decide.unknown_actor']);
  assert.deepEqual(where(`${head}'#D'\t'a'\t'i'\t10\n`), ['4:1 csv.ragged_row']);
  assert.deepEqual(where(`${head}'#X'\t'a'\n`), ['4:1 decide.record']);
});
