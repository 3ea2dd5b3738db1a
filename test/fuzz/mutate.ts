// Seeded mutations of input text and values for the fuzzer: extremes, deep nesting, many keys, reserved names, bad dates, line endings, byte damage.
import { runStream, uniform, type RandomStream } from '../../src/core/random/streams.js';

/** A seeded chooser over one case's stream. */
export class Dice {
  private readonly rng: RandomStream;
  constructor(seed: number, index: number) {
    this.rng = runStream(seed, index);
  }
  /** A whole number in [0, n). */
  int(n: number): number {
    return Math.floor(uniform(this.rng) * n);
  }
  /** One of the items. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  /** True with probability p. */
  chance(p: number): boolean {
    return uniform(this.rng) < p;
  }
}

/** Numbers at and past every bound a schema or the engine might have. */
export const EXTREME_NUMBERS = ['0', '-0', '-1', '1e308', '-1e308', '1e-320', '.nan', '.inf', '-.inf', '4294967303', '99999999999999999999', '1e300', '0.5', '1000001', '2', '100', '-100'];
/** Dates that do not exist, or that only a careful writer handles. */
export const AWKWARD_DATES = ['1950-02-30', '1950-02-29', '1952-02-29', '1950-04-31', '0950-01', '0999-12-31', '1950-13', '0000-01', '9999-12', '1950-00'];
/** Names that every JavaScript object already has. */
export const PROTOTYPE_NAMES = ['constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'];
/** Cell texts that a spreadsheet would run, or that hold line breaks. */
export const HOSTILE_STRINGS = ['=HYPERLINK("http://x","y")', '@SUM(A1:A9)', '+cmd', '-2+3', 'a\nb', 'a\r\nb', 'a\rb', '"quoted"', 'x'.repeat(5000), '\u0000', '\ufeffBOM', 'ünïcödé ✓'];

/** The names of the text mutations, the minimum the issue asks for and a few more. */
export const TEXT_MUTATIONS = ['extreme-number', 'deep-nesting', 'many-keys', 'prototype-key', 'awkward-date', 'big-seed', 'line-endings', 'delete-line', 'duplicate-line', 'swap-lines', 'truncate', 'insert-char', 'alias-bomb', 'hostile-string', 'duplicate-key'] as const;

/** One named text mutation applied at a seeded place. */
export function mutateText(text: string, kind: (typeof TEXT_MUTATIONS)[number], dice: Dice): string {
  const lines = text.split('\n');
  const at = dice.int(lines.length);
  const indentOf = (l: string) => /^\s*/.exec(l)![0];
  switch (kind) {
    case 'extreme-number': {
      const numbers = [...text.matchAll(/(?<![\w.])-?\d+(\.\d+)?(e[-+]?\d+)?(?![\w-])/gi)];
      if (numbers.length === 0) return text;
      const m = dice.pick(numbers);
      return text.slice(0, m.index) + dice.pick(EXTREME_NUMBERS) + text.slice(m.index! + m[0].length);
    }
    case 'deep-nesting': {
      const depth = dice.pick([10, 60, 63, 64, 65, 200, 5000, 20000]);
      const value = dice.chance(0.5) ? `${'- '.repeat(depth)}1` : `${'['.repeat(depth)}${']'.repeat(depth)}`;
      lines.splice(at, 0, dice.chance(0.5) ? value : `${indentOf(lines[at] ?? '')}deep: ${value}`);
      return lines.join('\n');
    }
    case 'many-keys': {
      const n = dice.pick([1, 10, 100, 1000, 1000, 9000]);
      const indent = indentOf(lines[at] ?? '');
      lines.splice(at, 0, Array.from({ length: n }, (_, i) => `${indent}k${i}: ${i}`).join('\n'));
      return lines.join('\n');
    }
    case 'prototype-key': {
      const name = dice.pick(PROTOTYPE_NAMES);
      const where = dice.pick([`rules: { ${name}: 1 }`, `mechanisms: { ${name}: { enabled: false } }`, `mechanisms: { security: { params: { ${name}: 1 } } }`, `${name}: 1`, `set: { ${name}.x: 1 }`, `move: { ${name}: "1950-01" }`]);
      return dice.chance(0.5) ? `${text}\n${where}\n` : `${indentOf(lines[at] ?? '')}${name}: 1\n${text}`;
    }
    case 'awkward-date': {
      const dates = [...text.matchAll(/\d{4}-\d{2}(-\d{2})?/g)];
      if (dates.length === 0) return text;
      const m = dice.pick(dates);
      return text.slice(0, m.index) + dice.pick(AWKWARD_DATES) + text.slice(m.index! + m[0].length);
    }
    case 'big-seed':
      return text.replace(/seed: \d+/, `seed: ${dice.pick(['4294967295', '4294967296', '4294967303', '-1', '1.5', '9007199254740993'])}`);
    case 'line-endings':
      return text.replace(/\n/g, dice.pick(['\r', '\r\n', '\n\r']));
    case 'delete-line':
      lines.splice(at, 1);
      return lines.join('\n');
    case 'duplicate-line':
      lines.splice(at, 0, lines[at] ?? '');
      return lines.join('\n');
    case 'swap-lines': {
      const other = dice.int(lines.length);
      [lines[at], lines[other]] = [lines[other], lines[at]];
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, dice.int(text.length + 1));
    case 'insert-char': {
      const pos = dice.int(text.length + 1);
      return text.slice(0, pos) + dice.pick(['[', ']', '{', '}', ':', ',', '-', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', ' ', '\t', '\n', '\r', '\u0000', '\ufeff', '\u2028']) + text.slice(pos);
    }
    case 'alias-bomb': {
      const bomb = ['bomb0: &b0 [x, x, x, x, x, x, x, x, x]', ...[1, 2, 3, 4, 5, 6].map((i) => `bomb${i}: &b${i} [${Array(9).fill(`*b${i - 1}`).join(', ')}]`)];
      return `${bomb.join('\n')}\n${text}`;
    }
    case 'hostile-string': {
      const strings = [...text.matchAll(/(name|title|description|Actor|label): ?([^\n,{}]+)/g)];
      const s = JSON.stringify(dice.pick(HOSTILE_STRINGS));
      if (strings.length === 0) return `${s}\n${text}`;
      const m = dice.pick(strings);
      const start = m.index! + m[0].length - m[2].length;
      return text.slice(0, start) + s + text.slice(start + m[2].length);
    }
    case 'duplicate-key': {
      const keyed = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s*\w+:/.test(l));
      if (keyed.length === 0) return text;
      const [l, i] = dice.pick(keyed);
      lines.splice(i, 0, l);
      return lines.join('\n');
    }
  }
}

/** One to three seeded text mutations. */
export function mutateTextCase(text: string, dice: Dice): { text: string; kinds: string[] } {
  const kinds: string[] = [];
  let out = text;
  const n = 1 + dice.int(3);
  for (let i = 0; i < n; i++) {
    const kind = dice.pick(TEXT_MUTATIONS);
    kinds.push(kind);
    out = mutateText(out, kind, dice);
  }
  return { text: out, kinds };
}

/** The names of the CSV mutations: cells set to extremes or hostile text, rows repeated or dropped, counts changed. */
export const CSV_MUTATIONS = ['cell-extreme', 'cell-hostile', 'cell-empty', 'duplicate-row', 'delete-row', 'extra-columns', 'count-change', 'many-rows', 'line-endings', 'truncate', 'insert-char'] as const;

/** One to three seeded mutations of CSV text. */
export function mutateCsvCase(text: string, dice: Dice): { text: string; kinds: string[] } {
  const kinds: string[] = [];
  let rows = text.replace(/\n$/, '').split('\n').map((l) => l.split(','));
  let tail: ((t: string) => string) | undefined;
  const n = 1 + dice.int(3);
  for (let k = 0; k < n; k++) {
    const kind = dice.pick(CSV_MUTATIONS);
    kinds.push(kind);
    const r = dice.int(rows.length);
    const c = dice.int(Math.max(1, rows[r]?.length ?? 1));
    const set = (v: string) => {
      if (rows[r]) rows[r][c] = v;
    };
    switch (kind) {
      case 'cell-extreme': set(dice.pick(['0', '-1', '1e308', '-1e308', '1e-320', 'NaN', 'Infinity', '101', '100.0000001', '1e8', '2e8', ' 5 ', '0x10'])); break;
      case 'cell-hostile': set(JSON.stringify(dice.pick(HOSTILE_STRINGS))); break;
      case 'cell-empty': set(''); break;
      case 'duplicate-row': if (rows[r]) rows.splice(r, 0, [...rows[r]]); break;
      case 'delete-row': rows.splice(r, 1); break;
      case 'extra-columns': if (rows[r]) rows[r].push(...Array(dice.pick([1, 5, 100])).fill(dice.pick(['', '1', 'x']))); break;
      case 'count-change': if (rows[0]) rows[0][dice.pick([2, 3])] = dice.pick(['0', '1', '2', '999999', '-1', 'x', '']); break;
      case 'many-rows': {
        const base = rows[rows.length - 1] ?? ['A'];
        const count = dice.pick([10, 500, 1500]);
        rows = rows.concat(Array.from({ length: count }, (_, i) => [`${base[0]}${i}`, ...base.slice(1)]));
        break;
      }
      case 'line-endings': { const eol = dice.pick(['\r', '\r\n']); tail = (t) => t.replace(/\n/g, eol); break; }
      case 'truncate': { const cut = dice.int(1000); tail = (t) => t.slice(0, Math.max(0, t.length - cut)); break; }
      case 'insert-char': { const ch = dice.pick(['"', ',', '\n', '\r', '\u0000', ';', '\t']); const pos = dice.int(2000); tail = (t) => t.slice(0, pos % (t.length + 1)) + ch + t.slice(pos % (t.length + 1)); break; }
    }
  }
  const out = `${rows.map((row) => row.join(',')).join('\n')}\n`;
  return { text: tail ? tail(out) : out, kinds };
}

/** Replaces a seeded value inside a JSON-like object with an extreme or a value of the wrong kind (in place). */
export function mutateValue(obj: unknown, dice: Dice, depth = 0): unknown {
  const extremes: unknown[] = [0, -1, 1e308, -1e308, 5e-324, 4294967303, 2 ** 53 + 1, '', 'x', null, true, [], {}, '1950-02-30', '0950-01', 'constructor', { __proto__: 1 }, [[[[[[]]]]]]];
  if (Array.isArray(obj)) {
    if (obj.length === 0 || dice.chance(0.2)) return [...obj, dice.pick(extremes)];
    const i = dice.int(obj.length);
    obj[i] = depth > 6 || dice.chance(0.3) ? dice.pick(extremes) : mutateValue(obj[i], dice, depth + 1);
    return obj;
  }
  if (obj && typeof obj === 'object') {
    const keys = Object.keys(obj);
    const o = obj as Record<string, unknown>;
    if (keys.length === 0 || dice.chance(0.15)) {
      o[dice.pick(['extra', ...PROTOTYPE_NAMES, 'k'.repeat(200)])] = dice.pick(extremes);
      return o;
    }
    const k = dice.pick(keys);
    o[k] = depth > 6 || dice.chance(0.3) ? dice.pick(extremes) : mutateValue(o[k], dice, depth + 1);
    return o;
  }
  return dice.pick(extremes);
}
