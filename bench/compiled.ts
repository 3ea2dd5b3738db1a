// The compiled build (dist/) for benchmarks that time what a user runs: built first when missing or older than src/.
import { spawnSync } from 'node:child_process';
import { buildIsCurrent } from '../scripts/build-state.mjs';

/** Makes sure dist/ is current, running `npm run build` if it is not; throws if the build fails. */
export function ensureBuild(): void {
  if (buildIsCurrent('.')) return;
  process.stdout.write('(dist/ missing or older than src/: running npm run build first)\n');
  const npm = process.env.npm_execpath;
  const r = npm ? spawnSync(process.execPath, [npm, 'run', 'build'], { stdio: 'inherit' }) : spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

/**
 * Imports a compiled module by its path under src/ (`adapters/workers/run-ensemble.js`), building first if needed.
 * @example const { runEnsemble } = await compiled<typeof import('../src/adapters/workers/run-ensemble.js')>('adapters/workers/run-ensemble.js');
 */
export async function compiled<T>(path: string): Promise<T> {
  ensureBuild();
  return (await import(new URL(`../dist/${path}`, import.meta.url).href)) as T;
}
