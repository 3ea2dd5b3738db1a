// Nothing in src/ (outside tests and fixtures) is written for the reference case: no Sino-Soviet name, id, COW code or date.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

/** Source files under `dir`, tests left out. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : sources(path);
    return /\.(ts|html|css)$/.test(name) && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [/\b(USSR|Soviets?|Sino|Mao|Khrushchev|Stalin|Beijing|Peking|Moscow|Kremlin|Zhou|CCP|Damansky|Zhenbao|Ussuri)\b/, 'a Sino-Soviet name'],
  [/['"`](USA|USSR|PRC|ROC|DPRK|SU-PRC)['"`]/, 'a reference-case actor id'],
  [/\b(365|710)\b/, 'a COW code of the reference pair'],
  [/\b(cow|ccode[12]?|code)\s*===?\s*2\b|byCow\(2\)/, 'the US COW code as a hard-coded pair code'],
  [/\b(1968|1969)\b|1950-1957|1945-1972|1950-02|1945-01|1972-12/, 'a date of the reference case'],
];

test('src/ holds no Sino-Soviet name, id, COW code or date outside tests and fixtures', () => {
  const found: string[] = [];
  for (const file of sources('src')) {
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      for (const [pattern, what] of FORBIDDEN) if (pattern.test(line)) found.push(`${file}:${i + 1}: ${what}: ${line.trim().slice(0, 100)}`);
    });
  }
  assert.deepEqual(found, []);
});
