// JSON text whose numbers go through the one number formatter, so analysis results are byte-stable across machines.
import { formatNumber } from './number.js';

/**
 * Pretty JSON with every finite number rounded as formatNumber writes it, non-finite numbers as null, typed arrays as arrays.
 * @example stableJson({ loss: 0.1 + 0.2 }) // '{\n  "loss": 0.3\n}\n'
 */
export function stableJson(value: unknown): string {
  const text = JSON.stringify(
    value,
    (_key, v) => {
      if (typeof v === 'number') return Number.isFinite(v) ? Number(formatNumber(v)) : null;
      if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
      return v;
    },
    2,
  );
  return `${text}\n`;
}
