// Warnings for an ensemble whose worlds say nothing: every run broken in its first year, or runs that do not vary at all.
import { monthLabel } from '../../time/month.js';
import type { DigestShape } from './run-digest.js';

/** The counts a degeneracy check reads: first-break months per alliance (`[a * (T + 1) + t]`, last bin "never") and a cooperation histogram. */
export interface DegeneracyCounts {
  firstBroken: ArrayLike<number>;
  /** Cells of `bins` counts each; a cell whose runs all fall in one bin did not vary. */
  coopHist: ArrayLike<number>;
}

/**
 * Plain-language warnings for a world that is degenerate (empty when it is not), prefixed with `world` when given.
 * Such a world is not an error: it is what the model and parameters say, but a reader should not take it as a forecast.
 * @example degenerateWarnings(stats, shape, stats.runs, COOPERATION_BINS.bins) // ['every one of 200 runs of SU-PRC broke ...']
 */
export function degenerateWarnings(counts: DegeneracyCounts, shape: Pick<DigestShape, 'alliances' | 'months' | 'start'>, runs: number, bins: number, world = ''): string[] {
  if (runs < 1) return [];
  const T = shape.months;
  const out: string[] = [];
  const prefix = world ? `${world}: ` : '';
  const firstYear = Math.min(12, T);
  let allSame = runs >= 2;
  shape.alliances.forEach((id, a) => {
    let early = 0;
    for (let t = 0; t < firstYear; t++) early += counts.firstBroken[a * (T + 1) + t];
    if (early === runs) {
      out.push(`${prefix}every one of ${runs} runs of ${id} broke within its first year (${monthLabel(shape.start)} to ${monthLabel(shape.start + firstYear - 1)}): a start-up artefact of these parameters more likely than a forecast (a fit loaded from another scenario or period?)`);
    }
    let peak = 0;
    for (let t = 0; t <= T; t++) peak = Math.max(peak, counts.firstBroken[a * (T + 1) + t]);
    if (peak !== runs) allSame = false;
  });
  if (allSame) {
    for (let c = 0; c * bins < counts.coopHist.length && allSame; c++) {
      let peak = 0;
      for (let b = 0; b < bins; b++) peak = Math.max(peak, counts.coopHist[c * bins + b]);
      if (peak !== runs) allSame = false;
    }
  }
  if (allSame) out.push(`${prefix}all ${runs} runs gave the same first breaks and the same cooperation: the runs do not vary, so the ensemble says no more than one run`);
  return out;
}
