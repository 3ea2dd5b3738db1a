// Times summary-only runs of a scenario on the compiled engine in a plain `node` process, as `schism` runs it: a process that
// has loaded tsx (every `npm run bench` process) runs the same compiled code about a fifth slower. bench/engine.ts runs it:
// `node bench/engine-child.mjs FILE` prints, as JSON, the CPU seconds per run of each timed batch and per pass of the fixed
// arithmetic kernel that bench/engine.ts also times, with the same timeBatches.
import { readFileSync } from 'node:fs';
import { compile, loadScenarioText, runModel, runStream } from './compiled-engine.mjs';
import { timeBatches } from './time-batches.mjs';

const file = process.argv[2];

const model = compile(loadScenarioText(readFileSync(file, 'utf8'), file));
let i = 0;
const runs = timeBatches(() => runModel(model, runStream(7, i++)), 2000, 9);
const relations = new Float64Array(25);
const kernel = timeBatches(() => {
  for (let d = 0; d < 25; d++) relations[d] += 0.02 * (0.1 - relations[d]);
}, 200000, 9);
process.stdout.write(JSON.stringify({ runs, kernel }));
