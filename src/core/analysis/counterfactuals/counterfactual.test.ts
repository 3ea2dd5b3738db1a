// Tests of paired counterfactual runs: an unchanged world changes nothing run by run, a removed driver moves the result, bands are consistent.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compile } from '../../engine/compile.js';
import { runModel } from '../../engine/run.js';
import { bandRows, counterfactualSummary, pairedRunsCsv } from '../../output/counterfactual.js';
import { runStream } from '../../random/streams.js';
import { loadScenarioText } from '../../scenario/parse.js';
import { compareWorlds } from './counterfactual.js';
import { buildWorld } from './counterfactual-world.js';

const FIXTURE = 'test/fixtures/minimal.yaml';
const scenario = loadScenarioText(readFileSync(FIXTURE, 'utf8'), FIXTURE);
const factual = compile(scenario);

test('the same world on both sides gives the same break in every run and identical bands (common random numbers)', () => {
  const r = compareWorlds(factual, compile(scenario), { runs: 60, seed: 4 });
  assert.deepEqual([...r.firstBreak.factual], [...r.firstBreak.counterfactual]);
  assert.equal(r.paired[0].earlier + r.paired[0].later + r.paired[0].onlyFactualBroke + r.paired[0].onlyCounterfactualBroke, 0);
  const rows = bandRows(r);
  const f = rows.filter((b) => b.world === 'factual');
  const c = rows.filter((b) => b.world === 'counterfactual');
  assert.deepEqual(f.map((b) => [b.mean, ...b.q]), c.map((b) => [b.mean, ...b.q]));
  assert.equal(f.length, 2 * factual.months, 'one row per dyad and month');
});

test('each world\'s run i is the fast-path run (seed, i) of that world', () => {
  const world = buildWorld(scenario, { set: ['rules.noise=1.5', 'rules.brokenMargin=-0.05'] });
  const cf = compile(world.scenario, world.compile);
  const r = compareWorlds(factual, cf, { runs: 30, seed: 8 });
  for (let i = 0; i < 30; i++) {
    assert.equal(r.firstBreak.factual[i], runModel(factual, runStream(8, i)).firstBreak[0]);
    assert.equal(r.firstBreak.counterfactual[i], runModel(cf, runStream(8, i)).firstBreak[0]);
  }
});

test('removing the third power\'s threat changes the cooperation of the runs, and the summary accounts for every run', () => {
  const world = buildWorld(scenario, { without: ['E1'], set: ['rules.brokenMargin=-0.05'] });
  const base = buildWorld(scenario, { set: ['rules.brokenMargin=-0.05'] });
  const r = compareWorlds(compile(base.scenario, base.compile), compile(world.scenario, world.compile), { runs: 80, seed: 2 });
  const rows = bandRows(r);
  const mean = (world: string) => rows.filter((b) => b.world === world).map((b) => b.mean);
  assert.notDeepEqual(mean('factual'), mean('counterfactual'), 'the threat moves the allies\' cooperation');
  const s = counterfactualSummary(r) as { alliances: { paired: Record<string, number> }[] };
  const p = s.alliances[0].paired;
  const total = p.earlier + p.same + p.later + p.onlyFactualBroke + p.onlyCounterfactualBroke + p.neitherBroke;
  assert.ok(Math.abs(total - 1) < 1e-9, `shares add to ${total}`);
  assert.equal(pairedRunsCsv(r).trim().split('\n').length, 81);
});

test('a world with another period is refused', () => {
  const short = compile(scenario, { until: '1953-12' });
  assert.throws(() => compareWorlds(factual, short, { runs: 1, seed: 1 }), /period and alliances/);
});
