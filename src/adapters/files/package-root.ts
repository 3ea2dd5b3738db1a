// Where schism's own files (scenarios/, data/, dist/web/) are: the folder of its package.json, found from this module.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The package root: the nearest folder above this module holding package.json. Walking up, rather than counting `../`,
 * gives the same folder whether this runs from src/ (through tsx) or compiled from dist/.
 * @example const scenarios = join(packageRoot(), 'scenarios');
 */
export function packageRoot(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  cached = dir;
  return dir;
}
