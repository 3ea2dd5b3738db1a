// The scenario that docs/writing-a-scenario.md builds validates, with no warning, and runs in both modes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { simulate } from '../../src/core/engine/simulate.js';
import { parseScenario } from '../../src/core/scenario/parse.js';
import { scenarioWarnings } from '../../src/core/scenario/warnings.js';

const DOC = 'docs/writing-a-scenario.md';

test('the tutorial\'s finished scenario validates without warnings and runs', () => {
  const doc = readFileSync(DOC, 'utf8');
  const block = /<!-- tutorial-scenario -->\n```yaml\n([\s\S]*?)```/.exec(doc);
  assert.ok(block, 'the finished scenario is in the tutorial');
  const parsed = parseScenario(block[1], DOC);
  assert.deepEqual(parsed.ok ? [] : parsed.diagnostics, []);
  if (!parsed.ok) return;
  const table = new Map(readFileSync('data/weis-goldstein/weis_goldstein_scale.csv', 'utf8').trim().split('\n').slice(1).map((l) => {
    const [code, weight] = l.split(',');
    return [code.replace(/"/g, ''), Number(weight)] as [string, number];
  }));
  assert.deepEqual(scenarioWarnings(parsed.scenario, table), []);
  for (const mode of ['predict', 'replay'] as const) assert.equal(simulate(parsed.scenario, { seed: 1, mode }).summary.initial.length, 1);
});
