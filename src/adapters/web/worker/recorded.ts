// The recorded cooperation series: per directed dyad and month, the summed intensity of the record's events (joint acts count both ways).
// A stand-in until the analysis module's recordSeries lands; it reads the scenario only, never a run.
import type { Scenario } from '../../../core/scenario/schema.js';
import { monthIndex } from '../../../core/time/month.js';

/** Monthly recorded cooperation of `from` toward `to` over the scenario's period. */
export function recordedCooperation(scenario: Scenario, from: string, to: string): number[] {
  const start = monthIndex(scenario.meta.period.start);
  const months = monthIndex(scenario.meta.period.end) - start + 1;
  const out = new Array<number>(months).fill(0);
  for (const e of scenario.events) {
    if (e.role !== 'record' || e.to === undefined) continue;
    const forward = e.from === from && e.to === to;
    const backward = e.joint && e.from === to && e.to === from;
    if (!forward && !backward) continue;
    const t = monthIndex(e.date) - start;
    if (t >= 0 && t < months) out[t] += e.intensity;
  }
  return out;
}
