// API errors: one JSON shape, { error: { code, message, details? } }, with stable codes and their HTTP statuses.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every error code the API can answer with, and its HTTP status. Codes are stable: clients may switch on them. */
export const ERROR_STATUS = {
  invalid_json: 400,
  invalid_request: 400,
  incomplete_body: 400,
  too_many_runs: 400,
  too_many_months: 400,
  series_too_large: 400,
  unknown_option: 400,
  host_not_allowed: 403,
  not_found: 404,
  unknown_scenario: 404,
  unknown_job: 404,
  method_not_allowed: 405,
  body_timeout: 408,
  cancelled: 409,
  body_too_large: 413,
  unsupported_media_type: 415,
  invalid_scenario: 422,
  unsuitable_input: 422,
  no_effect: 422,
  compute_time_exceeded: 422,
  too_many_requests: 429,
  too_many_jobs: 429,
  internal_error: 500,
  server_busy: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

/** A stable error code. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** An error the API reports to the client as JSON. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** The HTTP status of this error. */
  get status(): ContentfulStatusCode {
    return ERROR_STATUS[this.code];
  }
}

/** The JSON body of an error. */
export function errorBody(code: ErrorCode, message: string, details?: unknown): { error: { code: ErrorCode; message: string; details?: unknown } } {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Answers a request with an ApiError as JSON. */
export function sendError(c: Context, err: ApiError): Response {
  if (err.code === 'server_busy' || err.code === 'too_many_requests' || err.code === 'too_many_jobs') c.header('Retry-After', '1');
  return c.json(errorBody(err.code, err.message, err.details), err.status);
}
