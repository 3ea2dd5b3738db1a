// Whether dist/ holds a complete build at least as new as every TypeScript source: shared by bin/schism.js, npm start
// and the benchmarks, which run the compiled code only when it is current.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest modification time of a TypeScript source (tests aside) under `dir`: a couple of milliseconds for src/. */
export function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * True when `root`/dist has a complete build (the stamp `npm run build` writes after tsc and the CLI bundle succeed) no
 * older than any source under `root`/src; a stale build would run old code.
 */
export function buildIsCurrent(root) {
  const stamp = join(root, 'dist', '.build-stamp');
  if (!existsSync(stamp) || !existsSync(join(root, 'dist', 'adapters', 'cli', 'main.js')) || !existsSync(join(root, 'dist', 'cli', 'main.js'))) return false;
  const src = join(root, 'src');
  return !existsSync(src) || statSync(stamp).mtimeMs >= newestSource(src);
}
