// The flat month loop against the readable one, its oracle: the same summaries, acts and monthly states, bit for bit, on
// every shipped scenario in both modes and under parameters that open other paths (no noise, much noise, mechanisms off).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { runStream } from '../random/streams.js';
import { loadScenarioText } from '../scenario/parse.js';
import { compile, type CompileOptions } from './compile.js';
import { flatRunnable } from './flat-run.js';
import type { Model } from './model.js';
import { runModel, runModelReadable, type Trace } from './run.js';
import type { RunState } from './state.js';

const files = [
  ...readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).map((f) => `scenarios/${f}`),
  ...readdirSync('scenarios/cases').filter((f) => f.endsWith('.yaml')).map((f) => `scenarios/cases/${f}`),
];

/** Everything a run shows: its summary, every act with its score, and each month's relations, cooperation, values and statuses. */
function record(run: typeof runModel, model: Model, seed: number, index: number): unknown[] {
  const seen: unknown[] = [];
  const trace: Trace = {
    event: (t, ev) => seen.push(['event', t, ev.index]),
    act: (...a) => seen.push(['act', ...a]),
    month: (t: number, s: RunState) => seen.push(t, [...s.rel], [...s.coop], [...s.contrib], [...s.margin], [...s.smoothed], [...s.status], [...s.outcome], [...s.pos]),
  };
  seen.push(run(model, runStream(seed, index), trace));
  return seen;
}

// A month hook keeps a run on the flat loop (the fused loop declines it), so that the summaries compared are the flat loop's.
const ON_FLAT: Trace = { month: () => {} };

const variants: { name: string; options: CompileOptions }[] = [
  { name: 'defaults', options: {} },
  { name: 'replay', options: { mode: 'replay' } },
  { name: 'no noise (every option scored exactly)', options: { params: { 'rules.noise': 0 } } },
  { name: 'much noise and activity', options: { params: { 'rules.noise': 0.3, 'rules.activity': 0.9 } } },
  { name: 'mechanisms off, pressure and a steeper standing term', options: { mechanisms: { bargaining: false, nuclear: false }, params: { 'wedge.pressure': 1, 'standing.exponent': 2 } } },
];

for (const file of files) {
  test(`the flat loop runs ${file} bit for bit as the readable loop does`, () => {
    const scenario = loadScenarioText(readFileSync(file, 'utf8'), file);
    for (const { name, options } of variants) {
      const model = compile(scenario, options);
      assert.ok(flatRunnable(model, {}), `${name}: the flat loop takes this model`);
      let acts = 0;
      for (let r = 0; r < 12; r++) {
        const fast = runModel(model, runStream(5, r), ON_FLAT);
        assert.deepEqual(fast, runModelReadable(model, runStream(5, r)), `${name}, run ${r}: summary`);
        acts += fast.acts;
      }
      for (let r = 0; r < 2; r++) assert.deepEqual(record(runModel, model, 9, r), record(runModelReadable, model, 9, r), `${name}, run ${r}: acts and states`);
      if (model.mode === 'predict' && model.alliances.length > 0) assert.ok(acts > 0, `${name}: the runs compared took decisions`);
    }
  });
}

test('a caller choosing acts, or foresight, keeps the run on the readable loop', () => {
  const file = 'scenarios/sino-soviet.yaml';
  const scenario = loadScenarioText(readFileSync(file, 'utf8'), file);
  const model = compile(scenario);
  assert.equal(flatRunnable(model, { choose: () => undefined }), false);
  assert.equal(flatRunnable(compile(scenario, { params: { 'bargaining.foresight': 0.5 } }), {}), false);
  assert.equal(flatRunnable(model, { act: () => {}, month: () => {} }), true);
});
