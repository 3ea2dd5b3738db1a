// Every shipped scenario validates and runs in both modes (as Mesa runs every example model in its tests).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compile } from '../../src/core/engine/compile.js';
import { runModel } from '../../src/core/engine/run.js';
import { runStream } from '../../src/core/random/streams.js';
import { parseScenario } from '../../src/core/scenario/parse.js';

for (const name of readdirSync('scenarios').filter((f) => /\.(ya?ml|json)$/.test(f)).sort()) {
  test(`scenarios/${name} validates and runs in both modes`, () => {
    const file = `scenarios/${name}`;
    const parsed = parseScenario(readFileSync(file, 'utf8'), file);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.diagnostics.map((d) => `${d.line}:${d.column} ${d.path}: ${d.message}`).join('\n'));
    for (const mode of ['predict', 'replay'] as const) {
      const summary = runModel(compile(parsed.scenario, { mode }), runStream(1, 0));
      assert.equal(summary.firstBreak.length, parsed.scenario.alliances.length);
    }
  });
}
