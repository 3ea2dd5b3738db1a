// The CSV reading and writing shared by the data build scripts: tolerant of quotes, CRLF and a BOM; writes LF, byte-stable.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Splits one CSV line into cells, honouring double quotes (a quoted cell may hold commas). */
function cellsOf(line) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { cells.push(cell); cell = ''; }
    else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** Reads a CSV file into objects keyed by its header. */
export function readCsv(path) {
  const text = readFileSync(path, 'latin1').replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '');
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.length > 0);
  const header = cellsOf(lines[0]).map((h) => h.trim());
  return lines.slice(1).map((l) => Object.fromEntries(cellsOf(l).map((c, i) => [header[i], c])));
}

/** Quotes a cell only when it must be (a comma or a quote inside). */
const cell = (v) => (/[",]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

/** Writes rows under a header as LF-terminated CSV and says how many. */
export function writeCsv(path, header, rows) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, [header.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n');
  console.log(`wrote ${rows.length} rows to ${path}`);
}

/** The folder given by `--from DIR`; without it, prints the usage and exits 2, so that a clone never reads ../shared by surprise. */
export function fromArgument(usage) {
  const i = process.argv.indexOf('--from');
  if (i < 0 || !process.argv[i + 1]) {
    console.error(`usage: ${usage}\nThe committed files under data/ are what schism reads; this script only rebuilds them.`);
    process.exit(2);
  }
  return process.argv[i + 1];
}
