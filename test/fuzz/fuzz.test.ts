// A small seeded sample of every fuzz target (the full run is `npm run fuzz`), and every saved failing case replayed.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkCase, fuzzTarget } from './fuzz.js';
import { TARGETS } from './targets.js';

const SAMPLE = 50;
const FIXTURES = 'test/fuzz/fixtures';

for (const target of TARGETS) {
  test(`fuzz sample: ${SAMPLE} cases of ${target.name} give no crash, no unlocated diagnostic and no NaN`, async () => {
    const t = await fuzzTarget(target, 20261201, SAMPLE);
    assert.deepEqual(t.failures.map((f) => `${f.index} (${f.kinds.join(', ')}): ${f.why}`), []);
    assert.equal(t.cases, SAMPLE);
  });
}

test('every saved failing case now passes its target\'s checks', async () => {
  const files = readdirSync(FIXTURES).filter((f) => !f.startsWith('.') && f !== 'README.md');
  assert.ok(files.length > 0);
  for (const file of files) {
    const target = TARGETS.find((t) => file.startsWith(`${t.name}-`));
    assert.ok(target, `${file} names no target`);
    const o = await checkCase(target, readFileSync(join(FIXTURES, file), 'utf8'));
    assert.deepEqual({ crash: o.crash, unlocated: o.unlocated, nan: o.nan }, { crash: undefined, unlocated: 0, nan: 0 }, file);
  }
});
