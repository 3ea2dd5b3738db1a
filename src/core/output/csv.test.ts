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

test('text that a spreadsheet would run as a formula is written inert; numbers written as text are not touched', () => {
  const text = toCsv(['actor', 'value'], [
    ['=HYPERLINK("http://x","y")', 1],
    ['@SUM(A1:A9)', 2],
    ['+cmd', 3],
    ['-2+3', 4],
    ['-0.5', 5],
    ['\tx', 6],
  ]);
  assert.equal(text, 'actor,value\n"\'=HYPERLINK(""http://x"",""y"")",1\n\'@SUM(A1:A9),2\n\'+cmd,3\n\'-2+3,4\n-0.5,5\n\'\tx,6\n');
});
