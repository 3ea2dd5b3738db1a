// Engine benchmark: full 1945-1972 runs of the reference scenario per second on one thread, and where the time goes. It
// times the compiled build (dist/, what `schism` runs), and the source through tsx beside it. SCHISM_BENCH_BASE=/other/checkout
// (built with `npm run build`) also times that checkout's engine on the same scenario, in alternating batches of this process.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as sourceCompile from '../src/core/engine/compile.js';
import * as sourceRun from '../src/core/engine/run.js';
import * as sourceStreams from '../src/core/random/streams.js';
import { loadScenarioText } from '../src/core/scenario/parse.js';
import { compiled } from './compiled.js';
import { median, timeBatches } from './stats.js';

/** Prints runs per second (median of repeats) for summary-only runs, fully recorded runs, and compiling. */
export async function benchEngine(): Promise<void> {
  const file = 'scenarios/sino-soviet.yaml';
  const scenario = loadScenarioText(readFileSync(file, 'utf8'), file);
  const { compile } = await compiled<typeof sourceCompile>('core/engine/compile.js');
  const { runModel } = await compiled<typeof sourceRun>('core/engine/run.js');
  const { simulateModel } = await compiled<typeof import('../src/core/engine/simulate.js')>('core/engine/simulate.js');
  const { runStream } = await compiled<typeof sourceStreams>('core/random/streams.js');
  const load = loadavg()[0];
  // First, in a plain node process (no tsx), what `schism` gets: the headline figure.
  const child = spawnSync(process.execPath, ['bench/engine-child.mjs', file], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`bench/engine-child.mjs failed: ${child.stderr}`);
  const plain = JSON.parse(child.stdout) as { runs: number[]; kernel: number[] };
  const model = compile(scenario);
  const fromSource = sourceCompile.compile(scenario);
  let i = 0;
  const fast = timeBatches(() => runModel(model, runStream(7, i++)), 2000, 9);
  // The same runs on the fused loop's closure form, which runs where code cannot be compiled at run time (the app's worker),
  // and for a model's first 5,000 runs (WRITE_OUT_AFTER) unless it is told more are coming: a model compiled with loops never
  // written out.
  const { writeOutLoops } = await compiled<typeof import('../src/core/engine/fused-run.js')>('core/engine/fused-run.js');
  writeOutLoops(null);
  const closureModel = compile(scenario);
  runModel(closureModel, runStream(7, i++)); // its kernel is made at its first run
  writeOutLoops();
  const closure = timeBatches(() => runModel(closureModel, runStream(7, i++)), 2000, 9);
  const source = timeBatches(() => sourceRun.runModel(fromSource, sourceStreams.runStream(7, i++)), 2000, 9);
  const full = timeBatches(() => simulateModel(model, 7, i++), 200, 9);
  // Traced as an ensemble traces a run (run-digest.ts: a tally of its acts and of the allies' cooperation per year) and a fit's
  // loss traces it (each act): what most of a user's runs cost.
  const { a, b } = model.alliances[0];
  let tracedRuns = 0;
  const n = model.actorIds.length;
  let acts = 0;
  let cooperation = 0;
  const digests = await compiled<typeof import('../src/core/analysis/ensembles/run-digest.js')>('core/analysis/ensembles/run-digest.js');
  const shape = digests.digestShape(model);
  const digest = digests.digester(model, shape, digests.emptyDigest(shape));
  // With the whole month (a `month` hook), as a fully recorded run needs it: the flat loop.
  const monthTrace = { act: () => { acts++; }, month: (_t: number, s: { coop: Float64Array }) => { cooperation += s.coop[a * n + b] + s.coop[b * n + a]; } };
  const monthTraced = timeBatches(() => {
    tracedRuns++;
    runModel(model, runStream(7, i++), monthTrace);
  }, 2000, 9);
  const traced = timeBatches(() => {
    tracedRuns++;
    const d = digest(runStream(7, i++));
    acts += d.acts[0];
    // The yearly means back to sums: both directions of the alliance, every year.
    for (let x = 0; x < d.cooperation.length; x++) cooperation += d.cooperation[x] * shape.monthsIn[x % shape.years.length];
  }, 2000, 9);
  // A fit's loss traces the acts only (fitting/loss.ts).
  let fitActs = 0;
  const actsOnly = { act: () => { fitActs++; } };
  const fitTraced = timeBatches(() => runModel(model, runStream(7, i++), actsOnly), 2000, 9);
  const comp = timeBatches(() => compile(scenario), 200, 9);
  // Reading the text as the API and the browser's worker do (quick reader first), against the located reader alone.
  const { parseScenario } = await compiled<typeof import('../src/core/scenario/parse.js')>('core/scenario/parse.js');
  const { readScenarioText } = await compiled<typeof import('../src/core/scenario/read-text.js')>('core/scenario/read-text.js');
  const text = readFileSync(file, 'utf8');
  const located = timeBatches(() => parseScenario(text, file), 3, 7);
  const quick = timeBatches(() => readScenarioText(text, file), 3, 7);
  const empty = compile({ ...scenario, events: [], issues: [] });
  const bare = timeBatches(() => runModel(empty, runStream(7, i++)), 2000, 9);
  // Where a run's time goes: the same scenario with no ally ever acting (every draw still taken), and with no mechanism
  // either (the month loop itself: inputs, draws, third powers, relations, statuses, the finiteness check).
  const idle = compile(scenario, { params: { 'rules.activity': 0 } });
  const quiet = timeBatches(() => runModel(idle, runStream(7, i++)), 2000, 9);
  const off = Object.fromEntries(Object.keys(model.params.enabled).map((m) => [m, false]));
  const skeleton = compile(scenario, { mechanisms: off, params: { 'rules.activity': 0 } });
  const loop = timeBatches(() => runModel(skeleton, runStream(7, i++)), 2000, 9);
  // A fixed arithmetic kernel timed in the same process: the engine's cost in kernels is comparable across machines and loads.
  const relations = new Float64Array(25);
  const kernel = timeBatches(() => {
    for (let d = 0; d < 25; d++) relations[d] += 0.02 * (0.1 - relations[d]);
  }, 200000, 9);
  const rows = [
    ['summary-only run, a process without tsx (`schism`)', median(plain.runs)],
    ['summary-only run (Morris screening)', median(fast)],
    ['the same, closure loop (the app; a model\'s first 5,000)', median(closure)],
    ['traced as ensembles trace it (a tally of acts, cooperation)', median(traced)],
    ['traced with a month hook (acts, the flat loop)', median(monthTraced)],
    ['traced as a fit\'s loss traces it (acts)', median(fitTraced)],
    ['the same, the source through tsx', median(source)],
    ['fully recorded run (what `schism run` writes)', median(full)],
    ['compile the scenario', median(comp)],
    ['read and check its text, located reader (yaml)', median(located)],
    ['the same, quick reader first (what API and app do)', median(quick)],
    ['summary-only run, no events or issues (baseline)', median(bare)],
    ['the same scenario, no ally ever acting', median(quiet)],
    ['... and no mechanism either (the month loop alone)', median(loop)],
  ] as const;
  process.stdout.write(`reference scenario: ${model.months} months, ${model.actorIds.length} actors, ${model.events.length} driver events; compiled build unless said; the first row in a plain node process, the rest in this one, which has loaded tsx; load average ${load.toFixed(1)} -> ${loadavg()[0].toFixed(1)}\n`);
  for (const [what, s] of rows) process.stdout.write(`${what.padEnd(52)} ${(1 / s).toFixed(0).padStart(8)} per s   ${(s * 1e6).toFixed(1).padStart(8)} µs median\n`);
  if (fitActs === 0) throw new Error('the runs traced as a fit traces them reported no act');
  process.stdout.write(`(a traced run here held ${(acts / tracedRuns).toFixed(1)} acts and a net cooperation of ${(cooperation / tracedRuns).toFixed(1)} between the allies, on average)\n`);
  for (const [where, run, k] of [['without tsx', median(plain.runs), median(plain.kernel)], ['here', median(fast), median(kernel)]] as const) {
    const perMonth = run / model.months;
    process.stdout.write(
      `${where}: one simulated month costs ${(perMonth * 1e9).toFixed(0)} ns = ${(perMonth / k).toFixed(1)}x a 25-relation decay loop (${(k * 1e9).toFixed(1)} ns); a run = ${(run / k).toFixed(0)} kernels\n`,
    );
  }
  const base = process.env.SCHISM_BENCH_BASE;
  if (base) await againstBase(resolve(base), scenario, () => runModel(model, runStream(7, i++)));
  process.stdout.write(`ratio recorded / summary-only: ${(median(full) / median(fast)).toFixed(2)}x; events+issues cost: ${(median(fast) / median(bare)).toFixed(2)}x the bare loop; tsx / compiled: ${(median(source) / median(fast)).toFixed(2)}x\n`);
}

/** Times another checkout's compiled engine against this one on the same scenario, batch for batch in alternation. */
async function againstBase(base: string, scenario: Parameters<typeof sourceCompile.compile>[0], ours: () => void): Promise<void> {
  const load = async <T>(path: string) => (await import(pathToFileURL(join(base, 'dist', path)).href)) as T;
  const { compile } = await load<typeof sourceCompile>('core/engine/compile.js');
  const { runModel } = await load<typeof sourceRun>('core/engine/run.js');
  const { runStream } = await load<typeof sourceStreams>('core/random/streams.js');
  const model = compile(scenario);
  let i = 0;
  const theirs = () => runModel(model, runStream(7, i++));
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < 15; r++) {
    a.push(...timeBatches(theirs, 300, 1));
    b.push(...timeBatches(ours, 300, 1));
  }
  const ratios = a.map((x, k) => x / b[k]);
  process.stdout.write(`against ${base}: ${(median(a) * 1e6).toFixed(1)} µs there, ${(median(b) * 1e6).toFixed(1)} µs here per summary-only run; this engine ${median(ratios).toFixed(2)}x as fast (median of 15 paired batches, range ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)})\n`);
}
