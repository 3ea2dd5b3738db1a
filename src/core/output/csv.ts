// Tidy CSV text from rows, quoted only where a cell needs it (RFC 4180), with a fixed column order.
import { formatNumber } from './number.js';

/** A CSV cell value. */
export type Cell = string | number | boolean | null | undefined;

/** Renders rows as CSV with the given columns, `\n` line ends and a final newline. */
export function toCsv(columns: readonly string[], rows: Iterable<readonly Cell[]>): string {
  const lines = [columns.map(quote).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}

/** One cell as toCsv writes it: for a writer that formats a cell repeated on many rows once. */
export function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return quote(v);
}

function quote(text: string): string {
  const s = neutralise(text);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A text cell that a spreadsheet would run as a formula (it starts with =, +, -, @, tab or CR: "=HYPERLINK(...)",
 * "@SUM(...)") gets a leading apostrophe, so that names from input tables cannot act in whoever opens the output.
 * Numbers written as text are left as they are.
 */
export function neutralise(s: string): string {
  if (!/^[=+\-@\t\r]/.test(s)) return s;
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return s;
  return `'${s}`;
}
