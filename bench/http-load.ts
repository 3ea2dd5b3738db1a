// HTTP load benchmark: starts `schism serve` on loopback, drives it with autocannon (bounded in requests and seconds),
// and reports throughput and p99 latency per endpoint, the server's memory before and after, and that it survives bad bodies.
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

/** Seconds and requests that bound every phase: whichever comes first ends it. */
const PHASE = { seconds: 6, requests: 3000, connections: 8 };

interface Phase {
  what: string;
  path: string;
  method?: 'GET' | 'POST';
  body?: string;
  requests?: autocannon.Request[];
  headers?: Record<string, string>;
  /** Fewer requests for heavy phases. */
  requestsCap?: number;
}

/** Resident memory of a process in MiB (from ps, so it covers the server's worker threads too). */
function rssMiB(pid: number): number {
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
}

/** Starts the server as a child process on 127.0.0.1 with a free port and resolves with its address. */
export async function startServer(): Promise<{ url: string; pid: number; stop: () => void; exited: () => boolean }> {
  const env = { ...process.env };
  delete env.HOST;
  delete env.PORT;
  const child = spawn(process.execPath, ['bin/schism.js', 'serve', '--host', '127.0.0.1', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  // Loopback only: refuse to load anything that is not 127.0.0.1.
  if (!url.startsWith('http://127.0.0.1:')) throw new Error(`refusing to load ${url}: not loopback`);
  return { url, pid: child.pid!, stop: () => child.kill('SIGTERM'), exited: () => exited };
}

async function drive(base: string, p: Phase): Promise<autocannon.Result> {
  return autocannon({
    url: new URL(p.path, base).href,
    method: p.method ?? 'POST',
    headers: p.headers ?? { 'content-type': 'application/json' },
    body: p.body,
    requests: p.requests,
    connections: PHASE.connections,
    duration: PHASE.seconds,
    maxOverallRequests: p.requestsCap ?? PHASE.requests,
    timeout: 30,
  });
}

/** Runs the phases and prints a table of throughput, median and p99 latency, non-2xx responses and memory. */
export async function benchHttp(): Promise<void> {
  const text = readFileSync('scenarios/sino-soviet.yaml', 'utf8');
  const server = await startServer();
  const json = { 'content-type': 'application/json' };
  try {
    // Warm the workers so that the first phase does not measure start-up.
    for (let i = 0; i < 8; i++) await fetch(new URL('/api/run', server.url), { method: 'POST', headers: json, body: JSON.stringify({ name: 'sino-soviet', series: false }) });
    const rssBefore = rssMiB(server.pid);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      if (!server.exited()) rssPeak = Math.max(rssPeak, rssMiB(server.pid));
    }, 250);

    let distinct = 0;
    const oversized = JSON.stringify({ scenario: 'x'.repeat(1536 * 1024) });
    const malformed: Phase = {
      what: 'malformed and oversized bodies, mixed',
      path: '/api/run',
      requestsCap: 600,
      requests: [
        { method: 'POST', path: '/api/run', headers: json, body: '{"name": "sino-soviet",' },
        { method: 'POST', path: '/api/run', headers: json, body: JSON.stringify({ name: 'sino-soviet', seed: 'x' }) },
        { method: 'POST', path: '/api/validate', headers: { 'content-type': 'text/plain' }, body: 'schism: 1' },
        { method: 'POST', path: '/api/run', headers: json, body: JSON.stringify({ scenario: 'schism: 1\nmeta: {}\n' }) },
        { method: 'POST', path: '/api/ensembles', headers: json, body: JSON.stringify({ name: 'sino-soviet', runs: 10_000_000 }) },
        { method: 'GET', path: '/api/scenarios/..%2f..%2fetc%2fpasswd' },
        { method: 'POST', path: '/api/validate', headers: json, body: oversized },
      ],
    };
    const phases: Phase[] = [
      { what: 'GET /api/health (baseline, no compute)', path: '/api/health', method: 'GET' },
      { what: 'POST /api/validate (same text: parse cached)', path: '/api/validate', body: JSON.stringify({ scenario: text }) },
      {
        what: 'POST /api/validate (a new text each time)',
        path: '/api/validate',
        requestsCap: 1000,
        requests: [
          {
            method: 'POST',
            path: '/api/validate',
            headers: json,
            // A distinct trailing comment per request defeats the parse cache, so this measures YAML parsing and checking.
            setupRequest: (req) => ({ ...req, body: JSON.stringify({ scenario: `${text}\n# request ${++distinct}\n` }) }),
          },
        ],
      },
      { what: 'POST /api/run (reference, summary only)', path: '/api/run', body: JSON.stringify({ name: 'sino-soviet', series: false }) },
      { what: 'POST /api/run (reference text, with series)', path: '/api/run', body: JSON.stringify({ scenario: text }), requestsCap: 1000 },
      { what: 'POST /api/ensembles (100 runs, accepted)', path: '/api/ensembles', body: JSON.stringify({ name: 'sino-soviet', runs: 100 }), requestsCap: 200 },
      malformed,
      { ...malformed, what: 'the same again (memory should level off)' },
      { ...malformed, what: 'and again' },
    ];
    const rows: string[] = [];
    let baseline = 0;
    for (const p of phases) {
      // Let requests abandoned at the end of the last phase finish, so that they do not count against this one.
      await new Promise((r) => setTimeout(r, 2000));
      const r = await drive(server.url, p);
      const rss = rssMiB(server.pid);
      const rate = r.requests.total / r.duration;
      if (!baseline) baseline = rate;
      const codes = Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => `${code}:${(s as { count: number }).count}`).join(' ');
      rows.push(
        `${p.what.padEnd(46)} ${String(r.requests.total).padStart(6)} ${rate.toFixed(0).padStart(7)} ${(rate / baseline).toFixed(3).padStart(7)} ${r.latency.p50.toFixed(1).padStart(8)} ${r.latency.p99.toFixed(1).padStart(8)} ${rss.toFixed(0).padStart(8)}   ${codes}${r.errors ? ` errors:${r.errors}` : ''}${r.timeouts ? ` timeouts:${r.timeouts}` : ''}`,
      );
    }
    clearInterval(sampler);
    const health = await fetch(new URL('/api/health', server.url));
    const rssAfter = rssMiB(server.pid);
    process.stdout.write(`server ${server.url} (loopback), ${PHASE.connections} connections, each phase at most ${PHASE.seconds} s and ${PHASE.requests} requests\n`);
    process.stdout.write(`${'phase'.padEnd(46)} ${'reqs'.padStart(6)} ${'req/s'.padStart(7)} ${'×base'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'RSS MiB'.padStart(8)}   status codes\n`);
    for (const row of rows) process.stdout.write(`${row}\n`);
    process.stdout.write(`server RSS: ${rssBefore.toFixed(0)} MiB before, ${rssPeak.toFixed(0)} MiB peak, ${rssAfter.toFixed(0)} MiB after\n`);
    process.stdout.write(`after the malformed phase: server ${server.exited() ? 'EXITED' : 'alive'}, GET /api/health ${health.status}\n`);
    process.stdout.write('429s are the per-client limits (8 requests in flight and 2 unfinished ensemble jobs per address; every connection here is 127.0.0.1).\n');
  } finally {
    server.stop();
  }
}
