// The Hono app: the JSON API under /api (bounded, with stable error codes) and the built web app for everything else.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import { formatPath } from '../../core/scenario/diagnostic.js';
import { SCHISM_VERSION } from '../../core/version.js';
import { ApiError, errorBody, sendError } from './api-error.js';
import * as S from './api-schemas.js';
import { bodyOf, bodyReader } from './body-reader.js';
import type { Catalogue } from './catalogue.js';
import { clientConcurrency, clientOf } from './client-limit.js';
import type { ComputePool } from './compute-pool.js';
import type { RunOptions, ScenarioText } from './compute-tasks.js';
import { JobStore } from './jobs.js';
import { hostCheck } from './host-check.js';
import { DEFAULT_LIMITS, type ServerLimits } from './limits.js';
import { openApiDocument } from './openapi.js';
import { securityHeaders } from './security-headers.js';
import { staticSite } from './static-site.js';

/** What the app serves and with what bounds. */
export interface AppOptions {
  catalogue: Catalogue;
  pool: ComputePool;
  limits?: Partial<ServerLimits>;
  /** Folder of the built web app; without it only the API is served. */
  webRoot?: string;
  /** Host names the server answers to besides IP addresses and localhost (the Host allow-list). */
  allowedHosts?: readonly string[];
  /** Where one-line notices of refused requests go (default stderr). */
  log?: (line: string) => void;
  /** A fit's parameters (serve --params): every run and ensemble starts from them; a request's own mechanisms and params win. */
  parameters?: { mechanisms: Record<string, boolean>; params: Record<string, number> };
}

/** The name user-supplied scenario text goes by in diagnostics. */
export const REQUEST_FILE = 'request';

/**
 * Builds the app. Call `app.request()` in tests, or hand `app.fetch` to a server.
 * @example const { app } = createApp({ catalogue, pool: new ComputePool(2, 64) }); await app.request('/api/scenarios');
 */
export function createApp(options: AppOptions): { app: Hono; jobs: JobStore; limits: ServerLimits } {
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const { catalogue, pool } = options;
  const jobs = new JobStore(pool, limits);
  const openapi = JSON.stringify(openApiDocument(limits));
  const app = new Hono();

  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  app.use(securityHeaders());
  app.use(hostCheck(options.allowedHosts ?? [], log));
  // The body first, within its own bounds; only then does a request count against its client, so slow bodies block nobody.
  app.use('/api/*', bodyReader(limits, log));
  app.use('/api/*', clientConcurrency(limits.clientRequests, ['/api/health']));

  /** The scenario a request names or carries. */
  const scenarioOf = (body: { scenario?: string; name?: string }): ScenarioText => {
    if (body.scenario !== undefined) return { text: body.scenario, file: REQUEST_FILE };
    const text = catalogue.text(body.name!);
    if (text === undefined) throw new ApiError('unknown_scenario', `no shipped scenario is called "${body.name}"; see GET /api/scenarios`);
    return { text, file: catalogue.scenarios.find((s) => s.name === body.name)!.file };
  };
  const optionsOf = (b: S.RunRequest | S.EnsembleRequest): RunOptions => ({
    seed: b.seed,
    mode: b.mode,
    until: b.until,
    mechanisms: { ...options.parameters?.mechanisms, ...(b.mechanisms as Record<string, boolean> | undefined) },
    params: { ...options.parameters?.params, ...(b.params as Record<string, number> | undefined) },
    without: b.without,
    maxMonths: limits.months,
  });
  const compute = <T>(c: Context, task: Parameters<ComputePool['run']>[0]) =>
    pool.run<T>(task, { timeoutMs: limits.requestMs, signal: c.req.raw.signal });

  app.get('/api/health', (c) => c.json({ ok: true, version: SCHISM_VERSION }));
  app.get('/api/openapi.json', (c) => c.body(openapi, 200, { 'Content-Type': 'application/json; charset=utf-8' }));
  // The values only: where the fit was read from stays on the server.
  const start = options.parameters ? { mechanisms: options.parameters.mechanisms, params: options.parameters.params } : null;
  app.get('/api/parameters', (c) => c.json({ parameters: start }));
  // The app reads the same beside its own files: the build ships this file with null, so a static host answers it too.
  app.get('/start-parameters.json', (c) => c.json({ parameters: start }, 200, { 'Cache-Control': 'no-cache' }));
  app.get('/api/scenarios', (c) =>
    c.json({ reference: catalogue.reference, ...(catalogue.fallback ? { fallback: catalogue.fallback } : {}), scenarios: catalogue.scenarios }),
  );
  app.get('/api/scenarios/:name', (c) => {
    const name = c.req.param('name');
    const text = catalogue.text(name);
    if (text === undefined) throw new ApiError('unknown_scenario', 'no shipped scenario has that name; see GET /api/scenarios');
    return c.body(text, 200, { 'Content-Type': 'application/yaml; charset=utf-8' });
  });

  app.post('/api/validate', async (c) => {
    const body = readBody(c, S.ValidateRequest);
    return c.json(await compute(c, { kind: 'validate', scenario: scenarioOf(body) }));
  });

  app.post('/api/run', async (c) => {
    const body = readBody(c, S.RunRequest);
    return c.json(await compute(c, { kind: 'run', scenario: scenarioOf(body), options: optionsOf(body), series: body.series }));
  });

  app.post('/api/bargain', async (c) => {
    const { scenario, name, format, ...options } = readBody(c, S.BargainRequest);
    const source = scenarioOf({ scenario, name });
    // The bargaining reader tells scenarios from CSV by the name's extension; a shipped scenario keeps its own name.
    const file = scenario !== undefined ? (format === 'csv' ? 'request.csv' : 'request.yaml') : source.file;
    return c.json(await compute(c, { kind: 'bargain', text: source.text, file, options, maxActors: limits.bargainActors }));
  });

  app.post('/api/ensembles', async (c) => {
    const body = readBody(c, S.EnsembleRequest);
    if (body.runs > limits.ensembleRuns) throw new ApiError('too_many_runs', `at most ${limits.ensembleRuns} runs per ensemble`, { limit: limits.ensembleRuns });
    const scenario = scenarioOf(body);
    const options = optionsOf(body);
    // Check the scenario and options now, so that a bad request is refused at once rather than as a failed job.
    await compute(c, { kind: 'check', scenario, options });
    const job = jobs.start(clientOf(c), { kind: 'ensemble', scenario, options, runs: body.runs });
    c.header('Location', `/api/ensembles/${job.id}`);
    return c.json(job, 202);
  });
  app.get('/api/ensembles/:id', (c) => c.json(jobOr404(jobs.get(c.req.param('id')))));
  app.delete('/api/ensembles/:id', (c) => c.json(jobOr404(jobs.cancel(c.req.param('id')))));

  for (const path of ['/api/health', '/api/openapi.json', '/api/scenarios', '/api/scenarios/:name', '/api/validate', '/api/run', '/api/bargain', '/api/ensembles', '/api/ensembles/:id']) {
    app.all(path, (c) => {
      throw new ApiError('method_not_allowed', `${c.req.method} is not allowed on ${path}`);
    });
  }
  app.all('/api/*', () => {
    throw new ApiError('not_found', 'no such API endpoint; see /api/openapi.json');
  });
  if (options.webRoot) app.use(staticSite(options.webRoot));

  app.notFound((c) => c.json(errorBody('not_found', `nothing at ${c.req.path}`), 404));
  app.onError((err, c) => {
    if (err instanceof ApiError) {
      // A body refused for its shape (too deep) is abuse worth a line in the log, as oversized and slow ones are.
      if (err.code === 'invalid_json' && err.details !== undefined) log(`schism serve: refused a body from ${clientOf(c)}: ${err.code}: ${err.message}`);
      return sendError(c, err);
    }
    if (err instanceof HTTPException && err.status < 500) return sendError(c, new ApiError('invalid_request', err.message || 'bad request'));
    // A client that went away mid-request is not a fault of the server: one line, no stack.
    if (c.req.raw.signal.aborted) {
      log(`schism serve: ${c.req.method} ${c.req.path}: the client went away (${err.message})`);
      return sendError(c, new ApiError('incomplete_body', 'the client went away'));
    }
    console.error(`schism serve: ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}`);
    return sendError(c, new ApiError('internal_error', 'internal error; the server log has the details'));
  });
  return { app, jobs, limits };
}

function jobOr404<T>(job: T | undefined): T {
  if (!job) throw new ApiError('unknown_job', 'no such ensemble job (finished jobs are forgotten after a while)');
  return job;
}

/** Deepest nesting of a JSON body: no request needs more than 3, and the check costs one pass. */
const MAX_BODY_DEPTH = 32;

/** Reads the JSON body (already received by bodyReader) and checks it against a schema: 415 if not JSON, 400 invalid_json or invalid_request with the issues. */
function readBody<T extends z.ZodType>(c: Context, schema: T): z.infer<T> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new ApiError('unsupported_media_type', 'send the body as application/json');
  const text = bodyOf(c.req.raw) ?? '';
  if (jsonDepth(text) > MAX_BODY_DEPTH) throw new ApiError('invalid_json', `the body nests deeper than ${MAX_BODY_DEPTH} levels`, { limit: MAX_BODY_DEPTH });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ApiError('invalid_json', `the body is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: formatPath(i.path.filter((p): p is string | number => typeof p !== 'symbol')), message: i.message }));
    throw new ApiError('invalid_request', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
  }
  return parsed.data;
}

/** The deepest nesting of brackets in JSON text outside strings, in one pass. */
function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Skip the string, escapes included.
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
    } else if (c === 91 || c === 123) {
      if (++depth > max) max = depth;
    } else if (c === 93 || c === 125) depth--;
  }
  return max;
}
