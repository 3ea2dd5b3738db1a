// A compute worker thread: does the tasks the pool sends it, one at a time, and reports progress and results.
import { parentPort } from 'node:worker_threads';
import { NonFiniteState } from '../../core/engine/finite.js';
import { formatPath } from '../../core/scenario/diagnostic.js';
import { scenarioLocation } from '../../core/scenario/parse.js';
import { ApiError } from './api-error.js';
import { performTask, type Task } from './compute-tasks.js';

/** A message from the pool: a task to do. */
export interface TaskMessage {
  id: number;
  task: Task;
}

/** A message to the pool: ready, progress, or the task's outcome. */
export type WorkerReply =
  | { ready: true }
  | { id: number; progress: { done: number; total: number } }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code: string; message: string; details?: unknown } };

const port = parentPort;
if (port) {
  port.on('message', ({ id, task }: TaskMessage) => {
    let reply: WorkerReply;
    try {
      const value = performTask(task, (done, total) => port.postMessage({ id, progress: { done, total } } satisfies WorkerReply));
      reply = { id, ok: true, value };
    } catch (err) {
      if (err instanceof NonFiniteState) {
        // A run gone non-finite is the scenario's fault, located at the input most likely behind it.
        const diagnostic = { ...(err.scenario ? scenarioLocation(err.scenario, err.path) : { file: 'request', line: 1, column: 1 }), path: formatPath(err.path), code: 'run.non_finite', message: err.message };
        err = new ApiError('invalid_scenario', err.message, { diagnostics: [diagnostic] });
      }
      reply =
        err instanceof ApiError
          ? { id, ok: false, error: { code: err.code, message: err.message, details: err.details } }
          : { id, ok: false, error: { code: 'internal_error', message: err instanceof Error ? err.message : String(err) } };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true } satisfies WorkerReply);
}
