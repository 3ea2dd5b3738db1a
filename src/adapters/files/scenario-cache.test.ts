// Tests that the scenario cache gives back exactly what was stored for the same text, and nothing otherwise.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadScenarioText } from '../../core/scenario/parse.js';
import { cacheDir, cachedScenario, storeScenario } from './scenario-cache.js';

const text = readFileSync('test/fixtures/minimal.yaml', 'utf8');
const scenario = loadScenarioText(text, 'minimal.yaml');

test('a stored scenario comes back deep-equal for the same text, and not for any other text', () => {
  const dir = mkdtempSync(join(tmpdir(), 'schism-cache-'));
  try {
    assert.equal(cachedScenario(text, dir), undefined);
    storeScenario(text, scenario, {}, dir);
    assert.deepEqual(cachedScenario(text, dir), { scenario, locations: {} });
    storeScenario(text, scenario, { '["events",0]': { line: 3, column: 5 } }, dir);
    assert.deepEqual(cachedScenario(text, dir)?.locations, { '["events",0]': { line: 3, column: 5 } });
    assert.equal(cachedScenario(`${text}\n# edited\n`, dir), undefined);
    assert.deepEqual(readdirSync(dir).filter((n) => !n.endsWith('.json')), [], 'no temporary file left behind');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a damaged or foreign entry is a miss, not an error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'schism-cache-'));
  try {
    storeScenario(text, scenario, {}, dir);
    const [entry] = readdirSync(dir);
    writeFileSync(join(dir, entry), '{"key": "trunc');
    assert.equal(cachedScenario(text, dir), undefined);
    writeFileSync(join(dir, entry), JSON.stringify({ key: 'another', scenario }));
    assert.equal(cachedScenario(text, dir), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an unwritable cache folder is ignored, and SCHISM_NO_CACHE=1 turns the cache off', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'schism-cache-')), 'not-a-folder');
  writeFileSync(file, '');
  storeScenario(text, scenario, {}, join(file, 'sub'));
  assert.equal(cachedScenario(text, join(file, 'sub')), undefined);
  assert.equal(cacheDir({ SCHISM_NO_CACHE: '1' }), undefined);
  assert.equal(cacheDir({ XDG_CACHE_HOME: '/x' }), join('/x', 'schism'));
});
