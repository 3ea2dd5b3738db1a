// CSV text written straight into bytes: an ensemble writes some 56 numbers a run, and building them as strings, then
// encoding those to bytes, cost the main thread more than the numbers' own arithmetic. Numbers come out exactly as
// formatNumber writes them (ascii-buffer.test.ts checks it over the same values as number.test.ts).

const encoder = new TextEncoder();

/** The digits of 00 to 99, two bytes each. */
const PAIRS = Uint8Array.from({ length: 200 }, (_, i) => 48 + (i % 2 === 0 ? Math.floor(i / 20) : (i >> 1) % 10));

/**
 * Writes millionths 0 <= frac < 1e6 at `at` as a point and up to 6 decimals without trailing zeros (nothing if 0); returns
 * the end. Room must have been made.
 */
function fraction(buf: Uint8Array, frac: number, at: number): number {
  frac |= 0;
  if (frac === 0) return at;
  const hi = (frac / 10000) | 0;
  const rest = frac - hi * 10000;
  const mid = (rest / 100) | 0;
  const lo = rest - mid * 100;
  // The decimals end at the last non-zero pair, less its last digit when that is a zero.
  const last = lo !== 0 ? lo : mid !== 0 ? mid : hi;
  const places = (lo !== 0 ? 6 : mid !== 0 ? 4 : 2) - (last % 10 === 0 ? 1 : 0);
  buf[at] = 46;
  buf[at + 1] = PAIRS[2 * hi];
  buf[at + 2] = PAIRS[2 * hi + 1];
  buf[at + 3] = PAIRS[2 * mid];
  buf[at + 4] = PAIRS[2 * mid + 1];
  buf[at + 5] = PAIRS[2 * lo];
  buf[at + 6] = PAIRS[2 * lo + 1];
  return at + 1 + places;
}

/** A growing buffer of ASCII bytes, appended to and then handed over whole. */
export class AsciiBuffer {
  private buf: Uint8Array;
  private digits = new Uint8Array(24);
  /** Bytes written so far. */
  length = 0;

  /** @param capacity the bytes to reserve at first (it grows as needed) */
  constructor(capacity = 1 << 16) {
    this.buf = new Uint8Array(Math.max(16, capacity));
  }

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    bigger.set(this.buf.subarray(0, this.length));
    this.buf = bigger;
  }

  /** Empties the buffer to be written again (what view() handed over before is overwritten). */
  clear(): void {
    this.length = 0;
  }

  /** Appends bytes as they are (text encoded once with `encode`). */
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  /** Appends one byte, e.g. 44 for a comma or 10 for a newline. */
  byte(c: number): void {
    this.room(1);
    this.buf[this.length++] = c;
  }

  /** Appends text, UTF-8 encoded (for the rare values that have no fast path). */
  text(s: string): void {
    this.bytes(encoder.encode(s));
  }

  /** Appends an integer (a safe one) in decimal, as String() writes it. */
  int(k: number): void {
    this.room(17);
    if (k < 0) {
      this.buf[this.length++] = 45;
      k = -k;
    }
    this.length = k < 2147483648 ? this.small(k, this.length) : this.large(k, this.length);
  }

  /** Writes 0 <= k < 2^31 at `at` with integer arithmetic; returns the end. Room must have been made. */
  private small(k: number, at: number): number {
    const d = this.digits;
    let n = 0;
    do {
      const q = (k / 10) | 0;
      d[n++] = 48 + (k - q * 10);
      k = q;
    } while (k > 0);
    while (n > 0) this.buf[at++] = d[--n];
    return at;
  }

  /** Writes a larger safe integer at `at`; returns the end. Room must have been made. */
  private large(k: number, at: number): number {
    const d = this.digits;
    let n = 0;
    do {
      const q = Math.floor(k / 10);
      d[n++] = 48 + (k - q * 10);
      k = q;
    } while (k > 0);
    while (n > 0) this.buf[at++] = d[--n];
    return at;
  }

  /**
   * Appends values[from .. to), each after the byte `before` (44, a comma, by default), exactly as formatNumber writes
   * them: at most 6 decimals, no exponent for ordinary magnitudes, -0 as 0. The values are read here, not passed one by
   * one: a double passed to a function V8 does not inline is boxed on the heap, which cost more than writing it.
   */
  numbers(values: Float64Array, from: number, to: number, before = 44): void {
    // A separator and at most 17 bytes of number each (the rare forms make their own room).
    this.room((to - from) * 18);
    // The buffer and the end are kept in locals while the ordinary values are written: as fields, each byte reread both.
    let buf = this.buf;
    let at = this.length;
    for (let i = from; i < to; i++) {
      buf[at++] = before;
      // The same arithmetic as formatNumber, writing digits instead of joining strings.
      const k = Math.round(values[i] * 1e6);
      if (k === 0) {
        buf[at++] = 48;
        continue;
      }
      const a = k < 0 ? -k : k;
      // Below 2^31 millionths (|x| < 2147.48, nearly every value an ensemble writes; never NaN or an infinity) the whole
      // part and the fraction are small integers, which V8 divides in registers, and the six decimals are written as three pairs.
      if (a < 2147483648) {
        if (k < 0) buf[at++] = 45;
        const ai = a | 0;
        const whole = (ai / 1000000) | 0;
        if (whole < 10) buf[at++] = 48 + whole;
        else at = this.small(whole, at);
        at = fraction(buf, ai - whole * 1000000, at);
      } else {
        this.length = at;
        this.rareNumber(values[i]);
        // A rare form can be longer than the room made for it (a typed array drops writes past its end, silently): room
        // for the rest again.
        this.room((to - i - 1) * 18);
        buf = this.buf;
        at = this.length;
      }
    }
    this.length = at;
  }

  /** Appends x, a value that is not finite or has 2^31 millionths or more, as formatNumber writes it. */
  private rareNumber(x: number): void {
    if (!Number.isFinite(x)) return this.text(Number.isNaN(x) ? 'NaN' : x > 0 ? 'Inf' : '-Inf');
    const k = Math.round(x * 1e6);
    const a = k < 0 ? -k : k;
    if (a >= 1e15) return this.text(String(k / 1e6));
    this.room(17);
    if (k < 0) this.buf[this.length++] = 45;
    const whole = Math.floor(a / 1e6);
    this.length = fraction(this.buf, a - whole * 1e6, this.large(whole, this.length));
  }

  /** The bytes written (a view of this buffer's memory: write no more once it is handed over). */
  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

/** Text as UTF-8 bytes, for the constant parts of lines (ids, labels) encoded once. */
export function encode(s: string): Uint8Array {
  return encoder.encode(s);
}
