// The declared history: statuses spread over their months, and a run's agreement with them counted month by month.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadScenarioText } from '../../scenario/parse.js';
import { declaredStatuses, statusAgreement, UNDECLARED } from './history.js';

const path = 'test/fixtures/classroom.yaml';
const scenario = loadScenarioText(readFileSync(path, 'utf8'), path);

test('each declared status lasts until the next, over the whole period', () => {
  const d = declaredStatuses(scenario, scenario.alliances[0]);
  assert.equal(d.length, 72);
  assert.equal(d[0], 0);
  assert.equal(d[51], 0, '1954-04 is still allied');
  assert.equal(d[52], 1, '1954-05 is strained');
  assert.equal(d[71], 1);
});

test('agreement counts only declared months, exactly and on the together/apart side', () => {
  assert.deepEqual(statusAgreement([0, 1, 2, 3], [UNDECLARED, 0, 3, 3]), { months: 3, same: 1, sameSide: 3 });
  assert.deepEqual(statusAgreement([0, 2], [0, 1]), { months: 2, same: 1, sameSide: 1 });
});
