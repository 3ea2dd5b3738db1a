// Loads the committed state and dyad datasets (COW states and NMC, ATOP, COW alliances, MIDs, MIE, rivalries, COPDAB) from data/.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { PartialDay, StateData } from '../../core/datasets/state-data.js';
import { packageRoot } from './package-root.js';

/** The shipped data/ folder of the package. */
export const DATA_DIR = join(packageRoot(), 'data');

/** The files read, relative to the data folder. */
export const STATE_DATA_FILES = {
  states: 'cow-state-system-2016/states.csv',
  capabilities: 'cow-nmc-v6/nmc-v6.csv',
  treaties: 'atop-v4.01/members.csv',
  atopSpells: 'atop-v5.1/dyad-spells.csv',
  cowSpells: 'cow-alliances-v4.1/dyad-spells.csv',
  disputes: 'maoz-dyadic-mid-v3.1/dyad-disputes.csv',
  events: 'mie-v1.0/events.csv',
  rivalries: 'rivalries-thompson/rivalries.csv',
  copdab: 'copdab-lebo-moore/monthly.csv',
} as const;

type Part = keyof typeof STATE_DATA_FILES;

/** The parts the record is checked against (everything but the state list and capabilities). */
export const INDEPENDENT_PARTS: Part[] = ['treaties', 'atopSpells', 'cowSpells', 'disputes', 'events', 'rivalries', 'copdab'];
type Row = Record<string, string>;

async function rows(dir: string, rel: string): Promise<Row[] | undefined> {
  try {
    return parse(await readFile(join(dir, rel), 'utf8'), { columns: true, skip_empty_lines: true }) as Row[];
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

const n = Number;
/** COW's -9 (and an empty cell) is missing, never a number. */
const orNull = (v: string) => (v === '' || v === '-9' ? null : Number(v));
const day = (y: string, m: string, d: string): PartialDay => ({ year: n(y), month: Math.max(0, n(m)), day: Math.max(0, n(d)) });
const pledgesOf = (r: Row, names: string[]) => names.filter((p) => r[p] === '1');
const ATOP_PLEDGES = ['defense', 'offense', 'neutral', 'nonagg', 'consul'];
const COW_PLEDGES = ['defense', 'neutral', 'nonagg', 'entente'];

/**
 * Reads the parts asked for (all by default) from `dir`; a missing file leaves its part out, and `found` lists what was read.
 * @example const { data } = await loadStateData(DATA_DIR, ['states', 'capabilities']);
 */
export async function loadStateData(dir: string = DATA_DIR, parts: Part[] = Object.keys(STATE_DATA_FILES) as Part[]): Promise<{ data: StateData; found: string[] }> {
  const read = async (p: Part) => (parts.includes(p) ? rows(dir, STATE_DATA_FILES[p]) : undefined);
  const [states, capabilities, treaties, atopSpells, cowSpells, disputes, events, rivalries, copdab] = await Promise.all(
    (Object.keys(STATE_DATA_FILES) as Part[]).map(read),
  );
  const spells = atopSpells || cowSpells
    ? [
        ...(atopSpells ?? []).map((r) => ({ source: 'atop-5.1' as const, ccode1: n(r.ccode1), ccode2: n(r.ccode2), first: n(r.first), last: n(r.last), pledges: pledgesOf(r, ATOP_PLEDGES) })),
        ...(cowSpells ?? []).map((r) => ({ source: 'cow-4.1' as const, ccode1: n(r.ccode1), ccode2: n(r.ccode2), first: n(r.first), last: n(r.last), pledges: pledgesOf(r, COW_PLEDGES) })),
      ]
    : undefined;
  const pad = (v: string) => v.padStart(2, '0');
  const data: StateData = {
    states: states?.map((r) => ({ ccode: n(r.ccode), abb: r.stateabb, name: r.statenme, start: `${r.styear}-${pad(r.stmonth)}-${pad(r.stday)}`, end: `${r.endyear}-${pad(r.endmonth)}-${pad(r.endday)}` })),
    capabilities: capabilities?.map((r) => ({ ccode: n(r.ccode), year: n(r.year), cinc: orNull(r.cinc), milex: orNull(r.milex), milper: orNull(r.milper) })),
    treaties: treaties?.map((r) => ({ atopid: n(r.atopid), member: n(r.member), entered: r.entered, exited: r.exited, pledges: pledgesOf(r, ATOP_PLEDGES) })),
    allianceSpells: spells,
    disputes: disputes?.map((r) => ({
      disno: n(r.disno), ccode1: n(r.ccode1), ccode2: n(r.ccode2), start: day(r.styear, r.stmon, r.stday), end: day(r.endyear, r.endmon, r.endday),
      hostility: n(r.hihost), hostility1: n(r.hihost1), hostility2: n(r.hihost2), war: r.war === '1',
    })),
    events: events?.map((r) => ({ micnum: n(r.micnum), ccode1: n(r.ccode1), ccode2: n(r.ccode2), start: day(r.styear, r.stmon, r.stday), action: n(r.action), hostility: n(r.hostlev) })),
    rivalries: rivalries?.map((r) => ({ source: r.source, id: r.id, name: r.name, ccode1: n(r.ccode1), ccode2: n(r.ccode2), start: n(r.start), end: n(r.end) })),
    copdab: copdab?.map((r) => ({ month: r.month, from: n(r.from), to: n(r.to), value: n(r.value) })),
  };
  const got = { states, capabilities, treaties, atopSpells, cowSpells, disputes, events, rivalries, copdab };
  const found = (Object.keys(STATE_DATA_FILES) as Part[]).filter((p) => got[p] !== undefined).map((p) => STATE_DATA_FILES[p]);
  return { data, found };
}

/** The WEIS -> Goldstein (1992) table shipped in data/weis-goldstein, or undefined when the file is absent. */
export async function loadGoldsteinTable(dir: string = DATA_DIR): Promise<Map<string, number> | undefined> {
  const table = await rows(dir, 'weis-goldstein/weis_goldstein_scale.csv');
  return table && new Map(table.map((r) => [r.weis_code, Number(r.goldstein)]));
}
