// Whether dist/ holds a complete build at least as new as every TypeScript source: shared by bin/schism.js, npm start
// and the benchmarks, which run the compiled code only when it is current. CommonJS, for bin/schism.js (which is, so that
// a command that needs no ES module starts none of Node's ES module loader); build-state.mjs re-exports it.
'use strict';
const { existsSync, readdirSync, statSync } = require('node:fs');

/**
 * The newest modification time of a TypeScript source (tests aside) under `dir`: about 3 ms of CPU for src/ (some 290
 * files), which every command pays. Paths are joined with '/' rather than path.join, whose normalising was most of it.
 */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const name = entry.name;
    let t = 0;
    if (entry.isDirectory()) t = newestSource(`${dir}/${name}`);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) t = statSync(`${dir}/${name}`).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

/**
 * True when `root`/dist has a complete build (the stamp `npm run build` writes after tsc and the CLI bundle succeed) no
 * older than any source under `root`/src; a stale build would run old code.
 */
function buildIsCurrent(root) {
  const stamp = `${root}/dist/.build-stamp`;
  if (!existsSync(stamp) || !existsSync(`${root}/dist/adapters/cli/main.js`) || !existsSync(`${root}/dist/cli/main.js`)) return false;
  const src = `${root}/src`;
  return !existsSync(src) || statSync(stamp).mtimeMs >= newestSource(src);
}

exports.newestSource = newestSource;
exports.buildIsCurrent = buildIsCurrent;
