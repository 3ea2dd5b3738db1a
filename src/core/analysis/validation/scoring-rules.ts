// Proper scoring rules for a forecast against one observation: the continuous ranked probability score (CRPS) of a
// Gaussian and of an ensemble blurred by Gaussian observation noise, and the Brier score of a yes/no forecast.

/** The standard normal density. */
function phi(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/** The standard normal distribution function (Abramowitz & Stegun 7.1.26 on erf; absolute error below 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** E|X| for X ~ N(m, variance): the building block of the closed-form CRPS of Gaussians and their mixtures. */
function meanAbsoluteGaussian(m: number, variance: number): number {
  const s = Math.sqrt(variance);
  if (s === 0) return Math.abs(m);
  return 2 * s * phi(m / s) + m * (2 * normalCdf(m / s) - 1);
}

/**
 * CRPS of N(m, variance) at y (Gneiting & Raftery 2007), lower is better; in the units of y.
 * @example crpsGaussian(0, 0, 1) // 0.2337
 */
export function crpsGaussian(y: number, m: number, variance: number): number {
  const s = Math.sqrt(variance);
  if (s === 0) return Math.abs(y - m);
  const z = (y - m) / s;
  return s * (z * (2 * normalCdf(z) - 1) + 2 * phi(z) - 1 / Math.sqrt(Math.PI));
}

/**
 * CRPS at y of an ensemble whose members are each blurred by N(0, noise): E|X - y| - E|X - X'|/2 over the Gaussian
 * mixture, exact (O(n^2) in the members). With noise 1 it scores an ensemble as the log score does (observation noise added).
 * @example crpsEnsemble(0, [0], 1) === crpsGaussian(0, 0, 1)
 */
export function crpsEnsemble(y: number, members: ArrayLike<number>, noise: number): number {
  const n = members.length;
  if (n === 0) return Number.NaN;
  let first = 0;
  for (let i = 0; i < n; i++) first += meanAbsoluteGaussian(members[i] - y, noise);
  let second = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) second += meanAbsoluteGaussian(members[i] - members[j], 2 * noise);
  // Pairs i = j contribute E|N(0, 2 noise)| each.
  second = 2 * second + n * meanAbsoluteGaussian(0, 2 * noise);
  return first / n - second / (2 * n * n);
}

/** The Brier score of a probability p for an event that did (true) or did not (false) happen; lower is better. */
export function brier(p: number, happened: boolean): number {
  return (p - (happened ? 1 : 0)) ** 2;
}
