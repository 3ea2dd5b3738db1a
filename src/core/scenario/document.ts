// Reads YAML or JSON text into a yaml Document within stated bounds (nesting depth, keys per mapping), with every problem located.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { depthProblem, MAX_DEPTH, MAX_KEYS, withLineFeeds } from './bounds.js';
import type { Diagnostic } from './diagnostic.js';
import { sourceMap, type SourceMap } from './source-map.js';

export { MAX_DEPTH, MAX_KEYS } from './bounds.js';

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
  const source = withLineFeeds(text);
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
