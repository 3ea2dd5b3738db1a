// The recorded cooperation series the charts and the fit read: per directed dyad and month, the summed judged intensity of
// the record's acts, taken from the analysis module's recordSeries (computed once per scenario).
import { dyadSeries, recordSeries, type RecordSeries } from '../../../core/analysis/record/record.js';
import type { Scenario } from '../../../core/scenario/schema.js';

const cache = new WeakMap<Scenario, RecordSeries>();

/** Monthly recorded cooperation of `from` toward `to` over the scenario's period (zeros where the record has no act). */
export function recordedCooperation(scenario: Scenario, from: string, to: string): number[] {
  let series = cache.get(scenario);
  if (!series) {
    series = recordSeries(scenario);
    cache.set(scenario, series);
  }
  const d = dyadSeries(series, from, to);
  return d ? Array.from(d.intensity) : new Array<number>(series.months).fill(0);
}
