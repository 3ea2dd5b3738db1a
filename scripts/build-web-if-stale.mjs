// Run by `npm start` before serving: builds the web app (npm run build:web) when dist/web is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const OUTPUT = 'dist/web/index.html';
// What the bundle is made from: the web adapter (with its vite.config.ts), the core it runs in the browser, the shipped
// scenarios and the editor's template, which the build bundles in, and the dependencies.
const INPUTS = ['src/adapters/web', 'src/core', 'scenarios', 'test/fixtures/minimal.yaml', 'package.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let latest = s.mtimeMs;
  for (const name of readdirSync(path)) if (name !== 'node_modules') latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts ?? {};
if (!scripts['build:web']) {
  process.stdout.write('schism: no build:web script yet; the server will show a notice instead of the web app\n');
  process.exit(0);
}
const built = existsSync(OUTPUT) ? statSync(OUTPUT).mtimeMs : 0;
const sources = Math.max(...INPUTS.map(newest));
if (built >= sources) {
  process.stdout.write(`schism: ${OUTPUT} is up to date\n`);
  process.exit(0);
}
process.stdout.write(`schism: ${built ? 'web app out of date' : 'web app not built yet'}; running npm run build:web\n`);
// Under `npm start`, npm_execpath is npm's own script: run the same npm, whatever is on PATH.
const npm = process.env.npm_execpath;
const result = npm
  ? spawnSync(process.execPath, [npm, 'run', 'build:web'], { stdio: 'inherit' })
  : spawnSync('npm', ['run', 'build:web'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (result.status !== 0) {
  // Serving the API (and any earlier build) beats not starting at all; the failure is plain on the console.
  process.stderr.write(`schism: warning: npm run build:web failed (exit ${result.status}); serving ${existsSync(OUTPUT) ? 'the previous build' : 'without the web app'}\n`);
}
