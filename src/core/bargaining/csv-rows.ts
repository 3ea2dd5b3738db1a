// CSV text to rows that remember their line, and diagnostics located by row and column, for the bargaining inputs.
import { parse } from 'csv-parse/sync';
import { InputError, type Diagnostic } from '../scenario/diagnostic.js';

/** One CSV record: its line in the file (1-based) and its trimmed cells. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** Splits CSV text into rows (any line ending, CR-only included; blank lines skipped, cells trimmed); a syntax error throws an InputError. */
export function readCsvRows(text: string, file: string, dialect: { delimiter?: string; quote?: string } = {}): CsvRow[] {
  // One line ending throughout: csv-parse guesses it from the first line, so a mixed or CR-only file would be one record.
  const source = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  try {
    const records = parse(source, {
      info: true, raw: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true, bom: true,
      delimiter: dialect.delimiter ?? ',', quote: dialect.quote ?? '"',
    }) as unknown as { record: string[]; raw: string; info: { lines: number } }[];
    // info.lines is the line a record ends on; a record with quoted line breaks is located at its first line.
    return records.map((r) => ({ line: r.info.lines - breaksWithin(r.raw), cells: r.record }));
  } catch (err) {
    const e = err as { lines?: number; message?: string; code?: string };
    throw new InputError([{
      file, line: e.lines ?? 1, column: 1, path: `row ${e.lines ?? 1}`, code: `csv.${e.code ?? 'syntax'}`,
      message: shown(e.message ?? String(err), 200),
    }]);
  }
}

/** Line breaks inside a record's own text (not the blank lines before it, nor its terminator). */
function breaksWithin(raw: string): number {
  const body = raw.replace(/^\n+/, '').replace(/\n$/, '');
  let n = 0;
  for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) n++;
  return n;
}

/** A cell's text as a one-line message shows it: line breaks written as ⏎, at most `max` characters. */
export function shown(text: string, max = 60): string {
  const one = text.replace(/\r\n|\r|\n/g, '⏎');
  return one.length > max ? `${one.slice(0, max)}…` : one;
}

/** A diagnostic for a cell: `line` is the row's line, `column` the 1-based column, the path names both. */
export function cellDiagnostic(file: string, row: CsvRow, column: number, columnName: string, code: string, message: string): Diagnostic {
  return { file, line: row.line, column: column + 1, path: `row ${row.line}, column "${shown(columnName)}"`, code, message: shown(message, 400) };
}

/** A diagnostic for a whole row. */
export function rowDiagnostic(file: string, row: CsvRow | { line: number }, code: string, message: string): Diagnostic {
  return { file, line: row.line, column: 1, path: `row ${row.line}`, code, message: shown(message, 400) };
}

/** Reads a cell as a finite number, or records a diagnostic and returns NaN. */
export function numberCell(file: string, row: CsvRow, column: number, columnName: string, out: Diagnostic[]): number {
  const raw = row.cells[column] ?? '';
  const value = raw === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(value)) {
    out.push(cellDiagnostic(file, row, column, columnName, 'csv.not_a_number', raw === '' ? 'the cell is empty; a number is needed' : `"${shown(raw)}" is not a number`));
  }
  return value;
}

/** Records a diagnostic when a number lies outside [low, high]. */
export function checkRange(
  file: string, row: CsvRow, column: number, columnName: string, value: number, low: number, high: number, what: string, out: Diagnostic[],
): void {
  if (Number.isFinite(value) && (value < low || value > high)) {
    out.push(cellDiagnostic(file, row, column, columnName, 'csv.out_of_range', `${what} ${value} is outside ${low}–${high}`));
  }
}

/** Records a diagnostic for every actor name that repeats an earlier one (names compare case-sensitively, trimmed). */
export function checkUniqueNames(file: string, rows: CsvRow[], column: number, columnName: string, out: Diagnostic[]): void {
  const seen = new Map<string, number>();
  for (const row of rows) {
    const name = row.cells[column] ?? '';
    if (name === '') {
      out.push(cellDiagnostic(file, row, column, columnName, 'csv.empty_name', 'the actor has no name'));
      continue;
    }
    const first = seen.get(name);
    if (first !== undefined) out.push(cellDiagnostic(file, row, column, columnName, 'csv.duplicate_name', `actor "${shown(name)}" already appears on row ${first}`));
    else seen.set(name, row.line);
  }
}
