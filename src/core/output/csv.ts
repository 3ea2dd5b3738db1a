// Tidy CSV text from rows, quoted only where a cell needs it (RFC 4180), with a fixed column order.
import { formatNumber } from './number.js';

/** A CSV cell value. */
export type Cell = string | number | boolean | null | undefined;

/** Renders rows as CSV with the given columns, `\n` line ends and a final newline. */
export function toCsv(columns: readonly string[], rows: Iterable<readonly Cell[]>): string {
  const lines = [columns.map(quote).join(',')];
  for (const row of rows) lines.push(row.map(cell).join(','));
  return `${lines.join('\n')}\n`;
}

function cell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return quote(v);
}

function quote(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
