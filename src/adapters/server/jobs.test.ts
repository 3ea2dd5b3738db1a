// Tests of the ensemble job store: per-client and server bounds, and forgetting finished jobs so memory stays bounded.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ComputePool } from './compute-pool.js';
import { JobStore } from './jobs.js';
import { DEFAULT_LIMITS } from './limits.js';

/** A pool whose tasks finish when told to, with a result that says which task it was. */
function fakePool() {
  const pending: (() => void)[] = [];
  const pool = {
    run: (task: { runs: number }) => new Promise((resolve) => pending.push(() => resolve({ runs: task.runs }))),
  } as unknown as ComputePool;
  return { pool, finishAll: async () => { for (const f of pending.splice(0)) f(); await new Promise((r) => setImmediate(r)); } };
}

const task = (runs: number) => ({ kind: 'ensemble' as const, scenario: { text: '', file: 'x' }, options: {}, runs });

test('a client may hold only so many unfinished jobs, and the server only so many in all', async () => {
  const { pool, finishAll } = fakePool();
  const jobs = new JobStore(pool, { ...DEFAULT_LIMITS, clientJobs: 2, serverJobs: 3 });
  jobs.start('a', task(1));
  jobs.start('a', task(1));
  assert.throws(() => jobs.start('a', task(1)), { code: 'too_many_jobs' });
  jobs.start('b', task(1));
  assert.throws(() => jobs.start('c', task(1)), { code: 'too_many_jobs' });
  await finishAll();
  assert.equal(jobs.start('a', task(1)).status, 'running');
});

test('finished jobs are forgotten after their time to live and beyond the cap, oldest first', async () => {
  let now = 0;
  const { pool, finishAll } = fakePool();
  const jobs = new JobStore(pool, { ...DEFAULT_LIMITS, clientJobs: 100, serverJobs: 100, jobTtlMs: 1000, storedJobs: 3 }, () => now);
  const ids = [1, 2, 3, 4].map((n) => jobs.start('a', task(n)).id);
  await finishAll();
  assert.equal(jobs.get(ids[3])?.status, 'done');
  assert.deepEqual(jobs.get(ids[3])?.result, { runs: 4 });
  // Four held, cap three: the oldest finished one goes.
  assert.equal(jobs.get(ids[0]), undefined);
  assert.equal(jobs.size, 3);
  now = 2000;
  assert.equal(jobs.get(ids[1]), undefined);
  assert.equal(jobs.size, 0);
});

test('cancelling a running job marks it cancelled and aborts its task; cancelling again forgets it', async () => {
  let signal: AbortSignal | undefined;
  const pool = { run: (_t: unknown, o: { signal: AbortSignal }) => ((signal = o.signal), new Promise(() => {})) } as unknown as ComputePool;
  const jobs = new JobStore(pool, DEFAULT_LIMITS);
  const { id } = jobs.start('a', task(10));
  assert.equal(jobs.cancel(id)?.status, 'cancelled');
  assert.equal(signal?.aborted, true);
  assert.equal(jobs.cancel(id)?.status, 'cancelled');
  assert.equal(jobs.get(id), undefined);
  assert.equal(jobs.cancel('no-such-job'), undefined);
});
