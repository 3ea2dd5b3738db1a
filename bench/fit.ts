// Fit benchmark, on the compiled build (dist/, what `schism fit` runs). (1) The CPU cost of one simulation inside a
// calibration against a bare summary-only run of the same parameters and seeds, paired and repeated in one process. (2) A
// calibration of the reference scenario with >= 10 parameters and >= 100,000 simulations, timed end to end.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { loadScenarioText } from '../src/core/scenario/parse.js';
import { compiled } from './compiled.js';
import { median } from './stats.js';

const cpuSeconds = (t0: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1e6;
};
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/** Prints the fit's CPU per simulation over a bare run's (target <= 1.3x), then the wall time of a 100,000-simulation fit. */
export async function benchFit(): Promise<void> {
  const file = 'scenarios/sino-soviet.yaml';
  const scenario = loadScenarioText(readFileSync(file, 'utf8'), file);
  const { fitScenario, mechanismSwitches } = await compiled<typeof import('../src/core/analysis/fitting/fit.js')>('core/analysis/fitting/fit.js');
  const { compile } = await compiled<typeof import('../src/core/engine/compile.js')>('core/engine/compile.js');
  const { MECHANISM_IDS } = await compiled<typeof import('../src/core/engine/parameters.js')>('core/engine/parameters.js');
  const { runModel } = await compiled<typeof import('../src/core/engine/run.js')>('core/engine/run.js');
  const { runStream } = await compiled<typeof import('../src/core/random/streams.js')>('core/random/streams.js');
  const mechanisms = mechanismSwitches(MECHANISM_IDS.filter((m) => scenario.mechanisms[m]?.enabled ?? true));
  const until = '1957-12';

  // (1) Each repeat: a small fit timed in CPU, and the same simulations (the parameters the fit evaluated, seeds 0..7 of its
  // seed) as bare runModel calls on models compiled beforehand, so that only the fit's own work differs. Repeats come in
  // pairs on one seed, fit first then bare first (a fit is deterministic, so the second pair member replays the points the
  // first recorded), so that a change of load during the benchmark biases neither side. The first pair warms the JIT.
  const small = { train: '1950-1957', seeds: 8, restarts: 1, evaluations: 300, tolerance: 0 };
  const ratios: number[] = [];
  const fitUs: number[] = [];
  const bareUs: number[] = [];
  process.stdout.write(`compiled code (dist/); load average before: ${load()}\n`);
  const fitOnce = (seed: number) => {
    const points: Record<string, number>[] = [];
    const t0 = process.cpuUsage();
    const fit = fitScenario(scenario, { ...small, seed, onProgress: (_d, _b, p) => points.push(p) });
    return { cpu: cpuSeconds(t0) / fit.simulations, points };
  };
  const bareOnce = (seed: number, points: Record<string, number>[]) => {
    const models = points.map((params) => compile(scenario, { mode: 'predict', until, mechanisms, params }));
    const t0 = process.cpuUsage();
    for (const model of models) for (let s = 0; s < small.seeds; s++) runModel(model, runStream(seed, s));
    return cpuSeconds(t0) / (models.length * small.seeds);
  };
  const pairs = 7;
  let points: Record<string, number>[] = [];
  for (let r = 0; r < 2 * (pairs + 1); r++) {
    const seed = 1 + (r >> 1);
    let fitCpu: number;
    let bareCpu: number;
    if (r % 2 === 0) {
      const f = fitOnce(seed);
      points = f.points;
      fitCpu = f.cpu;
      bareCpu = bareOnce(seed, points);
    } else {
      bareCpu = bareOnce(seed, points);
      fitCpu = fitOnce(seed).cpu;
    }
    if (r < 2) continue;
    fitUs.push(fitCpu * 1e6);
    bareUs.push(bareCpu * 1e6);
    ratios.push(fitCpu / bareCpu);
  }
  process.stdout.write(
    `CPU per simulation inside a fit (${small.evaluations + 1} evaluations x ${small.seeds} seeds, ${ratios.length} paired repeats): ` +
      `${median(fitUs).toFixed(1)} µs; bare runModel of the same parameters and seeds: ${median(bareUs).toFixed(1)} µs; ` +
      `ratio ${median(ratios).toFixed(3)}x median (range ${Math.min(...ratios).toFixed(3)}-${Math.max(...ratios).toFixed(3)}; target <= 1.3x)\n`,
  );
  process.stdout.write(`load average after: ${load()}\n`);
  if (process.env.FIT_BENCH_QUICK) return;

  // (2) The end-to-end figure: tolerance 0, so every restart spends its whole budget and the simulations are the ones asked for.
  const options = { train: '1950-1957', seeds: 8, restarts: 2, evaluations: 6500, tolerance: 0 };
  const w0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const fit = fitScenario(scenario, options);
  const seconds = Number(process.hrtime.bigint() - w0) / 1e9;
  const cpu = cpuSeconds(c0);
  process.stdout.write(
    `fit of ${fit.parameters.length} parameters, ${fit.simulations} simulations (1945-01..1957-12 each), one thread: ${seconds.toFixed(1)} s wall, ` +
      `${cpu.toFixed(1)} s CPU (target <= 120 s); ${((cpu / fit.simulations) * 1e6).toFixed(1)} µs CPU per simulation; load ${load()}\n`,
  );
  process.stdout.write(`loss ${fit.loss.toFixed(3)} (scenario values ${fit.startLoss.toFixed(3)})\n`);

  // (3) The same fit with its two restarts on two worker threads, as `schism fit --workers 2` runs it: the same result, and
  // the wall time against (2). CPU is the whole process's, worker threads included.
  const { fitOnWorkers } = await compiled<typeof import('../src/adapters/workers/fit-pool.js')>('adapters/workers/fit-pool.js');
  const w1 = process.hrtime.bigint();
  const c1 = process.cpuUsage();
  const onWorkers = await fitOnWorkers(scenario, options, 2);
  const seconds2 = Number(process.hrtime.bigint() - w1) / 1e9;
  const cpu2 = cpuSeconds(c1);
  const same = JSON.stringify(onWorkers) === JSON.stringify(fit);
  process.stdout.write(
    `the same fit on 2 workers: ${seconds2.toFixed(1)} s wall (${(seconds / seconds2).toFixed(2)}x faster than one thread), ${cpu2.toFixed(1)} s CPU, ` +
      `${(cpu2 / seconds2).toFixed(2)} cores used; ${same ? 'the same fit' : 'A DIFFERENT FIT'}; load ${load()}\n`,
  );
}
