// One compiled model with parameters swapped in (what a fit evaluates) equals a fresh compile, and the buffered loss equals the
// loss computed from full simulated records, bit for bit.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compile } from '../../engine/compile.js';
import { MECHANISM_IDS, MECHANISMS, RULES } from '../../engine/parameters.js';
import { runStream, uniform } from '../../random/streams.js';
import { loadScenarioText } from '../../scenario/parse.js';
import { binSeries } from '../record/periods.js';
import { recordSeries } from '../record/record.js';
import { parseWindow } from '../record/window.js';
import { simulateRecord } from '../record/simulated.js';
import { lossFunction, target, type SeedSet, type Target } from './loss.js';
import { modelAt } from './model-at.js';
import type { Model } from '../../engine/model.js';

const load = (file: string) => loadScenarioText(readFileSync(file, 'utf8'), file);
const reference = load('scenarios/sino-soviet.yaml');
const scenarios = { reference, case: load('scenarios/cases/uk-usa-1945-1972.yaml'), minimal: load('test/fixtures/minimal.yaml') };

/** Every parameter of the engine, each at a seeded random point of its range. */
function randomParams(rng: ReturnType<typeof runStream>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, p] of Object.entries(RULES)) out[`rules.${name}`] = p.min + (p.max - p.min) * uniform(rng);
  for (const m of MECHANISM_IDS) for (const [name, p] of Object.entries(MECHANISMS[m].params)) out[`${m}.${name}`] = p.min + (p.max - p.min) * uniform(rng);
  // A costly sub-model would make the loss comparison slow; its value is still swapped in and compared.
  out['bargaining.foresight'] = 0;
  return out;
}

test('a model with parameters swapped in equals compile() with them, field by field, call after call', () => {
  const rng = runStream(11, 0);
  for (const [name, scenario] of Object.entries(scenarios)) {
    const mechanisms = Object.fromEntries(MECHANISM_IDS.map((m, i) => [m, i % 3 !== 1]));
    const m = modelAt(scenario, { mode: 'predict', mechanisms });
    // A field compile() derives from parameters that modelAt does not swap: add it to SWAPPED and to at() in model-at.ts.
    assert.deepEqual(m.recompiled, [], `${name}: compile() derives ${m.recompiled.join(', ')} from parameters, and modelAt does not swap them`);
    // Points with every key, some keys and none: a value an earlier point set must be put back.
    const all = [randomParams(rng), randomParams(rng)];
    const some = Object.fromEntries(Object.entries(randomParams(rng)).filter((_, k) => k % 2 === 0));
    const points = [{}, all[0], some, all[1], {}, { 'rules.noise': 0.2 }];
    for (let i = 0; i < points.length; i++) {
      const params = points[i];
      const fresh = compile(scenario, { mode: 'predict', mechanisms, params });
      const swapped = m.at(params);
      for (const key of Object.keys(fresh) as (keyof Model)[]) assert.deepEqual(swapped[key], fresh[key], `${name}, point ${i}: field ${key} differs from a fresh compile`);
      assert.deepEqual(Object.keys(swapped).sort(), Object.keys(fresh).sort());
    }
    assert.throws(() => m.at({ 'rules.nothing': 1 }), /unknown parameter "rules.nothing"/);
  }
});

/** The loss as it was computed before the buffered version: full simulated records, binned per seed, then averaged. */
function oracleLoss(model: Model, t: Target, seeds: SeedSet): number {
  const mean = t.observed.map((o) => new Float64Array(o.length));
  for (let s = 0; s < seeds.count; s++) {
    const run = simulateRecord(model, t.dyads, seeds.seed, s);
    t.dyads.forEach((_, k) => {
      const series = binSeries(run.coop.subarray(k * run.months, (k + 1) * run.months), model.start, t.every, t.first, t.last);
      for (let p = 0; p < series.length; p++) mean[k][p] += series[p] / seeds.count;
    });
  }
  let total = 0;
  let count = 0;
  mean.forEach((series, k) => {
    for (let p = 0; p < series.length; p++) {
      total += (series[p] - t.observed[k][p]) ** 2;
      count++;
    }
  });
  return count > 0 ? total / count : 0;
}

test('the buffered loss of one reused model equals the loss of fresh compiles from full records, exactly', () => {
  const rng = runStream(12, 0);
  const seeds = { seed: 3, count: 3 };
  for (const every of ['quarter', 'month'] as const) {
    const t = target(reference, recordSeries(reference), parseWindow('1950-1957'), every, 'goldstein');
    const m = modelAt(reference, { mode: 'predict', until: '1957-12' });
    const lossOf = lossFunction(m.model, t, seeds);
    for (let i = 0; i < 3; i++) {
      const params = randomParams(rng);
      const expected = oracleLoss(compile(reference, { mode: 'predict', until: '1957-12', params }), t, seeds);
      assert.ok(expected > 0);
      assert.equal(lossOf(m.at(params)), expected, `${every}, point ${i}`);
    }
  }
});
