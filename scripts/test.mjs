// Runs every *.test.ts file under src/ and test/ with node:test through tsx (Node 20's --test takes no globs).
// SCHISM_FROM_SOURCE=1 makes the commands that tests start run the source too, not an older dist/ build.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function collect(dir, out) {
  let names;
  try { names = readdirSync(dir); } catch { return out; }
  for (const name of names.sort()) {
    const path = join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(path).isDirectory()) collect(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const only = process.argv.slice(2);
const files = only.length ? only : [...collect('src', []), ...collect('test', [])];
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
  env: { ...process.env, SCHISM_FROM_SOURCE: '1' },
});
process.exit(result.status ?? 1);
