// Rebuilds data/cow-nmc-v6/nmc-v6.csv: the full COW NMC v6 table (CINC and its six components), every state and year 1816-2016.
// Plain Node, no dependencies. Usage: node scripts/build-capabilities.mjs --from ../shared/data/cow-nmc-v6
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromArgument, readCsv, writeCsv } from './data/csv.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const from = resolve(fromArgument('node scripts/build-capabilities.mjs --from ../shared/data/cow-nmc-v6'));
const COLUMNS = ['ccode', 'stateabb', 'year', 'milex', 'milper', 'irst', 'pec', 'tpop', 'upop', 'cinc'];

// Values are copied as COW wrote them (text, so the table is exact and byte-stable); COW's -9 (missing) stays -9.
const rows = readCsv(join(from, 'NMC-60-abridged.csv'))
  .map((r) => COLUMNS.map((c) => r[c]))
  .sort((a, b) => Number(a[0]) - Number(b[0]) || Number(a[2]) - Number(b[2]));
writeCsv(join(root, 'data/cow-nmc-v6/nmc-v6.csv'), COLUMNS, rows);
