// Fit benchmark: a calibration of the reference scenario with >= 10 parameters and >= 100,000 simulations, timed end to end,
// against the cost of the same number of bare summary-only runs in the same process.
import { readFileSync } from 'node:fs';
import { fitScenario } from '../src/core/analysis/fitting/fit.js';
import { compile } from '../src/core/engine/compile.js';
import { runModel } from '../src/core/engine/run.js';
import { runStream } from '../src/core/random/streams.js';
import { loadScenarioText } from '../src/core/scenario/parse.js';
import { median, timeBatches } from './stats.js';

/** Prints the wall time of a 100,000-simulation fit (target: under 2 minutes on 2 cores) and its overhead over bare runs. */
export async function benchFit(): Promise<void> {
  const file = 'scenarios/sino-soviet.yaml';
  const scenario = loadScenarioText(readFileSync(file, 'utf8'), file);
  // tolerance 0: every restart spends its whole budget, so the count of simulations is the one asked for.
  const options = { train: '1950-1957', seeds: 8, restarts: 2, evaluations: 6500, tolerance: 0 };
  const t0 = process.hrtime.bigint();
  const fit = fitScenario(scenario, options);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const model = compile(scenario, { mode: 'predict', until: '1957-12' });
  let i = 0;
  const bare = median(timeBatches(() => runModel(model, runStream(7, i++)), 1000, 7));
  process.stdout.write(`fit of ${fit.parameters.length} parameters, ${fit.simulations} simulations (1945-01..1957-12 each), one thread: ${seconds.toFixed(1)} s (target <= 120 s)\n`);
  process.stdout.write(`per simulation: ${((seconds / fit.simulations) * 1e6).toFixed(1)} µs; bare summary-only run of the same months: ${(bare * 1e6).toFixed(1)} µs median; overhead ${(seconds / fit.simulations / bare).toFixed(2)}x\n`);
  process.stdout.write(`loss ${fit.loss.toFixed(3)} (scenario values ${fit.startLoss.toFixed(3)})\n`);
}
