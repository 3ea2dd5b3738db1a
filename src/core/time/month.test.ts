// Tests of month arithmetic: labels round-trip through the scenario format, early years included.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { monthIndex, monthLabel } from './month.js';

test('month labels always have four-digit years, so years before 1000 re-validate', () => {
  for (const label of ['0001-01', '0950-07', '0999-12', '1000-01', '1950-02', '9999-12']) {
    assert.equal(monthLabel(monthIndex(label)), label);
    assert.match(monthLabel(monthIndex(label)), /^\d{4}-(0[1-9]|1[0-2])$/);
  }
});
