// Tests of the server under abuse: slow, cut, deep and wide bodies, foreign Host headers, parameters past their bounds.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createApp } from './app.js';
import { catalogueOf } from './catalogue.js';
import { ComputePool } from './compute-pool.js';
import { startServer, type RunningServer } from './serve.js';

const minimal = readFileSync('test/fixtures/minimal.yaml', 'utf8');
const json = { 'content-type': 'application/json' };

/** A pool that answers every task at once, so that these tests exercise the HTTP layer only. */
const instant = { run: async () => ({ valid: true, diagnostics: [] }) } as unknown as ComputePool;

function appWith(limits: Record<string, number> = {}, allowedHosts: string[] = []) {
  const lines: string[] = [];
  const { app } = createApp({ catalogue: catalogueOf({ minimal }), pool: instant, limits, allowedHosts, log: (l) => lines.push(l) });
  return { app, lines };
}

/** A body stream that sends `head` and then nothing more (or fails, when `fail` is set) until cancelled. */
function stalled(head: string, fail = false): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(c) {
      c.enqueue(new TextEncoder().encode(head));
      if (fail) c.error(new Error('socket hang up'));
    },
  });
}

describe('bodies', () => {
  test('a body that does not arrive by the deadline gets 408 body_timeout, logged in one line', async () => {
    const { app, lines } = appWith({ bodyMs: 50 });
    const res = await app.request('/api/validate', { method: 'POST', headers: json, body: stalled('{"name":'), duplex: 'half' } as RequestInit);
    assert.equal(res.status, 408);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'body_timeout');
    assert.equal(res.headers.get('connection'), 'close');
    assert.equal(lines.length, 1);
    assert.match(lines[0], /body_timeout/);
  });

  test('a body that trickles in is cut once it is plainly slower than 1 KiB/s, long before its deadline', async () => {
    const { app } = appWith({ bodyMs: 600_000 });
    const res = await app.request('/api/validate', { method: 'POST', headers: json, body: stalled('{'), duplex: 'half' } as RequestInit);
    assert.equal(res.status, 408);
    assert.match(((await res.json()) as { error: { message: string } }).error.message, /slower than 1024 bytes per second/);
  });

  test('a body cut off by the client is a 400 incomplete_body and a log line, not an internal error with a stack', async () => {
    const { app, lines } = appWith();
    const res = await app.request('/api/validate', { method: 'POST', headers: json, body: stalled('{"name":', true), duplex: 'half' } as RequestInit);
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'incomplete_body');
    assert.equal(lines.length, 1);
    assert.doesNotMatch(lines.join('\n'), /\n\s+at /);
  });

  test('deep and wide bodies are refused with 4xx before any compute', async () => {
    const { app: roomy } = appWith();
    const deeper = await roomy.request('/api/validate', { method: 'POST', headers: json, body: `${'['.repeat(200_000)}${']'.repeat(200_000)}` });
    assert.equal(deeper.status, 400);
    assert.equal(((await deeper.json()) as { error: { code: string } }).error.code, 'invalid_json');
    const wide = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i]));
    const res = await roomy.request('/api/run', { method: 'POST', headers: json, body: JSON.stringify({ name: 'minimal', params: wide }) });
    assert.equal(res.status, 400);
  });

  test('parameters past their declared bounds are refused, so a request cannot overflow the engine', async () => {
    const { app } = appWith();
    const res = await app.request('/api/run', { method: 'POST', headers: json, body: JSON.stringify({ name: 'minimal', params: { 'security.entrapment': 1e308 } }) });
    assert.equal(res.status, 400);
    const body = (await res.json()) as { error: { code: string; details: { issues: { path: string; message: string }[] } } };
    assert.equal(body.error.code, 'invalid_request');
    assert.equal(body.error.details.issues[0].path, 'params.security.entrapment');
    assert.match(body.error.details.issues[0].message, /outside its declared bounds \[0, 1\.5\]/);
  });
});

describe('Host allow-list', () => {
  test('addresses, localhost and listed names are answered; other names get 403 (DNS rebinding)', async () => {
    const { app, lines } = appWith({}, ['schism.example.org']);
    for (const host of ['localhost:8080', '127.0.0.1:8080', '[::1]:8080', '10.0.0.7', 'LOCALHOST', 'schism.example.org', 'schism.example.org:443']) {
      assert.equal((await app.request('/api/health', { headers: { host } })).status, 200, host);
    }
    for (const host of ['evil.example', 'localhost.evil.example', '127.0.0.1.nip.io:8080']) {
      const res = await app.request('/api/health', { headers: { host } });
      assert.equal(res.status, 403, host);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'host_not_allowed');
    }
    assert.equal(lines.length, 3);
  });
});

describe('over a socket', () => {
  let server: RunningServer;
  const sockets: Socket[] = [];
  before(async () => {
    // A long body deadline: the slow bodies below are certainly still arriving while the other requests are made.
    server = await startServer({ root: '.', port: 0, host: '127.0.0.1', workers: 1, limits: { bodyMs: 120_000 } });
  });
  after(async () => {
    for (const s of sockets) s.destroy();
    await server?.close();
  });

  test('eight slow bodies from one address lock out neither /api/health nor another request', async () => {
    const url = new URL(server.url);
    for (let i = 0; i < 8; i++) {
      const s = connect(Number(url.port), url.hostname);
      sockets.push(s);
      s.on('error', () => {});
      s.write(`POST /api/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{`);
    }
    // Let the server take in every slow request's headers before the others arrive.
    await new Promise((r) => setTimeout(r, 100));
    assert.equal((await fetch(new URL('/api/health', server.url))).status, 200);
    const res = await fetch(new URL('/api/validate', server.url), { method: 'POST', headers: json, body: JSON.stringify({ scenario: minimal }) });
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(((await res.json()) as { valid: boolean }).valid, true);
  });
});
