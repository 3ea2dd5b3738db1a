// Small descriptive statistics for scoring: mean, quantiles, RMSE, correlation, a least-squares line and a Gaussian log density.

/** The arithmetic mean (0 for an empty list). */
export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return xs.length ? s / xs.length : 0;
}

/** The q-quantile by linear interpolation between order statistics (type 7, as R's default). */
export function quantile(xs: ArrayLike<number>, q: number): number {
  const s = Array.from(xs).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  return s[lo] + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)]) - s[lo]);
}

/** Root mean squared difference of two equally long lists. */
export function rmse(pred: ArrayLike<number>, obs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < obs.length; i++) s += (pred[i] - obs[i]) ** 2;
  return obs.length ? Math.sqrt(s / obs.length) : 0;
}

/** Pearson correlation, or null when either list is constant (a correlation is then undefined, not zero). */
export function correlation(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx > 1e-12 && syy > 1e-12 ? sxy / Math.sqrt(sxx * syy) : null;
}

/** Least-squares line through (i, ys[i]), i = 0..n-1. */
export function linearFit(ys: ArrayLike<number>): { intercept: number; slope: number } {
  const n = ys.length;
  if (n < 2) return { intercept: n ? ys[0] : 0, slope: 0 };
  const mx = (n - 1) / 2;
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - mx) * (ys[i] - my);
    sxx += (i - mx) ** 2;
  }
  const slope = sxy / sxx;
  return { intercept: my - slope * mx, slope };
}

/** Largest |phi| an AR(1) fit keeps: a unit root would carry the last value on for ever, which persistence already does. */
const MAX_PHI = 0.99;

/**
 * Least squares of next = c + phi * lag over paired values, |phi| capped at 0.99; with fewer than two pairs or a constant
 * lag, phi = 0 and c the mean of `next`. `variance` is the mean squared residual.
 * @example arOneFit([8, 4, 2, 1], [4, 2, 1, 0.5]) // { c: 0, phi: 0.5, variance: 0 }
 */
export function arOneFit(lag: ArrayLike<number>, next: ArrayLike<number>): { c: number; phi: number; variance: number } {
  const n = lag.length;
  const ml = mean(lag);
  const mn = mean(next);
  let phi = 0;
  if (n >= 2) {
    let sxy = 0;
    let sxx = 0;
    for (let t = 0; t < n; t++) {
      sxy += (lag[t] - ml) * (next[t] - mn);
      sxx += (lag[t] - ml) ** 2;
    }
    if (sxx > 0) phi = Math.max(-MAX_PHI, Math.min(MAX_PHI, sxy / sxx));
  }
  const c = n ? mn - phi * ml : 0;
  let ss = 0;
  for (let t = 0; t < n; t++) ss += (next[t] - c - phi * lag[t]) ** 2;
  return { c, phi, variance: n ? ss / n : 0 };
}

/** The h-step forecast of an AR(1) from `from`, and its variance: the one-step variance grown as sigma^2 (1 - phi^2h) / (1 - phi^2). */
export function arOneAhead(fit: { c: number; phi: number; variance: number }, from: number, h: number): { mean: number; variance: number } {
  const { c, phi, variance } = fit;
  const mu = c / (1 - phi);
  return { mean: mu + phi ** h * (from - mu), variance: phi === 0 ? variance : (variance * (1 - phi ** (2 * h))) / (1 - phi * phi) };
}

/** log N(y; mean, variance). */
export function gaussianLogDensity(y: number, m: number, variance: number): number {
  return -0.5 * (Math.log(2 * Math.PI * variance) + ((y - m) ** 2) / variance);
}

/** Spearman rank correlation of two equally long lists (average ranks for ties). */
export function spearman(x: number[], y: number[]): number | null {
  return correlation(ranks(x), ranks(y));
}

function ranks(xs: number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array(xs.length).fill(0);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    for (let k = i; k <= j; k++) r[order[k][1]] = (i + j) / 2;
    i = j + 1;
  }
  return r;
}
