// Finds where a value sits in a YAML (or JSON) document, so that every error can name its line and column.
import { isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

/** A parsed document with the means to locate any path in it. */
export interface SourceMap {
  locate(path: readonly (string | number)[], key?: string): { line: number; column: number };
}

/** Builds a locator over a parsed YAML document. */
export function sourceMap(doc: Document, lines: LineCounter): SourceMap {
  // Each mapping's pairs by key, built on first use: locating N keys of one mapping is then linear, not quadratic.
  const index = new WeakMap<YAMLMap, Map<string, Pair>>();
  const at = (offset: number) => {
    const pos = lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  return {
    locate(path, key) {
      let node: Node | null = doc.contents as Node | null;
      let offset = node?.range?.[0] ?? 0;
      for (const segment of key === undefined ? path : [...path, key]) {
        if (!node) break;
        const next = child(node, segment, key !== undefined && segment === key, index);
        if (!next) break;
        node = next;
        offset = next.range?.[0] ?? offset;
      }
      return at(offset);
    },
  };
}

function child(node: Node, segment: string | number, wantKey: boolean, index: WeakMap<YAMLMap, Map<string, Pair>>): Node | null {
  if (isMap(node)) {
    let pairs = index.get(node);
    if (!pairs) {
      pairs = new Map();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const k = String(isScalar(pair.key) ? pair.key.value : pair.key);
        // The first pair of a key wins, as the scan it replaces found it.
        if (!pairs.has(k)) pairs.set(k, pair);
      }
      index.set(node, pairs);
    }
    const pair = pairs.get(String(segment));
    if (!pair) return null;
    if (wantKey || pair.value == null) return pair.key as Node;
    return pair.value as Node;
  }
  if (isSeq(node) && typeof segment === 'number') return (node.items[segment] as Node) ?? null;
  return null;
}
