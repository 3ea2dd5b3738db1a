// Seeded random streams: one generator per run, derived from (master seed, run index), never shared.
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** The generator the engine draws from; only `next()` (a 32-bit integer) is used. */
export interface RandomStream {
  next(): number;
}

/** Mixes two 32-bit integers into one well-spread seed (splitmix32-style finaliser). */
export function mixSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The stream of run `index` under master seed `seed`; the same pair always gives the same stream.
 * @example const rng = runStream(7, 0); const u = uniform(rng);
 */
export function runStream(seed: number, index = 0): RandomStream {
  return xoroshiro128plus(mixSeed(seed >>> 0, index >>> 0) | 0);
}

/** A uniform draw in [0, 1). */
export function uniform(rng: RandomStream): number {
  return (rng.next() >>> 0) / 4294967296;
}

/** A logistic draw scaled to unit variance, cheaper than a normal and as symmetric. */
export function logisticNoise(rng: RandomStream): number {
  const u = ((rng.next() >>> 0) + 0.5) / 4294967296;
  return Math.log(u / (1 - u)) * 0.5513288954217921;
}

/** A standard Gumbel draw: adding one to each alternative's score and taking the best is a logit choice among them. */
export function gumbel(rng: RandomStream): number {
  return gumbelOf(rng.next());
}

/** The standard Gumbel draw that one 32-bit integer of a stream stands for, so that a caller can draw now and transform later. */
export function gumbelOf(draw: number): number {
  const u = ((draw >>> 0) + 0.5) / 4294967296;
  return -Math.log(-Math.log(u));
}
