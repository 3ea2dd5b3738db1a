// A command bundled as one classic script (dist/cli/NAME.cjs, by scripts/bundle-cli.mjs) run with V8's code cache for
// it (NAME.cache, written at build time after a sample run): the bytecode of every function that run compiled is read
// back instead of parsed and compiled again, and no module graph is resolved and linked. Node 20 offers no code cache
// for ES modules, hence the classic script. Shared by bin/schism.js and the build, whose wrapper text must be the same
// for V8 to accept the cache (a cache it rejects costs nothing but the compiling it would have saved). CommonJS, as
// bin/schism.js is: loading it starts no ES module loader.
'use strict';
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const vm = require('node:vm');

/**
 * Runs the bundled script `file` with the code cache `cacheFile` when there is one and V8 accepts it. `load` imports an
 * ES module by URL for the script (its dynamic imports: a classic script has no module loader of its own in Node 20).
 * Returns the script's exports, the vm.Script (from which the build writes the cache) and whether V8 refused the cache.
 */
function loadCommandScript(file, cacheFile, load) {
  const source = readFileSync(file, 'utf8');
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // No cache (a build that could not write one): compiled as it runs, as any script.
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __schismImport) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file), load);
  return { exports: module.exports, script, cacheRejected: cachedData !== undefined && script.cachedDataRejected === true };
}

exports.loadCommandScript = loadCommandScript;
