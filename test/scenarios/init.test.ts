// A skeleton from data, for three pairs from three centuries: it validates, runs, cites its datasets and marks every placeholder.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadStateData } from '../../src/adapters/files/read-state-data.js';
import { simulate } from '../../src/core/engine/simulate.js';
import { scenarioYaml } from '../../src/core/output/scenario-yaml.js';
import { parseScenario } from '../../src/core/scenario/parse.js';
import { REVIEW, scenarioSkeleton } from '../../src/core/datasets/scenario-skeleton.js';

const loaded = loadStateData(undefined, ['states', 'capabilities', 'treaties', 'cowSpells', 'disputes', 'rivalries']);

// Germany-Austria-Hungary (the Dual Alliance, 1879), Germany-Italy (the Pact of Steel, 1939), United States-Japan (1951 treaty).
const PAIRS: { allies: [number, number]; firstYear: number; lastYear: number; treaty: RegExp }[] = [
  { allies: [255, 300], firstYear: 1875, lastYear: 1885, treaty: /^18\d\d-/ },
  { allies: [255, 325], firstYear: 1935, lastYear: 1943, treaty: /^19[23]\d-/ },
  { allies: [2, 740], firstYear: 1990, lastYear: 1999, treaty: /^19[5-9]\d-/ },
];

for (const pair of PAIRS) {
  test(`init ${pair.allies.join(',')} ${pair.firstYear}-${pair.lastYear}: the written skeleton validates and runs`, async () => {
    const { data } = await loaded;
    const skeleton = scenarioSkeleton(data, pair);
    const text = scenarioYaml(skeleton, ['test']);
    const parsed = parseScenario(text, 'skeleton.yaml');
    assert.deepEqual(parsed.ok ? [] : parsed.diagnostics, []);
    if (!parsed.ok) return;
    const s = parsed.scenario;
    assert.deepEqual(s.actors.slice(0, 2).map((a) => a.cow), pair.allies);
    for (const a of s.actors) assert.ok(Object.keys(a.capability.series).length > 0, `${a.id} has a CINC series`);
    assert.equal(s.alliances.length, 1, 'the pair\'s alliance is found');
    assert.match(s.alliances[0].signed ?? '', pair.treaty);
    for (const e of s.events) {
      assert.match(e.note ?? '', new RegExp(`^${REVIEW}`), `${e.id} is marked for review`);
      assert.ok(e.sources.every((id) => s.sources.some((src) => src.id === id)), `${e.id} cites the bibliography`);
      const allies = s.actors.slice(0, 2).map((a) => a.id);
      assert.equal(e.role === 'record', allies.includes(e.from) && allies.includes(e.to!), `${e.id}: record only between the allies`);
    }
    assert.ok(s.events.some((e) => e.role === 'driver'), 'some candidate drivers');
    const run = simulate(s, { seed: 3 });
    assert.equal(run.summary.initial.length, 1);
    // The same data and request give the same text.
    assert.equal(scenarioYaml(scenarioSkeleton(data, pair), ['test']), text);
  });
}

test('init refuses a code that is no state in the period', async () => {
  const { data } = await loaded;
  assert.throws(() => scenarioSkeleton(data, { allies: [2, 666], firstYear: 1850, lastYear: 1860 }), /666 is not a state/);
  assert.throws(() => scenarioSkeleton(data, { allies: [2, 2], firstYear: 1950, lastYear: 1960 }), /two different/);
});

test('schism init writes the file atomically, the same bytes twice, and exits 2 with a message on a bad request', () => {
  const dir = mkdtempSync(join(tmpdir(), 'schism-init-'));
  const run = (...args: string[]) => spawnSync(process.execPath, ['bin/schism.js', 'init', ...args], { encoding: 'utf8' });
  const a = run('--actors', '365,651', '--period', '1955-1976', '--out', join(dir, 'a.yaml'));
  assert.equal(a.status, 0, a.stderr);
  run('--actors', '365,651', '--period', '1955-1976', '--out', join(dir, 'b.yaml'));
  assert.ok(readFileSync(join(dir, 'a.yaml')).equals(readFileSync(join(dir, 'b.yaml'))));
  assert.equal(spawnSync(process.execPath, ['bin/schism.js', 'validate', join(dir, 'a.yaml')]).status, 0);
  for (const bad of [['--actors', '365', '--period', '1955-1976'], ['--actors', '365,651', '--period', '1955'], ['--actors', '365,99999', '--period', '1955-1976']]) {
    const r = run(...bad, '--out', join(dir, 'bad.yaml'));
    assert.equal(r.status, 2, `${bad.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /^schism: /);
  }
  assert.deepEqual(readdirSync(dir).sort(), ['a.yaml', 'b.yaml'], 'nothing written on a bad request');
});
