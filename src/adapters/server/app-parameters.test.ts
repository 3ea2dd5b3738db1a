// serve --params: every API run starts from a fit's parameters, and a request's own parameters still win.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, test } from 'node:test';
import { createApp } from './app.js';
import { RunResponse } from './api-schemas.js';
import { catalogueOf } from './catalogue.js';
import { ComputePool } from './compute-pool.js';

const minimal = readFileSync('test/fixtures/minimal.yaml', 'utf8');
const pool = new ComputePool(1, 8);
after(() => pool.close());
const appWith = (parameters?: { mechanisms: Record<string, boolean>; params: Record<string, number> }) =>
  createApp({ catalogue: catalogueOf({ minimal }), pool, parameters }).app;
const run = async (app: ReturnType<typeof appWith>, body: Record<string, unknown>) =>
  RunResponse.parse(await (await app.request('/api/run', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'minimal', seed: 5, series: false, ...body }) })).json());

test('the loaded parameters change the API\'s runs; a request\'s own value overrides them', async () => {
  const plain = await run(appWith(), {});
  const fitted = appWith({ mechanisms: {}, params: { 'rules.activity': 0.9 } });
  const loaded = await run(fitted, {});
  assert.notEqual(loaded.acts, plain.acts, 'activity 0.9 changes the run');
  const overridden = await run(fitted, { params: { 'rules.activity': 0.35 } });
  assert.deepEqual(overridden, await run(appWith(), { params: { 'rules.activity': 0.35 } }));
});

test('GET /api/parameters tells the app which parameters runs start from, null without a fit', async () => {
  const get = async (app: ReturnType<typeof appWith>) => (await app.request('/api/parameters')).json();
  assert.deepEqual(await get(appWith()), { parameters: null });
  assert.deepEqual(await (await appWith().request('/start-parameters.json')).json(), { parameters: null }, 'the file the app reads says the same');
  const parameters = { mechanisms: { wedge: false }, params: { 'rules.activity': 0.9 } };
  assert.deepEqual(await get(appWith({ ...parameters, file: '/srv/fits/fit.json' } as typeof parameters)), { parameters }, 'the values, not where they were read from');
});
