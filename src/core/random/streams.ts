// Seeded random streams: one generator per run, derived from (master seed, run index), never shared.
import { wasmFill, type DrawBuffer } from './xoroshiro-wasm.js';

/** The generator the engine draws from; only `next()` (a 32-bit integer) is used. */
export interface RandomStream {
  next(): number;
}

/**
 * xoroshiro128+ on four 32-bit halves, giving exactly the outputs of pure-rand's xoroshiro128plus (streams.test.ts checks
 * thousands of draws against it), plus `fill`: the fused loop takes a whole run's draws at once, and a loop over local
 * variables is several times cheaper than as many `next()` calls through the object's fields.
 */
export class Xoroshiro128Plus implements RandomStream {
  constructor(private s01: number, private s00: number, private s11: number, private s10: number) {}

  /** The generator pure-rand's xoroshiro128plus(seed) makes. */
  static seeded(seed: number): Xoroshiro128Plus {
    return new Xoroshiro128Plus(-1, ~seed, seed | 0, 0);
  }

  /** The next 32-bit draw (a signed integer, as pure-rand gives it). */
  next(): number {
    const out = (this.s00 + this.s10) | 0;
    const a0 = this.s10 ^ this.s00;
    const a1 = this.s11 ^ this.s01;
    const s00 = this.s00;
    const s01 = this.s01;
    this.s00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
    this.s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    this.s10 = (a1 << 5) ^ (a0 >>> 27);
    this.s11 = (a0 << 5) ^ (a1 >>> 27);
    return out;
  }

  /** Writes the next `count` draws into `out` from index 0: what `count` calls of next() would give, leaving the stream after them. */
  fill(out: Int32Array, count: number): void {
    if (count <= 0) return;
    if (wasmFill === null) {
      this.fillInScript(out, count);
      return;
    }
    const s = wasmFill(this.s01, this.s00, this.s11, this.s10, count, out);
    this.s00 = s[0];
    this.s01 = s[1];
    this.s10 = s[2];
    this.s11 = s[3];
  }

  /** Fills a WebAssembly draw buffer in place (see wasmDrawBuffer): fill() without the copy, leaving the stream after them. */
  fillBuffer(buffer: DrawBuffer): void {
    buffer.fill(this.s01, this.s00, this.s11, this.s10);
    const s = buffer.state;
    this.s00 = s[0];
    this.s01 = s[1];
    this.s10 = s[2];
    this.s11 = s[3];
  }

  /** fill() in JavaScript, as it runs where WebAssembly is unavailable. */
  fillInScript(out: Int32Array, count: number): void {
    let s01 = this.s01;
    let s00 = this.s00;
    let s11 = this.s11;
    let s10 = this.s10;
    for (let x = 0; x < count; x++) {
      out[x] = (s00 + s10) | 0;
      const a0 = s10 ^ s00;
      const a1 = s11 ^ s01;
      const o00 = s00;
      const o01 = s01;
      s00 = (o00 << 24) ^ (o01 >>> 8) ^ a0 ^ (a0 << 16);
      s01 = (o01 << 24) ^ (o00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
      s10 = (a1 << 5) ^ (a0 >>> 27);
      s11 = (a0 << 5) ^ (a1 >>> 27);
    }
    this.s01 = s01;
    this.s00 = s00;
    this.s11 = s11;
    this.s10 = s10;
  }

  /** Writes the stream's state into `into` (four 32-bit words), so that restore() can put the stream back there. */
  save(into: Int32Array): void {
    into[0] = this.s01;
    into[1] = this.s00;
    into[2] = this.s11;
    into[3] = this.s10;
  }

  /** Puts the stream back at a state save() wrote. */
  restore(from: Int32Array): void {
    this.s01 = from[0];
    this.s00 = from[1];
    this.s11 = from[2];
    this.s10 = from[3];
  }
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
export function runStream(seed: number, index = 0): Xoroshiro128Plus {
  return Xoroshiro128Plus.seeded(mixSeed(seed >>> 0, index >>> 0) | 0);
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
