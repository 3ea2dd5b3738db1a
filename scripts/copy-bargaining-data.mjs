// Copies the published bargaining cases from ../shared/data/bargaining into data/bargaining, each with its SOURCE.md and checksums.
// Run from the repository root: node scripts/copy-bargaining-data.mjs
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FROM = '../shared/data/bargaining';
const TO = 'data/bargaining';
// The input files the tests and docs use; the KAPSARC spreadsheet stays out.
const CASES = {
  'bdm1994-ec-car-emissions': ['actors.csv', 'scholz_replication_trajectory_IMPLEMENTATION_OUTPUT.csv'],
  'bdm1998-cold-war-1948': ['actors_transcribed_rescaled.csv'],
  'bdm2002-china-democratization': ['actors_masad.csv', 'actors_williams.csv'],
  'iran-2013-presidential-election': ['actors.csv'],
  'ktab-china-soe-2016': ['SOE-Pol-Comp.csv', 'SOE-Policy.csv', 'SOE-Competitive.csv', 'ktab_ref_run_SOE-Pol-Comp_2017-05-30_EXCERPT.txt'],
  'saudi-oil-price-bdm1997-candidate': ['actors_mckibben_Sultan.csv', 'actors_farago_oil_price.csv'],
  'unfccc-cop21-paris-2015-candidate': ['cop21_decide_format.tsv'],
};

for (const [name, files] of Object.entries(CASES)) {
  mkdirSync(join(TO, name), { recursive: true });
  const sums = [];
  for (const f of files) {
    copyFileSync(join(FROM, name, f), join(TO, name, f));
    sums.push(`- \`${f}\`: SHA-256 \`${createHash('sha256').update(readFileSync(join(TO, name, f))).digest('hex')}\``);
  }
  const source = readFileSync(join(FROM, name, 'SOURCE.md'), 'utf8').trimEnd();
  const note = [
    '', '', '## In schism', '',
    `Byte-identical copies of \`../shared/data/bargaining/${name}/\` (the text above is that folder's SOURCE.md, unchanged),`,
    'rebuilt by `node scripts/copy-bargaining-data.mjs` from the repository root. Files copied:', '', ...sums, '',
    'What schism reproduces from this case, and what it misses, is in `docs/bargaining.md`.', '',
  ].join('\n');
  writeFileSync(join(TO, name, 'SOURCE.md'), source + note);
}
