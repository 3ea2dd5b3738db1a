// The bounds every scenario document is read within (nesting depth, keys per mapping), shared by both YAML readers.

/** Deepest nesting of collections a document may have; the scenario format needs about 6 (docs/api.md, "Input bounds"). */
export const MAX_DEPTH = 64;
/** Most keys one mapping may hold. */
export const MAX_KEYS = 10_000;

/** The text with every line break a line feed: a lone CR ends a line too (old Mac files), and yaml would read such a file as one line. */
export function withLineFeeds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

const TAB = 9;
const SPACE = 32;
const DQ = 34;
const HASH = 35;
const SQ = 39;
const BACKSLASH = 92;

/**
 * Where the nesting first passes MAX_DEPTH, or null. Counts open block indentation levels (compact `- ` and `? ` entries
 * each at its own column) and open flow brackets outside quotes and comments: an upper bound on yaml's depth, in one pass.
 */
export function depthProblem(text: string): { line: number; column: number } | null {
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
      // Character codes, not one-character strings: this loop sees every character of the file.
      for (; j < end; j++) {
        const c = text.charCodeAt(j);
        if (c === DQ || c === SQ) {
          j = skipQuoted(text, j, end);
          continue;
        }
        if (c === HASH && (j === i || text.charCodeAt(j - 1) === SPACE || text.charCodeAt(j - 1) === TAB)) break;
        if (c === 91 || c === 123) {
          flow++;
          if (indents.length + flow > MAX_DEPTH) return { line, column: j - start + 1 };
        } else if ((c === 93 || c === 125) && flow > 0) flow--;
      }
    }
    start = end + 1;
  }
  return null;
}

/** The index of the quote that closes the string opened at `at` (or the line's end): brackets inside strings do not nest. */
function skipQuoted(text: string, at: number, end: number): number {
  const q = text.charCodeAt(at);
  for (let j = at + 1; j < end; j++) {
    const c = text.charCodeAt(j);
    if (q === DQ && c === BACKSLASH) j++;
    else if (c === q) {
      if (q === SQ && text.charCodeAt(j + 1) === SQ) j++;
      else return j;
    }
  }
  return end;
}
