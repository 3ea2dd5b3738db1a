// The quick first reading of a scenario: js-yaml into plain data, then the schema and the reference checks. It only ever
// accepts; whatever it cannot promise to read exactly as the located reader (parse.ts) would, it hands over to that one.
import { constructFromEvents, defineMappingTag, defineScalarTag, EVENT_ID, getScalarValue, NOT_RESOLVED, parseEvents, SCALAR_STYLE, Schema, seqTag, strTag, type Event } from 'js-yaml';
import { depthProblem, MAX_KEYS, withLineFeeds } from './bounds.js';
import { rememberOrigin, type TextLocation } from './origin.js';
import { checkReferences } from './references.js';
import { Scenario } from './schema.js';

/**
 * Plain scalars resolved by the YAML 1.2 core schema exactly as the yaml package's does it (yaml/dist/schema/core): the
 * same tests in the same order, the same conversions. js-yaml's own core tags differ at the edges (`1e400` stays a
 * string there, is Infinity in yaml), so they are not used.
 */
const CORE_PLAIN: readonly [RegExp, (s: string) => unknown][] = [
  [/^(?:~|[Nn]ull|NULL)?$/, () => null],
  [/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T'],
  [/^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)],
  [/^[-+]?[0-9]+$/, (s) => parseInt(s, 10)],
  [/^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)],
  [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity)],
  [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (s) => parseFloat(s)],
  [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (s) => parseFloat(s)],
];

/** A plain scalar's value under the core schema, as yaml resolves it; undefined when it stays a string. */
function corePlain(source: string): unknown {
  // Every test above needs one of these first characters (or an empty scalar): most plain text is decided in one look.
  if (source !== '' && !'~nNtTfF0123456789+-.'.includes(source[0])) return undefined;
  for (let i = 0; i < CORE_PLAIN.length; i++) if (CORE_PLAIN[i][0].test(source)) return CORE_PLAIN[i][1](source);
  return undefined;
}

const corePlainTag = defineScalarTag('tag:schism,2026:core-plain', {
  implicit: true,
  resolve: (source, isExplicit) => {
    if (isExplicit) return NOT_RESOLVED;
    const value = corePlain(source);
    return value === undefined ? NOT_RESOLVED : value;
  },
  identify: () => false,
});

/** Why a mapping is handed over: the reasons yaml (with the key checks of document.ts) might read it otherwise, or refuse it. */
const HAND_OVER = 'read by the located reader';

/**
 * Mappings as plain objects with keys as yaml's toJS writes them (String of the scalar), handing over any key that
 * yaml would write otherwise (null, a collection) or that document.ts refuses (`__proto__`, more than MAX_KEYS keys).
 */
const plainMapTag = defineMappingTag<{ value: Record<string, unknown>; size: number }, Record<string, unknown>>('tag:yaml.org,2002:map', {
  create: () => ({ value: {}, size: 0 }),
  addPair: (map, key, value) => {
    if (key === null || typeof key === 'object') return HAND_OVER;
    const name = String(key);
    if (name === '__proto__' || ++map.size > MAX_KEYS) return HAND_OVER;
    map.value[name] = value;
    return '';
  },
  has: (map, key) => (key === null || typeof key === 'object' ? false : Object.hasOwn(map.value, String(key))),
  keys: (map) => Object.keys(map),
  get: (map, key) => map[String(key)],
  finalize: (map) => map.value,
  identify: () => false,
});

const SCHEMA = new Schema([strTag, seqTag, plainMapTag, corePlainTag]);

/**
 * The checked scenario, when `text` is one that the located reader would accept and read the same; undefined
 * otherwise (then parse.ts decides, and says where the problems are). The scenario's origin is recorded with a locator
 * over the same parse, for located warnings.
 * @example const s = quickScenario(text, file) ?? loadScenarioText(text, file);
 */
export function quickScenario(text: string, file: string): Scenario | undefined {
  const read = quickRead(text);
  if (!read) return undefined;
  // One parse of one document: zod's generated validators (a new Function per object schema) cost more to build
  // than they save, so this parse runs without them.
  const parsed = Scenario.safeParse(read.data, { jitless: true });
  if (!parsed.success || checkReferences(parsed.data).length > 0) return undefined;
  rememberOrigin(parsed.data, { text, file, locate: eventLocator(read.source, read.events) });
  return parsed.data;
}

/**
 * The plain data of a YAML text, read as document.ts and yaml's toJS would read it, with its events; undefined for
 * anything handed over: tags, anchors, aliases and directives, several documents, duplicate, null or collection keys,
 * `__proto__`, too deep or too wide, and whatever js-yaml refuses.
 * @example quickRead('a: 2001-02')?.data // { a: '2001-02' }
 */
export function quickRead(text: string): { data: unknown; source: string; events: Event[] } | undefined {
  const source = withLineFeeds(text);
  if (depthProblem(source)) return undefined;
  try {
    const events = parseEvents(source, {});
    if (!plainEvents(source, events)) return undefined;
    const documents = constructFromEvents(events, { source, schema: SCHEMA, maxAliases: 0 });
    return documents.length === 1 ? { data: documents[0], source, events } : undefined;
  } catch {
    return undefined;
  }
}

/** An open node while scanning events: a document or sequence, or a mapping awaiting a key or a value. */
const OTHER = 0;
const KEY = 1;
const VALUE = 2;

/**
 * False when the events hold anything handed over to the located reader: an alias, an anchor, a tag, a directive,
 * or a key whose `:` sits more than 1000 characters after its start (yaml refuses implicit keys past 1024).
 */
function plainEvents(source: string, events: readonly Event[]): boolean {
  const open: number[] = [];
  for (const e of events) {
    if (e.type === EVENT_ID.POP) {
      open.pop();
      continue;
    }
    if (e.type === EVENT_ID.DOCUMENT) {
      if (e.directives.length > 0) return false;
      open.push(OTHER);
      continue;
    }
    if (e.type === EVENT_ID.ALIAS || e.tagStart !== -1 || e.anchorStart !== -1) return false;
    const top = open.length - 1;
    if (open[top] === KEY) {
      open[top] = VALUE;
      if (e.type === EVENT_ID.SCALAR) {
        const start = e.valueStart < 0 ? -1 : e.valueStart;
        const colon = source.indexOf(':', Math.max(e.valueEnd, 0));
        if (start < 0 || colon < 0 || colon - start > 1000) return false;
      }
    } else if (open[top] === VALUE) open[top] = KEY;
    if (e.type === EVENT_ID.MAPPING) open.push(KEY);
    else if (e.type === EVENT_ID.SEQUENCE) open.push(OTHER);
  }
  return true;
}

/**
 * Locates paths as source-map.ts does over yaml's nodes (the same walk, the same start offsets, the same line count),
 * from js-yaml's events. Where yaml's offset is not known from the events (block scalars start at their `|` or `>`
 * header, empty values after their key), it answers undefined and yaml is asked.
 */
export function eventLocator(source: string, events: readonly Event[]): (path: readonly (string | number)[], key?: string) => TextLocation | undefined {
  let lineStarts: number[] | undefined;
  let ends: Int32Array | undefined;
  return (path, key) => {
    ends ??= nodeEnds(events);
    // The root node follows the document event.
    let node = events[0]?.type === EVENT_ID.DOCUMENT ? 1 : 0;
    if (node >= events.length || events[node].type === EVENT_ID.POP) return undefined;
    let offset = startOf(events[node]);
    if (offset < 0) return undefined;
    for (const segment of key === undefined ? path : [...path, key]) {
      const next = childOf(source, events, ends, node, segment, key !== undefined && segment === key);
      if (next < 0) break;
      const at = startOf(events[next]);
      if (at < 0) return undefined;
      node = next;
      offset = at;
    }
    lineStarts ??= lineStartsOf(source);
    return linePos(lineStarts, offset);
  };
}

/** Where yaml's range of the node opened by this event starts, or -1 when the event does not tell. */
function startOf(e: Event): number {
  if (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE) return e.start;
  if (e.type !== EVENT_ID.SCALAR || e.valueStart < 0) return -1;
  if (e.style === SCALAR_STYLE.PLAIN) return e.valueStart;
  // yaml's range starts at a quoted scalar's opening quote; js-yaml's value starts after it.
  if (e.style === SCALAR_STYLE.SINGLE_QUOTED || e.style === SCALAR_STYLE.DOUBLE_QUOTED) return e.valueStart - 1;
  return -1;
}

/** For each event that opens a node, the index of the event after the node (past its closing event for a collection). */
function nodeEnds(events: readonly Event[]): Int32Array {
  const ends = new Int32Array(events.length);
  const open: number[] = [];
  for (let i = 0; i < events.length; i++) {
    const t = events[i].type;
    if (t === EVENT_ID.MAPPING || t === EVENT_ID.SEQUENCE || t === EVENT_ID.DOCUMENT) open.push(i);
    else if (t === EVENT_ID.POP) ends[open.pop()!] = i + 1;
    else ends[i] = i + 1;
  }
  return ends;
}

/**
 * The event index of the child source-map.ts's `child` would step to from the node at `i` (a pair's value, or its key
 * when asked for; the first pair of a key, keyed by String of the key's value; a sequence item), or -1.
 */
function childOf(source: string, events: readonly Event[], ends: Int32Array, i: number, segment: string | number, wantKey: boolean): number {
  const e = events[i];
  if (e.type === EVENT_ID.MAPPING) {
    const name = String(segment);
    for (let k = i + 1; events[k].type !== EVENT_ID.POP; ) {
      const v = ends[k];
      if (keyName(source, events[k]) === name) return wantKey ? k : v;
      k = ends[v];
    }
    return -1;
  }
  if (e.type === EVENT_ID.SEQUENCE && typeof segment === 'number') {
    let k = i + 1;
    for (let n = 0; events[k].type !== EVENT_ID.POP; n++) {
      if (n === segment) return k;
      k = ends[k];
    }
  }
  return -1;
}

/** A key as source-map.ts names it: String of the scalar's value (a plain one resolved by the core schema). */
function keyName(source: string, e: Event): string | undefined {
  if (e.type !== EVENT_ID.SCALAR) return undefined;
  const text = getScalarValue(source, e);
  if (e.style !== SCALAR_STYLE.PLAIN) return text;
  const value = corePlain(text);
  return value === undefined ? text : String(value);
}

/** The offset of each line's first character. */
function lineStartsOf(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The 1-based line and column of an offset, as yaml's LineCounter gives them. */
function linePos(starts: readonly number[], offset: number): TextLocation {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid] < offset) low = mid + 1;
    else high = mid;
  }
  if (starts[low] === offset) return { line: low + 1, column: 1 };
  return { line: low, column: offset - starts[low - 1] + 1 };
}
