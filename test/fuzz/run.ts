// `npm run fuzz`: every target over seeded cases (10,000 each by default; --from splits a run across processes); prints the figures, saves failing cases as fixtures, exits 1 on any.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fuzzTarget } from './fuzz.js';
import { TARGETS } from './targets.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    from: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    target: { type: 'string' },
    'bound-ms': { type: 'string', default: '5000' },
  },
});
const cases = Number(values.cases);
const seed = Number(values.seed);
const bound = Number(values['bound-ms']);
const FIXTURES = 'test/fuzz/fixtures';

const rows: string[] = [];
let failed = 0;
const started = Date.now();
for (const target of TARGETS.filter((t) => !values.target || t.name === values.target)) {
  const t = await fuzzTarget(target, seed, cases, bound, Number(values.from), (p) => process.stderr.write(`  ${p.target}: ${p.cases} cases, ${p.crashes} crashes, ${p.slow} hangs, ${p.unlocated} unlocated, ${p.nan} NaN, slowest ${Math.round(p.slowestMs)} ms CPU\n`));
  rows.push([t.target.padEnd(14), String(t.cases).padStart(7), String(t.valid).padStart(7), String(t.refused).padStart(8), String(t.crashes).padStart(8), String(t.slow).padStart(6), String(t.unlocated).padStart(10), String(t.nan).padStart(5), `${Math.round(t.slowestMs)}`.padStart(14)].join(' '));
  process.stderr.write(`${rows.at(-1)}\n`);
  for (const f of t.failures.slice(0, 5)) {
    mkdirSync(FIXTURES, { recursive: true });
    const file = join(FIXTURES, `${t.target}-s${seed}-${f.index}.${target.ext}`);
    writeFileSync(file, f.input);
    process.stderr.write(`  case ${f.index} (${f.kinds.join(', ')}): ${f.why}; saved as ${file}\n`);
  }
  failed += t.failures.length;
}
process.stdout.write(`fuzz: seed ${seed}, ${cases} cases per target, time bound ${bound} ms of CPU per case, ${Math.round((Date.now() - started) / 1000)} s\n`);
process.stdout.write(`${'target'.padEnd(14)} ${'cases'.padStart(7)} ${'valid'.padStart(7)} ${'refused'.padStart(8)} ${'crashes'.padStart(8)} ${'hangs'.padStart(6)} ${'unlocated'.padStart(10)} ${'NaN'.padStart(5)} ${'slowest CPU ms'.padStart(14)}\n${rows.join('\n')}\n`);
process.exit(failed > 0 ? 1 : 0);
