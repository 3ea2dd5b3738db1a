// The work behind the API, run inside a compute worker: validate, run once, run an ensemble. Scenario text in, JSON out.
import { createHash } from 'node:crypto';
import { BreakDistribution } from '../../core/analysis/ensembles/break-distribution.js';
import { buildWorld } from '../../core/analysis/counterfactuals/counterfactual-world.js';
import { compile, type CompileOptions } from '../../core/engine/compile.js';
import type { Model } from '../../core/engine/model.js';
import { MECHANISM_IDS } from '../../core/engine/parameters.js';
import { runModel } from '../../core/engine/run.js';
import { simulateModel, type RunResult } from '../../core/engine/simulate.js';
import { STATUSES } from '../../core/engine/state.js';
import { reportedDyads } from '../../core/output/series.js';
import { runStream } from '../../core/random/streams.js';
import { NonFiniteState } from '../../core/engine/finite.js';
import { formatPath } from '../../core/scenario/diagnostic.js';
import { scenarioLocation, type ParseResult } from '../../core/scenario/parse.js';
import { readScenarioText } from '../../core/scenario/read-text.js';
import type { Scenario } from '../../core/scenario/schema.js';
import { monthLabel } from '../../core/time/month.js';
import { ApiError } from './api-error.js';
import { bargain, type BargainTask } from './bargain-task.js';
import type { EnsembleResult, RunResponse } from './api-schemas.js';

/** How a run departs from the scenario as written, plus its seed. */
export interface RunOptions extends CompileOptions {
  seed?: number;
  /** Refuse models longer than this many months (the server's bound on the size of a response). */
  maxMonths?: number;
}

/** A scenario to work on: its text and the name it goes by in messages. */
export interface ScenarioText {
  text: string;
  file: string;
}

/** Every task a compute worker can do. */
export type Task =
  | { kind: 'validate'; scenario: ScenarioText }
  | { kind: 'check'; scenario: ScenarioText; options: RunOptions }
  | { kind: 'run'; scenario: ScenarioText; options: RunOptions; series: boolean }
  | { kind: 'ensemble'; scenario: ScenarioText; options: RunOptions; runs: number }
  | ({ kind: 'bargain' } & BargainTask)
  /** Blocks its worker until the worker is ended: lets tests of the time bound and cancelling not depend on load. */
  | { kind: 'block' };

/** Reports how many of an ensemble's runs are done. */
export type Progress = (done: number, total: number) => void;

/** The client's error for what a task threw: a run gone non-finite is the scenario's fault, located at the input most likely behind it. */
export function clientError(err: unknown): unknown {
  if (!(err instanceof NonFiniteState)) return err;
  const at = err.scenario ? scenarioLocation(err.scenario, err.path) : { file: 'request', line: 1, column: 1 };
  return new ApiError('invalid_scenario', err.message, { diagnostics: [{ ...at, path: formatPath(err.path), code: 'run.non_finite', message: err.message }] });
}

/** Does one task; throws ApiError for anything the client got wrong. */
export function performTask(task: Task, progress: Progress = () => {}): unknown {
  switch (task.kind) {
    case 'validate':
      return validateScenario(task.scenario);
    case 'check':
      compileChecked(task.scenario, task.options);
      return { ok: true };
    case 'run':
      return runOnce(task.scenario, task.options, task.series);
    case 'ensemble':
      return runEnsemble(task.scenario, task.options, task.runs, progress);
    case 'bargain':
      return bargain(task);
    case 'block':
      // Sleeps without using a core until the pool ends the worker; never returns.
      for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  }
}

/** Checks a scenario, reporting every located problem, or what it holds when it is valid. */
export function validateScenario(source: ScenarioText): { valid: boolean; diagnostics: unknown[]; scenario?: Record<string, unknown> } {
  const r = parseCached(source);
  if (!r.ok) return { valid: false, diagnostics: r.diagnostics };
  const s = r.scenario;
  return {
    valid: true,
    diagnostics: [],
    scenario: { title: s.meta.title, actors: s.actors.length, issues: s.issues.length, events: s.events.length, sources: s.sources.length },
  };
}

/** Parses and compiles, turning every problem into the client's error: invalid scenario, unknown event or bad option. */
export function compileChecked(source: ScenarioText, options: RunOptions): Model {
  const scenario = parsed(source);
  const known = new Set(scenario.events.map((e) => e.id));
  const unknown = (options.without ?? []).filter((id) => !known.has(id));
  if (unknown.length > 0) throw new ApiError('unknown_option', `no event with id ${unknown.map((u) => `"${u}"`).join(', ')} in the scenario`, { without: unknown });
  refuseMootRemovals(scenario, options);
  let model: Model;
  try {
    model = compile(scenario, options);
  } catch (err) {
    if (err instanceof RangeError) throw new ApiError('unknown_option', err.message.replace(/^--until/, 'until'));
    throw err;
  }
  if (options.maxMonths !== undefined && model.months > options.maxMonths) {
    throw new ApiError('too_many_months', `the run covers ${model.months} months; the server runs at most ${options.maxMonths} (shorten the period or set until)`, { limit: options.maxMonths });
  }
  return model;
}

/**
 * Refuses, as the command line does, to leave out record events in predict mode: the model never reads the record there,
 * so the answer would be the scenario as written, returned as if it were a counterfactual.
 */
function refuseMootRemovals(scenario: Scenario, options: RunOptions): void {
  if ((options.mode ?? 'predict') !== 'predict' || !options.without?.length) return;
  const record = options.without.filter((id) => scenario.events.some((e) => e.id === id && e.role === 'record'));
  if (record.length === 0) return;
  try {
    buildWorld(scenario, { without: record });
  } catch (err) {
    if (err instanceof RangeError) throw new ApiError('no_effect', `${err.message.replace(/^--without /, 'without: ')} (mode "replay" applies the record, where leaving it out does change the run)`, { without: record });
    throw err;
  }
}

/** Parses recently seen texts once: YAML parsing dominates a request (about 100 ms for the reference scenario). */
const recent = new Map<string, ParseResult>();
const RECENT = 8;

/** The parse of a scenario text, from a small most-recently-used cache keyed by file name and text digest. */
export function parseCached(source: ScenarioText): ParseResult {
  const key = `${source.file}\0${createHash('sha256').update(source.text).digest('base64')}`;
  let r = recent.get(key);
  if (r) {
    recent.delete(key);
  } else {
    r = readScenarioText(source.text, source.file);
    if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
  }
  recent.set(key, r);
  return r;
}

function parsed(source: ScenarioText): Scenario {
  const r = parseCached(source);
  if (!r.ok) throw new ApiError('invalid_scenario', `${source.file} has ${r.diagnostics.length} problem${r.diagnostics.length === 1 ? '' : 's'}`, { diagnostics: r.diagnostics });
  return r.scenario;
}

/** Most actor-pair-months a recorded run may hold (each costs two doubles): 4 million is 64 MB. */
export const SERIES_CELLS = 4_000_000;

/** Runs once with full recording and returns the summary and, if asked, the monthly series. */
export function runOnce(source: ScenarioText, options: RunOptions, series: boolean): RunResponse {
  const model = compileChecked(source, options);
  const seed = options.seed ?? model.scenario.meta.seed;
  // A recorded run keeps every directed pair's relation for every month: bound it before allocating it.
  const cells = model.actorIds.length ** 2 * model.months;
  if (series && cells > SERIES_CELLS) {
    throw new ApiError('series_too_large', `series of ${model.actorIds.length} actors over ${model.months} months are too large to record; ask for series: false or a shorter period`, {
      actors: model.actorIds.length,
      months: model.months,
      limit: SERIES_CELLS,
    });
  }
  // Without series the summary-only run suffices (the same stream, so the same summary), at a fraction of the cost.
  const result = series ? simulateModel(model, seed, 0) : undefined;
  const summary = result ? result.summary : runModel(model, runStream(seed, 0));
  const label = (t: number) => (t < 0 ? null : monthLabel(model.start + t));
  return {
    scenario: { title: model.scenario.meta.title, file: source.file },
    seed,
    mode: model.mode,
    months: Array.from({ length: model.months }, (_, t) => monthLabel(model.start + t)),
    alliances: model.alliances.map((al, a) => ({
      id: al.id,
      members: [model.actorIds[al.a], model.actorIds[al.b]] as [string, string],
      initial: summary.initial[a],
      changes: summary.changes.filter((c) => c.alliance === a).map((c) => ({ month: monthLabel(model.start + c.month), from: c.from, to: c.to })),
      firstBreak: label(summary.firstBreak[a]),
      firstHostile: label(summary.firstHostile[a]),
    })),
    acts: summary.acts,
    ...(result ? { series: seriesJson(result) } : {}),
  };
}

/** Rounds as the CSV writer does (6 decimals), so JSON and CSV agree; non-finite values become null. */
function round(x: number): number | null {
  if (!Number.isFinite(x)) return null;
  const r = Math.round(x * 1e6) / 1e6;
  return r === 0 ? 0 : r;
}

function slice(values: Float64Array, from: number, length: number, stride = 1, offset = 0): (number | null)[] {
  const out = new Array<number | null>(length);
  for (let t = 0; t < length; t++) out[t] = round(values[(from + t) * stride + offset]);
  return out;
}

/** The monthly series of a recorded run, column by column. */
function seriesJson(r: RunResult): NonNullable<RunResponse['series']> {
  const { model } = r;
  const T = model.months;
  const n = model.actorIds.length;
  const M = MECHANISM_IDS.length;
  const ids = model.actorIds;
  return {
    members: model.alliances.flatMap((al, a) =>
      [al.a, al.b].map((i, side) => {
        const slot = a * 2 + side;
        return {
          alliance: al.id,
          actor: ids[i],
          counterpart: ids[side === 0 ? al.b : al.a],
          value: slice(r.value, slot * T, T),
          outside: slice(r.outside, slot * T, T),
          margin: slice(r.margin, slot * T, T),
          contribution: Object.fromEntries(MECHANISM_IDS.map((m, k) => [m, slice(r.contrib, slot * T, T, M, k)])),
        };
      }),
    ),
    status: model.alliances.map((al, a) => ({ alliance: al.id, values: Array.from(r.status.subarray(a * T, (a + 1) * T), (s) => STATUSES[s]) })),
    dyads: reportedDyads(r).map((d) => ({
      from: ids[Math.floor(d / n)],
      to: ids[d % n],
      relation: slice(r.relation, d * T, T),
      cooperation: slice(r.cooperation, d * T, T),
    })),
  };
}

/** Runs `runs` summary-only runs (run i draws from runStream(seed, i)) and sums them up in constant memory. */
export function runEnsemble(source: ScenarioText, options: RunOptions, runs: number, progress: Progress): EnsembleResult {
  const model = compileChecked(source, options);
  const seed = options.seed ?? model.scenario.meta.seed;
  const acc = new BreakDistribution(model.start, model.months, model.alliances.map((a) => a.id));
  progress(0, runs);
  // Report about every 1% of the runs (at least every 100), so that progress is cheap and still moves.
  const every = Math.max(100, Math.floor(runs / 100));
  for (let i = 0; i < runs; i++) {
    acc.add(runModel(model, runStream(seed, i)));
    if ((i + 1) % every === 0) progress(i + 1, runs);
  }
  progress(runs, runs);
  return { ...acc.result(), seed, mode: model.mode };
}
