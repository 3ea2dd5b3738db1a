// The HTTP API's request and response bodies as zod schemas: they check requests and generate the OpenAPI document.
import { z } from 'zod';
import { MECHANISM_IDS, MECHANISMS, RULES } from '../../core/engine/parameters.js';
import { STATUSES } from '../../core/engine/state.js';
import { EventDate, Id } from '../../core/scenario/schema.js';

/** Every parameter a run may override, as `mechanism.param` or `rules.param`. */
export const PARAMETER_KEYS = [
  ...MECHANISM_IDS.flatMap((m) => Object.keys(MECHANISMS[m].params).map((p) => `${m}.${p}`)),
  ...Object.keys(RULES).map((r) => `rules.${r}`),
] as [string, ...string[]];

const Month = z.string().describe('a calendar month, YYYY-MM');
const Status = z.enum(STATUSES);

const source = {
  scenario: z.string().min(1).optional().describe('scenario text (YAML or JSON), as in a scenario file'),
  name: z.string().min(1).max(100).optional().describe('name of a shipped scenario (see GET /api/scenarios), instead of its text'),
};

/** Exactly one of `scenario` and `name`. */
function oneSource(value: { scenario?: string; name?: string }, ctx: z.RefinementCtx): void {
  if ((value.scenario === undefined) === (value.name === undefined)) {
    ctx.addIssue({ code: 'custom', path: [], message: 'give exactly one of "scenario" (text) and "name" (a shipped scenario)' });
  }
}

/** Refuses a parameter override outside its declared bounds: the model was not built for such values, and some overflow. */
function withinDeclaredBounds(params: Partial<Record<string, number>>, ctx: z.RefinementCtx): void {
  for (const [key, value] of Object.entries(params)) {
    const [group, name] = key.split('.', 2);
    const spec = group === 'rules' ? RULES[name] : MECHANISMS[group].params[name];
    if (value !== undefined && (value < spec.min || value > spec.max)) {
      ctx.addIssue({ code: 'custom', path: [key], message: `${key} = ${value} is outside its declared bounds [${spec.min}, ${spec.max}]` });
    }
  }
}

const runOptions = {
  seed: z.number().int().min(0).max(0xffffffff).optional().describe("master seed; default the scenario's meta.seed"),
  mode: z.enum(['predict', 'replay']).default('predict').describe('predict from drivers only, or replay the record too'),
  until: EventDate.optional().describe('last month to simulate, YYYY-MM or YYYY-MM-DD'),
  mechanisms: z.partialRecord(z.enum(MECHANISM_IDS as [string, ...string[]]), z.boolean()).optional().describe('switch mechanisms on or off by id'),
  params: z
    .partialRecord(z.enum(PARAMETER_KEYS), z.number())
    .superRefine(withinDeclaredBounds)
    .optional()
    .describe('parameter overrides, mechanism.param or rules.param, each within its declared bounds (the priors a fit searches)'),
  without: z.array(Id).max(10_000).optional().describe('ids of scenario events to leave out (a counterfactual)'),
};

/** POST /api/validate */
export const ValidateRequest = z.strictObject({ ...source }).superRefine(oneSource);

/** POST /api/run */
export const RunRequest = z
  .strictObject({ ...source, ...runOptions, series: z.boolean().default(true).describe('include the monthly series (default true)') })
  .superRefine(oneSource)
  ;

/** POST /api/ensembles */
export const EnsembleRequest = z
  .strictObject({ ...source, ...runOptions, runs: z.number().int().min(1).describe('number of runs (seeds derived from seed and run index)') })
  .superRefine(oneSource)
  ;

/** POST /api/bargain */
export const BargainRequest = z
  .strictObject({
    ...source,
    format: z.enum(['scenario', 'csv']).default('scenario').describe('how to read `scenario` text: a scenario (YAML/JSON) or a CSV (KTAB SMP or actor table)'),
    model: z.enum(['bdm', 'smp']).default('bdm').describe('bdm (Bueno de Mesquita, after Scholz et al. 2011) or smp (KTAB Spatial Model of Politics)'),
    rounds: z.number().int().min(1).max(1000).optional().describe('rounds (BDM, default 10) or maximum turns (SMP, default 100)'),
    seed: z.number().int().min(0).max(0xffffffff).default(1).describe('seed for stochastic runs'),
    date: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month is written YYYY-MM').optional().describe('scenario input: the month whose positions are used'),
    salienceScale: z.union([z.literal(1), z.literal(100)]).default(1).describe('actor table: saliences are written on 0..1 or 0..100'),
    shock: z.number().min(0).max(1).default(0).describe('BDM: chance each round that each salience is redrawn'),
    rule: z.enum(['scholz', 'bdm1994']).default('scholz').describe("BDM variant: Scholz et al.'s code, or pairwise probability with least-move offers"),
    q: z.number().min(0).max(1).optional().describe('BDM: probability that the status quo persists'),
    t: z.number().min(0).max(1).optional().describe('BDM: probability that a changed status quo moves toward the challenger'),
    stochastic: z.boolean().default(false).describe("SMP: draw new positions from the bargains' probabilities"),
  })
  .superRefine(oneSource);

/** The answer of POST /api/bargain: per issue, the positions round by round and the forecast. */
export const BargainResponse = z.object({
  model: z.enum(['bdm', 'smp']),
  kind: z.enum(['scenario', 'ktab-csv', 'actor-table']),
  date: z.string().optional(),
  issues: z.array(
    z.object({
      issue: z.string(),
      skipped: z.string().optional().describe('why the issue was not run'),
      statusQuo: z.number().optional(),
      actors: z.array(z.string()),
      dimensions: z.array(z.object({ id: z.string(), name: z.string(), low: z.number(), high: z.number() })),
      forecast: z.array(z.number()).describe('per dimension, on its own scale'),
      forecastByRound: z.array(z.array(z.number())),
      rounds: z.array(z.array(z.array(z.number()))).describe('rounds[t][actor][dimension]'),
      stop: z.string(),
    }),
  ),
});

/** A problem in a scenario, located in its text. */
export const DiagnosticSchema = z
  .object({ file: z.string(), line: z.number().int(), column: z.number().int(), path: z.string(), code: z.string(), message: z.string() })
  ;

/** The body of every error. */
export const ErrorResponse = z
  .object({ error: z.object({ code: z.string().describe('stable error code'), message: z.string(), details: z.unknown().optional() }) })
  ;

/** A shipped scenario in the list. */
export const ScenarioEntry = z
  .object({
    name: z.string(),
    file: z.string(),
    title: z.string().nullable(),
    period: z.object({ start: Month, end: Month }).nullable(),
    valid: z.boolean(),
  })
  ;

/** GET /api/scenarios */
export const ScenarioList = z
  .object({ reference: z.string().describe('the scenario the app opens with'), fallback: z.string().optional(), scenarios: z.array(ScenarioEntry) })
  ;

/** What a valid scenario holds. */
const ScenarioCounts = z.object({ title: z.string(), actors: z.number().int(), issues: z.number().int(), events: z.number().int(), sources: z.number().int() });

/** The answer of POST /api/validate: valid or not, with every located problem. */
export const ValidateResponse = z
  .object({ valid: z.boolean(), diagnostics: z.array(DiagnosticSchema), scenario: ScenarioCounts.optional() })
  ;

const Series = z.array(z.number().nullable());

/** The answer of POST /api/run. */
export const RunResponse = z
  .object({
    scenario: z.object({ title: z.string(), file: z.string() }),
    seed: z.number().int(),
    mode: z.enum(['predict', 'replay']),
    months: z.array(Month),
    alliances: z.array(
      z.object({
        id: z.string(),
        members: z.tuple([z.string(), z.string()]),
        initial: Status,
        changes: z.array(z.object({ month: Month, from: Status, to: Status })),
        firstBreak: Month.nullable(),
        firstHostile: Month.nullable(),
      }),
    ),
    acts: z.number().int().describe('number of acts the model chose'),
    series: z
      .object({
        members: z.array(
          z.object({
            alliance: z.string(),
            actor: z.string(),
            counterpart: z.string(),
            value: Series,
            outside: Series,
            margin: Series,
            contribution: z.record(z.string(), Series).describe('per mechanism'),
          }),
        ),
        status: z.array(z.object({ alliance: z.string(), values: z.array(Status) })),
        dyads: z.array(z.object({ from: z.string(), to: z.string(), relation: Series, cooperation: Series })),
      })
      .optional()
      .describe('monthly series, one entry per month of `months`; numbers rounded to 6 decimals'),
  })
  ;

const Quantiles = z.object({ p05: Month.nullable(), p25: Month.nullable(), p50: Month.nullable(), p75: Month.nullable(), p95: Month.nullable() });

/** The result of an ensemble: first-break quantiles and status shares per month. */
export const EnsembleResult = z
  .object({
    runs: z.number().int(),
    seed: z.number().int(),
    mode: z.enum(['predict', 'replay']),
    months: z.array(Month),
    alliances: z.array(
      z.object({
        id: z.string(),
        neverBroken: z.number(),
        neverHostile: z.number(),
        firstBreak: Quantiles,
        firstHostile: Quantiles,
        firstBreakByYear: z.array(z.object({ year: z.number().int(), runs: z.number().int() })),
        status: z.record(Status, z.array(z.number())).describe('share of runs in each status, per month'),
      }),
    ),
  })
  ;

/** An ensemble job as GET /api/ensembles/:id reports it. */
export const EnsembleJob = z
  .object({
    id: z.string(),
    status: z.enum(['running', 'done', 'failed', 'cancelled']),
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    created: z.string().describe('ISO time the job was accepted'),
    result: EnsembleResult.optional(),
    error: ErrorResponse.shape.error.optional(),
  })
  ;

/** GET /api/health */
export const Health = z.object({ ok: z.literal(true), version: z.string() });

/** The parameters every run starts from (serve --params), or null when the server was started without a fit's. */
export const StartParameters = z.object({
  parameters: z
    .object({
      mechanisms: z.record(z.string(), z.boolean()).describe('mechanisms the fit switched on or off'),
      params: z.record(z.string(), z.number()).describe('parameter values by `mechanism.param` or `rules.param`'),
    })
    .nullable(),
});

/** Parsed request types. */
export type RunRequest = z.infer<typeof RunRequest>;
export type EnsembleRequest = z.infer<typeof EnsembleRequest>;
export type ValidateRequest = z.infer<typeof ValidateRequest>;
export type BargainRequest = z.infer<typeof BargainRequest>;
export type BargainResponse = z.infer<typeof BargainResponse>;
export type RunResponse = z.infer<typeof RunResponse>;
export type EnsembleResult = z.infer<typeof EnsembleResult>;
