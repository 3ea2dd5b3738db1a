// Pins the CSV writer: quoting, number formatting and column order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toCsv } from './csv.js';

test('quotes only cells that need it and formats numbers stably', () => {
  const text = toCsv(['date', 'note', 'value'], [
    ['1950-02', 'treaty, signed', 0.1 + 0.2],
    ['1950-03', 'said "no"', -0],
  ]);
  assert.equal(text, 'date,note,value\n1950-02,"treaty, signed",0.3\n1950-03,"said ""no""",0\n');
});
