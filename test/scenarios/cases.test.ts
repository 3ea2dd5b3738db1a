// Every case of the library validates, runs in both modes, has its chronology under docs/cases/, and keeps the modelling rule.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compile } from '../../src/core/engine/compile.js';
import { runModel } from '../../src/core/engine/run.js';
import { runStream } from '../../src/core/random/streams.js';
import { parseScenario } from '../../src/core/scenario/parse.js';

const cases = readdirSync('scenarios/cases').filter((f) => /\.ya?ml$/.test(f)).sort();

test('the case library is not empty', () => {
  assert.ok(cases.length > 0);
});

for (const name of cases) {
  const file = `scenarios/cases/${name}`;
  const id = name.replace(/\.ya?ml$/, '');

  test(`${file} validates, runs in both modes and has its chronology`, () => {
    const parsed = parseScenario(readFileSync(file, 'utf8'), file);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.diagnostics.map((d) => `${d.line}:${d.column} ${d.path}: ${d.message}`).join('\n'));
    assert.ok(existsSync(`docs/cases/${id}.md`), `docs/cases/${id}.md is missing`);
    for (const mode of ['predict', 'replay'] as const) {
      const summary = runModel(compile(parsed.scenario, { mode }), runStream(1, 0));
      assert.equal(summary.firstBreak.length, parsed.scenario.alliances.length);
    }
  });

  test(`${file}: drivers are never the allies' acts toward each other, and record events involve an ally`, () => {
    const parsed = parseScenario(readFileSync(file, 'utf8'), file);
    assert.ok(parsed.ok);
    const pairs = parsed.scenario.alliances.map((a) => new Set(a.members));
    const members = new Set(parsed.scenario.alliances.flatMap((a) => a.members));
    for (const e of parsed.scenario.events) {
      const betweenAllies = e.to !== undefined && pairs.some((p) => p.has(e.from) && p.has(e.to!) && e.from !== e.to);
      if (e.role === 'driver') assert.ok(!betweenAllies, `${e.id} is a driver between the allies`);
      // Since model v2 an act between an ally and a third power is record too (the endogenous third power's output).
      else assert.ok(members.has(e.from) || (e.to !== undefined && members.has(e.to)), `${e.id} is record but involves no ally`);
    }
  });
}
