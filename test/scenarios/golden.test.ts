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

test('the golden run means what it says: each status and its reason follow from the margins, the acts and the relations', () => {
  const result = simulate(loadScenarioText(readFileSync(FILE, 'utf8'), FILE), { seed: 7 });
  const { model, summary } = result;
  const T = model.months;
  const r = model.params.rules;
  // The smoothed margins, recomputed from the series as the status rule smooths them.
  const smoothed = [0, 1].map((slot) => {
    const out = new Float64Array(T);
    for (let t = 0; t < T; t++) out[t] = t === 0 ? result.margin[slot * T] : out[t - 1] + r.statusMemory * (result.margin[slot * T + t] - out[t - 1]);
    return out;
  });
  const acts = result.log.filter((e) => e.type === 'simulated' && e.alliance === 0 && e.from !== e.to);
  const side = (actor: number) => (model.alliances[0].a === actor ? 0 : 1);
  for (const c of summary.changes) {
    const worst = Math.min(smoothed[0][c.month], smoothed[1][c.month]);
    if (c.reason === 'margin') {
      const expected = worst < r.brokenMargin ? 'broken' : worst < r.strainedMargin ? 'strained' : 'allied';
      assert.equal(c.to, expected, `month ${c.month}: the margins (lower ${worst.toFixed(3)}) say ${expected}`);
    } else if (c.reason === 'defection') {
      const defection = acts.filter((e) => e.type === 'simulated' && e.act === 'defect' && e.month <= c.month).at(-1);
      assert.ok(defection && defection.type === 'simulated', `month ${c.month}: a member defected`);
      const s = smoothed[side(defection.from)];
      for (let t = defection.month - r.patience; t < defection.month; t++) assert.ok(s[t] < 0, `the defector valued the alliance below going alone in month ${t}`);
    } else if (c.reason === 'force') {
      assert.ok(acts.some((e) => e.type === 'simulated' && e.act === 'force' && c.month - e.month < r.forceMemory));
    }
  }
  assert.equal(summary.initial[0], 'strained', 'Moscow starts a little below its outside option (its stated base 0.1, a judgement)');
  assert.ok(summary.firstBreak[0] > 0, 'the alliance does not start broken');
  assert.equal(summary.firstBreakReason[0], 'defection');
  assert.equal(summary.firstBreakBelow[0], true, 'the break came from a member that valued the alliance below its outside option');
  // The US opening is the model's output: the third power courts an ally only after the alliance has become strained.
  const courted = result.log.find((e) => e.type === 'simulated' && e.act === 'induce');
  assert.ok(courted, 'the third power courts an ally');
});
