// Differential tests of the quick reader (js-yaml) against the located one (yaml): the same scenarios, the same plain
// data on YAML's awkward corners, the same locations, and never an acceptance where the located reader refuses.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import { Dice, mutateTextCase } from '../../../test/fuzz/mutate.js';
import { readDocument } from './document.js';
import { eventLocator, quickRead, quickScenario } from './fast-parse.js';
import { knownLocation } from './origin.js';
import { parseScenario } from './parse.js';

const SHIPPED = [
  ...readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).map((f) => `scenarios/${f}`),
  ...readdirSync('scenarios/cases').filter((f) => f.endsWith('.yaml')).map((f) => `scenarios/cases/${f}`),
  'test/fixtures/minimal.yaml',
  'test/fixtures/classroom.yaml',
];

/** What the located reader makes of a text as plain data: document.ts's checks, then yaml's toJS. */
function locatedRead(text: string): { ok: true; data: unknown } | { ok: false } {
  const r = readDocument(text, 'x.yaml');
  if (!r.ok) return { ok: false };
  try {
    return { ok: true, data: r.doc.toJS({ maxAliasCount: 1000 }) };
  } catch {
    return { ok: false };
  }
}

test('every shipped scenario is accepted by the quick reader and deep-equal to the located reading', () => {
  assert.ok(SHIPPED.length >= 10);
  for (const file of SHIPPED) {
    const text = readFileSync(file, 'utf8');
    const located = parseScenario(text, file);
    assert.ok(located.ok, file);
    const quick = quickScenario(text, file);
    assert.ok(quick, `${file}: the quick reader handed it over`);
    assert.deepStrictEqual(quick, located.scenario, file);
  }
});

test('the quick locator places every node and key of the shipped scenarios where yaml does, or leaves it to yaml', () => {
  let placed = 0;
  let left = 0;
  for (const file of SHIPPED) {
    const text = readFileSync(file, 'utf8');
    const r = readDocument(text, file);
    assert.ok(r.ok);
    const read = quickRead(text);
    assert.ok(read);
    const locate = eventLocator(read.source, read.events);
    const paths: { path: (string | number)[]; key?: string }[] = [];
    const walk = (node: unknown, path: (string | number)[]) => {
      paths.push({ path });
      if (isMap(node)) {
        paths.push({ path: [...path, 'no-such-key'] });
        for (const pair of node.items) {
          if (!isPair(pair)) continue;
          const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
          paths.push({ path, key });
          walk(pair.value, [...path, key]);
        }
      }
      if (isSeq(node)) {
        node.items.forEach((item, i) => walk(item, [...path, i]));
        paths.push({ path: [...path, node.items.length] }, { path: [...path, 'x'] });
      }
    };
    walk(r.doc.contents, []);
    for (const { path, key } of paths) {
      const at = locate(path, key);
      if (!at) {
        left++;
        continue;
      }
      assert.deepEqual(at, r.map.locate(path, key), `${file} ${JSON.stringify(path)} ${key ?? ''}`);
      placed++;
    }
  }
  // Only block scalars (`>-` judgements) and empty values are left to yaml.
  assert.ok(placed > 40_000 && left < placed / 100, `${placed} placed, ${left} left`);
});

test('a quick-read scenario\'s warning locations need no second parse and match the located reader\'s', () => {
  const file = 'scenarios/sino-soviet.yaml';
  const text = readFileSync(file, 'utf8');
  const quick = quickScenario(text, file)!;
  const located = parseScenario(text, file);
  assert.ok(located.ok);
  for (const path of [['events', 51, 'role'], ['actors', 0, 'capability', 'series', '1950'], ['meta', 'period', 'start']]) {
    assert.deepEqual(knownLocation(quick, path), knownLocation(located.scenario, path));
  }
  assert.deepEqual(knownLocation(quick, ['events', 51, 'role']), { file, line: 2132, column: 11 });
});

/**
 * YAML's corners where parsers part ways (YAML 1.1 booleans and dates, number forms, null and numeric keys,
 * merge keys, tags, anchors, directives, duplicate keys, long keys, scalar styles, line ends, bad indentation).
 * Each is read alike by both or handed over; `same` lists those the quick reader must read itself.
 */
const CORNERS: { text: string; same?: true }[] = [
  { text: 'a: yes\nb: no\nc: on\nd: off\ne: True\nf: TRUE\ng: tRUE\nh: y\ni: n\n', same: true },
  { text: 'a: 1950-02\nb: 1950-02-15\nc: 2001-12-14t21:59:43.10-05:00\nd: 1950-02-15 10:00:00\n', same: true },
  {
    text: 'a: 0o17\nb: 017\nc: 0x1F\nd: 1_000\ne: 1e3\nf: 1E400\ng: .5\nh: +1\ni: -0\nj: .inf\nk: -.Inf\nl: .NaN\nm: 12345678901234567890\nn: 0b101\no: 1:20\np: 1.\nq: +.5\nr: 007\ns: 0.1e2\nt: 1e+3\nu: 1e\nv: 0x\nw: -0x1F\nx: -0o7\ny: +0x1\nz: 1.0\n',
    same: true,
  },
  { text: 'a: 0.1\nb: 0.30000000000000004\nc: 1e-7\nd: 5e-324\ne: 1.7976931348623157e308\nf: -1e-320\n', same: true },
  { text: 'a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: nULL\ng: ""\nh: \'\'\n', same: true },
  { text: '1: a\n2.5: b\ntrue: c\n0x10: d\n.inf: e\n-0: f\n1950: g\n1950-02: h\n', same: true },
  { text: 'constructor: 1\ntoString: 2\nhasOwnProperty: 3\n', same: true },
  { text: 'a: |\n  x\n  y\nb: |-\n  x\n\nc: |+\n  x\n\nd: >\n  x\n  y\n\n  z\ne: >-\n  long\n  folded\nf: |2\n   indented\n', same: true },
  { text: 'a: plain\n  multi\n  line\nb: "dq \\x41\\u263A\\t\\/ \\N"\nc: \'it\'\'s\'\nd: "multi\n  line"\ne: \'multi\n\n  para\'\nf: "x\\\n  y"\n', same: true },
  { text: 'a: b # c\nc: "#x" #y\nd: b#c\ne: # c\n  f\n', same: true },
  { text: 'a: [1, 2, ]\nb: {x: 1, }\nc: [b: c]\nd: [? b : c]\ne: {"a": 1, "b": [true, null, 1.5e3]}\n', same: true },
  { text: '\ufeffa: 1\n', same: true },
  { text: 'a: 1\r\nb: 2\r\n', same: true },
  { text: 'a: 1\rb: 2\r', same: true },
  { text: 'a: x\u2028y\nb: "x\u0085y"\nc: "\\u0000"\nd: "\\ud800"\ne: key with spaces\n', same: true },
  { text: 'a:  \t1\nb: 1 \t\nc:\t1\n', same: true },
  { text: '- - - x\n- a\n' },
  { text: 'a:\n- 1\n- 2\nb: 3\n', same: true },
  { text: 'a: 1\na: 2\n' },
  { text: 'a: {x: 1, x: 2}\n' },
  { text: '"a": 1\na: 2\n' },
  { text: '1: a\n"1": b\n' },
  { text: 'null: 1\n"null": 2\n' },
  { text: '~: 1\n' },
  { text: '<<: {a: 1}\nb: 2\n' },
  { text: 'base: &b {a: 1}\nc:\n  <<: *b\n' },
  { text: '__proto__: 1\n' },
  { text: 'a: {__proto__: {x: 1}}\n' },
  { text: '[1, 2]: a\n' },
  { text: '{a: 1}: b\n' },
  { text: '? [a]\n: b\n' },
  { text: '? a\n: b\n' },
  { text: '? a\n' },
  { text: 'a: !!str 1\n' },
  { text: 'a: !foo x\n' },
  { text: 'a: ! 1\n' },
  { text: 'a: !!int "1"\n' },
  { text: '%YAML 1.1\n---\na: yes\n' },
  { text: '%YAML 1.2\n---\na: 1\n' },
  { text: '--- \na: 1\n...\n' },
  { text: 'a: 1\n---\nb: 2\n' },
  { text: '' },
  { text: '# only a comment\n' },
  { text: `${'k'.repeat(1100)}: 1\n` },
  { text: `"${'k'.repeat(1010)}"   : 1\n` },
  { text: `a: {${'k'.repeat(1100)}: 1}\n` },
  { text: `${'k'.repeat(995)}          : 1\n` },
  { text: 'a: [1, 2\n' },
  { text: 'a: b: c\n' },
  { text: 'a:\n\t- 1\n' },
  { text: '\ta: 1\n' },
  { text: 'a:\n  - 1\n - 2\n' },
  { text: 'a: "unterminated\n' },
  { text: 'a: - 1\n' },
  { text: 'a: x\n  # comment\n  y\n' },
  { text: 'a: [a, b]: c\n' },
  { text: 'a: &x 1\nb: *x\n' },
  { text: 'a: *x\n' },
  { text: 'a: @x\n' },
  { text: 'a: `x\n' },
  { text: 'a: %x\n' },
  { text: 'a: -\n' },
  { text: 'a: "x"y\n' },
  { text: "a: 'x'y\n" },
  { text: 'a: 1\n  b: 2\n' },
  { text: 'a:\n  b: 1\n c: 2\n' },
  { text: 'a\n b: 1\n' },
  { text: '"a\n b": 1\n' },
  { text: 'a: [\n  1,\n  2\n]\n' },
  { text: 'a: {\n  b: 1\n}\n' },
  { text: 'a: {b}\n' },
  { text: `${'- '.repeat(70)}x\n` },
  { text: `a: ${'['.repeat(70)}${']'.repeat(70)}\n` },
  { text: `a:\n${Array.from({ length: 10_001 }, (_, i) => `  k${i}: 1`).join('\n')}\n` },
  { text: 'a: 1\u0000\n' },
];

test('on YAML\'s corners the quick reader reads the plain data exactly as yaml does, or hands the text over', () => {
  for (const { text, same } of CORNERS) {
    const quick = quickRead(text);
    const located = locatedRead(text);
    const name = JSON.stringify(text.slice(0, 60));
    if (same) assert.ok(quick, `${name}: the quick reader should read this itself`);
    if (!quick) continue;
    assert.ok(located.ok, `${name}: the quick reader accepts what the located one refuses`);
    assert.deepStrictEqual(quick.data, located.data, name);
  }
});

test('on seeded mutations of the scenarios the quick reader gives the located reader\'s scenario, or hands over', () => {
  const bases = [
    { file: 'test/fixtures/minimal.yaml', cases: 250 },
    { file: 'test/fixtures/classroom.yaml', cases: 40 },
    { file: 'scenarios/moscow-1949-50.yaml', cases: 10 },
  ];
  let accepted = 0;
  let handed = 0;
  for (const { file, cases } of bases) {
    const base = readFileSync(file, 'utf8');
    for (let i = 0; i < cases; i++) {
      const { text, kinds } = mutateTextCase(base, new Dice(20261201, i));
      const quick = quickScenario(text, file);
      const located = parseScenario(text, file);
      if (!quick) {
        handed++;
        continue;
      }
      accepted++;
      assert.ok(located.ok, `${file} case ${i} (${kinds.join(', ')}): accepted quickly, refused by the located reader`);
      assert.deepStrictEqual(quick, located.scenario, `${file} case ${i} (${kinds.join(', ')})`);
    }
  }
  // Both outcomes occur, so both halves of the property were tested.
  assert.ok(accepted > 20 && handed > 50, `${accepted} accepted, ${handed} handed over`);
});
