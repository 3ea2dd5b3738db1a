// Rebuilds data/democracy-peacesciencer/polity2.csv (COW code, year, Polity2) from the peacesciencer democracy panel, for
// the regime-difference covariate of the cross-case hazard baseline. Plain Node, no dependencies.
// Usage: node scripts/build-democracy.mjs --from path/to/shared/data
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const at = process.argv.indexOf('--from');
if (at < 0 || !process.argv[at + 1]) {
  console.error('usage: node scripts/build-democracy.mjs --from path/to/shared/data (the shipped data/democracy-peacesciencer/polity2.csv is already built)');
  process.exit(2);
}
const source = join(resolve(process.argv[at + 1]), 'democracy-peacesciencer/ccode_democracy.csv');
const lines = readFileSync(source, 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
const header = lines[0].split(',').map((c) => c.replace(/^"(.*)"$/, '$1'));
const [ci, yi, pi] = ['ccode', 'year', 'polity2'].map((c) => header.indexOf(c));
const rows = lines.slice(1).map((l) => l.split(',')).filter((r) => r[pi] !== '' && r[pi] !== 'NA').map((r) => [r[ci], r[yi], r[pi]].join(','));
const out = join(root, 'data/democracy-peacesciencer/polity2.csv');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, ['ccode,year,polity2', ...rows].join('\n') + '\n');
console.log(`wrote ${rows.length} rows to data/democracy-peacesciencer/polity2.csv`);
