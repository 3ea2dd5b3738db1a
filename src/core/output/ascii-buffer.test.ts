// The byte writer writes numbers exactly as formatNumber does, and integers as String() does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AsciiBuffer } from './ascii-buffer.js';
import { formatNumber } from './number.js';

const decoder = new TextDecoder();

test('AsciiBuffer.numbers writes what formatNumber writes over magnitudes 1e-10 to 1e14 and at the edges, growing as needed', () => {
  let seed = 54321;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const values = [0, -0, 1e-7, -1e-7, 5e-7, -5e-7, 4.9999999e-7, 1e-6, 0.1, 0.2, 0.3, 1 / 3, -2 / 3, 2.5e-6, 0.000123, 10.5, 100, 999999999.9999995, 1e9, 1e15, 1e21, -1e21, 1e300, 5e-324, NaN, Infinity, -Infinity];
  for (let i = 0; i < 100_000; i++) {
    const v = (next() - 0.5) * 10 ** (Math.floor(next() * 25) - 10);
    values.push(v, -v, Math.round(v * 1e3) / 1e3, Math.round(v * 1e6) / 1e6 + 5e-7);
  }
  // A small start, so that the buffer grows many times on the way.
  const b = new AsciiBuffer(16);
  b.numbers(Float64Array.from(values), 0, values.length, 10);
  const lines = decoder.decode(b.view()).split('\n').slice(1);
  assert.equal(lines.length, values.length);
  values.forEach((v, i) => assert.equal(lines[i], formatNumber(v), `numbers(…${v}…)`));
});

test('AsciiBuffer.numbers makes room again after a long rare form: no byte of the numbers after it is lost', () => {
  // Room is made for the whole row at once, 18 bytes a number; an exponent form takes 24 with its comma, and the buffer
  // here holds exactly the row's room, so the ordinary number after it would run 1 byte past the end.
  const values = [-1.2345678901234568e27, -2147.123456];
  const b = new AsciiBuffer(16);
  b.numbers(Float64Array.from(values), 0, values.length);
  assert.equal(decoder.decode(b.view()), values.map((v) => `,${formatNumber(v)}`).join(''));
});

test('AsciiBuffer.int writes integers as String() does', () => {
  const b = new AsciiBuffer(16);
  const values = [0, 1, 9, 10, 99, 100, 12345, -1, -10, -987654, 2 ** 31, 2 ** 32 + 7, Number.MAX_SAFE_INTEGER];
  for (const v of values) {
    b.int(v);
    b.byte(44);
  }
  assert.equal(decoder.decode(b.view()), values.map(String).join(',') + ',');
});
