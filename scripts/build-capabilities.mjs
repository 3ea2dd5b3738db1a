// Rebuilds data/cow-nmc-v6/cinc-1945-1972.csv: the COW NMC v6 CINC of the states the Sino-Soviet scenario uses, 1945-1972.
// Plain Node, no dependencies. Usage: node scripts/build-capabilities.mjs [path/to/NMC-60-abridged.csv]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const input = resolve(root, process.argv[2] ?? '../shared/data/cow-nmc-v6/NMC-60-abridged.csv');
const output = join(root, 'data/cow-nmc-v6/cinc-1945-1972.csv');

// The states scenarios/sino-soviet.yaml uses: USA, USSR, China (ROC to 1948, PRC from 1949), Taiwan (ROC from 1949), North Korea.
const STATES = [2, 365, 710, 713, 731];
const FIRST = 1945;
const LAST = 1972;
const MISSING = '-9';

const lines = readFileSync(input, 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
const header = lines[0].split(',');
const col = (name) => {
  const i = header.indexOf(name);
  if (i < 0) throw new Error(`${input}: no column "${name}"`);
  return i;
};
const [iAbb, iCode, iYear, iCinc] = ['stateabb', 'ccode', 'year', 'cinc'].map(col);

const rows = [];
for (const line of lines.slice(1)) {
  const f = line.split(',');
  const ccode = Number(f[iCode]);
  const year = Number(f[iYear]);
  if (!STATES.includes(ccode) || year < FIRST || year > LAST) continue;
  // A missing CINC is left out rather than written as a number: the scenario then says how it fills the gap.
  if (f[iCinc] === MISSING) continue;
  rows.push({ ccode, stateabb: f[iAbb], year, cinc: f[iCinc] });
}
rows.sort((a, b) => a.ccode - b.ccode || a.year - b.year);

// The CINC text is copied as COW wrote it, so the slice is byte-stable and exact.
const text = ['ccode,stateabb,year,cinc', ...rows.map((r) => `${r.ccode},${r.stateabb},${r.year},${r.cinc}`)].join('\n') + '\n';
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, text);
console.log(`wrote ${rows.length} state-years to ${output}`);
