// The OpenAPI 3.1 document of the HTTP API, generated from the same zod schemas that check the requests.
import { z } from 'zod';
import { SCHISM_VERSION } from '../../core/version.js';
import { ERROR_STATUS } from './api-error.js';
import * as S from './api-schemas.js';
import type { ServerLimits } from './limits.js';

type Json = Record<string, unknown>;

/** Request bodies are described as clients write them (defaults optional); responses as the server writes them. */
function components(): Json {
  const ref = (id: string) => `#/components/schemas/${id}`;
  const requests = z.registry<{ id: string }>();
  requests.add(S.ValidateRequest, { id: 'ValidateRequest' });
  requests.add(S.RunRequest, { id: 'RunRequest' });
  requests.add(S.EnsembleRequest, { id: 'EnsembleRequest' });
  requests.add(S.BargainRequest, { id: 'BargainRequest' });
  const responses = z.registry<{ id: string }>();
  responses.add(S.DiagnosticSchema, { id: 'Diagnostic' });
  responses.add(S.ErrorResponse, { id: 'Error' });
  responses.add(S.ScenarioEntry, { id: 'ScenarioEntry' });
  responses.add(S.ScenarioList, { id: 'ScenarioList' });
  responses.add(S.ValidateResponse, { id: 'ValidateResponse' });
  responses.add(S.RunResponse, { id: 'RunResponse' });
  responses.add(S.EnsembleResult, { id: 'EnsembleResult' });
  responses.add(S.EnsembleJob, { id: 'EnsembleJob' });
  responses.add(S.Health, { id: 'Health' });
  responses.add(S.StartParameters, { id: 'StartParameters' });
  responses.add(S.BargainResponse, { id: 'BargainResponse' });
  const out: Json = {};
  for (const [registry, io] of [[requests, 'input'], [responses, 'output']] as const) {
    const { schemas } = z.toJSONSchema(registry, { uri: ref, io, unrepresentable: 'any' }) as { schemas: Record<string, Json> };
    for (const [id, schema] of Object.entries(schemas)) {
      const { $schema: _s, $id: _i, ...rest } = schema;
      out[id] = rest;
    }
  }
  return out;
}

const json = (schema: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } });
const ok = (description: string, schema: string) => ({ description, content: json(schema) });
const errors = (...codes: (keyof typeof ERROR_STATUS)[]) => {
  const byStatus = new Map<number, string[]>();
  for (const code of ['invalid_json', 'invalid_request', 'body_too_large', 'unsupported_media_type', 'too_many_requests', ...codes] as const) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries([...byStatus].map(([status, list]) => [String(status), { description: `error: ${[...new Set(list)].join(', ')}`, content: json('Error') }]));
};
const body = (schema: string) => ({ required: true, content: json(schema) });

/** The OpenAPI document, with the server's limits written into the descriptions. */
export function openApiDocument(limits: ServerLimits): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'schism HTTP API',
      version: SCHISM_VERSION,
      description:
        `Validate, run and summarise alliance scenarios. Limits: request bodies up to ${limits.bodyBytes} bytes; ` +
        `${limits.ensembleRuns} runs per ensemble; ${limits.months} months per run; ${limits.requestMs} ms of compute per request and ${limits.jobMs} ms per ensemble job; ` +
        `${limits.clientRequests} requests in flight and ${limits.clientJobs} unfinished jobs per client. Every error is JSON {error: {code, message, details?}}.`,
    },
    paths: {
      '/api/health': { get: { summary: 'Liveness and version', responses: { '200': ok('up', 'Health') } } },
      '/api/scenarios': { get: { summary: 'The shipped scenarios, by name', responses: { '200': ok('the list', 'ScenarioList') } } },
      '/api/parameters': {
        get: {
          summary: 'The fitted parameters every run and ensemble starts from (`schism serve --params`), or null; a request\'s own mechanisms and params win',
          responses: { '200': ok('the parameters', 'StartParameters') },
        },
      },
      '/api/scenarios/{name}': {
        get: {
          summary: 'The YAML text of a shipped scenario',
          parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'the scenario file', content: { 'application/yaml': { schema: { type: 'string' } } } },
            '404': { description: 'error: unknown_scenario', content: json('Error') },
          },
        },
      },
      '/api/validate': {
        post: {
          summary: 'Check a scenario; every problem located by line, column and path',
          requestBody: body('ValidateRequest'),
          responses: { '200': ok('valid or not, with diagnostics', 'ValidateResponse'), ...errors('unknown_scenario', 'compute_time_exceeded', 'server_busy') },
        },
      },
      '/api/run': {
        post: {
          summary: 'Run a scenario once: summary and monthly series',
          requestBody: body('RunRequest'),
          responses: {
            '200': ok('the run', 'RunResponse'),
            ...errors('unknown_scenario', 'invalid_scenario', 'unknown_option', 'no_effect', 'too_many_months', 'series_too_large', 'compute_time_exceeded', 'server_busy'),
          },
        },
      },
      '/api/bargain': {
        post: {
          summary: 'Forecast issue bargaining with BDM or KTAB SMP: positions round by round and the forecast per issue',
          requestBody: body('BargainRequest'),
          responses: {
            '200': ok('the forecast', 'BargainResponse'),
            ...errors('unknown_scenario', 'invalid_scenario', 'unsuitable_input', 'compute_time_exceeded', 'server_busy'),
          },
        },
      },
      '/api/ensembles': {
        post: {
          summary: 'Start an ensemble job (runs in the background)',
          requestBody: body('EnsembleRequest'),
          responses: {
            '202': { ...ok('accepted; poll Location', 'EnsembleJob'), headers: { Location: { schema: { type: 'string' } } } },
            ...errors('too_many_runs', 'too_many_months', 'unknown_scenario', 'invalid_scenario', 'unknown_option', 'no_effect', 'too_many_jobs', 'server_busy'),
          },
        },
      },
      '/api/ensembles/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        get: { summary: 'Progress of a job, and its result when done', responses: { '200': ok('the job', 'EnsembleJob'), '404': { description: 'error: unknown_job', content: json('Error') } } },
        delete: {
          summary: 'Cancel a running job, or forget a finished one',
          responses: { '200': ok('the job as it was left', 'EnsembleJob'), '404': { description: 'error: unknown_job', content: json('Error') } },
        },
      },
      '/api/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': {} } } } } },
    },
    components: { schemas: components() },
  };
}
