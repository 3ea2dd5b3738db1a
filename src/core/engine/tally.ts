// A run's tally (Trace.tally) filled through the act and cooperation hooks, for the loops that do not keep one themselves.
import type { Trace } from './trace.js';

/**
 * The trace with hooks that fill its tally, each after the trace's own hook of the same name; the trace itself if it has no
 * tally. The fused loop keeps a tally itself; the readable and flat loops run this.
 * @example run(model, rng, tallied(trace))
 */
export function tallied(trace: Trace): Trace {
  const { tally, act, cooperation } = trace;
  if (tally === undefined) return trace;
  const { acts, cells, periodOf, periods, sums } = tally;
  return {
    ...trace,
    tally: undefined,
    act(t, alliance, ...more) {
      act?.(t, alliance, ...more);
      acts[alliance]++;
    },
    cooperation(t, coop) {
      cooperation?.(t, coop);
      const p = periodOf[t];
      for (let d = 0; d < cells.length; d++) sums[d * periods + p] += coop[cells[d]];
    },
  };
}
