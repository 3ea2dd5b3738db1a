// Tests of the real server on a loopback socket: start-up, the static app, the API over HTTP, traversal and bad bodies.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { loadCatalogue } from './catalogue.js';
import { startServer, type RunningServer } from './serve.js';

let root: string;
let server: RunningServer;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'schism-serve-'));
  const minimal = await readFile('test/fixtures/minimal.yaml', 'utf8');
  await mkdir(join(root, 'scenarios'));
  await writeFile(join(root, 'scenarios', 'sino-soviet.yaml'), minimal);
  await writeFile(join(root, 'scenarios', 'Not A Name.yaml'), minimal);
  await mkdir(join(root, 'dist', 'web', 'assets'), { recursive: true });
  await writeFile(join(root, 'dist', 'web', 'index.html'), '<!doctype html><title>app</title><script type="module" src="/assets/app-1a2b.js"></script>');
  await writeFile(join(root, 'dist', 'web', 'assets', 'app-1a2b.js'), 'console.log("app");');
  server = await startServer({ root, port: 0, host: '127.0.0.1', workers: 1, limits: { bodyBytes: 32 * 1024 } });
});
after(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

/** A raw HTTP request, so that paths reach the server exactly as written (fetch would normalise `..`). */
function raw(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

test('the server listens on loopback and serves the built app with its assets', async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  assert.equal(server.webBuilt, true);
  const page = await fetch(server.url);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<title>app<\/title>/);
  assert.equal(page.headers.get('cache-control'), 'no-cache');
  assert.match(page.headers.get('content-security-policy')!, /script-src 'self'/);
  const asset = await fetch(new URL('/assets/app-1a2b.js', server.url));
  assert.match(asset.headers.get('content-type')!, /javascript/);
  assert.match(asset.headers.get('cache-control')!, /immutable/);
  // A path without an extension is a route of the app: the page is served and the app routes itself.
  assert.match(await (await fetch(new URL('/explore/triangle', server.url))).text(), /<title>app<\/title>/);
  const missing = await fetch(new URL('/assets/nope.js', server.url));
  assert.equal(missing.status, 404);
  assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'not_found');
});

test('shipped scenarios are offered by name only; odd file names are not offered', async () => {
  const list = (await (await fetch(new URL('/api/scenarios', server.url))).json()) as { reference: string; scenarios: { name: string }[] };
  assert.equal(list.reference, 'sino-soviet');
  assert.deepEqual(list.scenarios.map((s) => s.name), ['sino-soviet']);
});

test('no path traversal, raw or encoded, through the API or the static files', async () => {
  for (const path of [
    '/api/scenarios/..%2f..%2fetc%2fpasswd',
    '/api/scenarios/../../etc/passwd',
    '/../../../etc/passwd',
    '/..%2f..%2f..%2fetc%2fpasswd',
    '/%2e%2e/scenarios/sino-soviet.yaml',
    '/assets/..%2f..%2f..%2fscenarios%2fsino-soviet.yaml',
    '/assets/%5c..%5c..%5cindex.html',
  ]) {
    const res = await raw('GET', path);
    // The URL parser resolves a raw `..` before routing, so such a path can at most reach the app's own page.
    const page = res.status === 200 && /<title>app<\/title>/.test(res.text);
    assert.ok(res.status === 404 || res.status === 400 || page, `${path}: ${res.status}`);
    assert.doesNotMatch(res.text, /root:|schism: 1/, path);
  }
});

test('over a socket, run works and bad bodies get 4xx JSON while the server keeps serving', async () => {
  const json = { 'content-type': 'application/json' };
  const run = await raw('POST', '/api/run', JSON.stringify({ name: 'sino-soviet', series: false }), json);
  assert.equal(run.status, 200, run.text);
  assert.equal(JSON.parse(run.text).months[0], '1950-01');
  const cases: [string, Record<string, string>, number, string][] = [
    ['{"name":', json, 400, 'invalid_json'],
    ['x'.repeat(40 * 1024), json, 413, 'body_too_large'],
    [JSON.stringify({ name: 'sino-soviet' }), { 'content-type': 'text/yaml' }, 415, 'unsupported_media_type'],
    [JSON.stringify({ name: 'sino-soviet', runs: 'many' }), json, 400, 'invalid_request'],
  ];
  for (const [body, headers, status, code] of cases) {
    const res = await raw('POST', '/api/run', body, headers);
    assert.equal(res.status, status, res.text);
    assert.equal(JSON.parse(res.text).error.code, code);
  }
  // A body far over the limit, declared by Content-Length, is refused before it is read.
  const huge = await raw('POST', '/api/validate', 'x'.repeat(1024 * 1024), json);
  assert.equal(huge.status, 413);
  assert.equal((await fetch(new URL('/api/health', server.url))).status, 200);
});

test('without the reference scenario the catalogue offers the test fixture and says so', async () => {
  const bare = await mkdtemp(join(tmpdir(), 'schism-bare-'));
  try {
    await mkdir(join(bare, 'test', 'fixtures'), { recursive: true });
    await writeFile(join(bare, 'test', 'fixtures', 'minimal.yaml'), await readFile('test/fixtures/minimal.yaml', 'utf8'));
    const catalogue = await loadCatalogue(bare);
    assert.equal(catalogue.reference, 'minimal');
    assert.match(catalogue.fallback!, /scenarios\/sino-soviet\.yaml is not there yet/);
    assert.equal(catalogue.text('minimal')?.startsWith('# A small hand-made scenario'), true);
    assert.equal(catalogue.text('../test/fixtures/minimal'), undefined);
  } finally {
    await rm(bare, { recursive: true, force: true });
  }
});
