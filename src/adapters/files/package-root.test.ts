// Tests that the package root is schism's own folder, wherever the process was started.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { packageRoot } from './package-root.js';

test('the package root holds schism\'s package.json and its scenarios', () => {
  const root = packageRoot();
  assert.equal(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).name, 'schism');
  assert.ok(readFileSync(join(root, 'scenarios', 'sino-soviet.yaml'), 'utf8').length > 0);
});
