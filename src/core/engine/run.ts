// The month loop: apply inputs, value the alliance, let each ally and third power act, update relations and statuses.
import { currentTraits, type PairView } from '../mechanisms/pair.js';
import { Xoroshiro128Plus, type RandomStream } from '../random/streams.js';
import { decide, decisionScratch } from './decision.js';
import { flatRunnable, runFlat } from './flat-run.js';
import { fusedKernel } from './fused-run.js';
import { checkFinite } from './finite.js';
import { inForce, type Model } from './model.js';
import { MECHANISM_IDS } from './parameters.js';
import { powerSchedule } from './power-schedule.js';
import { monthInputs } from './month-inputs.js';
import { initialState, resetState, type RunState } from './state.js';
import { updateStatus } from './status.js';
import { tallied } from './tally.js';
import { thirdPowersAct } from './third-power.js';
import type { RunSummary, Trace } from './trace.js';
import { clearValuation, valueAlliance } from './valuation.js';

export type { RunSummary, StatusChange, StatusReason, Trace } from './trace.js';

/**
 * Runs the model once with the given random stream; deterministic for a given model and stream. Through the fused loop where
 * it takes the model and trace (fused-run.ts), else the flat loop, else (a chooser, foresight) the readable one.
 * @example const summary = runModel(compile(scenario), runStream(7, 0));
 */
export function runModel(model: Model, rng: RandomStream, trace: Trace = {}): RunSummary {
  const kernel = fusedKernel(model, trace);
  if (kernel === null) return run(model, rng, tallied(trace), flatRunnable(model, trace));
  // The fused loop takes all of the run's draws at once; should a value go non-finite, the flat loop runs the same run again
  // from the same draws, so that the run throws the flat loop's located NonFiniteState, having reported the same acts.
  const ours = rng instanceof Xoroshiro128Plus;
  if (ours) rng.save(kernel.streamAtStart);
  const summary = kernel.run(rng, trace);
  if (summary !== null) return summary;
  const month = kernel.failedMonth;
  let again: RandomStream;
  if (ours) {
    // The engine's own stream is put back, so that it ends where the flat loop leaves it.
    rng.restore(kernel.streamAtStart);
    again = rng;
  } else {
    // Another kind of stream cannot be put back: it stays after the run's draws, further than the flat loop alone takes it.
    again = replay(kernel.draws.slice(0, kernel.drawCount));
  }
  const { act, tally } = trace;
  // The acts of the months before the failing one have been reported already, and counted in the tally, as has their
  // cooperation; the flat loop stops at the end of the failing month, before it reports its cooperation.
  const rest: Trace = act === undefined && tally === undefined ? {} : {
    act: (t, alliance, ...more) => {
      if (t < month) return;
      act?.(t, alliance, ...more);
      if (tally !== undefined) tally.acts[alliance]++;
    },
  };
  return run(model, again, rest, true);
}

/** A stream giving these draws again, in order. */
function replay(draws: Int32Array): RandomStream {
  let at = 0;
  return { next: () => draws[at++] };
}

/** Runs the model once through the readable month loop, whatever the model and trace: the oracle of the flat and fused loops. */
export function runModelReadable(model: Model, rng: RandomStream, trace: Trace = {}): RunSummary {
  return run(model, rng, tallied(trace), false);
}

function run(model: Model, rng: RandomStream, trace: Trace, flat: boolean): RunSummary {
  // Runs of one model reuse one state's arrays (ensembles and fits run thousands); a run started inside another's trace gets its own.
  const kept = spareState.get(model);
  if (kept) spareState.delete(model);
  const state = kept ? resetState(model, kept) : initialState(model);
  const A = model.alliances.length;
  const summary: RunSummary = {
    initial: new Array(A).fill('allied'), changes: [], firstBreak: new Array(A).fill(-1),
    firstBreakReason: new Array(A).fill(''), firstBreakBelow: new Array(A).fill(false), firstHostile: new Array(A).fill(-1), acts: 0,
  };
  if (flat) runFlat(model, state, rng, trace, summary);
  else readableLoop(model, state, rng, trace, summary);
  spareState.set(model, state);
  return summary;
}

/** The month loop as the model reads: inputs, each member's valuation, decisions, the third powers, relations, statuses. */
function readableLoop(model: Model, state: RunState, rng: RandomStream, trace: Trace, summary: RunSummary): void {
  const { n } = state;
  const enabled = MECHANISM_IDS.map((id) => model.params.enabled[id]);
  const mechParams = MECHANISM_IDS.map((id) => model.params.mechanisms[id]);
  const simulate = model.mode === 'predict';
  const A = model.alliances.length;
  const view: PairView = {
    model, state, alliance: 0, slot: 0, i: 0, j: 0, ci: 0, cj: 0, junior: false, ratio: 1, share: 0.5, forecast: 0.5,
    traitsI: currentTraits(model, state, 0), traitsJ: currentTraits(model, state, 0), params: mechParams[0],
  };
  const scratch = decisionScratch();

  const months = model.months;
  const memory = model.params.rules.memory;
  const { rel, relBase } = state;
  const power = powerSchedule(model);
  for (let t = 0; t < months; t++) {
    monthInputs(model, state, power, t, trace);
    for (let al = 0; al < A; al++) {
      const { a, b } = model.alliances[al];
      if (!inForce(model.alliances[al], t)) {
        clearValuation(state, al);
        continue;
      }
      valueAlliance(model, state, view, al, 0, a, b, enabled, mechParams);
      valueAlliance(model, state, view, al, 1, b, a, enabled, mechParams);
    }
    if (simulate) {
      for (let al = 0; al < A; al++) {
        const { a, b } = model.alliances[al];
        // Before its signature and after its end there is no alliance to act in.
        if (!inForce(model.alliances[al], t)) continue;
        summary.acts += decide(model, state, rng, scratch, al, 0, a, b, trace);
        summary.acts += decide(model, state, rng, scratch, al, 1, b, a, trace);
        thirdPowersAct(model, state, rng, al, trace);
      }
    }
    for (let d = 0; d < n * n; d++) rel[d] += memory * (relBase[d] - rel[d]);
    for (let al = 0; al < A; al++) if (inForce(model.alliances[al], t)) updateStatus(model, state, al, t, summary);
    // Outputs never hold NaN: a run that goes non-finite stops here, naming the input behind it.
    checkFinite(model, state, t);
    trace.month?.(t, state);
    trace.cooperation?.(t, state.coop);
  }
}

const spareState = new WeakMap<Model, RunState>();

