#!/usr/bin/env node
// Entry point of the schism command: runs the compiled JavaScript in dist/ (built by `npm install` or `npm run build`;
// dist/cli/ is the CLI bundled, a few files a command instead of dozens of modules, and bargain.cjs that command alone
// with a code cache), or the TypeScript source through tsx when there is no current build or SCHISM_FROM_SOURCE=1 asks
// for the source. This file is CommonJS (bin/package.json): for an ES-module entry Node 20 first loads its ES module
// loader, some 7 ms of CPU, which a bargain never needs; the other commands load it when they import the CLI.
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { buildIsCurrent } = require('../scripts/build-state.cjs');

const ROOT = join(__dirname, '..');
const COMPILED = join(ROOT, 'dist/cli/main.js');

async function main() {
  const args = process.argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    // The version alone needs neither the build check nor the CLI: it is package.json's (a test keeps SCHISM_VERSION equal).
    process.stdout.write(`${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`);
  } else if (process.env.SCHISM_FROM_SOURCE !== '1' && buildIsCurrent(ROOT)) {
    const bargain = join(ROOT, 'dist/cli/bargain.cjs');
    if (args[0] === 'bargain' && existsSync(bargain)) {
      // The bargain command alone, as one script with V8's code cache (scripts/command-script.cjs): often run once per table.
      const { loadCommandScript } = require('../scripts/command-script.cjs');
      await loadCommandScript(bargain, bargain.replace(/\.cjs$/, '.cache'), (url) => import(url)).exports.main(process.argv);
    } else {
      await import(pathToFileURL(COMPILED).href);
    }
  } else {
    let tsx;
    try {
      tsx = await import('tsx/esm/api');
    } catch {
      // An install without development dependencies has no tsx: an older build beats not running at all.
      if (!existsSync(COMPILED)) {
        process.stderr.write('schism: no compiled build (dist/) and no tsx to run the source; run `npm run build`\n');
        process.exit(1);
      }
      process.stderr.write('schism: warning: dist/ is older than src/ and tsx is not installed; running the older build\n');
      await import(pathToFileURL(COMPILED).href);
    }
    if (tsx) {
      tsx.register();
      await import('../src/adapters/cli/main.ts');
    }
  }
}

main();
