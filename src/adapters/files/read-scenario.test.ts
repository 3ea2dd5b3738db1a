// Tests that the commands' path to a scenario (quick reader first, located reader when it hands over) gives what the
// located reader alone gives: the same scenario, the same diagnostics on bad input, the same locations.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { InputError } from '../../core/scenario/diagnostic.js';
import { parseScenario, scenarioLocation } from '../../core/scenario/parse.js';
import { checkScenarioText, locateInScenario } from './read-scenario.js';

// The disk cache would answer a text seen before without reading it: these tests are about reading.
process.env.SCHISM_NO_CACHE = '1';

const minimal = readFileSync('test/fixtures/minimal.yaml', 'utf8');

/** Texts that must not load, each broken in another layer: YAML syntax, keys, schema, references, bounds. */
const BAD = [
  minimal.replace('meta:\n', 'meta:\n  colour: red\n'),
  minimal.replace('meta:\n', 'meta:\n  title: again\n'),
  minimal.replace('date: "1953-03"', 'date: "1953-13"'),
  minimal.replace('meta:\n', 'meta: [\n'),
  minimal.replace(/sources: \[[^\]]*\]/, 'sources: [nowhere]'),
  `${minimal}\n__proto__: 1\n`,
  minimal.replace(/seed: (\d+)/, 'seed: !!str $1'),
  `${'- '.repeat(100)}x\n`,
  '',
];

test('on bad input the commands\' reader throws exactly the located reader\'s diagnostics', async () => {
  for (const [i, text] of BAD.entries()) {
    const located = parseScenario(text, 'bad.yaml');
    assert.equal(located.ok, false, `case ${i} should be refused`);
    await assert.rejects(checkScenarioText(text, 'bad.yaml'), (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.deepEqual(err.diagnostics, located.ok ? [] : located.diagnostics, `case ${i}`);
      return true;
    });
  }
});

test('a valid file the quick reader hands over (an anchor, a tag) still loads, equal to the located reading', async () => {
  for (const text of [minimal.replace('meta:\n', 'meta: &m\n'), minimal.replace('meta:\n', 'meta: !!map\n'), minimal.replace('meta:\n', 'meta: !!str\n')]) {
    const located = parseScenario(text, 'x.yaml');
    assert.ok(located.ok);
    assert.deepStrictEqual(await checkScenarioText(text, 'x.yaml'), located.scenario);
  }
});

test('paths of a quickly read scenario are located as the located reader locates them, block scalars included', async () => {
  const file = 'scenarios/sino-soviet.yaml';
  const text = readFileSync(file, 'utf8');
  const located = parseScenario(text, file);
  assert.ok(located.ok);
  const scenario = await checkScenarioText(text, file);
  // The last is a `>-` block scalar, which only yaml places (at its header).
  const paths = [['events', 51, 'role'], ['actors', 1, 'id'], ['meta', 'description']];
  const expected = paths.map((p) => scenarioLocation(located.scenario, p));
  assert.deepEqual(await locateInScenario(scenario, paths), expected);
  assert.deepEqual(expected[0], { file, line: 2132, column: 11 });
});
