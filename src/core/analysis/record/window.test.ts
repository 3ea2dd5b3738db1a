// Windows and calendar periods: how `--train`/`--test` text is read and how months fall into quarters and years.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { monthIndex } from '../../time/month.js';
import { binSeries, periodLabel, periodOf, periodRange } from './periods.js';
import { formatWindow, parseWindow } from './window.js';

test('windows are read as whole years or month ranges, and refused otherwise', () => {
  assert.equal(formatWindow(parseWindow('1950-1957')), '1950-01..1957-12');
  assert.equal(formatWindow(parseWindow('1958')), '1958-01..1958-12');
  assert.equal(formatWindow(parseWindow('1950-03..1951-02')), '1950-03..1951-02');
  for (const bad of ['1957-1950', '50-57', '1950-13..1951-01', '1951-02..1950-03', '']) assert.throws(() => parseWindow(bad), RangeError, bad);
});

test('months fall into calendar quarters and years; binning sums them and ignores months outside', () => {
  const m = monthIndex('1950-05');
  assert.equal(periodLabel(periodOf(m, 'quarter'), 'quarter'), '1950-Q2');
  assert.equal(periodLabel(periodOf(m, 'year'), 'year'), '1950');
  assert.equal(periodLabel(m, 'month'), '1950-05');
  const start = monthIndex('1949-11');
  const [first, last] = periodRange(monthIndex('1950-01'), monthIndex('1950-12'), 'quarter');
  const monthly = [100, 100, 1, 2, 3, 4, 0, 0, 0, 0, 0, 0, 5, 6]; // 1949-11 .. 1950-12
  assert.deepEqual(Array.from(binSeries(monthly, start, 'quarter', first, last)), [6, 4, 0, 11]);
});
