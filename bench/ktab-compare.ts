// Side by side with KTAB's smpc: the same CSV inputs, positions turn by turn, the largest difference and where it starts.
// Needs KTAB outside the project: KTAB_SMPC (the smpc binary) and KTAB_DATA (KTAB's examples/smp/doc folder), or
// KTAB_RUNS (a folder of reference runs, <case>.positions.csv with turn,actor,dimension,position). Skips when absent.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseKtabCsv } from '../src/core/bargaining/ktab-csv.js';
import { smpRun, smpSetup } from '../src/core/bargaining/smp.js';

/** The cases compared: KTAB's own example inputs (read from KTAB_DATA) and SOE-Pol-Comp (shipped in data/). */
export const KTAB_CASES = [
  { name: 'dummyData_3Dim', file: 'dummyData_3Dim.csv' },
  { name: 'dummyData_6Dim', file: 'dummyData_6Dim.csv' },
  { name: 'dummyData-a040', file: 'dummyData-a040.csv' },
  { name: 'dummyData-a080', file: 'dummyData-a080.csv' },
  { name: 'SOE-Pol-Comp', file: resolve('data/bargaining/ktab-china-soe-2016/SOE-Pol-Comp.csv') },
];

/**
 * Tolerance on the 0–100 scale. KTAB rounds every bargain position to 1e-4 on its [0, 1] scale (0.01 here) and
 * stores doubles; an implementation doing the same arithmetic in the same order agrees to round-off, so 1e-6 is
 * ample, while a different bargain or a different winner shows up as a jump of 0.01 or (usually) far more.
 */
export const TOLERANCE = 1e-6;

/** smpc's positions by turn: positions[turn][actor][dim] on 0–100. */
export type Positions = number[][][];

/**
 * Runs smpc --logmin on a CSV in a scratch folder and reads the positions it stored (VectorPosition table); `run`, if
 * given, starts smpc instead (to time it), and must throw if smpc fails.
 */
export function runSmpc(
  smpc: string,
  csv: string,
  logger?: string,
  run?: (cmd: string, args: string[], cwd: string) => void,
): { positions: Positions; seconds: number } {
  const dir = mkdtempSync(join(tmpdir(), 'schism-smpc-'));
  try {
    writeFileSync(join(dir, 'smpc-logger.conf'), logger ? readFileSync(logger) : '* GLOBAL:\n    FORMAT = %msg\n    FILENAME = "smpc-log.txt"\n    TO_FILE = true\n    TO_STANDARD_OUTPUT = false\n');
    const args = ['--logmin', '--csv', csv, '--connstr', 'Driver=QSQLITE;Database=run'];
    const t0 = process.hrtime.bigint();
    if (run) run(smpc, args, dir);
    else {
      const r = spawnSync(smpc, args, { cwd: dir, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`smpc failed on ${csv}: ${r.stderr}`);
    }
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const q = spawnSync('sqlite3', ['-csv', join(dir, 'run.db'), 'SELECT Turn_t, Act_i, Dim_k, Pos_Coord FROM VectorPosition ORDER BY Turn_t, Act_i, Dim_k'], { encoding: 'utf8' });
    if (q.status !== 0) throw new Error(`sqlite3 could not read smpc's database: ${q.stderr}`);
    const positions: Positions = [];
    for (const line of q.stdout.trim().split('\n')) {
      const [t, i, d, x] = line.split(',').map(Number);
      ((positions[t] ??= [])[i] ??= [])[d] = x;
    }
    return { positions, seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads a reference run written as turn,actor,dimension,position rows. */
export function readReference(path: string, actors: string[], dims: string[]): Positions {
  const positions: Positions = [];
  for (const line of readFileSync(path, 'utf8').trim().split('\n').slice(1)) {
    const [t, a, d, x] = line.split(',');
    ((positions[Number(t)] ??= [])[actors.indexOf(a)] ??= [])[dims.indexOf(d)] = Number(x);
  }
  return positions;
}

/** Our SMP with KTAB's defaults on a KTAB CSV: positions[turn][actor][dim] on 0–100, and the run's wall and CPU time. */
export function runOurs(csv: string): { positions: Positions; seconds: number; cpu: number; actors: string[]; dims: string[] } {
  const p = parseKtabCsv(readFileSync(csv, 'utf8'), basename(csv));
  const setup = smpSetup(p.actors.map((a) => a.capability), p.salience);
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const run = smpRun(setup, Float64Array.from(p.positions.flatMap((x) => x.map((v) => v / 100))));
  const c = process.cpuUsage(c0);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = (c.user + c.system) / 1e6;
  const D = p.dimensions.length;
  const positions = run.states.map((s) => p.actors.map((_, i) => Array.from({ length: D }, (__, d) => s[i * D + d] * 100)));
  return { positions, seconds, cpu, actors: p.actors.map((a) => a.id), dims: p.dimensions.map((d) => d.id) };
}

/** Compares two runs: states each, the largest difference, and the first turn that differs by more than the tolerance. */
export function compare(ktab: Positions, ours: Positions): { statesKtab: number; statesOurs: number; maxDiff: number; firstOff: number } {
  let maxDiff = 0;
  let firstOff = -1;
  const turns = Math.min(ktab.length, ours.length);
  for (let t = 0; t < turns; t++) {
    ktab[t].forEach((row, i) => row.forEach((x, d) => {
      const diff = Math.abs(x - ours[t][i][d]);
      maxDiff = Math.max(maxDiff, diff);
      if (diff > TOLERANCE && firstOff < 0) firstOff = t;
    }));
  }
  return { statesKtab: ktab.length, statesOurs: ours.length, maxDiff, firstOff };
}

/** Prints the comparison table (markdown) for every case whose inputs are available. */
export function ktabComparison(): string {
  const smpc = process.env.KTAB_SMPC;
  const data = process.env.KTAB_DATA;
  const runs = process.env.KTAB_RUNS;
  if (!runs && !(smpc && data)) return 'KTAB comparison skipped: set KTAB_SMPC and KTAB_DATA (or KTAB_RUNS).\n';
  const lines = ['| case | actors × dims | states smpc / ours | max abs diff (0–100) | first turn off | verdict |', '|---|---|---|---|---|---|'];
  for (const c of KTAB_CASES) {
    const csv = c.file.startsWith('/') ? c.file : join(data ?? '', c.file);
    if (!existsSync(csv)) continue;
    const ours = runOurs(csv);
    let ktab: Positions;
    if (runs) {
      const ref = join(runs, `${c.name}.positions.csv`);
      if (!existsSync(ref)) continue;
      ktab = readReference(ref, ours.actors, ours.dims);
    } else {
      ktab = runSmpc(smpc!, csv, process.env.KTAB_LOGGER).positions;
    }
    const r = compare(ktab, ours.positions);
    const same = r.firstOff < 0 && r.statesKtab === r.statesOurs;
    lines.push(`| ${c.name} | ${ours.actors.length} × ${ours.dims.length} | ${r.statesKtab} / ${r.statesOurs} | ${r.maxDiff.toExponential(1)} | ${r.firstOff < 0 ? '–' : r.firstOff} | ${same ? 'identical within 1e-6' : 'differs'} |`);
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) process.stdout.write(ktabComparison());
