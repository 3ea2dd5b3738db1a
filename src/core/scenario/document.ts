// Reads YAML or JSON text into a yaml Document within stated bounds (nesting depth, keys per mapping), with every problem located.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic } from './diagnostic.js';
import { sourceMap, type SourceMap } from './source-map.js';

/** Deepest nesting of collections a document may have; the scenario format needs about 6 (docs/api.md, "Input bounds"). */
export const MAX_DEPTH = 64;
/** Most keys one mapping may hold. */
export const MAX_KEYS = 10_000;
/** Most diagnostics reported for one document; the last one says how many more there were. */
export const MAX_DIAGNOSTICS = 100;

/** A document read within bounds, or its located problems. */
export type DocumentResult = { ok: true; doc: Document; lines: LineCounter; map: SourceMap } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Parses `text` as YAML (JSON is YAML) after checking its nesting depth without recursion, so that no input can overflow
 * the stack; duplicate and excess keys are found in one linear pass rather than yaml's quadratic `uniqueKeys`.
 * @example const r = readDocument('a: 1', 'x.yaml'); if (r.ok) r.doc.toJS();
 */
export function readDocument(text: string, file: string): DocumentResult {
  // A lone CR ends a line too (old Mac files); yaml would read such a file as one line.
  const source = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  const deep = depthProblem(source);
  if (deep) return { ok: false, diagnostics: [{ file, ...deep, path: '(document)', code: 'yaml.too_deep', message: `the document nests deeper than ${MAX_DEPTH} levels` }] };
  const lines = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(source, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  } catch (err) {
    // The depth check bounds recursion; this is the last guard should yaml still run out of stack.
    return { ok: false, diagnostics: [{ file, line: 1, column: 1, path: '(document)', code: 'yaml.unreadable', message: firstLine((err as Error).message) }] };
  }
  if (doc.errors.length > 0) {
    return {
      ok: false,
      diagnostics: capDiagnostics(doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return { file, line: pos.line, column: pos.col, path: '(document)', code: `yaml.${e.code}`, message: firstLine(e.message) };
      })),
    };
  }
  const keyProblems = checkKeys(doc, lines, file);
  if (keyProblems.length > 0) return { ok: false, diagnostics: capDiagnostics(keyProblems) };
  return { ok: true, doc, lines, map: sourceMap(doc, lines) };
}

/** Keeps the first MAX_DIAGNOSTICS diagnostics; the last kept one says how many were left out. */
export function capDiagnostics(all: Diagnostic[]): Diagnostic[] {
  if (all.length <= MAX_DIAGNOSTICS) return all;
  const kept = all.slice(0, MAX_DIAGNOSTICS);
  const next = all[MAX_DIAGNOSTICS];
  kept.push({ ...next, code: 'document.more_problems', message: `${all.length - MAX_DIAGNOSTICS} more problems not listed (the first is here: ${next.message})` });
  return kept;
}

/** A message's first line, so that no embedded line break reaches a one-line diagnostic. */
export function firstLine(message: string): string {
  return message.split(/\r\n?|\n/)[0];
}

/**
 * Where the nesting first passes MAX_DEPTH, or null. Counts open block indentation levels (compact `- ` and `? ` entries
 * each at its own column) and open flow brackets outside quotes and comments: an upper bound on yaml's depth, in one pass.
 */
function depthProblem(text: string): { line: number; column: number } | null {
  const indents: number[] = [];
  let flow = 0;
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    let i = start;
    while (i < end && text.charCodeAt(i) === 32) i++;
    const indent = i - start;
    if (i < end && text[i] !== '#') {
      let j = i;
      if (flow === 0) {
        // Each leading `- ` or `? ` opens a level at its own column (`- - - x` nests three deep on one line); the levels
        // stay open for the following lines that are indented past them.
        for (;;) {
          const column = j - start;
          while (indents.length > 0 && indents[indents.length - 1] >= column) indents.pop();
          indents.push(column);
          if (indents.length > MAX_DEPTH) return { line, column: column + 1 };
          if (!(j + 1 < end && (text[j] === '-' || text[j] === '?') && (text[j + 1] === ' ' || text[j + 1] === '\t'))) break;
          j += 2;
          while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
          if (j >= end) break;
        }
      }
      for (; j < end; j++) {
        const c = text[j];
        if (c === '"' || c === "'") {
          j = skipQuoted(text, j, end);
          continue;
        }
        if (c === '#' && (j === i || text[j - 1] === ' ' || text[j - 1] === '\t')) break;
        if (c === '[' || c === '{') {
          flow++;
          if (indents.length + flow > MAX_DEPTH) return { line, column: j - start + 1 };
        } else if ((c === ']' || c === '}') && flow > 0) flow--;
      }
    }
    start = end + 1;
  }
  return null;
}

/** The index of the quote that closes the string opened at `at` (or the line's end): brackets inside strings do not nest. */
function skipQuoted(text: string, at: number, end: number): number {
  const q = text[at];
  for (let j = at + 1; j < end; j++) {
    if (q === '"' && text[j] === '\\') j++;
    else if (text[j] === q) {
      if (q === "'" && text[j + 1] === "'") j++;
      else return j;
    }
  }
  return end;
}

/** Duplicate keys, `__proto__` keys and mappings over MAX_KEYS, found with one Set per mapping (yaml's own check is quadratic). */
function checkKeys(doc: Document, lines: LineCounter, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (node: Node | null | undefined) => {
    const pos = lines.linePos(node?.range?.[0] ?? 0);
    return { line: pos.line, column: pos.col };
  };
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      if (node.items.length > MAX_KEYS) {
        out.push({ file, ...at(node), path: '(document)', code: 'yaml.too_many_keys', message: `a mapping holds ${node.items.length} keys; at most ${MAX_KEYS} are read` });
        continue;
      }
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        // No name in the format is `__proto__`, and as a key it could reach an object's prototype: refused wherever it is.
        if (key === '__proto__') out.push({ file, ...at(pair.key as Node), path: '(document)', code: 'yaml.reserved_key', message: '"__proto__" is a reserved name, not a field' });
        if (seen.has(key)) out.push({ file, ...at(pair.key as Node), path: '(document)', code: 'yaml.DUPLICATE_KEY', message: `Map keys must be unique ("${key.slice(0, 80)}" repeats)` });
        seen.add(key);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return out;
}
