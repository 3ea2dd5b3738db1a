// CSV text to rows that remember their line, and diagnostics located by row and column, for the bargaining inputs.
import { parse } from 'csv-parse/sync';
import { InputError, type Diagnostic } from '../scenario/diagnostic.js';

/** One CSV record: its line in the file (1-based) and its trimmed cells. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** Splits CSV text into rows (any line ending, blank lines skipped, cells trimmed); a syntax error throws an InputError. */
export function readCsvRows(text: string, file: string, dialect: { delimiter?: string; quote?: string } = {}): CsvRow[] {
  try {
    const records = parse(text, {
      info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true, bom: true,
      delimiter: dialect.delimiter ?? ',', quote: dialect.quote ?? '"',
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map((r) => ({ line: r.info.lines, cells: r.record }));
  } catch (err) {
    const e = err as { lines?: number; message?: string; code?: string };
    throw new InputError([{
      file, line: e.lines ?? 1, column: 1, path: `row ${e.lines ?? 1}`, code: `csv.${e.code ?? 'syntax'}`,
      message: (e.message ?? String(err)).split('\n')[0],
    }]);
  }
}

/** A diagnostic for a cell: `line` is the row's line, `column` the 1-based column, the path names both. */
export function cellDiagnostic(file: string, row: CsvRow, column: number, columnName: string, code: string, message: string): Diagnostic {
  return { file, line: row.line, column: column + 1, path: `row ${row.line}, column "${columnName}"`, code, message };
}

/** A diagnostic for a whole row. */
export function rowDiagnostic(file: string, row: CsvRow | { line: number }, code: string, message: string): Diagnostic {
  return { file, line: row.line, column: 1, path: `row ${row.line}`, code, message };
}

/** Reads a cell as a finite number, or records a diagnostic and returns NaN. */
export function numberCell(file: string, row: CsvRow, column: number, columnName: string, out: Diagnostic[]): number {
  const raw = row.cells[column] ?? '';
  const value = raw === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(value)) {
    out.push(cellDiagnostic(file, row, column, columnName, 'csv.not_a_number', raw === '' ? 'the cell is empty; a number is needed' : `"${raw}" is not a number`));
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
    if (first !== undefined) out.push(cellDiagnostic(file, row, column, columnName, 'csv.duplicate_name', `actor "${name}" already appears on row ${first}`));
    else seen.set(name, row.line);
  }
}
