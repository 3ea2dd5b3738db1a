// Tests of scenario parsing on hostile input: it reports problems as diagnostics and never throws.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseScenario } from './parse.js';

test('a document whose aliases would expand without bound is a diagnostic, not a crash', () => {
  const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  for (const name of 'bcdefg') levels.push(`${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(name.charCodeAt(0) - 1)}`).join(', ')}]`);
  const r = parseScenario(`${levels.join('\n')}\n`, 'bomb.yaml');
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.diagnostics.length, 1);
  assert.deepEqual([r.diagnostics[0].file, r.diagnostics[0].code, r.diagnostics[0].path], ['bomb.yaml', 'yaml.alias_count', '(document)']);
});
