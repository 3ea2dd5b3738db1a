// Whole-process CPU of short commands as a user runs them (compiled CLI): `schism --version` and `schism validate` of the
// reference scenario, uncached and cached, against `node -e 0` timed in the same rounds. Goals (issue 11): validate
// ≤ 300 ms CPU uncached, ≤ 150 ms cached. SCHISM_BENCH_BASE=/other/checkout adds the same rows for another built
// checkout (e.g. the commit before a change), interleaved in the same rounds.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuild } from './compiled.js';

const ROUNDS = Number(process.env.SCHISM_BENCH_ROUNDS ?? 11);
const SCENARIO = 'scenarios/sino-soviet.yaml';

/** A timed command: what to run, in which checkout, with which environment. */
interface Row {
  label: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/**
 * CPU seconds (user + sys) of one run of `node ARGS`, as bash's `time` reports them for the whole process: the same
 * figure a user gets from `time schism ...`, with no hook loaded into the timed process.
 */
function cpuOf(row: Row): number {
  const r = spawnSync('bash', ['-c', 'TIMEFORMAT="%3U %3S"; time "$@" >/dev/null 2>&1', 'bash', process.execPath, ...row.args], {
    cwd: row.cwd,
    env: { ...process.env, ...row.env },
    encoding: 'utf8',
  });
  const m = /(\d+\.\d+) (\d+\.\d+)\s*$/.exec(r.stderr);
  if (!m) throw new Error(`could not time ${row.label}: ${r.stderr}`);
  return Number(m[1]) + Number(m[2]);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The rows of one checkout: --version, validate uncached (SCHISM_NO_CACHE=1) and cached (a cache of its own, warmed). */
function checkoutRows(name: string, root: string, cache: string): Row[] {
  const cli = join(root, 'bin', 'schism.js');
  const file = join(root, SCENARIO);
  return [
    { label: `${name} schism --version`, args: [cli, '--version'], cwd: root, env: {} },
    { label: `${name} schism validate (uncached)`, args: [cli, 'validate', file], cwd: root, env: { SCHISM_NO_CACHE: '1' } },
    { label: `${name} schism validate (cached)`, args: [cli, 'validate', file], cwd: root, env: { XDG_CACHE_HOME: cache } },
  ];
}

/** Prints the median CPU of each command over interleaved rounds, and its median ratio to `node -e 0` in the same round. */
export async function benchStartUp(): Promise<void> {
  ensureBuild();
  const cache = mkdtempSync(join(tmpdir(), 'schism-bench-cache-'));
  try {
    const rows: Row[] = [{ label: 'node -e 0', args: ['-e', '0'], cwd: '.', env: {} }, ...checkoutRows('this', resolve('.'), join(cache, 'this'))];
    const base = process.env.SCHISM_BENCH_BASE;
    if (base) {
      // The other checkout judges its own build: what makes one complete changes between commits.
      const other = (await import(pathToFileURL(join(resolve(base), 'scripts', 'build-state.mjs')).href)) as { buildIsCurrent: (root: string) => boolean };
      if (!other.buildIsCurrent(resolve(base))) throw new Error(`${base} has no current build: run npm run build there first`);
      rows.push(...checkoutRows('base', resolve(base), join(cache, 'base')));
    }
    // Warm each cache, and check that every command runs.
    for (const row of rows) {
      const r = spawnSync(process.execPath, row.args, { cwd: row.cwd, env: { ...process.env, ...row.env }, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${row.label} failed: ${r.stderr}`);
    }
    const load = loadavg();
    const times: number[][] = rows.map(() => []);
    for (let round = 0; round < ROUNDS; round++) for (const [i, row] of rows.entries()) times[i].push(cpuOf(row));
    const after = loadavg();
    const ratios = times.map((t) => median(t.map((x, round) => x / times[0][round])));
    process.stdout.write(
      `whole-process CPU (user+sys, bash time), median of ${ROUNDS} interleaved rounds; ${SCENARIO}; ` +
        `load average ${load.map((l) => l.toFixed(2)).join(' ')} before, ${after.map((l) => l.toFixed(2)).join(' ')} after\n`,
    );
    process.stdout.write(`${'command'.padEnd(40)} ${'CPU ms'.padStart(8)} ${'× node -e 0'.padStart(12)}\n`);
    for (const [i, row] of rows.entries()) {
      process.stdout.write(`${row.label.padEnd(40)} ${(median(times[i]) * 1000).toFixed(0).padStart(8)} ${ratios[i].toFixed(2).padStart(12)}\n`);
    }
    process.stdout.write('goals: validate ≤ 300 ms CPU uncached, ≤ 150 ms cached; --version ≤ 100 ms\n');
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}
