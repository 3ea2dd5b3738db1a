// The naive baselines every forecast is scored against: nothing happens, the training mean, persistence of the last
// training year's level and the training window's linear trend, each a Gaussian forecast built from the training series alone.
import { linearFit, mean } from './statistics.js';

/** A naive baseline's identity. */
export interface Baseline {
  id: 'zero' | 'mean' | 'persistence' | 'trend';
  label: string;
}

/** The baselines, in the order the tables list them. */
export const BASELINES: readonly Baseline[] = [
  { id: 'zero', label: 'nothing happens' },
  { id: 'mean', label: 'training mean' },
  { id: 'persistence', label: 'persistence' },
  { id: 'trend', label: 'linear trend' },
];

/** A baseline fitted to one training series: its point forecast at period x (0 = the first training period) and its variance. */
export interface BaselineForecast extends Baseline {
  at(x: number): number;
  /** Mean squared deviation of the training periods from the baseline's own in-sample forecast (one rule for all). */
  variance: number;
}

/**
 * Fits every baseline to one training series (per period); `periodsPerYear` sets what persistence carries on (the last year's mean).
 * @example baselineForecasts([4, 2, 0], 1).find((b) => b.id === 'trend')!.at(3) // -2
 */
export function baselineForecasts(history: ArrayLike<number>, periodsPerYear: number): BaselineForecast[] {
  const ys = Array.from(history);
  const level = mean(ys);
  const last = mean(ys.slice(-periodsPerYear));
  const line = linearFit(ys);
  const predict: Record<Baseline['id'], (x: number) => number> = {
    zero: () => 0,
    mean: () => level,
    persistence: () => last,
    trend: (x) => line.intercept + line.slope * x,
  };
  return BASELINES.map((b) => {
    const at = predict[b.id];
    return { ...b, at, variance: mean(ys.map((y, i) => (y - at(i)) ** 2)) };
  });
}
