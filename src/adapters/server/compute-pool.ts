// A pool of worker threads for scenario work, so that the server keeps serving while runs go; slow tasks are aborted.
import { Worker } from 'node:worker_threads';
import { ApiError, type ErrorCode } from './api-error.js';
import type { Task } from './compute-tasks.js';
import type { WorkerReply } from './compute-worker.js';

/** How one task is bounded and watched. */
export interface TaskOptions {
  /** Abort (and replace the worker) after this many milliseconds of compute. */
  timeoutMs: number;
  onProgress?: (done: number, total: number) => void;
  /** Aborting drops the task while it waits; once running, it is stopped only if `stopRunning` is set. */
  signal?: AbortSignal;
  /**
   * Whether an abort also stops a running task (by ending its worker). Jobs set it; requests do not, since a request's
   * compute is short and bounded anyway, while a replacement worker takes a while to load the engine.
   */
  stopRunning?: boolean;
}

interface Pending {
  id: number;
  task: Task;
  options: TaskOptions;
  resolve: (value: unknown) => void;
  reject: (err: ApiError) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  current?: Pending;
  timer?: NodeJS.Timeout;
  onAbort?: () => void;
}

/** Where the worker's code is: the TypeScript source under tsx (registered inside the worker), or the built JavaScript. */
function spawnWorker(): Worker {
  const options = { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: 512 } };
  if (import.meta.url.endsWith('.ts')) {
    // Node 20 does not pass tsx's loader on to worker threads, so the worker registers it before importing the source.
    const entry = new URL('./compute-worker.ts', import.meta.url).href;
    const tsx = import.meta.resolve('tsx/esm/api');
    const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
    return new Worker(boot, { ...options, eval: true });
  }
  return new Worker(new URL('./compute-worker.js', import.meta.url), options);
}

/**
 * A fixed number of lazily started workers and a bounded queue; a task that overruns its time is aborted by ending its worker.
 * @example const pool = new ComputePool(2, 64); await pool.run({ kind: 'validate', scenario }, { timeoutMs: 10_000 });
 */
export class ComputePool {
  private readonly slots: (Slot | undefined)[];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    readonly size: number,
    private readonly queueLength: number,
  ) {
    this.slots = new Array(size).fill(undefined);
  }

  /** Tasks waiting for a worker. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Runs a task on a free worker (or queues it), resolving with its value or rejecting with an ApiError. */
  run<T>(task: Task, options: TaskOptions): Promise<T> {
    if (this.closed) return Promise.reject(new ApiError('server_busy', 'the server is shutting down'));
    if (options.signal?.aborted) return Promise.reject(cancelled());
    if (this.queue.length >= this.queueLength) return Promise.reject(new ApiError('server_busy', 'too much work queued; try again shortly'));
    return new Promise<T>((resolve, reject) => {
      const pending: Pending = { id: this.nextId++, task, options, resolve: resolve as (v: unknown) => void, reject };
      this.queue.push(pending);
      options.signal?.addEventListener('abort', () => this.dropQueued(pending), { once: true });
      this.dispatch();
    });
  }

  /** Starts every worker now, so that the first requests do not wait for workers to load the engine. */
  warm(): void {
    for (let i = 0; i < this.slots.length; i++) if (!this.slots[i]) this.start(i);
  }

  /** Ends every worker; tasks still running or queued are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new ApiError('server_busy', 'the server is shutting down'));
    await Promise.all(
      this.slots.map((slot, i) => {
        if (!slot) return undefined;
        this.finish(i, slot);
        slot.current?.reject(new ApiError('server_busy', 'the server is shutting down'));
        return slot.worker.terminate();
      }),
    );
  }

  private dropQueued(p: Pending): void {
    const at = this.queue.indexOf(p);
    if (at >= 0) {
      this.queue.splice(at, 1);
      p.reject(cancelled());
    }
  }

  private dispatch(): void {
    for (let i = 0; i < this.slots.length && this.queue.length > 0; i++) {
      const slot = this.slots[i] ?? this.start(i);
      if (!slot.ready || slot.current) continue;
      const p = this.queue.shift()!;
      slot.current = p;
      // The clock starts when a worker takes the task: time spent queued or starting a worker is not the task's.
      slot.timer = setTimeout(() => this.abort(i, 'compute_time_exceeded', `the computation took longer than ${p.options.timeoutMs} ms and was stopped`), p.options.timeoutMs);
      if (p.options.signal && p.options.stopRunning) {
        slot.onAbort = () => this.abort(i, 'cancelled');
        p.options.signal.addEventListener('abort', slot.onAbort, { once: true });
      }
      slot.worker.postMessage({ id: p.id, task: p.task });
    }
  }

  private start(i: number): Slot {
    const slot: Slot = { worker: spawnWorker(), ready: false };
    this.slots[i] = slot;
    slot.worker.unref();
    slot.worker.on('message', (m: WorkerReply) => this.receive(i, slot, m));
    slot.worker.on('error', (err: Error & { code?: string }) => {
      const memory = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.replace(i, slot, memory ? 'compute_time_exceeded' : 'internal_error', memory ? 'the computation needed more memory than allowed and was stopped' : `compute worker failed: ${err.message}`);
    });
    slot.worker.on('exit', () => this.replace(i, slot, 'internal_error', 'compute worker stopped'));
    return slot;
  }

  private receive(i: number, slot: Slot, m: WorkerReply): void {
    if ('ready' in m) {
      slot.ready = true;
      this.dispatch();
      return;
    }
    const p = slot.current;
    if (!p || p.id !== m.id) return;
    if ('progress' in m) {
      p.options.onProgress?.(m.progress.done, m.progress.total);
      return;
    }
    this.finish(i, slot);
    slot.current = undefined;
    if (m.ok) p.resolve(m.value);
    else p.reject(new ApiError(m.error.code as ErrorCode, m.error.message, m.error.details));
    this.dispatch();
  }

  private finish(_i: number, slot: Slot): void {
    clearTimeout(slot.timer);
    if (slot.onAbort) slot.current?.options.signal?.removeEventListener('abort', slot.onAbort);
    slot.onAbort = undefined;
  }

  /** Stops a running task by ending its worker; a fresh worker takes the next task. */
  private abort(i: number, code: ErrorCode | 'cancelled', message = 'cancelled'): void {
    const slot = this.slots[i];
    if (!slot?.current) return;
    this.replace(i, slot, code, message);
  }

  private replace(i: number, slot: Slot, code: ErrorCode | 'cancelled', message: string): void {
    if (this.slots[i] !== slot) return;
    this.slots[i] = undefined;
    const p = slot.current;
    this.finish(i, slot);
    slot.current = undefined;
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => {});
    void slot.worker.terminate();
    if (p) p.reject(code === 'cancelled' ? cancelled() : new ApiError(code, message));
    // Start the replacement now: loading the engine takes a moment, and the next task should not wait for it.
    if (!this.closed) {
      this.start(i);
      this.dispatch();
    }
  }
}

/** The error of a cancelled task (not shown to clients: a cancelled job reports its own status). */
function cancelled(): ApiError {
  return new ApiError('cancelled', 'cancelled');
}
