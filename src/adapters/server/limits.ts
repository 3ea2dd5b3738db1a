// The bounds on what one client may ask of the server: body size, runs, compute time, concurrency, stored jobs.

/** Every bound the server enforces; tests and the load test pass smaller ones. */
export interface ServerLimits {
  /** Largest request body in bytes. */
  bodyBytes: number;
  /** Longest time a request body may take to arrive, in milliseconds; then 408 body_timeout. */
  bodyMs: number;
  /** Most bodies one client may be sending at once; counted apart from its requests, so slow bodies lock nothing else out. */
  clientBodies: number;
  /** Most bodies arriving on the whole server at once (with bodyBytes, bounds the memory bodies hold). */
  serverBodies: number;
  /** Most open connections; more are closed at once (bounds sockets and their buffers under a flood). */
  connections: number;
  /** Most runs in one ensemble request. */
  ensembleRuns: number;
  /** Most months in one run or ensemble (bounds the size of a run's series). */
  months: number;
  /** Longest compute time of one validate, run or bargain request, in milliseconds, before it is aborted. */
  requestMs: number;
  /** Longest compute time of one ensemble job, in milliseconds, before it is aborted. */
  jobMs: number;
  /** Most API requests one client (remote address) may have in flight at once, counted once their body has arrived; health checks are not counted. */
  clientRequests: number;
  /** Most unfinished ensemble jobs one client may have at once. */
  clientJobs: number;
  /** Most unfinished ensemble jobs on the whole server. */
  serverJobs: number;
  /** Finished jobs are forgotten after this many milliseconds. */
  jobTtlMs: number;
  /** Most jobs held at once, finished ones included; past it the oldest finished are forgotten. */
  storedJobs: number;
  /** Most compute tasks waiting for a worker before new ones are refused. */
  queueLength: number;
  /** Most actors in one bargaining issue (POST /api/bargain): bounds its compute before it starts. */
  bargainActors: number;
}

/** The defaults: generous for a scholar's scenario, small enough that one client cannot take the machine. */
export const DEFAULT_LIMITS: ServerLimits = {
  bodyBytes: 1024 * 1024,
  bodyMs: 10_000,
  clientBodies: 16,
  serverBodies: 64,
  connections: 256,
  ensembleRuns: 10_000,
  months: 6_000,
  requestMs: 10_000,
  jobMs: 120_000,
  clientRequests: 8,
  clientJobs: 2,
  serverJobs: 8,
  jobTtlMs: 15 * 60_000,
  storedJobs: 200,
  queueLength: 64,
  bargainActors: 300,
};
