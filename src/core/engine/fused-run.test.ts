// The fused month loop against the readable one, its oracle: the same summaries, the same acts with the same scores and the
// stream left at the same draw, bit for bit, on every shipped scenario it takes and under parameters that open other paths;
// the same NonFiniteState when a run goes non-finite; and the models and traces it declines, which the flat loop then runs.
// Each holds for both of its forms: the closure's loop, and the loop written out for the model (fused-source.ts), which a
// kernel takes after enough runs and which these tests take from the first run.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { modelAt } from '../analysis/fitting/model-at.js';
import { runStream, type RandomStream } from '../random/streams.js';
import { loadScenarioText } from '../scenario/parse.js';
import { compile, type CompileOptions } from './compile.js';
import { expectRuns, fusedKernel, fusedRunnable, WRITE_OUT_AFTER, writeOutLoops } from './fused-run.js';
import type { Model } from './model.js';
import { runModel, runModelReadable, type Trace } from './run.js';
import type { Tally } from './trace.js';

const files = [
  ...readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).map((f) => `scenarios/${f}`),
  ...readdirSync('scenarios/cases').filter((f) => f.endsWith('.yaml')).map((f) => `scenarios/cases/${f}`),
];
const scenarioOf = (file: string) => loadScenarioText(readFileSync(file, 'utf8'), file);
const REFERENCE = 'scenarios/sino-soviet.yaml';

/** A tally of every directed dyad's cooperation, over periods of seven months (any grouping of months will do). */
function everyDyad(model: Model): Tally {
  const n = model.actorIds.length;
  const periods = Math.ceil(model.months / 7);
  return {
    acts: new Int32Array(model.alliances.length), cells: Int32Array.from({ length: n * n }, (_, d) => d),
    periodOf: Int32Array.from({ length: model.months }, (_, t) => Math.floor(t / 7)), periods, sums: new Float64Array(n * n * periods),
  };
}

/**
 * A tally of the first alliance's two directed dyads over the years, as an ensemble's digest keeps (run-digest.ts: a to b, then
 * b to a), which the written-out loop sums with their cells as constants; or the other way round, which it sums as any other.
 */
function allianceDyads(model: Model, order: 'a-b' | 'b-a' = 'a-b'): Tally {
  const n = model.actorIds.length;
  const { a, b } = model.alliances[0];
  const periods = Math.ceil(model.months / 12);
  return {
    acts: new Int32Array(model.alliances.length), cells: Int32Array.from(order === 'a-b' ? [a * n + b, b * n + a] : [b * n + a, a * n + b]),
    periodOf: Int32Array.from({ length: model.months }, (_, t) => Math.floor(t / 12)), periods, sums: new Float64Array(2 * periods),
  };
}

/** The tallies the loops are compared with on a model: every dyad's, and its first alliance's both ways if it has one. */
function talliesFor(model: Model): ((model: Model) => Tally)[] {
  return model.alliances.length === 0 ? [everyDyad] : [everyDyad, allianceDyads, (m) => allianceDyads(m, 'b-a')];
}

/**
 * A run's summary, then what its trace saw: every act with all its arguments and each month's cooperation per dyad (traced),
 * or the tally it filled (a function that makes one), or nothing; then the stream's next draw after it (where the run left
 * the stream).
 */
function record(run: typeof runModel, model: Model, seed: number, index: number, traced: boolean | ((model: Model) => Tally)): unknown[] {
  const acts: unknown[] = [];
  const months: unknown[] = [];
  const rng = runStream(seed, index);
  if (typeof traced === 'function') {
    const tally = traced(model);
    const summary = run(model, rng, { tally });
    return [summary, tally, rng.next()];
  }
  const trace: Trace = traced ? { act: (...a) => acts.push(a), cooperation: (t, coop) => months.push(t, Array.from(coop)) } : {};
  const summary = run(model, rng, trace);
  return [summary, acts, months, rng.next()];
}

/** The fused loop's two forms, by after how many runs of a model its loop is written out (writeOutLoops). */
const FORMS = [{ form: 'closure', after: null }, { form: 'written-out', after: 0 }] as const;

/** A test of each form of the fused loop: the kernels of models compiled inside take that form. */
function testEachForm(what: string, body: (written: boolean) => void): void {
  for (const { form, after } of FORMS) {
    test(`${what} (${form} loop)`, () => {
      writeOutLoops(after);
      try {
        body(after !== null);
      } finally {
        writeOutLoops();
      }
    });
  }
}

const variants: { name: string; options: CompileOptions }[] = [
  { name: 'defaults', options: {} },
  { name: 'no noise (every option scored exactly)', options: { params: { 'rules.noise': 0 } } },
  { name: 'much noise and activity', options: { params: { 'rules.noise': 0.2, 'rules.activity': 0.8 } } },
  { name: 'pressure and a steeper standing term', options: { params: { 'wedge.pressure': 1, 'standing.exponent': 2 } } },
  { name: 'mechanisms off', options: { mechanisms: { bargaining: false, nuclear: false, security: false, personality: false, commitment: false } } },
  { name: 'other mechanisms off', options: { mechanisms: { autonomy: false, ideology: false, standing: false, stakes: false, economy: false, wedge: false } } },
];

for (const file of files) {
  testEachForm(`the fused loop runs ${file} bit for bit as the readable loop does, or declines it`, (written) => {
    const scenario = scenarioOf(file);
    for (const { name, options } of variants) {
      const model = compile(scenario, options);
      const takes = model.alliances.length === 1;
      assert.equal(fusedRunnable(model, {}), takes, `${name}: the fused loop takes every shipped model of one alliance, and only those`);
      if (takes) assert.equal(fusedKernel(model, {})?.writtenOut, written, `${name}: the loop's form`);
      let acts = 0;
      for (let r = 0; r < 30; r++) {
        const fast = record(runModel, model, 5, r, false);
        assert.deepEqual(fast, record(runModelReadable, model, 5, r, false), `${name}, run ${r}: summary and stream`);
        acts += (fast[0] as { acts: number }).acts;
      }
      for (let r = 0; r < 6; r++) assert.deepEqual(record(runModel, model, 9, r, true), record(runModelReadable, model, 9, r, true), `${name}, run ${r}: acts`);
      for (const [k, tally] of talliesFor(model).entries()) {
        for (let r = 0; r < 6; r++) assert.deepEqual(record(runModel, model, 9, r, tally), record(runModelReadable, model, 9, r, tally), `${name}, run ${r}: tally ${k}`);
      }
      if (takes) assert.ok(acts > 0, `${name}: the runs compared took decisions`);
    }
  });
}

test('the fused loop declines what it cannot do exactly, and the flat loop then gives the readable loop\'s runs', () => {
  const scenario = scenarioOf(REFERENCE);
  const model = compile(scenario);
  assert.equal(fusedRunnable(model, {}), true);
  assert.equal(fusedRunnable(model, { act: () => {} }), true, 'acts are reported');
  assert.equal(fusedRunnable(model, { act: () => {}, cooperation: () => {} }), true, 'and each month\'s cooperation');
  for (const trace of [{ choose: () => undefined }, { month: () => {} }, { event: () => {} }] as Trace[]) assert.equal(fusedRunnable(model, trace), false);
  const declined: Model[] = [
    compile(scenario, { mode: 'replay' }),
    compile(scenario, { params: { 'bargaining.foresight': 0.5 } }),
    compile(scenario, { params: { 'rules.memory': 1.5 } }),
    compile(scenarioOf('scenarios/moscow-1949-50.yaml')),
  ];
  for (const m of declined) {
    assert.equal(fusedRunnable(m, {}), false);
    for (let r = 0; r < 4; r++) assert.deepEqual(record(runModel, m, 3, r, true), record(runModelReadable, m, 3, r, true));
  }
});

testEachForm('a fit swapping parameters and switches in place in one model gets the kernel of each', () => {
  const at = modelAt(scenarioOf(REFERENCE), { mode: 'predict' });
  const sets: Record<string, number>[] = [{}, { 'rules.noise': 0.2 }, { 'standing.exponent': 2, 'personality.weight': 0.5 }, {}, { 'rules.outsideBase': 0.1 }];
  for (const params of sets) {
    const model = at.at(params);
    assert.equal(fusedRunnable(model, {}), true);
    for (let r = 0; r < 5; r++) assert.deepEqual(record(runModel, model, 4, r, true), record(runModelReadable, model, 4, r, true), `${JSON.stringify(params)}, run ${r}`);
  }
  // Parameters the fused loop cannot take (memory outside [0, 1]) send the runs to the flat loop, and back once undone.
  const wild = at.at({ 'rules.memory': 1.5 });
  assert.equal(fusedRunnable(wild, {}), false);
  assert.deepEqual(record(runModel, wild, 4, 0, true), record(runModelReadable, wild, 4, 0, true));
  const model = at.at({});
  assert.equal(fusedRunnable(model, {}), true);
  model.params.enabled.security = false;
  assert.deepEqual(record(runModel, model, 4, 0, false), record(runModelReadable, model, 4, 0, false), 'a switch turned off in place');
  model.params.enabled.security = true;
});

testEachForm('a run that goes non-finite throws the readable loop\'s NonFiniteState, having reported the same acts, with any stream', () => {
  // A junior's autonomy loss times a huge growth overflows once an outcome has moved, a few months in.
  const model = compile(scenarioOf(REFERENCE), { params: { 'autonomy.weight': 1e300, 'autonomy.growth': 1e300 } });
  assert.equal(fusedRunnable(model, {}), true);
  const outcome = (run: typeof runModel, rng: RandomStream & { next(): number }, tallyOf?: (model: Model) => Tally) => {
    const acts: unknown[] = [];
    const tally = tallyOf?.(model);
    try {
      run(model, rng, tally ? { tally } : { act: (...a) => acts.push(a) });
    } catch (err) {
      const e = err as { name: string; message: string; path: unknown; month: number };
      return [e.name, e.message, e.path, e.month, tally ?? acts, rng.next()];
    }
    return ['no throw'];
  };
  for (let r = 0; r < 4; r++) {
    const fused = outcome(runModel, runStream(3, r));
    assert.equal(fused[0], 'NonFiniteState');
    assert.ok((fused[4] as unknown[]).length > 0, 'acts came before the failure');
    assert.deepEqual(fused, outcome(runModelReadable, runStream(3, r)), `run ${r}`);
    // A stream of another kind is drawn through next() and replayed to the flat loop from the draws taken.
    const wrapped = () => { const s = runStream(3, r); return { next: () => s.next() }; };
    assert.deepEqual(outcome(runModel, wrapped()).slice(0, 5), fused.slice(0, 5), `run ${r}, another stream`);
    // A tally holds what the hooks saw before the failure, counted by the fused loop and then the flat loop.
    for (const [k, tally] of talliesFor(model).entries()) {
      const counted = outcome(runModel, runStream(3, r), tally);
      assert.ok((counted[4] as Tally).acts[0] > 0);
      assert.deepEqual(counted, outcome(runModelReadable, runStream(3, r), tally), `run ${r}, tally ${k}`);
    }
  }
});

testEachForm('a run started inside another\'s trace does not share the fused loop\'s state', () => {
  const model = compile(scenarioOf(REFERENCE));
  const inner: unknown[] = [];
  const outer = runModel(model, runStream(1, 0), { act: (t) => { if (t === 40) inner.push(runModel(model, runStream(1, 1))); } });
  assert.deepEqual(outer, runModelReadable(model, runStream(1, 0)));
  assert.ok(inner.length > 0);
  for (const s of inner) assert.deepEqual(s, runModelReadable(model, runStream(1, 1)));
});

test('a model\'s loop is written out at its WRITE_OUT_AFTER-th run, and its runs go on bit for bit the same', () => {
  writeOutLoops();
  const model = compile(scenarioOf(REFERENCE));
  const kernel = fusedKernel(model, {});
  assert.ok(kernel !== null);
  const last = WRITE_OUT_AFTER - 1;
  for (let r = 0; r < last; r++) runModel(model, runStream(6, r));
  assert.equal(kernel.writtenOut, false, 'the closure\'s loop before');
  for (let r = last; r < last + 5; r++) assert.deepEqual(record(runModel, model, 6, r, true), record(runModelReadable, model, 6, r, true), `run ${r}`);
  assert.equal(kernel.writtenOut, true, 'the written-out loop from then on');
  // A switch turned in place gets the loop written out for the new switches; turned back, the first one again.
  model.params.enabled.wedge = false;
  assert.equal(fusedKernel(model, {})?.writtenOut, true);
  assert.deepEqual(record(runModel, model, 6, 0, true), record(runModelReadable, model, 6, 0, true), 'wedge off');
  model.params.enabled.wedge = true;
  assert.deepEqual(record(runModel, model, 6, 1, true), record(runModelReadable, model, 6, 1, true), 'wedge on again');
  // Where code cannot be compiled (null: the app's worker), kernels keep the closure's loop however often they run.
  writeOutLoops(null);
  try {
    const kept = compile(scenarioOf(REFERENCE));
    for (let r = 0; r < WRITE_OUT_AFTER + 10; r++) runModel(kept, runStream(6, r));
    assert.equal(fusedKernel(kept, {})?.writtenOut, false);
  } finally {
    writeOutLoops();
  }
});

test('a model told it will run WRITE_OUT_AFTER times or more (expectRuns) has its loop written out before its first run', () => {
  writeOutLoops();
  const few = compile(scenarioOf(REFERENCE));
  expectRuns(few, WRITE_OUT_AFTER - 1);
  assert.equal(fusedKernel(few, {})?.writtenOut, false, 'fewer runs: the closure\'s loop');
  const many = compile(scenarioOf(REFERENCE));
  expectRuns(many, WRITE_OUT_AFTER);
  assert.equal(fusedKernel(many, {})?.writtenOut, true, 'enough runs: written out at once');
  for (let r = 0; r < 3; r++) assert.deepEqual(record(runModel, many, 6, r, true), record(runModelReadable, many, 6, r, true), `run ${r}`);
  // The expected runs count as runs done: parameters read again (as a fit does between evaluations) keep the written-out loop.
  many.params.rules.noise = 0.2;
  assert.equal(fusedKernel(many, {})?.writtenOut, true, 'after new parameters');
  assert.deepEqual(record(runModel, many, 6, 3, true), record(runModelReadable, many, 6, 3, true), 'new parameters');
});

testEachForm('a trace that does not read the acts\' scores (actLatent: false) gets the same acts, each with NaN for its score', (written) => {
  const model = compile(scenarioOf(REFERENCE));
  for (let r = 0; r < 4; r++) {
    const spared: unknown[][] = [];
    const scored: unknown[][] = [];
    const fast = runModel(model, runStream(8, r), { act: (...a) => spared.push(a), actLatent: false });
    const slow = runModelReadable(model, runStream(8, r), { act: (...a) => scored.push(a) });
    assert.deepEqual(fast, slow, `run ${r}: the summary`);
    assert.equal(fusedKernel(model, {})?.writtenOut, written);
    assert.ok(spared.length > 0);
    // The allies' acts (alliance 0, latent at index 6) carry NaN; the third powers' carry their strain, as always.
    const allies = (acts: unknown[][]) => acts.map((a) => (a[4] === 'induce' || a[4] === 'pressure' ? a : [...a.slice(0, 6), 'score', a[7]]));
    assert.deepEqual(allies(spared), allies(scored), `run ${r}: the same acts`);
    for (const a of spared) if (a[4] !== 'induce' && a[4] !== 'pressure') assert.ok(Number.isNaN(a[6]), `run ${r}: no score`);
  }
});
