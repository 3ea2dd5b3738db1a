// CSV text written straight into bytes: an ensemble writes some 56 numbers a run, and building them as strings, then
// encoding those to bytes, cost the main thread more than the numbers' own arithmetic. Numbers come out exactly as
// formatNumber writes them (ascii-buffer.test.ts checks it over the same values as number.test.ts).

const encoder = new TextEncoder();

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

  /** Appends a number exactly as formatNumber writes it: at most 6 decimals, no exponent for ordinary magnitudes, -0 as 0. */
  number(x: number): void {
    // The same arithmetic as formatNumber, writing digits instead of joining strings.
    if (!Number.isFinite(x)) return this.text(Number.isNaN(x) ? 'NaN' : x > 0 ? 'Inf' : '-Inf');
    const k = Math.round(x * 1e6);
    if (k === 0) return this.byte(48);
    const a = k < 0 ? -k : k;
    if (a >= 1e15) return this.text(String(k / 1e6));
    // Sign, up to 9 digits of whole part, point, 6 decimals.
    this.room(17);
    const buf = this.buf;
    let at = this.length;
    if (k < 0) buf[at++] = 45;
    const whole = Math.floor(a / 1e6);
    let frac = a - whole * 1e6;
    at = this.small(whole, at);
    if (frac !== 0) {
      let places = 6;
      while (frac % 10 === 0) {
        frac /= 10;
        places--;
      }
      buf[at++] = 46;
      // Leading zeros of the fraction, then its digits, `places` in all.
      const end = at + places;
      for (let i = end - 1; i >= at; i--) {
        const q = (frac / 10) | 0;
        buf[i] = 48 + (frac - q * 10);
        frac = q;
      }
      at = end;
    }
    this.length = at;
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
