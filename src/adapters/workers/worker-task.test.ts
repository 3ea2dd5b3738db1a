// Tests that workers get tsx exactly when the process's flags do not already load it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadsTsx, workerTask } from './worker-task.js';

test('a preload flag naming tsx, in any spelling, counts as loading it', () => {
  assert.equal(loadsTsx(['--import', 'tsx']), true);
  assert.equal(loadsTsx(['--import=tsx/esm']), true);
  assert.equal(loadsTsx(['--require', '/x/node_modules/tsx/dist/cjs/index.cjs']), true);
  assert.equal(loadsTsx(['--loader', 'file:///x/node_modules/tsx/dist/esm/index.mjs']), true);
});

test('"tsx" elsewhere in the flags (a profiling folder, another loader) does not count', () => {
  assert.equal(loadsTsx(['--cpu-prof', '--cpu-prof-dir=prof-ens-tsx']), false);
  assert.equal(loadsTsx(['--import', './my-tsx-helper.mjs']), false);
  assert.equal(loadsTsx(['--diagnostic-dir', 'tsx']), false);
  assert.equal(loadsTsx([]), false);
});

test('from source, a worker task is the .ts file and its flags load tsx', () => {
  const task = workerTask('ensemble-task');
  assert.match(task.href, /ensemble-task\.ts$/);
  assert.equal(loadsTsx(task.execArgv), true);
});
