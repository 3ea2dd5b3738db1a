// A tally filled through the hooks: each act counted in its alliance, each month's cooperation of the chosen dyads added to its
// period, and the trace's own hooks still called.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tallied } from './tally.js';
import type { Tally, Trace } from './trace.js';

test('tallied() counts acts per alliance and sums the chosen dyads\' cooperation per period, after the trace\'s own hooks', () => {
  const tally: Tally = { acts: new Int32Array(2), cells: Int32Array.of(1, 2), periodOf: Int32Array.of(0, 0, 1), periods: 2, sums: new Float64Array(4) };
  const seen: string[] = [];
  const trace = tallied({ tally, act: (t, alliance) => seen.push(`act ${t} ${alliance}`), cooperation: (t) => seen.push(`month ${t}`) });
  assert.equal(trace.tally, undefined, 'the loops that run it do not count twice');
  trace.act?.(0, 1, 0, 1, 'consult', -1, 0, 'diplomatic');
  trace.act?.(2, 1, 1, 0, 'reduce', -1, 0, 'diplomatic');
  trace.act?.(2, 0, 2, 0, 'induce', -1, 0, 'diplomatic');
  for (const [t, coop] of [[0, [9, 1, 2, 9]], [1, [9, 0.5, -3, 9]], [2, [9, 4, 0, 9]]] as const) trace.cooperation?.(t, Float64Array.from(coop));
  assert.deepEqual([...tally.acts], [1, 2]);
  // Dyad cell 1 over periods 0 and 1, then cell 2 likewise.
  assert.deepEqual([...tally.sums], [1.5, 4, -1, 0]);
  assert.deepEqual(seen, ['act 0 1', 'act 2 1', 'act 2 0', 'month 0', 'month 1', 'month 2']);
});

test('a trace without a tally is left as it is', () => {
  const trace: Trace = { act: () => {} };
  assert.equal(tallied(trace), trace);
});
