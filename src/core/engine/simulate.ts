// A fully recorded run: every month's values, contributions, relations and statuses, and every event and act, in order.
import { runStream } from '../random/streams.js';
import type { Scenario } from '../scenario/schema.js';
import type { ActCategory, ActKind } from './acts.js';
import { compile, type CompileOptions } from './compile.js';
import type { Model } from './model.js';
import { MECHANISM_IDS } from './parameters.js';
import { runModel, type RunSummary, type Trace } from './run.js';

/** One line of a run's event log: a scenario event applied, or an act the model chose. */
export type LogEntry =
  | { month: number; type: 'driver' | 'record'; event: number }
  | { month: number; type: 'simulated'; alliance: number; from: number; to: number; act: ActKind; issue: number; latent: number; category: ActCategory };

/** Everything a run produced, month by month. Member slots are `alliance * 2 + side`. */
export interface RunResult {
  model: Model;
  seed: number;
  runIndex: number;
  summary: RunSummary;
  /** contrib[(slot * months + t) * M + m] */
  contrib: Float64Array;
  value: Float64Array;
  outside: Float64Array;
  margin: Float64Array;
  /** status[alliance * months + t], an index into STATUSES */
  status: Int8Array;
  /** relation and cooperation per directed dyad: [(from * n + to) * months + t] */
  relation: Float64Array;
  cooperation: Float64Array;
  log: LogEntry[];
}

/** Options of a recorded run: the compile options plus the seed and run index. */
export interface SimulateOptions extends CompileOptions {
  seed?: number;
  runIndex?: number;
}

/**
 * Compiles and runs a scenario once, recording everything needed for the series, the event log and the story.
 * @example const result = simulate(scenario, { seed: 7 }); result.summary.firstBreak[0];
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): RunResult {
  return simulateModel(compile(scenario, options), options.seed ?? scenario.meta.seed, options.runIndex ?? 0);
}

/** Runs a compiled model once with full recording; `choose` lets a caller take decisions (play mode, see Trace.choose). */
export function simulateModel(model: Model, seed: number, runIndex = 0, choose?: Trace['choose']): RunResult {
  const T = model.months;
  const n = model.actorIds.length;
  const A = model.alliances.length;
  const M = MECHANISM_IDS.length;
  const contrib = new Float64Array(A * 2 * T * M);
  const value = new Float64Array(A * 2 * T);
  const outside = new Float64Array(A * 2 * T);
  const margin = new Float64Array(A * 2 * T);
  const status = new Int8Array(A * T);
  const relation = new Float64Array(n * n * T);
  const cooperation = new Float64Array(n * n * T);
  const log: LogEntry[] = [];
  const trace: Trace = {
    choose,
    event(t, ev) {
      log.push({ month: t, type: model.scenario.events[ev.index].role, event: ev.index });
    },
    act(t, alliance, from, to, act, issue, latent, category) {
      log.push({ month: t, type: 'simulated', alliance, from, to, act, issue, latent, category });
    },
    month(t, s) {
      for (let slot = 0; slot < A * 2; slot++) {
        const at = slot * T + t;
        value[at] = s.value[slot];
        outside[at] = s.outside[slot];
        margin[at] = s.margin[slot];
        for (let m = 0; m < M; m++) contrib[at * M + m] = s.contrib[slot * M + m];
      }
      for (let al = 0; al < A; al++) status[al * T + t] = s.status[al];
      for (let d = 0; d < n * n; d++) {
        relation[d * T + t] = s.rel[d];
        cooperation[d * T + t] = s.coop[d];
      }
    },
  };
  const summary = runModel(model, runStream(seed, runIndex), trace);
  return { model, seed, runIndex, summary, contrib, value, outside, margin, status, relation, cooperation, log };
}
