// The plain actor table the BDM replications use (Actor, Capability, Position, Salience) read into a bargaining problem.
import type { Diagnostic } from '../scenario/diagnostic.js';
import { InputError } from '../scenario/diagnostic.js';
import { cellDiagnostic, checkRange, checkUniqueNames, numberCell, readCsvRows, rowDiagnostic, type CsvRow } from './csv-rows.js';
import type { BargainingProblem } from './types.js';

/** Header names accepted for each column, lower case: the public replications name them differently. */
export const ACTOR_TABLE_COLUMNS = {
  actor: ['actor', 'stakeholder', 'name', 'country'],
  capability: ['capability', 'capabilities', 'resources', 'power', 'influence'],
  position: ['position', 'position01'],
  salience: ['salience'],
} as const;

/** Options for reading an actor table. */
export interface ActorTableOptions {
  /** Saliences are written on [0, salienceScale] (1 by default; 100 for tables printed in percent). */
  salienceScale?: number;
  /** A table without a Salience column is accepted (saliences then start at 1); for models that redraw saliences. */
  allowMissingSalience?: boolean;
}

/** True when the first row of a CSV looks like an actor table's header. */
export function looksLikeActorTable(rows: CsvRow[]): boolean {
  const head = (rows[0]?.cells ?? []).map((c) => c.toLowerCase());
  return ACTOR_TABLE_COLUMNS.capability.some((n) => head.includes(n)) && ACTOR_TABLE_COLUMNS.position.some((n) => head.includes(n));
}

/**
 * Reads an actor table into a one-dimension problem whose scale is the range of the positions.
 * @example const problem = parseActorTable('Actor,Capability,Position,Salience\nA,1,4,0.5\nB,2,7,1\n', 'ec.csv');
 */
export function parseActorTable(text: string, file: string, options: ActorTableOptions = {}): BargainingProblem {
  return actorTableFromRows(readCsvRows(text, file), file, options);
}

/** Reads already split CSV rows as an actor table; throws an InputError with every problem found. */
export function actorTableFromRows(rows: CsvRow[], file: string, options: ActorTableOptions = {}): BargainingProblem {
  const scale = options.salienceScale ?? 1;
  const out: Diagnostic[] = [];
  if (rows.length === 0) throw new InputError([rowDiagnostic(file, { line: 1 }, 'csv.empty', 'the file is empty; a header row and one row per actor are needed')]);
  const header = rows[0];
  const names = header.cells.map((c) => c.toLowerCase());
  const find = (aliases: readonly string[]) => names.findIndex((n) => aliases.includes(n));
  const col = {
    actor: find(ACTOR_TABLE_COLUMNS.actor),
    capability: find(ACTOR_TABLE_COLUMNS.capability),
    position: find(ACTOR_TABLE_COLUMNS.position),
    salience: find(ACTOR_TABLE_COLUMNS.salience),
  };
  for (const key of ['actor', 'capability', 'position', 'salience'] as const) {
    if (col[key] >= 0 || (key === 'salience' && options.allowMissingSalience)) continue;
    out.push(rowDiagnostic(file, header, 'csv.missing_column', `no ${key} column (accepted names: ${ACTOR_TABLE_COLUMNS[key].join(', ')})`));
  }
  if (out.length) throw new InputError(out);
  const data = rows.slice(1);
  if (data.length === 0) throw new InputError([rowDiagnostic(file, { line: header.line + 1 }, 'csv.no_actors', 'the table has no actors')]);
  const width = header.cells.length;
  const label = (c: number) => header.cells[c];
  const capability: number[] = [];
  const position: number[] = [];
  const salience: number[] = [];
  for (const row of data) {
    if (row.cells.length !== width) {
      out.push(rowDiagnostic(file, row, 'csv.ragged_row', `the row has ${row.cells.length} cells; the header has ${width}`));
      continue;
    }
    const c = numberCell(file, row, col.capability, label(col.capability), out);
    if (Number.isFinite(c) && c < 0) out.push(cellDiagnostic(file, row, col.capability, label(col.capability), 'csv.out_of_range', `capability ${c} is negative`));
    // Bounds far beyond any real table, so that sums and squares of them stay finite (the finiteness contract).
    else checkRange(file, row, col.capability, label(col.capability), c, 0, 1e8, 'capability', out);
    const x = numberCell(file, row, col.position, label(col.position), out);
    checkRange(file, row, col.position, label(col.position), x, -1e9, 1e9, 'position', out);
    let s = 1;
    if (col.salience >= 0) {
      s = numberCell(file, row, col.salience, label(col.salience), out);
      checkRange(file, row, col.salience, label(col.salience), s, 0, scale, 'salience', out);
    }
    capability.push(c);
    position.push(x);
    salience.push(s / scale);
  }
  checkUniqueNames(file, data, col.actor, label(col.actor), out);
  if (out.length) throw new InputError(out);
  const lo = Math.min(...position);
  const hi = Math.max(...position);
  return {
    title: file,
    actors: data.map((row, i) => ({ id: row.cells[col.actor], name: row.cells[col.actor], capability: capability[i], line: row.line })),
    dimensions: [{ id: 'position', name: label(col.position), low: lo, high: hi }],
    positions: position.map((x) => [x]),
    salience: salience.map((s) => [s]),
    columns: { header: header.line, capability: col.capability + 1, position: [col.position + 1], salience: col.salience >= 0 ? [col.salience + 1] : [] },
  };
}
