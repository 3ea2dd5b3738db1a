// `npm run bench`: runs every benchmark in turn and prints its table. Benchmarks never run in the tests.
// Pass names to run only some: `npm run bench -- engine` (`ktab-speed`: only the comparison with KTAB's smpc).
// Opt-in benchmarks (cases, instructions) run only when named.
import { benchBargaining } from './bargaining.js';
import { benchBrowser } from './browser.js';
import { benchCases } from './cases.js';
import { benchEditor } from './editor.js';
import { benchEngine } from './engine.js';
import { benchEnsemble } from './ensemble.js';
import { benchFit } from './fit.js';
import { benchHttpAbuse } from './http-abuse.js';
import { benchHttp } from './http-load.js';
import { benchInstructions } from './instructions.js';
import { ktabComparison } from './ktab-compare.js';
import { benchKtabSpeed } from './ktab-speed.js';
import { benchStartUp } from './start-up.js';

const BENCHES: Record<string, () => Promise<void>> = {
  'start-up': benchStartUp,
  engine: benchEngine,
  ensemble: benchEnsemble,
  fit: benchFit,
  browser: benchBrowser,
  editor: benchEditor,
  http: benchHttp,
  'http-abuse': benchHttpAbuse,
  bargaining: benchBargaining,
  'ktab-speed': benchKtabSpeed,
  ktab: async () => {
    process.stdout.write(ktabComparison());
  },
};

/** Benchmarks that run only when named: `cases` takes up to half an hour, `instructions` some minutes under valgrind. */
const OPT_IN: Record<string, () => Promise<void>> = { cases: benchCases, instructions: benchInstructions };

const wanted = process.argv.slice(2);
for (const [name, run] of [...Object.entries(BENCHES), ...Object.entries(OPT_IN)]) {
  if (wanted.length ? !wanted.includes(name) : name in OPT_IN) continue;
  process.stdout.write(`\n== ${name} ==\n`);
  await run();
}
