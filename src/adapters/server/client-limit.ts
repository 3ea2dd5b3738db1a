// Per-client concurrency: each remote address may have only so many API requests in flight at once.
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { ApiError } from './api-error.js';

/** The client a request comes from: its remote address, or "local" when there is no socket (in-process requests). */
export function clientOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

/** Refuses a request with too_many_requests while its client already has `max` in flight; `exempt` paths (health) are never counted. */
export function clientConcurrency(max: number, exempt: readonly string[] = []): MiddlewareHandler {
  const inFlight = new Map<string, number>();
  return async (c, next) => {
    if (exempt.includes(c.req.path)) return next();
    const client = clientOf(c);
    const n = inFlight.get(client) ?? 0;
    if (n >= max) throw new ApiError('too_many_requests', `at most ${max} requests in flight per client`);
    inFlight.set(client, n + 1);
    try {
      await next();
    } finally {
      const left = (inFlight.get(client) ?? 1) - 1;
      // Drop idle clients so the map does not grow with every address ever seen.
      if (left <= 0) inFlight.delete(client);
      else inFlight.set(client, left);
    }
  };
}
