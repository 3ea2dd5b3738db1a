// KTAB's SMP CSV scenario format read into a bargaining problem, with the checks KTAB's csvRead makes, located by row and column.
// Line 1: name, description, number of actors, number of dimensions. Line 2: Actor, Description, Power, then a
// position and a salience column per dimension. Then one row per actor; positions and saliences on 0–100.
import { InputError, type Diagnostic } from '../scenario/diagnostic.js';
import { cellDiagnostic, checkRange, checkUniqueNames, numberCell, readCsvRows, rowDiagnostic, type CsvRow } from './csv-rows.js';
import type { BargainingProblem } from './types.js';

/** True when the first row looks like KTAB's scenario line (its third and fourth cells are whole numbers). */
export function looksLikeKtabCsv(rows: CsvRow[]): boolean {
  const c = rows[0]?.cells ?? [];
  return /^\d+$/.test(c[2] ?? '') && /^\d+$/.test(c[3] ?? '');
}

/**
 * Reads a KTAB SMP scenario CSV. Positions become [0, 100] dimensions and saliences fractions of 1, as KTAB does.
 * @example const problem = parseKtabCsv(readFileSync('SOE-Pol-Comp.csv', 'utf8'), 'SOE-Pol-Comp.csv');
 */
export function parseKtabCsv(text: string, file: string): BargainingProblem {
  return ktabFromRows(readCsvRows(text, file), file);
}

/** Reads already split CSV rows in KTAB's format; throws an InputError with every problem found. */
export function ktabFromRows(rows: CsvRow[], file: string): BargainingProblem {
  const out: Diagnostic[] = [];
  const first = rows[0];
  if (!first) throw new InputError([rowDiagnostic(file, { line: 1 }, 'csv.empty', 'the file is empty')]);
  const numActors = Number(first.cells[2]);
  const numDims = Number(first.cells[3]);
  if (!/^\d+$/.test(first.cells[2] ?? '')) out.push(cellDiagnostic(file, first, 2, 'number of actors', 'ktab.header', `"${first.cells[2] ?? ''}" is not a whole number of actors`));
  if (!/^\d+$/.test(first.cells[3] ?? '') || numDims < 1) out.push(cellDiagnostic(file, first, 3, 'number of dimensions', 'ktab.header', `"${first.cells[3] ?? ''}" is not a number of dimensions (1 or more)`));
  if (out.length) throw new InputError(out);
  if (numActors === 0) throw new InputError([cellDiagnostic(file, first, 2, 'number of actors', 'csv.no_actors', 'the scenario declares no actors')]);
  const header = rows[1];
  const width = 3 + 2 * numDims;
  if (!header) throw new InputError([rowDiagnostic(file, { line: first.line + 1 }, 'ktab.header', 'the column header line is missing')]);
  if (header.cells.filter((c) => c !== '').length < width) {
    throw new InputError([rowDiagnostic(file, header, 'csv.ragged_row', `the header has ${header.cells.filter((c) => c !== '').length} named columns; ${numDims} dimensions need ${width}`)]);
  }
  const label = (c: number) => header.cells[c];
  const data = rows.slice(2);
  if (data.length === 0) throw new InputError([rowDiagnostic(file, { line: header.line + 1 }, 'csv.no_actors', 'the table has no actors')]);
  if (data.length !== numActors) {
    const at = data.length > numActors ? data[numActors] : { line: data[data.length - 1].line + 1 };
    out.push(rowDiagnostic(file, at, 'ktab.actor_count', `line 1 declares ${numActors} actors; the table has ${data.length}`));
  }
  const capability: number[] = [];
  const positions: number[][] = [];
  const salience: number[][] = [];
  for (const row of data) {
    // KTAB files end rows with a comma; extra cells are tolerated only when empty.
    const extra = row.cells.slice(width).some((c) => c !== '');
    if (row.cells.length < width || extra) {
      out.push(rowDiagnostic(file, row, 'csv.ragged_row', `the row has ${row.cells.filter((c) => c !== '').length} filled cells; ${width} are needed`));
      continue;
    }
    const c = numberCell(file, row, 2, label(2), out);
    checkRange(file, row, 2, label(2), c, 0, 1e8, 'capability', out);
    const x: number[] = [];
    const s: number[] = [];
    let total = 0;
    for (let d = 0; d < numDims; d++) {
      const pc = 3 + 2 * d;
      const p = numberCell(file, row, pc, label(pc), out);
      checkRange(file, row, pc, label(pc), p, 0, 100, 'position', out);
      const v = numberCell(file, row, pc + 1, label(pc + 1), out);
      checkRange(file, row, pc + 1, label(pc + 1), v, 0, 100, 'salience', out);
      total += Number.isFinite(v) && v <= 100 ? v : 0;
      if (total > 100 + 1e-9 && d === numDims - 1) {
        out.push(cellDiagnostic(file, row, pc + 1, label(pc + 1), 'ktab.salience_total', `the actor's saliences add up to ${total}; KTAB allows at most 100`));
      }
      x.push(p);
      s.push(v / 100);
    }
    capability.push(c);
    positions.push(x);
    salience.push(s);
  }
  checkUniqueNames(file, data, 0, label(0), out);
  if (out.length) throw new InputError(out);
  const dimName = (d: number) => label(3 + 2 * d).replace(/\s*(position|pstn)$/i, '') || label(3 + 2 * d);
  return {
    title: first.cells[0] || file,
    actors: data.map((row, i) => ({ id: row.cells[0], name: row.cells[1] || row.cells[0], capability: capability[i], line: row.line })),
    dimensions: Array.from({ length: numDims }, (_, d) => ({ id: label(3 + 2 * d), name: dimName(d), low: 0, high: 100 })),
    positions,
    salience,
    columns: { header: header.line, capability: 3, position: Array.from({ length: numDims }, (_, d) => 4 + 2 * d), salience: Array.from({ length: numDims }, (_, d) => 5 + 2 * d) },
  };
}
