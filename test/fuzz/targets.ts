// The fuzzer's targets: each makes a seeded case from a valid input and checks what the code does with it (no crash, located diagnostics, no NaN;
// for scenarios, the quick reader never accepting what the located one refuses nor reading it otherwise).
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { parseActorTable } from '../../src/core/bargaining/actor-table.js';
import { parseKtabCsv } from '../../src/core/bargaining/ktab-csv.js';
import { modelDiagnostics, runBargaining } from '../../src/core/bargaining/models.js';
import { forecastCsv, positionsCsv, summaryCsv } from '../../src/core/bargaining/report.js';
import type { BargainingProblem } from '../../src/core/bargaining/types.js';
import { buildWorld } from '../../src/core/analysis/counterfactuals/counterfactual-world.js';
import { compile, type CompileOptions } from '../../src/core/engine/compile.js';
import { NonFiniteState } from '../../src/core/engine/finite.js';
import { simulateModel, type RunResult } from '../../src/core/engine/simulate.js';
import { seriesCsv } from '../../src/core/output/series.js';
import { storyMarkdown } from '../../src/core/output/story.js';
import { runStream } from '../../src/core/random/streams.js';
import { InputError, type Diagnostic } from '../../src/core/scenario/diagnostic.js';
import { quickScenario } from '../../src/core/scenario/fast-parse.js';
import { loadScenarioText, parseScenario, scenarioLocation } from '../../src/core/scenario/parse.js';
import type { Scenario } from '../../src/core/scenario/schema.js';
import { parseVariant } from '../../src/core/scenario/variant.js';
import { monthIndex, monthLabel } from '../../src/core/time/month.js';
import { createApp } from '../../src/adapters/server/app.js';
import { catalogueOf } from '../../src/adapters/server/catalogue.js';
import type { ComputePool } from '../../src/adapters/server/compute-pool.js';
import { clientError, performTask, type Task } from '../../src/adapters/server/compute-tasks.js';
import { Dice, mutateCsvCase, mutateTextCase, mutateValue } from './mutate.js';

/** What one case came to. `crash` is set for an exception that is not a located refusal. */
export interface Outcome {
  status: 'valid' | 'refused' | 'usage' | 'stopped';
  /** Diagnostics without a file, line, column, path or one-line message. */
  unlocated: number;
  /** NaN or infinite values (or the text "NaN"/"Infinity") in the outputs of a case that ran. */
  nan: number;
  crash?: string;
}

/** A fuzz target: seeded cases from valid inputs, and the check of one case. */
export interface Target {
  name: string;
  /** The extension a saved failing case gets. */
  ext: string;
  make(seed: number, index: number): { input: string; kinds: string[] };
  check(input: string): Outcome | Promise<Outcome>;
}

const MINIMAL = readFileSync('test/fixtures/minimal.yaml', 'utf8');
const MINIMAL_SCENARIO = loadScenarioText(MINIMAL, 'minimal.yaml');
const KTAB = readFileSync('data/bargaining/ktab-china-soe-2016/SOE-Pol-Comp.csv', 'utf8');
const ACTORS = readFileSync('data/bargaining/bdm1994-ec-car-emissions/actors.csv', 'utf8');
const VARIANT = `variant: 1
title: A test counterfactual
without: [E1]
drivers: [E2]
move: { E4: "1954-01" }
set: { rules.noise: 0.5 }
events:
  - { id: X1, date: "1951-05", from: THIRD, to: BIG, role: driver, category: military, intensity: -5, description: a feint, effects: [{ type: threat, from: THIRD, to: BIG, level: 0.5 }], sources: [made-up] }
`;
/** Longest run a case is given: mutated periods can span millennia, and the check is of values, not of length. */
const MONTHS = 600;

/** True when a diagnostic names its file, a line and column from 1, a path, and a message on one line. */
export function located(d: Diagnostic): boolean {
  return typeof d.file === 'string' && d.file.length > 0 && Number.isInteger(d.line) && d.line >= 1 && Number.isInteger(d.column) && d.column >= 1
    && typeof d.path === 'string' && d.path.length > 0 && typeof d.message === 'string' && d.message.length > 0 && !/[\r\n]/.test(d.message) && !/[\r\n]/.test(d.path);
}

const refused = (diagnostics: Diagnostic[]): Outcome => ({ status: 'refused', unlocated: diagnostics.filter((d) => !located(d)).length, nan: 0 });

/** Non-finite numbers in a run's arrays, and "NaN"/"Infinity" in the texts written from it. */
function nonFinite(r: RunResult, texts: string[]): number {
  let n = 0;
  for (const xs of [r.value, r.outside, r.margin, r.contrib, r.relation, r.cooperation]) for (const x of xs) if (!Number.isFinite(x)) n++;
  for (const t of texts) n += (t.match(/\bNaN\b|Infinity/g) ?? []).length;
  return n;
}

/** Compiles and runs a valid scenario (at most MONTHS months) and counts non-finite outputs; a non-finite stop must be located. */
function runChecked(scenario: Scenario, options: CompileOptions = {}): Outcome {
  const start = monthIndex(scenario.meta.period.start);
  const capped = monthIndex(scenario.meta.period.end) - start >= MONTHS ? { ...options, until: monthLabel(start + MONTHS - 1) } : options;
  try {
    const model = compile(scenario, capped);
    const r = simulateModel(model, scenario.meta.seed, 0);
    return { status: 'valid', unlocated: 0, nan: nonFinite(r, [seriesCsv(r), storyMarkdown(r)]) };
  } catch (err) {
    if (err instanceof NonFiniteState) {
      const at = scenarioLocation(scenario, err.path);
      return { status: 'stopped', unlocated: located({ ...at, path: err.path.join('.') || '(document)', code: 'run.non_finite', message: err.message }) ? 0 : 1, nan: 0 };
    }
    if (err instanceof RangeError) return { status: 'usage', unlocated: 0, nan: 0 };
    throw err;
  }
}

function checkScenario(text: string, file: string): Outcome {
  const r = parseScenario(text, file);
  // The commands read with the quick reader first: it may hand a text over, but never accept one the located reader
  // refuses or read one otherwise.
  const quick = quickScenario(text, file);
  if (quick && !(r.ok && isDeepStrictEqual(quick, r.scenario))) {
    return { status: r.ok ? 'valid' : 'refused', unlocated: 0, nan: 0, crash: r.ok ? 'the quick reader reads it otherwise than the located one' : 'the quick reader accepts what the located one refuses' };
  }
  return r.ok ? runChecked(r.scenario) : refused(r.diagnostics);
}

/** Reads a table, runs both models on it when they take it, and checks the written files. */
function checkTable(read: () => BargainingProblem, file: string): Outcome {
  let problem: BargainingProblem;
  try {
    problem = read();
  } catch (err) {
    if (err instanceof InputError) return refused(err.diagnostics);
    throw err;
  }
  let nan = 0;
  let unlocated = 0;
  // Bound the work as `bargain --max-actors` does; large tables are the reader's concern here.
  if (problem.actors.length > 200) return { status: 'usage', unlocated, nan };
  for (const model of ['bdm', 'smp'] as const) {
    const objections = modelDiagnostics(model, problem, file);
    unlocated += objections.filter((d) => !located(d)).length;
    if (objections.length) continue;
    const run = runBargaining(model, problem, { rounds: 5 }, runStream(1, 0));
    const issue = { issue: 'x', problem };
    const texts = [positionsCsv([{ issue, run }]), forecastCsv([{ issue, run }]), summaryCsv([{ issue, run }])];
    // Numbers, not text: an actor may well be called "Infinity".
    for (const xs of [run.forecast, ...run.forecastByRound, ...run.rounds.flat()]) for (const x of xs) if (!Number.isFinite(x)) nan++;
    for (const t of texts) {
      // A cell that a spreadsheet would run is a defect as well: counted with the unlocated, as a check that failed.
      if (/(^|,)"?[=+@]/m.test(t)) unlocated++;
    }
  }
  return { status: 'valid', unlocated, nan };
}

/** A pool that does each task at once, in this thread, as a compute worker would. */
const inline = {
  run: async (task: Task) => {
    try {
      return performTask(task);
    } catch (err) {
      throw clientError(err);
    }
  },
} as unknown as ComputePool;
const { app } = createApp({ catalogue: catalogueOf({ minimal: MINIMAL }), pool: inline, log: () => {} });

/** Non-finite numbers that a run's JSON turned into null in its series. */
function nullsInSeries(body: { series?: { members: Record<string, unknown>[]; dyads: Record<string, unknown>[] } }): number {
  if (!body.series) return 0;
  let n = 0;
  const count = (xs: unknown) => {
    if (Array.isArray(xs)) for (const x of xs) if (x === null) n++;
  };
  for (const m of body.series.members) {
    count(m.value);
    count(m.outside);
    count(m.margin);
    for (const xs of Object.values(m.contribution as Record<string, unknown>)) count(xs);
  }
  for (const d of body.series.dyads) {
    count(d.relation);
    count(d.cooperation);
  }
  return n;
}

const API_BASES: { path: string; body: Record<string, unknown> }[] = [
  { path: '/api/validate', body: { scenario: MINIMAL } },
  { path: '/api/run', body: { name: 'minimal', seed: 7, series: true } },
  { path: '/api/run', body: { scenario: MINIMAL, series: true, mode: 'replay', until: '1953-06', params: { 'security.entrapment': 0.7, 'rules.noise': 0.3 }, mechanisms: { ideology: false }, without: ['E1'] } },
  { path: '/api/bargain', body: { scenario: ACTORS, format: 'csv', model: 'bdm', rounds: 3 } },
  { path: '/api/bargain', body: { scenario: KTAB, format: 'csv', model: 'smp', rounds: 3 } },
  { path: '/api/bargain', body: { name: 'minimal', model: 'bdm' } },
];

/** Every target the fuzzer runs. */
export const TARGETS: Target[] = [
  {
    name: 'scenario-yaml',
    ext: 'yaml',
    make: (seed, i) => { const m = mutateTextCase(MINIMAL, new Dice(seed, i)); return { input: m.text, kinds: m.kinds }; },
    check: (input) => checkScenario(input, 'case.yaml'),
  },
  {
    name: 'scenario-json',
    ext: 'json',
    make: (seed, i) => {
      const dice = new Dice(seed ^ 0x5a5a, i);
      const data = JSON.parse(JSON.stringify(MINIMAL_SCENARIO)) as unknown;
      if (dice.chance(0.6)) mutateValue(data, dice);
      const text = JSON.stringify(data, null, dice.chance(0.5) ? 2 : 0);
      const m = dice.chance(0.5) ? mutateTextCase(text, dice) : { text, kinds: ['value'] };
      return { input: m.text, kinds: m.kinds };
    },
    check: (input) => checkScenario(input, 'case.json'),
  },
  {
    name: 'ktab-csv',
    ext: 'csv',
    make: (seed, i) => { const m = mutateCsvCase(KTAB, new Dice(seed ^ 0x1111, i)); return { input: m.text, kinds: m.kinds }; },
    check: (input) => checkTable(() => parseKtabCsv(input, 'case.csv'), 'case.csv'),
  },
  {
    name: 'actor-table',
    ext: 'csv',
    make: (seed, i) => { const m = mutateCsvCase(ACTORS, new Dice(seed ^ 0x2222, i)); return { input: m.text, kinds: m.kinds }; },
    check: (input) => checkTable(() => parseActorTable(input, 'case.csv'), 'case.csv'),
  },
  {
    name: 'variant',
    ext: 'yaml',
    make: (seed, i) => { const m = mutateTextCase(VARIANT, new Dice(seed ^ 0x3333, i)); return { input: m.text, kinds: m.kinds }; },
    check: (input) => {
      try {
        const parsed = parseVariant(input, 'case.yaml');
        const world = buildWorld(MINIMAL_SCENARIO, { variants: [parsed] });
        return runChecked(world.scenario, world.compile);
      } catch (err) {
        if (err instanceof InputError) return refused(err.diagnostics);
        if (err instanceof RangeError) return { status: 'usage', unlocated: 0, nan: 0 };
        throw err;
      }
    },
  },
  {
    name: 'api-body',
    ext: 'json',
    make: (seed, i) => {
      const dice = new Dice(seed ^ 0x4444, i);
      const base = dice.pick(API_BASES);
      const body = JSON.parse(JSON.stringify(base.body)) as Record<string, unknown>;
      const kinds = ['value'];
      if (typeof body.scenario === 'string' && dice.chance(0.4)) {
        const m = body.format === 'csv' ? mutateCsvCase(body.scenario, dice) : mutateTextCase(body.scenario, dice);
        body.scenario = m.text;
        kinds.push(...m.kinds);
      } else {
        mutateValue(body, dice);
      }
      let text = JSON.stringify(body);
      if (dice.chance(0.1)) text = text.slice(0, dice.int(text.length));
      return { input: JSON.stringify({ path: base.path, body: text }), kinds };
    },
    check: async (input) => {
      const { path, body } = JSON.parse(input) as { path: string; body: string };
      const res = await app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const json = (await res.json()) as { error?: { code: string; message: string; details?: { diagnostics?: Diagnostic[] } } } & Parameters<typeof nullsInSeries>[0];
      if (res.status >= 500) return { status: 'refused', unlocated: 0, nan: 0, crash: `${res.status} ${json.error?.message}` };
      if (json.error) return { ...refused(json.error.details?.diagnostics ?? []), status: 'refused' };
      return { status: 'valid', unlocated: 0, nan: nullsInSeries(json) };
    },
  },
];
