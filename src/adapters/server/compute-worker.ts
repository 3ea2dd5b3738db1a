// A compute worker thread: does the tasks the pool sends it, one at a time, and reports progress and results.
import { parentPort } from 'node:worker_threads';
import { ApiError } from './api-error.js';
import { clientError, performTask, type Task } from './compute-tasks.js';

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
    } catch (caught) {
      const err = clientError(caught);
      reply =
        err instanceof ApiError
          ? { id, ok: false, error: { code: err.code, message: err.message, details: err.details } }
          : { id, ok: false, error: { code: 'internal_error', message: err instanceof Error ? err.message : String(err) } };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true } satisfies WorkerReply);
}
