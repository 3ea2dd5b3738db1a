// Runs one ensemble of the reference scenario on the compiled code in a plain `node` process, as `schism ensemble` runs and as
// bench/bare-child.mjs times the bare engine it is compared with (every `npm run bench` process has loaded tsx, which slows the
// main thread's compiled code), with the pool, journal and files as the CLI has them. bench/ensemble.ts runs it: `node bench/ensemble-run-child.mjs FILE RUNS WORKERS
// OUT` prints as JSON the wall seconds, the runs per second once the first chunk has landed, the CPU seconds of the whole
// process (all threads) and of its main thread, and the CPU seconds per run over the second half of the runs (steadyCpu,
// from the first chunk that lands at or past half way, to the last: the first runs of a fresh worker, before V8 has compiled
// the loop, take longer than its first chunk, and the summaries written after the last are the same whatever the runs), that
// CPU by thread (steadyThreads, Linux: the main thread, the busiest other thread, which with one worker is the worker, and
// all the rest, V8's and libuv's helpers), the CPU seconds after the last chunk (finishCpu), and the second half's window
// on the monotonic clock in ns (window, for bench/bare-companion.mjs's samples).
import { readdirSync, readFileSync } from 'node:fs';

const [file, runsArg, workersArg, out] = process.argv.slice(2);
const runs = Number(runsArg);
const dist = new URL('../dist/', import.meta.url);
const { runEnsemble } = await import(new URL('adapters/workers/run-ensemble.js', dist).href);
const { buildWorld } = await import(new URL('core/analysis/counterfactuals/counterfactual-world.js', dist).href);
const { loadScenarioText } = await import(new URL('core/scenario/parse.js', dist).href);

/** CPU seconds (user + system) of this process: every thread, the workers' included (they are threads of this process). */
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
/** CPU seconds of each thread of this process by thread id (Linux: its /proc stat, in clock ticks of 1/100 s: USER_HZ, 100 on Linux), empty elsewhere. */
const threadCpu = () => {
  try {
    return new Map(readdirSync('/proc/self/task').map((tid) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Fields 14 and 15 of stat (utime, stime) are the 12th and 13th after the name.
      return [tid, (Number(f[11]) + Number(f[12])) / 100];
    }));
  } catch {
    return new Map();
  }
};
/** CPU seconds of the main thread alone (Linux), NaN elsewhere. */
const mainThreadCpu = () => threadCpu().get(String(process.pid)) ?? Number.NaN;

const scenario = loadScenarioText(readFileSync(file, 'utf8'), file);
const c0 = cpuSeconds();
const main0 = mainThreadCpu();
const t0 = process.hrtime.bigint();
let first;
let half;
let last;
await runEnsemble({
  world: buildWorld(scenario, {}), inputs: { scenario: { file, sha256: '-' }, variants: [] },
  seed: 1, runs, workers: Number(workersArg), out,
  onProgress: (done) => {
    if (done > 0 && !first) first = { t: process.hrtime.bigint(), done, cpu: cpuSeconds() };
    if (done >= runs / 2 && !half) half = { done, cpu: cpuSeconds(), threads: threadCpu(), t: process.hrtime.bigint() };
    // The threads as the last chunk lands, while the workers are still there to be read.
    if (done === runs) last = { threads: threadCpu(), cpu: cpuSeconds(), t: process.hrtime.bigint() };
  },
});
const t1 = process.hrtime.bigint();
const c1 = cpuSeconds();
// The second half's CPU by thread, up to the last chunk: the main thread, the busiest other (with one worker, the worker)
// and the rest.
const spent = [...(last?.threads ?? new Map())].map(([tid, cpu]) => [tid, cpu - (half?.threads.get(tid) ?? 0)]);
const main = spent.find(([tid]) => tid === String(process.pid))?.[1] ?? Number.NaN;
const others = spent.filter(([tid]) => tid !== String(process.pid)).map(([, cpu]) => cpu).sort((a, b) => b - a);
const steadyRuns = half ? runs - half.done : Number.NaN;
process.stdout.write(JSON.stringify({
  wall: Number(t1 - t0) / 1e9,
  steady: first ? (runs - first.done) / (Number(t1 - first.t) / 1e9) : Number.NaN,
  cpu: c1 - c0,
  mainCpu: mainThreadCpu() - main0,
  steadyCpu: half && last && half.done < runs ? (last.cpu - half.cpu) / (runs - half.done) : Number.NaN,
  finishCpu: last ? c1 - last.cpu : Number.NaN,
  steadyThreads: { main: main / steadyRuns, busiest: (others[0] ?? Number.NaN) / steadyRuns, rest: others.slice(1).reduce((a, b) => a + b, 0) / steadyRuns },
  // The second half's window on the monotonic clock (ns), for a bare engine timed over the same seconds (bare-companion.mjs).
  window: half && last ? [Number(half.t), Number(last.t)] : null,
}));
