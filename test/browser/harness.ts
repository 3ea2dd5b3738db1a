// Browser-test harness: builds the web bundle when missing or stale, serves it on loopback with the app's CSP, drives Debian's Chromium.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist/web');
/** The policy the server sends (src/adapters/server/security-headers.ts): the app must run under it. */
const CSP = "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

/** Whether dist/web is missing or older than the sources, scenarios and data it bundles. */
function webStale(): boolean {
  let built = 0;
  try {
    built = statSync(join(DIST, 'index.html')).mtimeMs;
  } catch {
    built = 0;
  }
  return built <= Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'scenarios')), newest(join(ROOT, 'data')));
}

const LOCK = join(ROOT, 'dist/.web-build-lock');

/**
 * Builds dist/web with `npm run build:web` when it is stale. The browser test files run side by side and each calls this:
 * a build empties dist/web first and writes its files one by one, so no file may look at dist/web while another builds
 * it. A lock folder (made atomically) lets one file at a time check the build and make it if need be.
 */
export function ensureBuilt(): void {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const nap = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left by a killed run is older than any build takes.
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 10 * 60_000) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // Released meanwhile.
      }
      Atomics.wait(nap, 0, 0, 200);
    }
  }
  try {
    if (!webStale()) return;
    const r = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`npm run build:web failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Serves dist/web on 127.0.0.1 at an ephemeral port, with the CSP header. */
export async function serve(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(DIST, path === '/' ? 'index.html' : path));
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': CSP });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(() => ok())) };
}

/** Launches Debian's Chromium headless with a fresh profile (Playwright passes it as --user-data-dir). */
export async function launch(viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'schism-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Counts the distinct colours of a PNG by decoding it in the browser (no image library needed). */
export async function distinctColours(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return seen.size;
  }, png.toString('base64'));
}

/** Collects the page's console errors and uncaught exceptions (a CSP violation shows up here). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Starts the real server (`schism serve --port 0`) and resolves with the address it prints. */
export async function serveWithSchism(args: string[] = []): Promise<{ url: string; close: () => Promise<void> }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/schism.js'), 'serve', '--port', '0', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    // No timer of its own: start-up takes as long as the machine's load makes it; the test runner's timeout is the bound.
    const read = (b: Buffer) => {
      out += b.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) ok(m[0]);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => fail(new Error(`schism serve exited with ${code}:\n${out}`)));
  });
  return {
    url,
    close: () => new Promise((ok) => {
      child.once('exit', () => ok());
      child.kill('SIGTERM');
    }),
  };
}

/** Why a browser test file is skipped (no Chromium), or false. */
export const SKIP_WITHOUT_CHROMIUM: string | false = existsSync('/usr/bin/chromium') ? false : 'no /usr/bin/chromium (apt-get install -y chromium)';

/**
 * Registers a test file's before and after hooks: the bundle built, served on loopback and a fresh Chromium launched
 * once for the file; `open` loads the app at a hash and waits until it has drawn.
 */
export function browserSuite(): { open: (hash?: string) => Promise<{ page: Page; errors: string[] }>; url: () => string; context: () => BrowserContext } {
  let url = '';
  let context: BrowserContext;
  const closers: (() => Promise<void>)[] = [];
  before(async () => {
    if (SKIP_WITHOUT_CHROMIUM) return;
    ensureBuilt();
    const server = await serve();
    url = server.url;
    closers.push(server.close);
    const browser = await launch();
    context = browser.context;
    closers.unshift(browser.close);
  }, { timeout: 120_000 });
  after(async () => {
    for (const close of closers) await close();
  });
  return {
    url: () => url,
    context: () => context,
    async open(hash = '') {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${url}${hash}`);
      // A bound for a loaded machine (the page is ready in 1-3 s idle; 25 s was seen at load average 11 on 2 cores).
      await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
      return { page, errors };
    },
  };
}
