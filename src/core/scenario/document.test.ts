// Tests of the bounds on scenario documents: depth, keys, prototype names, impossible dates, line endings, seeds.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { MAX_DEPTH, MAX_DIAGNOSTICS, readDocument } from './document.js';
import { parseScenario, scenarioLocation } from './parse.js';
import { parseVariant } from './variant.js';
import { InputError } from './diagnostic.js';

const minimal = readFileSync('test/fixtures/minimal.yaml', 'utf8');

/** The diagnostics of a text that must not parse. */
function problems(text: string, file = 'x.yaml') {
  const r = parseScenario(text, file);
  assert.equal(r.ok, false, 'expected diagnostics');
  return r.ok ? [] : r.diagnostics;
}

test('deep nesting of every kind is a located diagnostic before yaml recurses, not a stack overflow', () => {
  const cases = [
    `${'- '.repeat(20_000)}1\n`,
    `${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
    `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`,
    Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}a${i}:`).join('\n'),
    `${'- '.repeat(40)}x\n${' '.repeat(80)}- ${'- '.repeat(40)}y\n`,
  ];
  for (const text of cases) {
    const d = problems(text);
    assert.equal(d.length, 1);
    assert.equal(d[0].code, 'yaml.too_deep');
    assert.ok(d[0].line >= 1 && d[0].column >= 1);
  }
  // Nesting within the bound is read as usual, brackets in quotes and comments do not count.
  assert.equal(readDocument(`${'['.repeat(MAX_DEPTH - 2)}${']'.repeat(MAX_DEPTH - 2)}\n`, 'x').ok, true);
  assert.equal(readDocument(`a: "${'['.repeat(500)}" # ${'{'.repeat(500)}\nb: '${'['.repeat(500)}'\n`, 'x').ok, true);
});

test('ten thousand unknown keys are reported in linear time, the list capped with a count of the rest', () => {
  const extra = Array.from({ length: 9_000 }, (_, i) => `  k${i}: 1\n`).join('');
  const d = problems(minimal.replace('meta:\n', `meta:\n${extra}`));
  assert.equal(d.length, MAX_DIAGNOSTICS + 1);
  assert.deepEqual([d[0].path, d[0].line], ['meta.k0', 4]);
  assert.match(d.at(-1)!.message, /8900 more problems/);
  assert.equal(d.at(-1)!.line, 4 + MAX_DIAGNOSTICS);
  const many = problems(`a:\n${Array.from({ length: 10_001 }, (_, i) => `  k${i}: 1\n`).join('')}`);
  assert.equal(many[0].code, 'yaml.too_many_keys');
});

test('a repeated key is located at its repetition', () => {
  const d = problems(minimal.replace('  seed: 3\n', '  seed: 3\n  seed: 4\n'));
  assert.deepEqual([d[0].code, d[0].line], ['yaml.DUPLICATE_KEY', 7]);
});

test('prototype names are refused with a location wherever settings are named', () => {
  for (const [added, path] of [
    ['rules: { constructor: 1 }', 'rules.constructor'],
    ['rules: { toString: 1 }', 'rules.toString'],
    ['mechanisms:\n  valueOf: { enabled: false }', 'mechanisms.valueOf'],
    ['rules: { __proto__: 1 }', '(document)'],
    ['mechanisms: { security: { params: { hasOwnProperty: 1 } } }', 'mechanisms.security.params.hasOwnProperty'],
  ] as const) {
    const d = problems(`${minimal}\n${added}\n`);
    const hit = d.find((x) => x.path === path);
    assert.ok(hit, `${path}: ${JSON.stringify(d)}`);
    assert.ok(hit.line > 60);
    assert.match(hit.message, /reserved/);
  }
  assert.throws(() => parseVariant('variant: 1\ntitle: t\nset: { constructor.x: 1 }\n', 'v.yaml'), InputError);
});

test('impossible dates are refused; leap days only in leap years', () => {
  const at = (date: string) => minimal.replace('date: "1950-02-14"', `date: "${date}"`);
  assert.ok(minimal.includes('date: "1950-02-14"'));
  for (const bad of ['1950-02-29', '1950-02-30', '1950-04-31']) {
    const d = problems(at(bad));
    assert.deepEqual([d[0].path, d[0].line], ['events[1].date', 59]);
    assert.match(d[0].message, /no such day/);
  }
  assert.equal(parseScenario(at('1950-01-31'), 'x.yaml').ok, true);
  assert.equal(parseScenario(minimal.replace('date: "1953-03"', 'date: "1952-02-29"'), 'x.yaml').ok, true);
});

test('CR-only and CRLF line endings read as lines', () => {
  for (const eol of ['\r', '\r\n']) {
    const r = parseScenario(minimal.replace(/\n/g, eol), 'x.yaml');
    assert.equal(r.ok, true, JSON.stringify(!r.ok && r.diagnostics.slice(0, 2)));
  }
  const d = problems(minimal.replace('seed: 3', 'seed: -3').replace(/\n/g, '\r'));
  assert.equal(d[0].line, 6);
});

test('seeds beyond 32 bits are refused rather than aliased', () => {
  const d = problems(minimal.replace('seed: 3', 'seed: 4294967303'));
  assert.equal(d[0].path, 'meta.seed');
  assert.match(d[0].message, /4294967295/);
});

test('the finiteness contract: zero capabilities, huge weights and factors are refused', () => {
  const cap = minimal.match(/"1950": [0-9.]+/)![0];
  assert.match(problems(minimal.replace(cap, '"1950": 0'))[0].message, /above 0/);
  assert.match(problems(minimal.replace(/security: [0-9.]+/, 'security: 1e308'))[0].path, /interests\.security$/);
  assert.ok(problems(`${minimal}\nrules: { noise: 1e300 }\n`).some((d) => d.path.startsWith('rules.noise')));
  assert.ok(problems(minimal.replace('level: 0.8 }]', 'level: 0.8 }, { type: capability, actor: BIG, factor: 1e300 }]')).some((d) => d.path.endsWith('factor')));
});

test('a parsed scenario can locate any of its paths later', () => {
  const r = parseScenario(minimal, 'm.yaml');
  assert.ok(r.ok);
  const at = scenarioLocation(r.scenario, ['meta', 'seed']);
  assert.deepEqual(at, { file: 'm.yaml', line: 6, column: 9 });
});
