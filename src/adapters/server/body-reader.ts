// Reads a request's body before any other work, within a size, a deadline of our own and bounds on bodies in flight.
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.js';
import { clientOf } from './client-limit.js';

/** The bounds on reading bodies. */
export interface BodyBounds {
  /** Largest body in bytes. */
  bodyBytes: number;
  /** Longest time a body may take to arrive, from the end of the headers, in milliseconds. */
  bodyMs: number;
  /** Most bodies one client may be sending at once (slow bodies are counted here, not against its requests). */
  clientBodies: number;
  /** Most bodies being received on the whole server at once: with bodyBytes, a bound on the memory they hold. */
  serverBodies: number;
}

const bodies = new WeakMap<Request, string>();

/** The body text read for a request by `bodyReader`; undefined when the request had none. */
export function bodyOf(request: Request): string | undefined {
  return bodies.get(request);
}

/**
 * Reads the whole body of every request that has one: 413 past `bodyBytes`, 408 past `bodyMs` or when it trickles in
 * slower than 1 KiB/s after its first 2 s (a timer of ours, so the deadline holds to within 250 ms rather than to Node's
 * 30 s check), 400 when the client cuts it, 503/429 past the
 * bounds on bodies in flight. Later middleware (the per-client request count) sees only requests whose body has arrived.
 */
export function bodyReader(bounds: BodyBounds, log: (line: string) => void): MiddlewareHandler {
  let inFlight = 0;
  const perClient = new Map<string, number>();
  return async (c, next) => {
    const stream = c.req.raw.body;
    if (!stream) return next();
    const declared = Number(c.req.header('content-length') ?? Number.NaN);
    const client = clientOf(c);
    if (declared > bounds.bodyBytes) {
      c.header('Connection', 'close');
      throw refused(log, client, new ApiError('body_too_large', `request bodies are limited to ${bounds.bodyBytes} bytes`, { limit: bounds.bodyBytes }));
    }
    if (inFlight >= bounds.serverBodies) throw new ApiError('server_busy', 'too many request bodies arriving at once; try again shortly');
    const mine = perClient.get(client) ?? 0;
    if (mine >= bounds.clientBodies) throw new ApiError('too_many_requests', `at most ${bounds.clientBodies} request bodies arriving at once per client`);
    inFlight++;
    perClient.set(client, mine + 1);
    let text: string;
    try {
      text = await readWithin(stream, bounds);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      // The connection cannot be reused: the rest of the body would be read as the next request.
      c.header('Connection', 'close');
      throw refused(log, client, err);
    } finally {
      inFlight--;
      const left = (perClient.get(client) ?? 1) - 1;
      if (left <= 0) perClient.delete(client);
      else perClient.set(client, left);
    }
    bodies.set(c.req.raw, text);
    return next();
  };
}

/** Logs a refused body in one line (no stack: a cut or slow body is the client's doing, not a fault) and returns the error. */
function refused(log: (line: string) => void, client: string, err: ApiError): ApiError {
  log(`schism serve: refused a body from ${client}: ${err.code}: ${err.message}`);
  return err;
}

/** A body may take its first SLOW_GRACE_MS at any pace; after that it must average MIN_BYTES_PER_S or be cut. */
const SLOW_GRACE_MS = 2_000;
const MIN_BYTES_PER_S = 1024;
/** How often the deadline and the pace are checked: the deadline holds to within this. */
const TICK_MS = 250;

/** The body as UTF-8 text, or an ApiError: body_too_large, body_timeout (past the deadline, or a trickle) or incomplete_body. */
async function readWithin(stream: ReadableStream<Uint8Array>, bounds: BodyBounds): Promise<string> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: NodeJS.Timeout | undefined;
  const started = Date.now();
  const deadline = new Promise<never>((_, reject) => {
    const check = () => {
      const elapsed = Date.now() - started;
      if (elapsed >= bounds.bodyMs) {
        reject(new ApiError('body_timeout', `the request body did not arrive within ${bounds.bodyMs} ms`, { limit: bounds.bodyMs }));
      } else if (elapsed >= SLOW_GRACE_MS && (size * 1000) / elapsed < MIN_BYTES_PER_S) {
        // A trickle (one byte a second) would hold its slot until the deadline: cut it once it is plainly not a slow link.
        reject(new ApiError('body_timeout', `the request body is arriving slower than ${MIN_BYTES_PER_S} bytes per second`, { limit: bounds.bodyMs }));
      } else {
        timer = setTimeout(check, Math.min(TICK_MS, bounds.bodyMs - elapsed));
      }
    };
    timer = setTimeout(check, Math.min(TICK_MS, bounds.bodyMs));
  });
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), deadline]).catch((err: unknown) => {
        if (err instanceof ApiError) throw err;
        throw new ApiError('incomplete_body', 'the request body was cut off before its end');
      });
      if (done) break;
      size += value.byteLength;
      if (size > bounds.bodyBytes) throw new ApiError('body_too_large', `request bodies are limited to ${bounds.bodyBytes} bytes`, { limit: bounds.bodyBytes });
      chunks.push(value);
    }
  } catch (err) {
    // Stop reading: the stream's pending read settles when the connection closes, and nobody waits for it.
    reader.cancel().catch(() => {});
    throw err;
  } finally {
    clearTimeout(timer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
