// Golden run of the reference scenario: the outputs of seed 7 are pinned by hash, so any change of behaviour is seen and owned.
// After an intended change of the model or the scenario, regenerate with: UPDATE_GOLDEN=1 node scripts/test.mjs test/scenarios/golden.test.ts
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { simulate } from '../../src/core/engine/simulate.js';
import { describeLog, eventsCsv } from '../../src/core/output/event-log.js';
import { runManifest } from '../../src/core/output/manifest.js';
import { seriesCsv } from '../../src/core/output/series.js';
import { storyMarkdown } from '../../src/core/output/story.js';
import { loadScenarioText } from '../../src/core/scenario/parse.js';

const FILE = 'scenarios/sino-soviet.yaml';
const GOLDEN = 'test/golden/sino-soviet-seed7.json';

test('the reference scenario, seed 7, drivers only, gives the pinned outputs', () => {
  const text = readFileSync(FILE, 'utf8');
  const result = simulate(loadScenarioText(text, FILE), { seed: 7 });
  const described = describeLog(result);
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  const manifest = runManifest(result, { file: 'sino-soviet.yaml', sha256: sha(text) }, []);
  const actual = {
    summary: manifest.summary,
    sha256: {
      'series.csv': sha(seriesCsv(result)),
      'events.csv': sha(eventsCsv(result, described)),
      'story.md': sha(storyMarkdown(result, described)),
    },
  };
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 2)}\n`);
  const expected = JSON.parse(readFileSync(GOLDEN, 'utf8'));
  assert.deepEqual(actual.summary, expected.summary, 'the run\'s status changes differ from the golden run');
  assert.deepEqual(actual.sha256, expected.sha256, 'an output differs from the golden run');
});
