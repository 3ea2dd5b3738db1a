// A run's tally (Trace.tally) filled through the act and cooperation hooks, for the loops that do not keep one themselves.
import type { Tally, Trace } from './trace.js';

/**
 * Adds month m's cooperation (`coop`, per directed dyad) of the tally's dyads to their sums, in its period: the one rule of a
 * tally's sums, which the hooks below and both forms of the fused loop (through startMonth) follow.
 */
export function addMonth(tally: Tally, m: number, coop: Float64Array): void {
  const p = tally.periodOf[m];
  for (let d = 0; d < tally.cells.length; d++) tally.sums[d * tally.periods + p] += coop[tally.cells[d]];
}

/**
 * Starts month t in a loop that keeps its tally itself (both forms of the fused loop): adds month t - 1's cooperation of the
 * tally's dyads to their sums (addMonth; nothing before the first month) and clears their cells for month t.
 */
export function startMonth(tally: Tally, t: number, coop: Float64Array): void {
  if (t > 0) addMonth(tally, t - 1, coop);
  for (let d = 0; d < tally.cells.length; d++) coop[tally.cells[d]] = 0;
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
