// Tests of the ensemble summary: shares of statuses per month and quantiles of the first break.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunSummary } from '../../engine/run.js';
import { monthIndex } from '../../time/month.js';
import { BreakDistribution } from './break-distribution.js';

const start = monthIndex('1950-01');

function brokeAt(month: number | null): RunSummary {
  if (month === null) return { initial: ['allied'], changes: [], firstBreak: [-1], firstBreakReason: [''], firstBreakBelow: [false], firstHostile: [-1], acts: 0 };
  return {
    initial: ['allied'],
    changes: [
      { month: month - 1, alliance: 0, from: 'allied', to: 'strained', reason: 'margin' },
      { month, alliance: 0, from: 'strained', to: 'broken', reason: 'margin' },
    ] as RunSummary['changes'],
    firstBreak: [month],
    firstBreakReason: ['margin'],
    firstBreakBelow: [true],
    firstHostile: [-1],
    acts: 3,
  };
}

test('status shares follow each run month by month and sum to one', () => {
  const acc = new BreakDistribution(start, 24, ['A-B']);
  acc.add(brokeAt(12));
  acc.add(brokeAt(null));
  const r = acc.result();
  assert.equal(r.runs, 2);
  assert.equal(r.months[0], '1950-01');
  assert.equal(r.months[23], '1951-12');
  const s = r.alliances[0].status;
  assert.deepEqual([s.allied[10], s.strained[11], s.broken[12], s.allied[12]], [1, 0.5, 0.5, 0.5]);
  for (let t = 0; t < 24; t++) assert.equal(s.allied[t] + s.strained[t] + s.broken[t] + s.hostile[t], 1);
});

test('quantiles count runs that never broke as later than the period, so late quantiles can be null', () => {
  const acc = new BreakDistribution(start, 60, ['A-B']);
  for (const m of [12, 24, 36, null]) acc.add(brokeAt(m));
  const a = acc.result().alliances[0];
  assert.equal(a.neverBroken, 0.25);
  assert.equal(a.neverHostile, 1);
  assert.equal(a.firstBreak.p25, '1951-01');
  assert.equal(a.firstBreak.p50, '1952-01');
  assert.equal(a.firstBreak.p95, null);
  assert.equal(a.firstHostile.p05, null);
  assert.deepEqual(a.firstBreakByYear, [{ year: 1951, runs: 1 }, { year: 1952, runs: 1 }, { year: 1953, runs: 1 }]);
});

test('an empty ensemble reports zero runs and no quantiles', () => {
  const r = new BreakDistribution(start, 3, ['A-B']).result();
  assert.equal(r.runs, 0);
  assert.equal(r.alliances[0].firstBreak.p50, null);
  assert.equal(r.alliances[0].neverBroken, 0);
});
