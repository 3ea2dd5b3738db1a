// The input format of the decide exchange-model package (Stokman & Thomson's COP21 data): tab-separated records,
// single-quoted strings. #A actor, #P issue, #M a scale point of an issue, #D actor, issue, position, salience, power.
import { InputError, type Diagnostic } from '../scenario/diagnostic.js';
import { cellDiagnostic, checkRange, numberCell, readCsvRows, rowDiagnostic, type CsvRow } from './csv-rows.js';
import type { IssueProblem } from './scenario-issues.js';

/** True when the first record is a decide-format record (#A, #P, #M or #D). */
export function looksLikeDecide(text: string): boolean {
  return /^\uFEFF?'?#[APMD]'?\t/.test(text);
}

/**
 * Reads a decide-format file into one problem per issue (its scale from the issue's #M points); every problem found
 * is reported with its line and column.
 * @example const issues = parseDecideTsv(readFileSync('cop21.csv', 'utf8'), 'cop21.csv');
 */
export function parseDecideTsv(text: string, file: string): IssueProblem[] {
  const rows = readCsvRows(text, file, { delimiter: '\t', quote: "'" });
  const out: Diagnostic[] = [];
  const actors = new Map<string, string>();
  const issues = new Map<string, { name: string; points: number[]; data: { actor: string; x: number; s: number; c: number; row: CsvRow }[] }>();
  const need = (row: CsvRow, n: number) => {
    if (row.cells.length >= n) return true;
    out.push(rowDiagnostic(file, row, 'csv.ragged_row', `a ${row.cells[0]} record has ${n} cells; this one has ${row.cells.length}`));
    return false;
  };
  for (const row of rows) {
    const kind = row.cells[0];
    if (kind === '#A' && need(row, 2)) actors.set(row.cells[1], row.cells[2] || row.cells[1]);
    else if (kind === '#P' && need(row, 2)) issues.set(row.cells[1], { name: row.cells[2] || row.cells[1], points: [], data: [] });
    else if (kind === '#M' && need(row, 3)) {
      const issue = issues.get(row.cells[1]);
      if (!issue) out.push(cellDiagnostic(file, row, 1, 'issue', 'decide.unknown_issue', `issue "${row.cells[1]}" has no #P record before it`));
      else issue.points.push(numberCell(file, row, 2, 'scale point', out));
    } else if (kind === '#D' && need(row, 6)) {
      const issue = issues.get(row.cells[2]);
      if (!actors.has(row.cells[1])) out.push(cellDiagnostic(file, row, 1, 'actor', 'decide.unknown_actor', `actor "${row.cells[1]}" has no #A record`));
      if (!issue) out.push(cellDiagnostic(file, row, 2, 'issue', 'decide.unknown_issue', `issue "${row.cells[2]}" has no #P record`));
      const x = numberCell(file, row, 3, 'position', out);
      const s = numberCell(file, row, 4, 'salience', out);
      checkRange(file, row, 4, 'salience', s, 0, 1, 'salience', out);
      const c = numberCell(file, row, 5, 'power', out);
      if (Number.isFinite(c) && c < 0) out.push(cellDiagnostic(file, row, 5, 'power', 'csv.out_of_range', `power ${c} is negative`));
      if (issue?.data.some((d) => d.actor === row.cells[1])) {
        out.push(cellDiagnostic(file, row, 1, 'actor', 'csv.duplicate_name', `actor "${row.cells[1]}" already has a position on "${row.cells[2]}"`));
      }
      issue?.data.push({ actor: row.cells[1], x, s, c, row });
    } else if (!['#A', '#P', '#M', '#D'].includes(kind)) {
      out.push(cellDiagnostic(file, row, 0, 'record type', 'decide.record', `"${kind}" is not a record type (#A, #P, #M, #D)`));
    }
  }
  if (actors.size === 0) out.push(rowDiagnostic(file, { line: 1 }, 'csv.no_actors', 'the file has no #A actors'));
  if (out.length) throw new InputError(out);
  return [...issues.entries()].map(([id, issue]) => {
    if (issue.data.length < 2) return { issue: id, skipped: `${issue.data.length} actor(s) hold a position on ${id}; bargaining needs two` };
    const xs = issue.data.map((d) => d.x);
    const low = issue.points.length ? Math.min(...issue.points) : Math.min(...xs);
    const high = issue.points.length ? Math.max(...issue.points) : Math.max(...xs);
    return {
      issue: id,
      problem: {
        title: issue.name,
        actors: issue.data.map((d) => ({ id: d.actor, name: actors.get(d.actor) ?? d.actor, capability: d.c })),
        dimensions: [{ id, name: issue.name, low, high }],
        positions: xs.map((x) => [x]),
        salience: issue.data.map((d) => [d.s]),
      },
    };
  });
}
