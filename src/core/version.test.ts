// The version in manifests is package.json's version.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { SCHISM_VERSION } from './version.js';

test('SCHISM_VERSION equals package.json\'s version', () => {
  assert.equal(SCHISM_VERSION, JSON.parse(readFileSync('package.json', 'utf8')).version);
});
