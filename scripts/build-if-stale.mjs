// Run by `npm start` before serving: compiles the server (npm run build) and builds the web app (npm run build:web) when
// either is missing or older than its sources, so that a pull without a fresh `npm install` still serves current code.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildIsCurrent } from './build-state.mjs';

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

/** Runs `npm run NAME` with the npm that runs us (under `npm start`, npm_execpath is npm's own script). */
function npmRun(name) {
  const npm = process.env.npm_execpath;
  return npm
    ? spawnSync(process.execPath, [npm, 'run', name], { stdio: 'inherit' })
    : spawnSync('npm', ['run', name], { stdio: 'inherit', shell: process.platform === 'win32' });
}

// The compiled server: bin/schism.js runs the source through tsx when dist/ is stale, which works but starts slowly.
if (!buildIsCurrent('.')) {
  process.stdout.write('schism: compiled code missing or out of date; running npm run build\n');
  if (npmRun('build').status !== 0) process.stderr.write('schism: warning: npm run build failed; serving from the TypeScript source\n');
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
const result = npmRun('build:web');
if (result.status !== 0) {
  // Serving the API (and any earlier build) beats not starting at all; the failure is plain on the console.
  process.stderr.write(`schism: warning: npm run build:web failed (exit ${result.status}); serving ${existsSync(OUTPUT) ? 'the previous build' : 'without the web app'}\n`);
}
