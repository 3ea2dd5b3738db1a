// Rebuilds the independent series the record is checked against: COPDAB US<->USSR monthly scores, MIE USSR-China events,
// Thompson strategic rivalries of the US-USSR-China triangle, and the formal Sino-Soviet alliance years (ATOP, COW).
// Plain Node, no dependencies. Usage: node scripts/build-independent-series.mjs [path/to/shared/data]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, process.argv[2] ?? '../shared/data');
const TRIANGLE = [2, 365, 710];

/** Splits a simple CSV (no embedded commas or newlines inside quotes, as these files are) into rows of unquoted cells. */
function readCsv(path) {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  const cells = (l) => l.split(',').map((c) => c.replace(/^"(.*)"$/, '$1'));
  const header = cells(lines[0]);
  return lines.slice(1).map((l) => Object.fromEntries(cells(l).map((c, i) => [header[i], c])));
}

function write(rel, header, rows) {
  const path = join(root, 'data', rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n');
  console.log(`wrote ${rows.length} rows to data/${rel}`);
}

const pad = (n) => String(n).padStart(2, '0');

// COPDAB (Lebo & Moore 2003 series): ym is YYMM of the 1900s; values copied as text.
{
  const rows = readCsv(join(shared, 'copdab-lebo-moore/exCopdab.csv')).map((r) => {
    const ym = Number(r.ym);
    return [`19${pad(Math.floor(ym / 100))}-${pad(ym % 100)}`, r.us2ussr, r.ussr2us];
  });
  write('copdab-lebo-moore/us-ussr-monthly.csv', ['month', 'us_to_ussr', 'ussr_to_us'], rows);
}

// MIE v1.0: every event between the USSR (365) and China (710), 1945-1975; unknown day or month stays -9.
{
  const rows = readCsv(join(shared, 'mie-v1.0/mie-1.0.csv'))
    .filter((r) => [r.ccode1, r.ccode2].sort().join() === '365,710' && Number(r.styear) >= 1945 && Number(r.styear) <= 1975)
    .map((r) => [r.micnum, r.eventnum, r.ccode1, r.ccode2, r.styear, r.stmon, r.stday, r.endyear, r.endmon, r.endday, r.action, r.hostlev, r.fatalmin1, r.fatalmax1, r.fatalmin2, r.fatalmax2])
    .sort((a, b) => Number(a[4]) - Number(b[4]) || Number(a[5]) - Number(b[5]) || Number(a[6]) - Number(b[6]) || Number(a[0]) - Number(b[0]) || Number(a[1]) - Number(b[1]));
  write('mie-v1.0/ussr-china-1945-1975.csv', ['micnum', 'eventnum', 'ccode1', 'ccode2', 'styear', 'stmon', 'stday', 'endyear', 'endmon', 'endday', 'action', 'hostlev', 'fatalmin1', 'fatalmax1', 'fatalmin2', 'fatalmax2'], rows);
}

// Thompson & Dreyer (2012) and Thompson, Sakuwa & Suhas (2021): rivalries among the US, USSR/Russia and China.
{
  const td = readCsv(join(shared, 'rivalries-thompson/td_rivalries.csv'))
    .filter((r) => TRIANGLE.includes(Number(r.ccode1)) && TRIANGLE.includes(Number(r.ccode2)))
    .map((r) => ['td2012', r.rivalryno, `"${r.rivalryname}"`, r.ccode1, r.ccode2, r.styear, r.endyear, [r.type1, r.type2, r.type3].filter(Boolean).join(' ')]);
  const tss = readCsv(join(shared, 'rivalries-thompson/tss_rivalries.csv'))
    .filter((r) => TRIANGLE.includes(Number(r.ccode1)) && TRIANGLE.includes(Number(r.ccode2)))
    .map((r) => ['tss2021', r.tssr_id, `"${r.rivalry}"`, r.ccode1, r.ccode2, r.start, r.end, ['positional', 'spatial', 'ideological', 'interventionary'].filter((t) => r[t] === '1').join(' ')]);
  write('rivalries-thompson/triangle-rivalries.csv', ['source', 'id', 'name', 'ccode1', 'ccode2', 'start', 'end', 'types'], [...td, ...tss]);
}

// Formal alliances: ATOP v4.01 member rows of the USSR-China treaties (3030: 1945 with the ROC; 3200: 1950 with the PRC),
// and COW v4.1 (peacesciencer dyad-years) indicators for 365->710, 1945-1980.
{
  const atop = readCsv(join(shared, 'atop-v4.01/atop-member-level.csv'))
    .filter((r) => ['3030', '3200'].includes(r.atopid) && ['365', '710'].includes(r.member))
    .map((r) => ['atop-4.01', r.atopid, r.member, `${r.yrent}-${pad(r.moent)}-${pad(r.dayent)}`, r.yrexit === '0' ? '' : `${r.yrexit}-${pad(r.moexit)}-${pad(r.dayexit)}`, r.defense, r.nonagg, r.consul]);
  write('atop-v4.01/sino-soviet-treaties.csv', ['source', 'atopid', 'member', 'entered', 'exited', 'defense', 'nonagg', 'consul'], atop);
  const cow = readCsv(join(shared, 'cow-alliances-v4.1-dyad-year/cow_alliance.csv'))
    .filter((r) => r.ccode1 === '365' && r.ccode2 === '710' && Number(r.year) >= 1945 && Number(r.year) <= 1980)
    .map((r) => [r.year, r.cow_defense, r.cow_neutral, r.cow_nonagg, r.cow_entente])
    .sort((a, b) => Number(a[0]) - Number(b[0]));
  write('cow-alliances-v4.1/ussr-china-1945-1980.csv', ['year', 'defense', 'neutral', 'nonagg', 'entente'], cow);
}
