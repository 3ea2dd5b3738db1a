#!/usr/bin/env node
// Entry point of the schism command: runs the compiled JavaScript in dist/ (built by `npm install` or `npm run build`;
// dist/cli/ is the CLI bundled, a few files a command instead of dozens of modules, and bargain.cjs that command alone
// with a code cache), or the TypeScript source through tsx when there is no current build or SCHISM_FROM_SOURCE=1 asks
// for the source.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildIsCurrent } from '../scripts/build-state.mjs';

const ROOT = new URL('../', import.meta.url);
const COMPILED = new URL('dist/cli/main.js', ROOT);

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // The version alone needs neither the build check nor the CLI: it is package.json's (a test keeps SCHISM_VERSION equal).
  process.stdout.write(`${JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')).version}\n`);
} else if (process.env.SCHISM_FROM_SOURCE !== '1' && buildIsCurrent(fileURLToPath(ROOT))) {
  const bargain = new URL('dist/cli/bargain.cjs', ROOT);
  if (args[0] === 'bargain' && existsSync(bargain)) {
    // The bargain command alone, as one script with V8's code cache (scripts/command-script.mjs): often run once per table.
    const { loadCommandScript } = await import('../scripts/command-script.mjs');
    const file = fileURLToPath(bargain);
    await loadCommandScript(file, file.replace(/\.cjs$/, '.cache'), (url) => import(url)).exports.main(process.argv);
  } else {
    await import(COMPILED.href);
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
    await import(COMPILED.href);
  }
  if (tsx) {
    tsx.register();
    await import('../src/adapters/cli/main.ts');
  }
}
