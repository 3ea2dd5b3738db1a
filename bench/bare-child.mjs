// The bare engine as an ensemble's worker runs it, in a plain `node` process (a process that has loaded tsx, as every
// `npm run bench` process has, runs the same compiled code about a fifth slower; an ensemble's workers have not loaded it).
// `node bench/bare-child.mjs FILE RUNS` compiles the scenario's model, tells it how many runs are coming (expectRuns, as the
// workers do), runs them summary-only, and prints as JSON the CPU seconds per run of the whole (compile and loop included)
// and of the second half of the runs alone (steady).
import { readFileSync } from 'node:fs';
import { compile, expectRuns, loadScenarioText, runModel, runStream } from './compiled-engine.mjs';

const [file, count] = process.argv.slice(2);
const runs = Number(count);

const scenario = loadScenarioText(readFileSync(file, 'utf8'), file);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const c0 = cpu();
const model = compile(scenario);
expectRuns(model, runs);
const half = Math.floor(runs / 2);
for (let i = 0; i < half; i++) runModel(model, runStream(1, i));
const c1 = cpu();
for (let i = half; i < runs; i++) runModel(model, runStream(1, i));
const c2 = cpu();
process.stdout.write(JSON.stringify({ whole: (c2 - c0) / runs, steady: (c2 - c1) / (runs - half) }));
