// Pins the forecast of the Moscow talks 1949-50 (scenarios/moscow-1949-50.yaml) and scores it against the outcomes coded
// in that file before the forecast was first run (chronology section 5): hit = same side of the Stalin-Mao midpoint.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseBargainingInput } from '../../src/core/bargaining/input.js';
import { runBargaining, type BargainOptions, type ModelId } from '../../src/core/bargaining/models.js';

const FILE = 'scenarios/moscow-1949-50.yaml';
const input = parseBargainingInput(readFileSync(FILE, 'utf8'), FILE, { date: '1949-12' });
/** The outcomes as coded in the scenario's header comment (committed before any forecast). */
const OUTCOME: Record<string, number> = { TRTY: 100, PA: 80, DL: 85, CCR: 85, MGL: 0, AID: 50, JSC: 0 };

function score(model: ModelId, options: BargainOptions = {}) {
  return input.issues.map((i) => {
    const p = i.problem!;
    const stance = (id: string) => p.positions[p.actors.findIndex((a) => a.id === id)][0];
    const mid = (stance('STALIN') + stance('MAO')) / 2;
    const f = runBargaining(model, p, options).forecast[0];
    const hit = Math.sign(f - mid) === Math.sign(OUTCOME[i.issue] - mid);
    return { issue: i.issue, forecast: Number(f.toFixed(2)), hit };
  });
}

test('Moscow 1949-50, BDM (Scholz rule): 5 of 7 hits; misses the new treaty (cycles between Stalin\'s 10 and 100: mean 55, no side) and the loan', () => {
  const s = score('bdm');
  assert.deepEqual(s.map((x) => [x.issue, x.forecast, x.hit]), [
    ['TRTY', 55, false], ['PA', 85, true], ['DL', 100, true], ['CCR', 100, true], ['MGL', 0, true], ['AID', 65, false], ['JSC', 0, true],
  ]);
});

test('Moscow 1949-50, SMP (KTAB defaults): 5 of 7 hits; misses Port Arthur and the loan', () => {
  const s = score('smp');
  assert.deepEqual(s.map((x) => [x.issue, x.forecast, x.hit]), [
    ['TRTY', 76.97, true], ['PA', 60.05, false], ['DL', 90.38, true], ['CCR', 60.29, true], ['MGL', 3.93, true], ['AID', 72.17, false], ['JSC', 13.63, true],
  ]);
});

test('Moscow 1949-50, BDM (BDM 1994 rule): 5 of 7 hits; misses the treaty and the loan', () => {
  const s = score('bdm', { bdm: { probability: 'pairwise', offers: 'least-move' } });
  assert.deepEqual(s.map((x) => [x.issue, x.forecast, x.hit]), [
    ['TRTY', 20.65, false], ['PA', 85, true], ['DL', 100, true], ['CCR', 84.89, true], ['MGL', 0, true], ['AID', 80, false], ['JSC', 0, true],
  ]);
});
