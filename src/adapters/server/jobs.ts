// Ensemble jobs: accepted at once, computed on the pool, polled for progress and result, cancelled, forgotten after a while.
import { randomUUID } from 'node:crypto';
import { ApiError } from './api-error.js';
import type { EnsembleResult } from './api-schemas.js';
import type { ComputePool } from './compute-pool.js';
import type { Task } from './compute-tasks.js';
import type { ServerLimits } from './limits.js';

/** A job's state. */
export type JobStatus = 'running' | 'done' | 'failed' | 'cancelled';

interface Job {
  id: string;
  client: string;
  status: JobStatus;
  done: number;
  total: number;
  created: string;
  finishedAt?: number;
  result?: EnsembleResult;
  error?: { code: string; message: string; details?: unknown };
  abort: AbortController;
}

/** A job as the API shows it. */
export interface JobView {
  id: string;
  status: JobStatus;
  progress: { done: number; total: number };
  created: string;
  result?: EnsembleResult;
  error?: { code: string; message: string; details?: unknown };
}

/**
 * The jobs of one server, bounded per client and in all; finished jobs are dropped after the time to live.
 * @example const view = jobs.start('127.0.0.1', { kind: 'ensemble', scenario, options: {}, runs: 1000 });
 */
export class JobStore {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly pool: ComputePool,
    private readonly limits: ServerLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Accepts an ensemble task for a client, or throws too_many_jobs. */
  start(client: string, task: Extract<Task, { kind: 'ensemble' }>): JobView {
    this.sweep();
    const running = [...this.jobs.values()].filter((j) => j.status === 'running');
    if (running.filter((j) => j.client === client).length >= this.limits.clientJobs) {
      throw new ApiError('too_many_jobs', `at most ${this.limits.clientJobs} unfinished ensemble jobs per client; wait for one or cancel it`);
    }
    if (running.length >= this.limits.serverJobs) throw new ApiError('too_many_jobs', 'the server is running as many ensemble jobs as it takes; try again shortly');
    const job: Job = {
      id: randomUUID(),
      client,
      status: 'running',
      done: 0,
      total: task.runs,
      created: new Date(this.now()).toISOString(),
      abort: new AbortController(),
    };
    this.jobs.set(job.id, job);
    this.pool
      .run<EnsembleResult>(task, {
        timeoutMs: this.limits.jobMs,
        signal: job.abort.signal,
        stopRunning: true,
        onProgress: (done) => {
          job.done = done;
        },
      })
      .then(
        (result) => {
          job.status = 'done';
          job.done = job.total;
          job.result = result;
        },
        (err: ApiError) => {
          if (job.status === 'cancelled') return;
          job.status = 'failed';
          job.error = { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) };
        },
      )
      .finally(() => {
        job.finishedAt = this.now();
      });
    return this.view(job);
  }

  /** A job by id, as the API shows it. */
  get(id: string): JobView | undefined {
    this.sweep();
    const job = this.jobs.get(id);
    return job && this.view(job);
  }

  /** Cancels a running job (a finished one is forgotten); returns what it was, or undefined for an unknown id. */
  cancel(id: string): JobView | undefined {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    if (job.status === 'running') {
      job.status = 'cancelled';
      job.finishedAt = this.now();
      job.abort.abort();
    } else {
      this.jobs.delete(id);
    }
    return this.view(job);
  }

  /** Number of jobs held (running or finished and not yet forgotten). */
  get size(): number {
    return this.jobs.size;
  }

  private view(job: Job): JobView {
    return {
      id: job.id,
      status: job.status,
      progress: { done: job.done, total: job.total },
      created: job.created,
      ...(job.result ? { result: job.result } : {}),
      ...(job.error ? { error: job.error } : {}),
    };
  }

  /** Forgets finished jobs older than the time to live or beyond the cap, so memory stays bounded however many jobs come and go. */
  private sweep(): void {
    const cutoff = this.now() - this.limits.jobTtlMs;
    for (const [id, job] of this.jobs) if (job.finishedAt !== undefined && job.finishedAt < cutoff) this.jobs.delete(id);
    // Past the cap, the oldest finished jobs go first (a Map iterates in insertion order).
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= this.limits.storedJobs) break;
      if (job.finishedAt !== undefined) this.jobs.delete(id);
    }
  }
}
