// Runs a fit's restarts on a piscina worker pool, each reporting its evaluations through a port of its own so that progress
// moves as it does in one thread; restarts are deterministic, so the fit does not depend on the worker count.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { assembleFit, fitBudget, fitJobs, fitScenario, type FitOptions, type FitResult } from '../../core/analysis/fitting/fit.js';
import type { Scenario } from '../../core/scenario/schema.js';
import { workerTask } from './worker-task.js';

/** What every worker needs, sent once: the checked scenario and the fit's options (without the progress callback). */
export interface FitPoolData {
  scenario: Scenario;
  options: Omit<FitOptions, 'onProgress'>;
}

/** One restart to run, and the port it reports each evaluation on. */
export interface FitPoolJob {
  restart: number;
  port: MessagePort;
}

const TASK = workerTask('fit-task');

/**
 * Fits with `workers` threads (1: in this thread, as fitScenario); the restarts are put together in job order.
 * @example const fit = await fitOnWorkers(scenario, { seed: 1 }, 2, (done, budget) => bar.update(done, budget));
 */
export async function fitOnWorkers(scenario: Scenario, options: FitOptions, workers: number, onProgress?: (done: number, budget: number) => void): Promise<FitResult> {
  const { onProgress: _ignored, ...plain } = options;
  const jobs = fitJobs(plain);
  if (workers <= 1 || jobs.length <= 1) return fitScenario(scenario, { ...plain, onProgress });
  const threads = Math.min(workers, jobs.length);
  const pool = new Piscina({ filename: TASK.href, minThreads: threads, maxThreads: threads, workerData: { scenario, options: plain } satisfies FitPoolData, execArgv: TASK.execArgv });
  const budget = fitBudget(plain);
  let done = 0;
  const tell = () => onProgress?.(++done, Math.max(budget, done));
  const ports: MessageChannel[] = [];
  try {
    const running = jobs.map((restart) => {
      const channel = new MessageChannel();
      ports.push(channel);
      channel.port1.on('message', tell);
      return pool.run({ restart, port: channel.port2 } satisfies FitPoolJob, { transferList: [channel.port2] });
    });
    const runs = await Promise.all(running);
    // The loss at the scenario's own values, the one evaluation outside the restarts, is made here.
    const fit = assembleFit(scenario, plain, runs);
    tell();
    return fit;
  } finally {
    for (const c of ports) c.port1.close();
    await pool.destroy();
  }
}
