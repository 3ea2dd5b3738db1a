// The bare engine running beside an ensemble, in the same seconds and on the same core, so that its CPU per run can be
// read over exactly the ensemble's window: this host's speed drifts by a fifth and more within a minute, and differs between
// its two cores, so two processes timed one after the other, or side by side on two cores, see different machines.
// `node bench/bare-companion.mjs FILE` compiles the scenario's model, warms it up, prints "ready", then runs batches of
// runs until a line arrives on stdin (or it ends), and prints as JSON its samples after each batch: the monotonic clock in
// ns (the same clock as process.hrtime in any process on this machine), the CPU seconds of this process so far, and the
// runs so far.
import { readFileSync } from 'node:fs';
import { compile, expectRuns, loadScenarioText, runModel, runStream } from './compiled-engine.mjs';

const [file] = process.argv.slice(2);
const BATCH = 100;
const WARM = 4000;

const model = compile(loadScenarioText(readFileSync(file, 'utf8'), file));
// As many runs as a long ensemble's worker is told of: the written-out loop, as the workers have it.
expectRuns(model, 1_000_000);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
let run = 0;
for (; run < WARM; run++) runModel(model, runStream(1, run));

const samples = [];
let stop = false;
// A line, or the end of stdin (the bench gone), stops it.
process.stdin.once('data', () => {
  stop = true;
});
process.stdin.once('end', () => {
  stop = true;
});
process.stdout.write('ready\n');
/** Runs a batch and samples, then yields to the event loop so that the stop line can arrive. */
const step = () => {
  if (stop) {
    process.stdout.write(JSON.stringify(samples));
    process.exit(0);
  }
  for (let i = 0; i < BATCH; i++, run++) runModel(model, runStream(1, run));
  samples.push([Number(process.hrtime.bigint()), cpu(), run - WARM]);
  setImmediate(step);
};
samples.push([Number(process.hrtime.bigint()), cpu(), 0]);
setImmediate(step);
