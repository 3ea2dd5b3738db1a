// The independent series of leave-one-case-out: calibration points, the line, folds blind to the held-out record, the target.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { CopdabMonth } from '../../datasets/state-data.js';
import { loadScenarioText } from '../../scenario/parse.js';
import type { Scenario, ScenarioEvent } from '../../scenario/schema.js';
import { monthLabel } from '../../time/month.js';
import { target } from '../fitting/loss.js';
import { calibrationPoints, fitCalibration, foldCalibration, independentTarget, onRecordScale } from './independent-series.js';

const file = 'test/fixtures/minimal.yaml';
const minimal = loadScenarioText(readFileSync(file, 'utf8'), file);
// BIG, SMALL, THIRD as states 1, 2, 3; the record has BIG->SMALL 7.4 in 1950 and SMALL->BIG -2.2 in 1954 (1950-01..1955-12).
const base: Scenario = { ...minimal, actors: minimal.actors.map((a, i) => ({ ...a, cow: i + 1 })) };
const act = (id: string, date: string, from: string, to: string, goldstein: number): ScenarioEvent => ({
  id, date, from, to, goldstein, weis: '042', intensity: goldstein, role: 'record', joint: false, issues: [], effects: [], sources: ['made-up'], description: 'an act', category: 'aid',
});
const withActs = (s: Scenario, acts: ScenarioEvent[]): Scenario => ({ ...s, events: [...s.events, ...acts] });

/** Monthly COPDAB rows of one directed dyad: `value(year)` spread evenly over the months of 1950-1955, minus `skip`. */
function rows(from: number, to: number, value: (year: number) => number, skip: string[] = []): CopdabMonth[] {
  const out: CopdabMonth[] = [];
  for (let m = 1950 * 12; m < 1956 * 12; m++) {
    const month = monthLabel(m);
    if (!skip.includes(month)) out.push({ month, from, to, value: value(Math.floor(m / 12)) / 12 });
  }
  return out;
}

test('calibration points: every covered year of each dyad that both COPDAB and the record have', () => {
  const copdab = [
    ...rows(1, 2, (y) => y - 1900), // BIG->SMALL: an alliance dyad, always in the record
    ...rows(2, 1, () => 10, ['1953-07']), // SMALL->BIG: 1953 misses a month, so that year is left out
    ...rows(3, 1, () => 5), // THIRD->BIG: the record has no act there, so no point
  ];
  const points = calibrationPoints(base, copdab);
  assert.equal(points.length, 6 + 5);
  assert.deepEqual(points.slice(0, 6).map((p) => Math.round(p.copdab)), [50, 51, 52, 53, 54, 55]);
  assert.deepEqual(points.slice(0, 6).map((p) => p.record), [7.4, 0, 0, 0, 0, 0]);
  assert.deepEqual(points.slice(6).map((p) => p.record), [0, 0, 0, -2.2, 0], 'SMALL->BIG without 1953');
  const third = withActs(base, [act('T', '1951-04', 'THIRD', 'BIG', -3)]);
  assert.equal(calibrationPoints(third, copdab).length, 6 + 5 + 6, 'with an act, THIRD->BIG counts');
});

test('the calibration is the least-squares line, with R² and SSR / (n - 2); too few points or constant COPDAB give none', () => {
  const line = fitCalibration([0, 1, 2, 3, 4].map((x) => ({ copdab: x, record: 2 + 0.5 * x })));
  assert.deepEqual([line.n, line.slope, line.intercept, line.r2, line.residualVariance, line.note], [5, 0.5, 2, 1, 0, null]);
  const noisy = fitCalibration([0, 1, 2, 3, 4, 5].map((x) => ({ copdab: x, record: x + (x % 2 ? 1 : -1) })));
  // record = x ± 1 alternately: slope 1 + 3/17.5, SSR = 6 - 3²/17.5, over n - 2 = 4.
  assert.ok(Math.abs(noisy.slope! - (1 + 6 / 35)) < 1e-12);
  assert.ok(Math.abs(noisy.residualVariance! - (6 - 18 / 35) / 4) < 1e-12);
  assert.ok(noisy.r2! > 0 && noisy.r2! < 1);
  const few = fitCalibration([0, 1, 2, 3].map((x) => ({ copdab: x, record: x })));
  assert.equal(few.slope, null);
  assert.match(few.note!, /4 training dyad-years .*at least 5/);
  assert.match(fitCalibration([0, 1, 2, 3, 4].map((x) => ({ copdab: 7, record: x }))).note!, /do not vary/);
});

test('a fold never sees the held-out case\'s record: changing it leaves the calibration unchanged, changing a training case does not', () => {
  const copdab = [...rows(1, 2, (y) => 10 * (y - 1950)), ...rows(2, 1, (y) => 60 - 10 * (y - 1950))];
  const other = withActs(base, [act('O1', '1952-03', 'BIG', 'SMALL', 3), act('O2', '1955-08', 'SMALL', 'BIG', 4)]);
  const cases = [base, other, withActs(base, [act('H', '1953-02', 'BIG', 'SMALL', 1)])];
  const fold = (scenarios: Scenario[]) => foldCalibration(scenarios.map((s) => calibrationPoints(s, copdab)), 0);
  const before = fold(cases);
  assert.notEqual(before.slope, null);
  const heldOutChanged = [withActs(base, [act('X', '1951-06', 'BIG', 'SMALL', -9), act('Y', '1954-01', 'SMALL', 'BIG', 8)]), ...cases.slice(1)];
  assert.deepEqual(fold(heldOutChanged), before);
  const trainingChanged = [cases[0], withActs(other, [act('Z', '1951-06', 'BIG', 'SMALL', -9)]), cases[2]];
  assert.notDeepEqual(fold(trainingChanged), before);
  assert.equal(before.n, 24, 'two training cases, two alliance dyads, six years');
});

test('the target: the alliance dyads\' covered years but the first, in COPDAB units until mapped by the fold\'s line', () => {
  const copdab = [...rows(1, 2, (y) => y - 1950), ...rows(2, 1, () => 12, ['1954-02'])];
  const s = { ...base, meta: { ...base.meta, period: { start: '1950-07', end: '1955-12' } } };
  const t = target(s, { start: 0, months: 0, dyads: [], turningPoints: [], missingGoldstein: 0 }, { first: 1950 * 12 + 6, last: 1955 * 12 + 11 }, 'year', 'goldstein');
  const got = independentTarget(s, t, copdab)!;
  assert.deepEqual(got.observed[0], [null, 1, 2, 3, 4, 5], 'BIG->SMALL: 1950 is the initial year');
  assert.deepEqual(got.observed[1], [null, 12, 12, 12, null, 12], 'SMALL->BIG: 1954 misses a month');
  assert.deepEqual([got.years, got.count], ['1951-1955', 9]);
  assert.deepEqual(onRecordScale(got, { slope: 2, intercept: 1 }).observed[0], [null, 3, 5, 7, 9, 11]);
  assert.equal(independentTarget(s, t, rows(1, 3, () => 1)), null, 'no series for an alliance dyad');
  assert.equal(independentTarget(minimal, t, copdab), null, 'actors without COW codes');
});
