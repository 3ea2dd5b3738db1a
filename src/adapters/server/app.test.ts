// Tests of the HTTP API through app.request() (no sockets): every endpoint's success path, every malformed request, the limits.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { createApp } from './app.js';
import { BargainResponse, EnsembleJob, ErrorResponse, RunResponse, ScenarioList, ValidateResponse } from './api-schemas.js';
import { catalogueOf } from './catalogue.js';
import { ComputePool } from './compute-pool.js';

const minimal = readFileSync('test/fixtures/minimal.yaml', 'utf8');
const pool = new ComputePool(2, 16);
// Load the engine in the workers while the first tests (which need no worker) run.
pool.warm();
const { app } = createApp({
  catalogue: catalogueOf({ minimal }),
  pool,
  limits: { bodyBytes: 64 * 1024, ensembleRuns: 500, clientJobs: 1 },
});
after(() => pool.close());

const post = (path: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  app.request(path, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

/** Asserts a JSON error with the given status and code, and returns its body. */
async function expectError(res: Response, status: number, code: string): Promise<{ error: { code: string; message: string; details?: any } }> {
  assert.equal(res.status, status, `expected ${status} ${code}, got ${res.status}: ${await res.clone().text()}`);
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  const body = ErrorResponse.parse(await res.json());
  assert.equal(body.error.code, code);
  assert.ok(body.error.message.length > 0);
  return body as { error: { code: string; message: string; details?: any } };
}

describe('success paths', () => {
  test('GET /api/scenarios lists the shipped scenarios by name, and GET /api/scenarios/:name gives the YAML', async () => {
    const list = ScenarioList.parse(await (await app.request('/api/scenarios')).json());
    assert.equal(list.reference, 'minimal');
    assert.deepEqual(list.scenarios.map((s) => [s.name, s.title, s.valid]), [['minimal', 'Minimal alliance', true]]);
    const res = await app.request('/api/scenarios/minimal');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /yaml/);
    assert.equal(await res.text(), minimal);
  });

  test('POST /api/validate reports a valid scenario, and an invalid one with line, column and path', async () => {
    const ok = ValidateResponse.parse(await (await post('/api/validate', { scenario: minimal })).json());
    assert.equal(ok.valid, true);
    assert.equal(ok.scenario?.actors, 3);
    const broken = minimal.replace('seed: 3', 'seed: -3');
    const res = await post('/api/validate', { scenario: broken });
    assert.equal(res.status, 200);
    const bad = ValidateResponse.parse(await res.json());
    assert.equal(bad.valid, false);
    const d = bad.diagnostics[0];
    assert.deepEqual([d.file, d.line, d.path], ['request', 6, 'meta.seed']);
    assert.ok(d.column > 1);
  });

  test('POST /api/run returns the summary and monthly series, the same for the same seed', async () => {
    const res = await post('/api/run', { name: 'minimal', seed: 11 });
    assert.equal(res.status, 200);
    const text = await res.text();
    const run = RunResponse.parse(JSON.parse(text));
    assert.equal(run.months.length, 72);
    assert.equal(run.months[0], '1950-01');
    assert.equal(run.seed, 11);
    assert.equal(run.series!.members.length, 2 * run.alliances.length);
    for (const m of run.series!.members) assert.equal(m.value.length, 72);
    assert.equal(run.series!.status[0].values.length, 72);
    assert.equal(await (await post('/api/run', { scenario: minimal, seed: 11 })).text(), text.replace('"file":"minimal.yaml"', '"file":"request"'));
    // Without series the server takes the summary-only path: the same summary, not an approximation.
    const bare = RunResponse.parse(await (await post('/api/run', { name: 'minimal', seed: 11, series: false })).json());
    assert.deepEqual({ ...bare, series: undefined }, { ...run, series: undefined });
  });

  test('POST /api/run applies options: no series, replay, until, switched mechanisms, parameters, events left out', async () => {
    const res = await post('/api/run', {
      name: 'minimal',
      series: false,
      mode: 'replay',
      until: '1952-06',
      mechanisms: { ideology: false },
      params: { 'security.entrapment': 0.2 },
      without: [],
    });
    const run = RunResponse.parse(await res.json());
    assert.equal(run.series, undefined);
    assert.equal(run.mode, 'replay');
    assert.equal(run.months.at(-1), '1952-06');
  });

  test('an ensemble is a job: accepted with a Location, polled to done with a result, then forgotten by DELETE', async () => {
    const res = await post('/api/ensembles', { name: 'minimal', runs: 200, seed: 5 });
    assert.equal(res.status, 202);
    const job = EnsembleJob.parse(await res.json());
    assert.equal(res.headers.get('location'), `/api/ensembles/${job.id}`);
    assert.deepEqual(job.progress, { done: 0, total: 200 });
    let view = job;
    // Polled until done however long the machine takes; the test runner's own timeout is the only bound.
    while (view.status === 'running') {
      await new Promise((r) => setTimeout(r, 10));
      view = EnsembleJob.parse(await (await app.request(`/api/ensembles/${job.id}`)).json());
    }
    assert.equal(view.status, 'done');
    assert.equal(view.result!.runs, 200);
    assert.equal(view.result!.seed, 5);
    const shares = view.result!.alliances[0].status;
    for (const t of [0, 40, 71]) assert.ok(Math.abs(shares.allied[t] + shares.strained[t] + shares.broken[t] + shares.hostile[t] - 1) < 1e-9);
    assert.equal((await app.request(`/api/ensembles/${job.id}`, { method: 'DELETE' })).status, 200);
    await expectError(await app.request(`/api/ensembles/${job.id}`), 404, 'unknown_job');
  });

  test('a running ensemble can be cancelled, and the client may then start another', async () => {
    // Ten million runs would take minutes: the job is certainly still running when it is cancelled.
    const big = createApp({ catalogue: catalogueOf({ minimal }), pool, limits: { ensembleRuns: 10_000_000, clientJobs: 1 } }).app;
    const send = (runs: number) => big.request('/api/ensembles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'minimal', runs }) });
    const job = EnsembleJob.parse(await (await send(10_000_000)).json());
    await expectError(await send(10), 429, 'too_many_jobs');
    const view = EnsembleJob.parse(await (await big.request(`/api/ensembles/${job.id}`, { method: 'DELETE' })).json());
    assert.equal(view.status, 'cancelled');
    assert.equal(EnsembleJob.parse(await (await big.request(`/api/ensembles/${job.id}`)).json()).status, 'cancelled');
    assert.equal((await send(10)).status, 202);
  });

  test('POST /api/bargain forecasts a CSV actor table with BDM and a shipped scenario issue by issue', async () => {
    const csv = readFileSync('data/bargaining/bdm1994-ec-car-emissions/actors.csv', 'utf8');
    const res = await post('/api/bargain', { scenario: csv, format: 'csv', model: 'bdm', rounds: 3 });
    assert.equal(res.status, 200, await res.clone().text());
    const r = BargainResponse.parse(await res.json());
    assert.equal(r.kind, 'actor-table');
    assert.equal(r.issues.length, 1);
    assert.ok(r.issues[0].actors.includes('Germany'));
    assert.ok(r.issues[0].rounds.length <= 4);
    assert.equal(r.issues[0].forecast.length, 1);
    const again = BargainResponse.parse(await (await post('/api/bargain', { scenario: csv, format: 'csv', model: 'bdm', rounds: 3 })).json());
    assert.deepEqual(again, r);
    const fromScenario = BargainResponse.parse(await (await post('/api/bargain', { name: 'minimal' })).json());
    assert.equal(fromScenario.kind, 'scenario');
    assert.deepEqual(fromScenario.issues.map((i) => i.issue), ['BASE', 'LOAN', 'DOCTRINE']);
  });

  test('GET /api/openapi.json is an OpenAPI 3.1 document naming every endpoint', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, any> } };
    assert.equal(doc.openapi, '3.1.0');
    for (const path of ['/api/validate', '/api/run', '/api/bargain', '/api/ensembles', '/api/ensembles/{id}', '/api/scenarios', '/api/scenarios/{name}', '/api/parameters']) assert.ok(doc.paths[path], path);
    assert.deepEqual(doc.components.schemas.RunRequest.properties.mode.enum, ['predict', 'replay']);
    assert.equal(doc.components.schemas.ValidateResponse.properties.diagnostics.items.$ref, '#/components/schemas/Diagnostic');
  });
});

describe('malformed requests get a 4xx JSON error and the server keeps serving', () => {
  test('bad JSON, wrong content type, wrong types, unknown fields, both or neither source', async () => {
    await expectError(await post('/api/run', '{"name": "minimal",'), 400, 'invalid_json');
    await expectError(await post('/api/run', JSON.stringify({ name: 'minimal' }), { 'content-type': 'text/plain' }), 415, 'unsupported_media_type');
    await expectError(await post('/api/run', { name: 'minimal' }, {}), 415, 'unsupported_media_type');
    const wrong = await expectError(await post('/api/run', { name: 'minimal', seed: 'seven' }), 400, 'invalid_request');
    assert.equal(wrong.error.details.issues[0].path, 'seed');
    await expectError(await post('/api/run', { name: 'minimal', seeds: 3 }), 400, 'invalid_request');
    await expectError(await post('/api/run', { name: 'minimal', scenario: minimal }), 400, 'invalid_request');
    await expectError(await post('/api/validate', {}), 400, 'invalid_request');
    await expectError(await post('/api/run', [1, 2]), 400, 'invalid_request');
    await expectError(await post('/api/run', 'null'), 400, 'invalid_request');
    await expectError(await post('/api/run', { name: 'minimal', params: { 'security.nope': 1 } }), 400, 'invalid_request');
    await expectError(await post('/api/run', { name: 'minimal', mode: 'guess' }), 400, 'invalid_request');
    assert.equal((await app.request('/api/health')).status, 200);
  });

  test('an invalid scenario is refused with its diagnostics; an unknown scenario or event with 404 and 400', async () => {
    const bad = await expectError(await post('/api/run', { scenario: 'schism: 1\nmeta: {}\n' }), 422, 'invalid_scenario');
    assert.ok(bad.error.details.diagnostics.length > 0);
    assert.equal(bad.error.details.diagnostics[0].file, 'request');
    await expectError(await post('/api/run', { scenario: 'a: [unclosed' }), 422, 'invalid_scenario');
    // A "billion laughs" document: the parser refuses to expand it, and the client hears why.
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefg'.split('').map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdef'[i]}`).join(', ')}]`)].join('\n');
    const aliases = await expectError(await post('/api/run', { scenario: bomb }), 422, 'invalid_scenario');
    assert.equal(aliases.error.details.diagnostics[0].code, 'yaml.alias_count');
    await expectError(await post('/api/run', { name: 'nope' }), 404, 'unknown_scenario');
    await expectError(await post('/api/ensembles', { scenario: 'x: 1', runs: 5 }), 422, 'invalid_scenario');
    const ev = await expectError(await post('/api/run', { name: 'minimal', without: ['NoSuchEvent'] }), 400, 'unknown_option');
    assert.deepEqual(ev.error.details.without, ['NoSuchEvent']);
    // Leaving out a record event cannot change a prediction: refused as the command line refuses it, never a silent 200.
    const moot = await expectError(await post('/api/run', { name: 'minimal', without: ['E2'] }), 422, 'no_effect');
    assert.match(moot.error.message, /E2.*record event/);
    assert.deepEqual(moot.error.details.without, ['E2']);
    await expectError(await post('/api/ensembles', { name: 'minimal', runs: 5, without: ['E4'] }), 422, 'no_effect');
    assert.equal((await post('/api/run', { name: 'minimal', without: ['E2'], mode: 'replay' })).status, 200, 'replay applies the record: there it counts');
    assert.equal((await post('/api/run', { name: 'minimal', without: ['E1'] })).status, 200, 'a driver can be left out');
    await expectError(await post('/api/run', { name: 'minimal', until: '1900-01' }), 400, 'unknown_option');
    const csv = await expectError(await post('/api/bargain', { scenario: 'Actor,Capability\nA,x\n', format: 'csv' }), 422, 'invalid_scenario');
    assert.equal(csv.error.details.diagnostics[0].file, 'request.csv');
    await expectError(await post('/api/bargain', { name: 'minimal', model: 'kmeans' }), 400, 'invalid_request');
    // A readable table that the model cannot take: the model says why.
    const one = await expectError(await post('/api/bargain', { scenario: 'Actor,Capability,Position,Salience\nA,1,50,0.5\n', format: 'csv' }), 422, 'unsuitable_input');
    assert.match(one.error.details.problems.join(' '), /at least two actors/);
  });

  test('unknown routes and methods give JSON 404 and 405', async () => {
    await expectError(await app.request('/api/nothing'), 404, 'not_found');
    await expectError(await app.request('/nothing/here'), 404, 'not_found');
    await expectError(await app.request('/api/run'), 405, 'method_not_allowed');
    await expectError(await app.request('/api/scenarios', { method: 'POST' }), 405, 'method_not_allowed');
    await expectError(await app.request('/api/ensembles/not-a-job'), 404, 'unknown_job');
  });

  test('no path traversal: scenario names are looked up, never read from disk', async () => {
    for (const path of ['/api/scenarios/..%2f..%2fetc%2fpasswd', '/api/scenarios/..%2Fpackage.json', '/api/scenarios/%2e%2e', '/api/scenarios/minimal.yaml']) {
      const res = await app.request(path);
      assert.ok(res.status === 404 || res.status === 400, `${path}: ${res.status}`);
      assert.doesNotMatch(await res.text(), /root:|"name": "schism"/);
    }
  });
});

describe('limits', () => {
  test('an oversized body is refused with body_too_large, with or without a Content-Length', async () => {
    const big = JSON.stringify({ scenario: 'x'.repeat(70 * 1024) });
    await expectError(await post('/api/validate', big), 413, 'body_too_large');
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const res = await app.request('/api/validate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    await expectError(res, 413, 'body_too_large');
  });

  test('months per run are bounded, so that the series of a run cannot grow without end', async () => {
    const long = minimal.replace('end: "1955-12"', 'end: "2999-12"');
    const e = await expectError(await post('/api/run', { scenario: long, series: false }), 400, 'too_many_months');
    assert.equal(e.error.details.limit, 6000);
    assert.equal((await post('/api/run', { scenario: long, until: '1999-12', series: false })).status, 200);
    // 3 actors over 5,000 months is 45,000 pair-months: recorded; the bound is on actors squared times months.
    assert.equal((await post('/api/run', { scenario: long, until: '2366-12' })).status, 200);
  });

  test('runs per ensemble are bounded', async () => {
    const e = await expectError(await post('/api/ensembles', { name: 'minimal', runs: 501 }), 400, 'too_many_runs');
    assert.equal(e.error.details.limit, 500);
    await expectError(await post('/api/ensembles', { name: 'minimal', runs: 0 }), 400, 'invalid_request');
  });

  test('compute time is bounded: a request that overruns is stopped with compute_time_exceeded and the next one runs', async () => {
    // The request's task blocks its worker until the worker is ended, so only the bound can answer it, whatever the load.
    const blocking = { run: (_task: unknown, options: Parameters<ComputePool['run']>[1]) => pool.run({ kind: 'block' }, options) } as unknown as ComputePool;
    const slow = createApp({ catalogue: catalogueOf({ minimal }), pool: blocking, limits: { requestMs: 50 } }).app;
    const res = await slow.request('/api/run', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'minimal', series: false }) });
    await expectError(res, 422, 'compute_time_exceeded');
    assert.equal((await post('/api/run', { name: 'minimal', series: false })).status, 200);
  });

  test('each client may have only so many requests in flight, health checks and slow bodies aside', async () => {
    // Tasks finish only when released, so what is in flight does not depend on how fast the machine is.
    const release: (() => void)[] = [];
    const held = { run: () => new Promise((resolve) => release.push(() => resolve({ valid: true, diagnostics: [] }))) } as unknown as ComputePool;
    const busy = createApp({ catalogue: catalogueOf({ minimal }), pool: held, limits: { clientRequests: 2 } }).app;
    const send = () => busy.request('/api/validate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'minimal' }) });
    const first = [send(), send()];
    while (release.length < 2) await new Promise((r) => setImmediate(r));
    await expectError(await send(), 429, 'too_many_requests');
    assert.equal((await busy.request('/api/health')).status, 200);
    for (const r of release.splice(0)) r();
    assert.deepEqual((await Promise.all(first)).map((r) => r.status), [200, 200]);
    const again = send();
    while (release.length < 1) await new Promise((r) => setImmediate(r));
    release[0]();
    assert.equal((await again).status, 200);
  });

  test('every response carries a strict Content-Security-Policy and the other security headers', async () => {
    for (const res of [await app.request('/api/scenarios'), await app.request('/api/nothing'), await post('/api/run', '{')]) {
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.match(csp, /object-src 'none'/);
      assert.doesNotMatch(csp, /unsafe-eval|script-src[^;]*unsafe-inline/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    }
  });
});
