// The one interface over both bargaining models: a problem in, positions by round and a forecast per dimension out.
import { BDM_DEFAULTS, bdmForecast, bdmRunIssue, type BdmOptions } from './bdm.js';
import { positionProbabilities, SMP_DEFAULTS, smpRun, smpSetup, type SmpOptions } from './smp.js';
import type { Diagnostic } from '../scenario/diagnostic.js';
import type { BargainingProblem, BargainingRun, RandomSource } from './types.js';

/** The models behind the interface. */
export type ModelId = 'bdm' | 'smp';
export const MODEL_IDS: readonly ModelId[] = ['bdm', 'smp'];

/** Options for either model; `rounds` caps the rounds (BDM) or turns (SMP). */
export interface BargainOptions {
  rounds?: number;
  bdm?: Partial<BdmOptions>;
  smp?: Partial<SmpOptions>;
}

/** Reasons a problem cannot go to a model, in words (empty when it can). */
export function modelProblems(model: ModelId, problem: BargainingProblem): string[] {
  return modelDiagnostics(model, problem, problem.title).map((d) => d.message);
}

/** Reasons a problem cannot go to a model, each located at the row and column it comes from when the problem was a table. */
export function modelDiagnostics(model: ModelId, problem: BargainingProblem, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const cols = problem.columns;
  const at = (line: number | undefined, column: number | undefined, path: string, code: string, message: string) =>
    out.push({ file, line: line ?? 1, column: column ?? 1, path, code, message });
  if (problem.actors.length < 2) at(problem.actors[0]?.line ?? cols?.header, 1, problem.actors[0] ? `row ${problem.actors[0].line ?? 1}` : '(document)', 'model.actors', 'bargaining needs at least two actors');
  if (model === 'smp') {
    problem.salience.forEach((s, i) => {
      const total = s.reduce((a, b) => a + b, 0);
      const actor = problem.actors[i];
      // KTAB's SMP reads total salience as the chance the target resists, and weighs distances by salience; an actor with
      // none is indifferent and carries no weight, as KTAB's users expect.
      if (total > 1 + 1e-9) at(actor.line, cols?.salience[0], `row ${actor.line ?? 1}`, 'model.salience_total', `${actor.id}'s saliences add up to ${total}; the SMP needs at most 1`);
    });
    const weak = problem.actors.find((a) => !(a.capability > 0));
    if (weak) at(weak.line, cols?.capability, `row ${weak.line ?? 1}`, 'model.capability', 'the SMP needs every capability above 0');
    problem.dimensions.forEach((d, k) => {
      if (!(d.high > d.low)) at(cols?.header, cols?.position[k], `column ${k + 1}`, 'model.no_range', `dimension ${d.id} has no range (all positions equal)`);
    });
  }
  return out;
}

/**
 * Runs a model on a problem. BDM runs each dimension as its own issue; the SMP runs all dimensions together on KTAB's
 * [0, 1] scale (positions mapped from each dimension's low–high). Stochastic options need `rng`.
 * @example const run = runBargaining('bdm', problem, { rounds: 10 });
 */
export function runBargaining(model: ModelId, problem: BargainingProblem, options: BargainOptions = {}, rng?: RandomSource): BargainingRun {
  return model === 'bdm' ? runBdm(problem, options, rng) : runSmp(problem, options, rng);
}

function runBdm(problem: BargainingProblem, options: BargainOptions, rng?: RandomSource): BargainingRun {
  const opts: BdmOptions = { ...BDM_DEFAULTS, ...options.bdm, ...(options.rounds !== undefined ? { rounds: options.rounds } : {}) };
  const cap = problem.actors.map((a) => a.capability);
  const runs = problem.dimensions.map((_, d) =>
    bdmRunIssue(problem.positions.map((p) => p[d]), cap, problem.salience.map((s) => s[d]), opts, rng));
  const length = Math.max(...runs.map((r) => r.positions.length));
  // A dimension that stopped early keeps its last positions in the later rounds.
  const at = <T>(list: T[], t: number) => list[Math.min(t, list.length - 1)];
  const rounds = Array.from({ length }, (_, t) => problem.actors.map((__, i) => runs.map((r) => at(r.positions, t)[i])));
  const forecastByRound = Array.from({ length }, (_, t) => runs.map((r) => at(r.median, t)));
  return {
    model: 'bdm', rounds, forecastByRound, forecast: runs.map(bdmForecast),
    stop: runs.map((r, d) => (runs.length > 1 ? `${problem.dimensions[d].id}: ${r.stop}` : r.stop)).join('; '),
  };
}

/** A state on KTAB's [0, 1] scale as positions by actor and dimension on the problem's scales (plain loops: every state of a run is converted). */
function toScale(s: Float64Array, n: number, dims: number, fromUnit: (u: number, d: number) => number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let d = 0; d < dims; d++) row.push(fromUnit(s[i * dims + d], d));
    out.push(row);
  }
  return out;
}

function runSmp(problem: BargainingProblem, options: BargainOptions, rng?: RandomSource): BargainingRun {
  const opts: SmpOptions = { ...SMP_DEFAULTS, ...options.smp, ...(options.rounds !== undefined ? { maxTurns: options.rounds } : {}) };
  const dims = problem.dimensions.length;
  const setup = smpSetup(problem.actors.map((a) => a.capability), problem.salience);
  const toUnit = (x: number, d: number) => (x - problem.dimensions[d].low) / (problem.dimensions[d].high - problem.dimensions[d].low);
  const fromUnit = (u: number, d: number) => problem.dimensions[d].low + u * (problem.dimensions[d].high - problem.dimensions[d].low);
  const start = Float64Array.from(problem.positions.flatMap((p) => p.map(toUnit)));
  const run = smpRun(setup, start, { ...opts, probabilities: false }, rng);
  const mostProbable = (s: Float64Array, p: Float64Array) => {
    let best = 0;
    for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
    return Array.from({ length: dims }, (_, d) => fromUnit(s[best * dims + d], d));
  };
  const last = run.states.length - 1;
  const forecast = mostProbable(run.states[last], run.probabilities[0]);
  let byRound: number[][] | undefined;
  let rounds: number[][][] | undefined;
  return {
    model: 'smp',
    // The states on the problem's scales, converted when first read: the command line reads them to write its files.
    get rounds() {
      return (rounds ??= run.states.map((s) => toScale(s, problem.actors.length, dims, fromUnit)));
    },
    forecast, stop: run.stop,
    // Each round's most probable position costs an election over the round's positions: computed when first read (the
    // web app's chart, the server), not for the command line's files, which need only the last.
    get forecastByRound() {
      return (byRound ??= run.states.map((s, t) => (t === last ? forecast : mostProbable(s, positionProbabilities(setup, s, opts)))));
    },
  };
}
