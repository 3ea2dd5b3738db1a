// The naive baselines every forecast is scored against: nothing happens, the training mean, persistence of the last
// training year's level, the training window's linear trend, and a simple statistical model (a first-order autoregression),
// each a Gaussian forecast built from the training series alone.
import { arOneAhead, arOneFit, linearFit, mean } from './statistics.js';

/** A naive baseline's identity. */
export interface Baseline {
  id: 'zero' | 'mean' | 'persistence' | 'trend' | 'ar1';
  label: string;
}

/** The baselines, in the order the tables list them. */
export const BASELINES: readonly Baseline[] = [
  { id: 'zero', label: 'nothing happens' },
  { id: 'mean', label: 'training mean' },
  { id: 'persistence', label: 'persistence' },
  { id: 'trend', label: 'linear trend' },
  { id: 'ar1', label: 'AR(1)' },
];

/** A baseline fitted to one training series: its point forecast at period x (0 = the first training period) and its variance. */
export interface BaselineForecast extends Baseline {
  at(x: number): number;
  /** Mean squared deviation of the training periods from the baseline's own in-sample forecast (one rule for all). */
  variance: number;
  /**
   * The forecast's variance at period x: `variance` for the four naive baselines; for AR(1), its one-step variance grown to
   * the horizon, sigma^2 (1 - phi^2h) / (1 - phi^2), as the model itself implies (scored with less, it would be overconfident).
   */
  varianceAt(x: number): number;
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
  const predict: Record<Exclude<Baseline['id'], 'ar1'>, (x: number) => number> = {
    zero: () => 0,
    mean: () => level,
    persistence: () => last,
    trend: (x) => line.intercept + line.slope * x,
  };
  return BASELINES.map((b) => {
    if (b.id === 'ar1') return { ...b, ...autoregression(ys) };
    const at = predict[b.id];
    const variance = mean(ys.map((y, i) => (y - at(i)) ** 2));
    return { ...b, at, variance, varianceAt: () => variance };
  });
}

/**
 * y_t = c + phi * y_(t-1) + e by least squares over the training series (arOneFit); forecasts decay from the last training
 * value to the process mean c / (1 - phi). In sample (x < n) the forecast is the one-step prediction from the previous
 * period (the first period has none and is predicted by the mean). Fewer than three periods give phi = 0 (the mean).
 */
function autoregression(ys: number[]): Pick<BaselineForecast, 'at' | 'variance' | 'varianceAt'> {
  const n = ys.length;
  const fit = n >= 3 ? arOneFit(ys.slice(0, -1), ys.slice(1)) : { c: mean(ys), phi: 0, variance: 0 };
  const { c, phi } = fit;
  const mu = c / (1 - phi);
  const lastValue = n ? ys[n - 1] : 0;
  const at = (x: number) => (x < n ? (x === 0 ? mu : c + phi * ys[x - 1]) : arOneAhead(fit, lastValue, x - (n - 1)).mean);
  // One rule for every baseline: the mean squared deviation from its own in-sample forecast, grown to the horizon.
  const variance = n ? mean(ys.map((y, i) => (y - at(i)) ** 2)) : 0;
  const varianceAt = (x: number) => (x < n ? variance : arOneAhead({ c, phi, variance }, lastValue, x - (n - 1)).variance);
  return { at, variance, varianceAt };
}
