// A run's tally (Trace.tally) filled through the act and cooperation hooks, for the loops that do not keep one themselves.
import type { Tally, Trace } from './trace.js';

/**
 * Adds month m's cooperation (`coop`, per directed dyad) of the tally's dyads to their sums, in its period: the one rule of a
 * tally's sums, which the hooks below and both forms of the fused loop follow (their month loops inline it, as they clear the
 * month's cells).
 */
export function addMonth(tally: Tally, m: number, coop: Float64Array): void {
  const p = tally.periodOf[m];
  for (let d = 0; d < tally.cells.length; d++) tally.sums[d * tally.periods + p] += coop[tally.cells[d]];
}

/**
 * The trace with hooks that fill its tally, each after the trace's own hook of the same name; the trace itself if it has no
 * tally. The fused loop keeps a tally itself; the readable and flat loops run this.
 * @example run(model, rng, tallied(trace))
 */
export function tallied(trace: Trace): Trace {
  const { tally, act, cooperation } = trace;
  if (tally === undefined) return trace;
  const { acts } = tally;
  return {
    ...trace,
    tally: undefined,
    act(t, alliance, ...more) {
      act?.(t, alliance, ...more);
      acts[alliance]++;
    },
    cooperation(t, coop) {
      cooperation?.(t, coop);
      addMonth(tally, t, coop);
    },
  };
}
