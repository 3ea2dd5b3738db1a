// Abuse benchmark of `schism serve` on loopback: slow bodies from many connections, a flood of 200 connections with 1 MB
// bodies, deep, wide and huge bodies. Reports statuses, p50/p99 latency, when slow bodies are cut, and the server's peak RSS.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { startServer } from './http-load.js';

/** The documented body deadline (src/adapters/server/limits.ts) the slow-body phase checks. */
const BODY_MS = 10_000;

interface Answer {
  status: number;
  ms: number;
}

/** Peak and current resident memory of a process in MiB, from /proc (VmHWM covers every thread of the server). */
function memory(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { peak: kb('VmHWM') / 1024, now: kb('VmRSS') / 1024 };
}

const agent = new Agent({ keepAlive: false, maxSockets: 1000 });

/** One request; a connection the server closes early (a refused body) counts as status 0. */
function send(url: URL, method: string, path: string, body?: string | Buffer): Promise<Answer> {
  const start = performance.now();
  return new Promise((resolve) => {
    const req = request({ host: url.hostname, port: url.port, method, path, agent, headers: body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - start }));
    });
    req.on('error', () => resolve({ status: 0, ms: performance.now() - start }));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** A body trickled at one byte a second; resolves with the status and the time from the headers to the answer. */
function slowBody(url: URL): { done: Promise<Answer>; stop: () => void } {
  let timer: NodeJS.Timeout | undefined;
  let req: ReturnType<typeof request>;
  const start = performance.now();
  const done = new Promise<Answer>((resolve) => {
    req = request({ host: url.hostname, port: url.port, method: 'POST', path: '/api/validate', agent, headers: { 'content-type': 'application/json', 'content-length': 100_000 } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - start }));
    });
    req.on('error', () => resolve({ status: 0, ms: performance.now() - start }));
    req.flushHeaders();
    timer = setInterval(() => req.write('{'), 1000);
  });
  void done.then(() => clearInterval(timer));
  return { done, stop: () => { clearInterval(timer); req.destroy(); } };
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
}

function line(what: string, answers: Answer[], pid: number): string {
  const counts = new Map<number, number>();
  for (const a of answers) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  const statuses = [...counts].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s || 'cut'}×${n}`).join(' ');
  const ms = answers.map((a) => a.ms);
  return `${what.padEnd(44)} ${String(answers.length).padStart(5)}  p50 ${quantile(ms, 0.5).toFixed(0).padStart(6)} ms  p99 ${quantile(ms, 0.99).toFixed(0).padStart(6)} ms  peak RSS ${memory(pid).peak.toFixed(0).padStart(5)} MiB  ${statuses}`;
}

/** Runs every phase against a fresh server and prints one line each. */
export async function benchHttpAbuse(): Promise<void> {
  const server = await startServer();
  const url = new URL(server.url);
  const { pid } = server;
  try {
    const minimal = readFileSync('test/fixtures/minimal.yaml', 'utf8');
    process.stdout.write(`server pid ${pid} at ${url.href}; idle RSS ${memory(pid).now.toFixed(0)} MiB\n`);
    const health: Answer[] = [];
    for (let i = 0; i < 200; i++) health.push(await send(url, 'GET', '/api/health'));
    process.stdout.write(`${line('health, one at a time', health, pid)}\n`);

    // Slow bodies trickling a byte a second from one address: 8 (the issue's case), then 50. Health and real requests
    // must still be answered; a trickle is cut after about 2 s, any body by the deadline.
    for (const n of [8, 50]) {
      const slow = Array.from({ length: n }, () => slowBody(url));
      await new Promise((r) => setTimeout(r, 300));
      const during: Answer[] = [];
      for (let i = 0; i < 10; i++) during.push(await send(url, 'GET', '/api/health'), await send(url, 'POST', '/api/validate', JSON.stringify({ scenario: minimal })));
      process.stdout.write(`${line(`health + validate during ${n} slow bodies`, during, pid)}\n`);
      const cut = await Promise.all(slow.map((s) => s.done));
      process.stdout.write(`${line(`${n} slow bodies (deadline ${BODY_MS} ms)`, cut, pid)}  latest cut ${(Math.max(...cut.map((a) => a.ms)) / 1000).toFixed(1)} s\n`);
    }

    // A flood: 200 connections at once, each with a 1 MB scenario body (a valid scenario padded with a comment).
    const big = JSON.stringify({ scenario: `${minimal}\n# ${'x'.repeat(1000 * 1024 - minimal.length - 200)}\n` });
    const flood = await Promise.all(Array.from({ length: 200 }, () => send(url, 'POST', '/api/validate', big)));
    process.stdout.write(`${line('flood: 200 connections × 1 MB validate', flood, pid)}\n`);
    const flood2 = await Promise.all(Array.from({ length: 200 }, () => send(url, 'POST', '/api/run', JSON.stringify({ name: 'sino-soviet', series: true }))));
    process.stdout.write(`${line('flood: 200 connections × run with series', flood2, pid)}\n`);

    const deep = `{"scenario":"x","name":${'['.repeat(400_000)}${']'.repeat(400_000)}}`;
    const wide = JSON.stringify({ name: 'sino-soviet', params: Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i])) });
    const deepYaml = JSON.stringify({ scenario: `${'- '.repeat(400_000)}1` });
    const keysYaml = JSON.stringify({ scenario: `${minimal}\nmeta2:\n${Array.from({ length: 9_000 }, (_, i) => `  k${i}: 1`).join('\n')}\n` });
    const huge = Buffer.alloc(20 * 1024 * 1024, 'x');
    for (const [what, body] of [['deep JSON body (400,000 levels)', deep], ['wide params (50,000 keys)', wide], ['deep YAML scenario (400,000 levels)', deepYaml], ['9,000 unknown keys in a scenario', keysYaml], ['huge body (20 MB)', huge]] as const) {
      const answers: Answer[] = [];
      for (let i = 0; i < 5; i++) answers.push(await send(url, 'POST', '/api/validate', body));
      process.stdout.write(`${line(what, answers, pid)}\n`);
    }
    const after: Answer[] = [];
    for (let i = 0; i < 50; i++) after.push(await send(url, 'GET', '/api/health'));
    process.stdout.write(`${line('health after the abuse', after, pid)}\n`);
    process.stdout.write(`peak RSS of the server over the whole run: ${memory(pid).peak.toFixed(0)} MiB\n`);
  } finally {
    server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchHttpAbuse();
