// The house rules that keep the core pure: no I/O, no clock, no global randomness, no import of an adapter.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [/from ['"]node:/, 'imports a Node built-in'],
  [/from ['"](fs|path|os|child_process|worker_threads|http)['"]/, 'imports a Node built-in'],
  [/from ['"][^'"]*adapters\//, 'imports an adapter'],
  [/Math\.random\(/, 'uses global randomness (pass a seeded stream instead)'],
  [/Date\.now\(|new Date\(\)/, 'reads the clock'],
  [/\bprocess\.(env|argv|exit|cwd|stdout|stderr)/, 'touches the process'],
  [/\b(document|window)\.(createElement|querySelector|getElementById|body|addEventListener|location)/, 'touches the DOM'],
];

test('the core does no I/O, reads no clock, draws no global random numbers and imports no adapter', () => {
  const files = sources('src/core');
  assert.ok(files.length > 20);
  const problems: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const [pattern, what] of FORBIDDEN) if (pattern.test(text)) problems.push(`${file} ${what}`);
  }
  assert.deepEqual(problems, []);
});

test('every source file opens with a one-line comment saying what it is for', () => {
  const missing = [...sources('src'), ...sources('bench')].filter((f) => !readFileSync(f, 'utf8').startsWith('//'));
  assert.deepEqual(missing, []);
});
