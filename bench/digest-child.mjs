// What an ensemble's worker adds to a run, in one plain `node` process as the workers run, so that the machine's speed, which
// drifts by a fifth and more between processes here, cancels: alternating batches of 500 runs of two models of the reference
// scenario, one run summary-only (the bare engine) and one digested as a worker digests it (runChunk: the tally, the run's
// numbers and its counts), each told its runs to come (expectRuns) as the workers are. `node bench/digest-child.mjs FILE
// BATCHES` prints as JSON the median CPU seconds per run of each and the median of the batches' paired ratios.
import { readFileSync } from 'node:fs';
import { compile, digestShape, expectRuns, loadScenarioText, runChunk, runModel, runStream } from './compiled-engine.mjs';
import { median } from './time-batches.mjs';

const [file, batchesArg] = process.argv.slice(2);
const batches = Number(batchesArg);
const BATCH = 500;

const text = readFileSync(file, 'utf8');
/** A model of its own (each gets its own written-out loop, as each worker's model does), told the runs to come. */
const model = () => {
  const m = compile(loadScenarioText(text, file));
  expectRuns(m, (batches + 4) * BATCH);
  return m;
};
const bareModel = model();
const chunkModel = model();
const shape = digestShape(chunkModel);
const bare = (from) => {
  for (let r = from; r < from + BATCH; r++) runModel(bareModel, runStream(7, r));
};
const digested = (from) => runChunk(chunkModel, shape, 7, { from, to: from + BATCH });
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const timed = (fn, from) => {
  const c0 = cpu();
  fn(from);
  return (cpu() - c0) / BATCH;
};
for (let b = 0; b < 4; b++) {
  bare(b * BATCH);
  digested(b * BATCH);
}
const xs = [];
const ys = [];
for (let b = 0; b < batches; b++) {
  // Which goes first alternates, so that neither always follows the other.
  const from = (b + 4) * BATCH;
  if (b % 2 === 0) {
    xs.push(timed(bare, from));
    ys.push(timed(digested, from));
  } else {
    ys.push(timed(digested, from));
    xs.push(timed(bare, from));
  }
}
process.stdout.write(JSON.stringify({ bare: median(xs), digested: median(ys), ratio: median(ys.map((y, b) => y / xs[b])) }));
