// Hostile input at the command line: every case exits 2 with a located message, never 1 with a stack trace.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const FIXTURE = 'test/fixtures/minimal.yaml';
const dir = mkdtempSync(join(tmpdir(), 'schism-harden-'));

function schism(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/schism.js', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Asserts exit 2 with a message matching `message` and no stack trace. */
function refused(r: { code: number | null; err: string }, message: RegExp): void {
  assert.equal(r.code, 2, r.err);
  assert.match(r.err, message);
  assert.doesNotMatch(r.err, /\n\s+at .*:\d+:\d+\)?\n/, 'no stack trace');
}

test('a 20,000-level nested scenario exits 2 with a located diagnostic', () => {
  const file = join(dir, 'deep.yaml');
  writeFileSync(file, `${'- '.repeat(20_000)}1\n`);
  refused(schism('validate', file), /deep\.yaml:1:\d+: \(document\): the document nests deeper than 64 levels/);
});

test('prototype names in --set and in the scenario exit 2 with a message', () => {
  refused(schism('counterfactual', FIXTURE, '--set', 'constructor.x=1', '--runs', '2', '--out', join(dir, 'cf')), /unknown parameter "constructor\.x"/);
  const file = join(dir, 'proto.yaml');
  writeFileSync(file, `${readFileSync(FIXTURE, 'utf8')}\nrules: { toString: 1 }\n`);
  refused(schism('validate', file), /proto\.yaml:\d+:\d+: rules\.toString: this name is reserved/);
});

test('a seed past 2^32 - 1 exits 2 rather than aliasing a smaller one', () => {
  refused(schism('run', FIXTURE, '--seed', '4294967303', '--out', join(dir, 'seed')), /--seed takes a whole number up to 4294967295/);
});

test('a parameter that drives the run non-finite exits 2 naming it, and writes nothing', () => {
  const r = schism('counterfactual', FIXTURE, '--set', 'rules.memory=1e308', '--runs', '2', '--out', join(dir, 'nan'));
  refused(r, /rules\.memory: non-finite state in 1950-\d\d: .* rules\.memory = 1e\+308 is outside its declared bounds/);
});

test('bargain bounds its compute with --max-actors, and a model\'s objection is located', () => {
  const table = join(dir, 'table.csv');
  writeFileSync(table, `Actor,Capability,Position,Salience\n${Array.from({ length: 12 }, (_, i) => `A${i},${i === 5 ? 0 : 1},${i * 5},0.5`).join('\n')}\n`);
  refused(schism('bargain', table, '--max-actors', '10', '--out', join(dir, 'b')), /has 12 actors, more than --max-actors 10/);
  refused(schism('bargain', table, '--model', 'smp', '--out', join(dir, 'b')), /table\.csv:7:2: row 7: .*the SMP needs every capability above 0/);
});
