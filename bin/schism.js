#!/usr/bin/env node
// Entry point of the schism command: runs the compiled JavaScript in dist/ (built by `npm install` or `npm run build`),
// or the TypeScript source through tsx when there is no current build or SCHISM_FROM_SOURCE=1 asks for the source.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = new URL('../', import.meta.url);
const COMPILED = new URL('dist/adapters/cli/main.js', ROOT);
/** Written by `npm run build` after tsc succeeds: the time of the last complete build. */
const STAMP = new URL('dist/.build-stamp', ROOT);

/** The newest modification time of a TypeScript source under `dir` (a couple of milliseconds for the whole tree). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether dist/ holds a complete build at least as new as every source file (a stale build would run old code). */
function buildIsCurrent() {
  if (!existsSync(STAMP) || !existsSync(COMPILED)) return false;
  const src = fileURLToPath(new URL('src', ROOT));
  return !existsSync(src) || statSync(STAMP).mtimeMs >= newestSource(src);
}

if (process.env.SCHISM_FROM_SOURCE !== '1' && buildIsCurrent()) {
  await import(COMPILED.href);
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
