// Rebuilds the data `schism init` and `schism record` read for any pair of states: COW state names, ATOP and COW alliances,
// Maoz dyadic MIDs, MIE events, Thompson rivalries and the COPDAB monthly series, each under data/<dataset>/.
// Plain Node, no dependencies. Usage: node scripts/build-pair-data.mjs --from ../shared/data
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromArgument, readCsv, writeCsv } from './data/csv.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const from = resolve(fromArgument('node scripts/build-pair-data.mjs --from ../shared/data'));
const input = (rel) => readCsv(join(from, rel));
const output = (rel, header, rows) => writeCsv(join(root, 'data', rel), header, rows);
const pad = (n) => String(n).padStart(2, '0');
const byNumbers = (a, b) => {
  for (let i = 0; i < a.length; i++) {
    const d = Number(a[i]) - Number(b[i]);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return 0;
};
/** A dyad written once, lower COW code first. */
const undirected = (c1, c2) => (Number(c1) <= Number(c2) ? [c1, c2] : [c2, c1]);

// COW state system: one row per spell of membership (a state may leave and re-enter).
output('cow-state-system-2016/states.csv', ['ccode', 'stateabb', 'statenme', 'styear', 'stmonth', 'stday', 'endyear', 'endmonth', 'endday'],
  input('cow-state-system-2016/states2016.csv')
    .map((r) => [r.ccode, r.stateabb, r.statenme, r.styear, r.stmonth, r.stday, r.endyear, r.endmonth, r.endday])
    .sort(byNumbers));

// ATOP v4.01 member level: each state's entry into and exit from each treaty (exit empty = still in force when ATOP ends).
output('atop-v4.01/members.csv', ['atopid', 'member', 'entered', 'exited', 'defense', 'offense', 'neutral', 'nonagg', 'consul'],
  input('atop-v4.01/atop-member-level.csv')
    .map((r) => [r.atopid, r.member, `${r.yrent}-${pad(r.moent)}-${pad(r.dayent)}`,
      r.yrexit === '0' ? '' : `${r.yrexit}-${pad(r.moexit)}-${pad(r.dayexit)}`, r.defense, r.offense, r.neutral, r.nonagg, r.consul])
    .sort(byNumbers));

/** Folds directed dyad-years into undirected spells: consecutive years of one dyad with the same pledge indicators. */
function spells(rows, pledges) {
  // A pledge may be one-sided (ATOP is directed), so the undirected dyad-year holds a pledge made in either direction.
  const dyadYears = new Map();
  for (const r of rows) {
    const key = undirected(r.ccode1, r.ccode2).join(',');
    if (!dyadYears.has(key)) dyadYears.set(key, new Map());
    const byYear = dyadYears.get(key);
    const held = byYear.get(Number(r.year)) ?? pledges.map(() => 0);
    byYear.set(Number(r.year), held.map((v, i) => (r[pledges[i]] === '1' ? 1 : v)));
  }
  const out = [];
  for (const [key, byYear] of dyadYears) {
    const list = [...byYear].map(([year, held]) => [year, held.join(',')]).sort((a, b) => a[0] - b[0]);
    let start = list[0];
    let last = list[0];
    for (const y of [...list.slice(1), null]) {
      if (y && y[0] === last[0] + 1 && y[1] === start[1]) { last = y; continue; }
      out.push([...key.split(','), start[0], last[0], ...start[1].split(',')]);
      if (y) { start = y; last = y; }
    }
  }
  return out.sort(byNumbers);
}
const ATOP = ['atop_defense', 'atop_offense', 'atop_neutral', 'atop_nonagg', 'atop_consul'];
output('atop-v5.1/dyad-spells.csv', ['ccode1', 'ccode2', 'first', 'last', 'defense', 'offense', 'neutral', 'nonagg', 'consul'],
  spells(input('atop-v5.1-dyad-year/atop_alliance.csv'), ATOP));
const COW = ['cow_defense', 'cow_neutral', 'cow_nonagg', 'cow_entente'];
output('cow-alliances-v4.1/dyad-spells.csv', ['ccode1', 'ccode2', 'first', 'last', 'defense', 'neutral', 'nonagg', 'entente'],
  spells(input('cow-alliances-v4.1-dyad-year/cow_alliance.csv'), COW));

// Maoz dyadic MIDs v3.1: one row per dispute and dyad (the source repeats it per year and per direction), with the dyad's dates.
{
  const seen = new Map();
  for (const r of input('maoz-dyadic-mid-v3.1/dyadic MIDs 3.1.csv')) {
    const flip = Number(r.statea) > Number(r.stateb);
    const [c1, c2] = undirected(r.statea, r.stateb);
    const key = `${r.disno},${c1},${c2}`;
    const row = [r.disno, c1, c2, r.strtyr, r.strtmnth, r.strtday, r.endyear, r.endmnth, r.endday, r.hihost,
      flip ? r.hihostb : r.hihosta, flip ? r.hihosta : r.hihostb, r.highact, r.fatlev, r.war];
    const prev = seen.get(key);
    // The dyad's dates are the same on every row; keep the highest hostility, action, fatality and war flag over its years.
    if (prev) for (const i of [9, 10, 11, 12, 13, 14]) prev[i] = String(Math.max(Number(prev[i]), Number(row[i])));
    else seen.set(key, row);
  }
  output('maoz-dyadic-mid-v3.1/dyad-disputes.csv',
    ['disno', 'ccode1', 'ccode2', 'styear', 'stmon', 'stday', 'endyear', 'endmon', 'endday', 'hihost', 'hihost1', 'hihost2', 'highact', 'fatlev', 'war'],
    [...seen.values()].sort((a, b) => byNumbers([a[3], a[4], a[5], a[0], a[1], a[2]], [b[3], b[4], b[5], b[0], b[1], b[2]])));
}

// MIE v1.0: every directed event (ccode1 acts against ccode2), unknown day or month kept as -9.
output('mie-v1.0/events.csv',
  ['micnum', 'eventnum', 'ccode1', 'ccode2', 'styear', 'stmon', 'stday', 'endyear', 'endmon', 'endday', 'action', 'hostlev', 'fatalmin1', 'fatalmax1', 'fatalmin2', 'fatalmax2'],
  input('mie-v1.0/mie-1.0.csv')
    .map((r) => [r.micnum, r.eventnum, r.ccode1, r.ccode2, r.styear, r.stmon, r.stday, r.endyear, r.endmon, r.endday, r.action, r.hostlev, r.fatalmin1, r.fatalmax1, r.fatalmin2, r.fatalmax2])
    .sort((a, b) => byNumbers([a[4], a[5], a[6], a[0], a[1]], [b[4], b[5], b[6], b[0], b[1]])));

// Thompson & Dreyer (2012) and Thompson, Sakuwa & Suhas (2021): every strategic rivalry, one dyad per row.
{
  const td = input('rivalries-thompson/td_rivalries.csv')
    .map((r) => ['td2012', r.rivalryno, r.rivalryname, ...undirected(r.ccode1, r.ccode2), r.styear, r.endyear, [r.type1, r.type2, r.type3].filter(Boolean).join(' ')]);
  const tss = input('rivalries-thompson/tss_rivalries.csv')
    .map((r) => ['tss2021', r.tssr_id, r.rivalry, ...undirected(r.ccode1, r.ccode2), r.start, r.end,
      ['positional', 'spatial', 'ideological', 'interventionary'].filter((t) => r[t] === '1').join(' ')]);
  output('rivalries-thompson/rivalries.csv', ['source', 'id', 'name', 'ccode1', 'ccode2', 'start', 'end', 'types'], [...td, ...tss]);
}

// COPDAB monthly series (Lebo & Moore 2003): one row per month and directed dyad, with COW codes; ym is YYMM of the 1900s.
{
  const CODES = { eg: 651, is: 666, us: 2, ussr: 365, fra: 220 };
  const rows = [];
  for (const r of input('copdab-lebo-moore/exCopdab.csv')) {
    const ym = Number(r.ym);
    for (const [column, value] of Object.entries(r)) {
      const m = /^([a-z]+)2([a-z]+)$/.exec(column);
      if (!m || !(m[1] in CODES) || !(m[2] in CODES) || value === '' || value === 'NA') continue;
      rows.push([`19${pad(Math.floor(ym / 100))}-${pad(ym % 100)}`, CODES[m[1]], CODES[m[2]], value]);
    }
  }
  output('copdab-lebo-moore/monthly.csv', ['month', 'from', 'to', 'value'], rows.sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1] || a[2] - b[2]));
}
