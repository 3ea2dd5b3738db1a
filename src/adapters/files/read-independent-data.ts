// Loads the independent series (COPDAB, MIE, rivalries, ATOP, COW alliances) that scripts/build-independent-series.mjs wrote into data/.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { IndependentData } from '../../core/analysis/record/independent.js';
import { packageRoot } from './package-root.js';

/** The repository's data/ folder, where the shipped series live. */
export const DEFAULT_DATA_DIR = join(packageRoot(), 'data');

/** The files read, relative to the data folder. */
export const INDEPENDENT_FILES = {
  copdab: 'copdab-lebo-moore/us-ussr-monthly.csv',
  mie: 'mie-v1.0/ussr-china-1945-1975.csv',
  rivalries: 'rivalries-thompson/triangle-rivalries.csv',
  treaties: 'atop-v4.01/sino-soviet-treaties.csv',
  cowAlliance: 'cow-alliances-v4.1/ussr-china-1945-1980.csv',
} as const;

async function rows(dir: string, rel: string): Promise<Record<string, string>[] | undefined> {
  try {
    return parse(await readFile(join(dir, rel), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * Reads whichever independent series exist under `dir`; a missing file leaves its part out (its check is then skipped).
 * @example const data = await loadIndependentData(DEFAULT_DATA_DIR);
 */
export async function loadIndependentData(dir: string = DEFAULT_DATA_DIR): Promise<{ data: IndependentData; found: string[] }> {
  const f = INDEPENDENT_FILES;
  const [copdab, mie, rivalries, treaties, cow] = await Promise.all([f.copdab, f.mie, f.rivalries, f.treaties, f.cowAlliance].map((p) => rows(dir, p)));
  const n = Number;
  const data: IndependentData = {
    copdab: copdab?.map((r) => ({ month: r.month, usToUssr: n(r.us_to_ussr), ussrToUs: n(r.ussr_to_us) })),
    mie: mie?.map((r) => ({ micnum: n(r.micnum), year: n(r.styear), month: n(r.stmon), ccode1: n(r.ccode1), ccode2: n(r.ccode2), action: n(r.action), hostlev: n(r.hostlev) })),
    rivalries: rivalries?.map((r) => ({ source: r.source, name: r.name, ccode1: n(r.ccode1), ccode2: n(r.ccode2), start: n(r.start), end: n(r.end) })),
    treaties: treaties?.map((r) => ({ source: r.source, atopid: n(r.atopid), member: n(r.member), entered: r.entered, exited: r.exited })),
    cowAlliance: cow?.map((r) => ({ year: n(r.year), defense: n(r.defense) })),
  };
  const found = Object.entries(f).filter(([k]) => data[k as keyof IndependentData] !== undefined).map(([, p]) => p);
  return { data, found };
}
