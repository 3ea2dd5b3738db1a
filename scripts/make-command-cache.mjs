// Run by scripts/bundle-cli.mjs: runs the bundled bargain command on a sample table with both models, so that V8 has
// compiled the functions a bargain runs, then writes the code cache of dist/cli/bargain.cjs beside it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { loadCommandScript } from './command-script.cjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(ROOT, 'dist/cli/bargain.cjs');
const cache = join(ROOT, 'dist/cli/bargain.cache');
const sample = join(ROOT, 'data/bargaining/ktab-china-soe-2016/SOE-Pol-Comp.csv');
rmSync(cache, { force: true });
const { exports, script } = loadCommandScript(bundle, cache, (url) => import(url));
const out = mkdtempSync(join(tmpdir(), 'schism-cache-'));
try {
  for (const model of ['smp', 'bdm']) {
    await exports.main([process.execPath, 'schism', 'bargain', sample, '--model', model, '--out', join(out, model)]);
    if (process.exitCode) throw new Error(`the sample bargain (${model}) failed: exit ${process.exitCode}`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
// The command turns V8's optimising compiler off while it writes; V8 stamps a cache with the flags in force, and takes it
// only in a process with the same, so they are put back to a fresh process's first.
setFlagsFromString('--opt');
setFlagsFromString('--use-osr');
writeFileSync(cache, script.createCachedData());
