// Run by `npm run build` after tsc: bundles the compiled CLI (dist/adapters/cli/main.js) into dist/cli/, one file per
// command plus shared chunks, so that a command loads a handful of files instead of some fifty modules and three
// packages (commander, csv-parse, pure-rand: resolving and loading them cost a small command ~50 ms of its ~130 ms).
// The commands still load lazily. Packages with files of their own to find (workers, jsdom, Plot, the server) stay
// outside, as does yaml (loaded only to locate a scenario's problems); the workers run dist/'s unbundled modules.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const OUT = resolve(ROOT, 'dist/cli');
/**
 * Pure-JavaScript packages the CLI loads at start-up or for most commands: bundled. zod is 95 modules (its core
 * re-exports every locale), js-yaml one; together they were most of what an uncached `validate` spent loading modules.
 */
const BUNDLED = new Set(['commander', 'csv-parse', 'pure-rand', 'zod', 'js-yaml']);
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
const external = Object.keys(pkg.dependencies ?? {}).filter((name) => !BUNDLED.has(name));

/** The expression of a dist/ file's URL, relative to `base` (an expression for the URL of the bundle it ends up in). */
const distUrl = (path, base) => `new URL(${JSON.stringify(relative(OUT, path).split('\\').join('/'))}, ${base}).href`;

/**
 * A module that finds files beside itself (`new URL('./worker-task.js', import.meta.url)`, the core folder the scenario
 * cache hashes) must keep its own place in dist/, not the bundle's: its `import.meta.url` is rewritten to the URL of
 * the dist/ file it came from, relative to the bundle so that the package can move.
 */
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return { contents: text, loader: 'js' };
      return { contents: text.replaceAll('import.meta.url', distUrl(args.path, 'import.meta.url')), loader: 'js' };
    });
  },
};

/**
 * zod's core re-exports its ~50 locales as `z.locales`, which schism never uses (English, the default, zod's schemas
 * import directly): in the bundle `locales` holds English only, so that no command compiles some 300 kB of messages in
 * other languages to check a scenario.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: resolve(dirname(args.importer), '../locales/index.js'), namespace: 'zod-english-only' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({
      contents: "export { default as en } from './en.js';",
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

/**
 * commander requires node:child_process when it loads, for subcommands that are programs of their own, which schism has
 * none of; loading it (with net, dgram and streams) cost every command about 3-4 ms of CPU. In the bundle commander gets
 * the module on first use instead.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "let m; module.exports = new Proxy({}, { get: (_, key) => (m ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

// Chunk names carry a hash: a rebuild would otherwise leave the old ones beside the new.
rmSync(OUT, { recursive: true, force: true });
// What both builds share: Node 20, the packages left outside, and the plugins that shape the bundled code.
const common = { bundle: true, platform: 'node', target: 'node20', external, logLevel: 'warning' };
await build({
  ...common,
  entryPoints: [resolve(ROOT, 'dist/adapters/cli/main.js')],
  outdir: OUT,
  splitting: true,
  format: 'esm',
  plugins: [keepModuleUrls, zodEnglishOnly, lazyChildProcess],
  // commander is CommonJS and requires Node's own modules: the bundle gives it a require.
  banner: { js: "import { createRequire as __schismRequire } from 'node:module'; const require = __schismRequire(import.meta.url);" },
});

/**
 * The bargain command alone as one classic script, dist/cli/bargain.cjs, which bin/schism.js runs with a V8 code cache
 * (scripts/command-script.cjs): a bargain is often one process per table, and the cache spares it compiling what it
 * runs. A module's `import.meta.url` becomes its dist/ file's URL as above; its dynamic imports of dist/ modules (the
 * scenario parsers, loaded only for a scenario or --date) go through `__schismImport`, which bin/schism.js provides.
 */
const scriptUrls = {
  name: 'script-urls',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const url = distUrl(args.path, '__schismUrl');
      const contents = text
        .replaceAll('import.meta.url', url)
        .replace(/\bimport\((['"])(\.{1,2}\/[^'"]+)\1\)/g, (_, q, spec) => `__schismImport(new URL(${q}${spec}${q}, ${url}).href)`);
      return { contents, loader: 'js' };
    });
  },
};
const script = await build({
  ...common,
  entryPoints: [resolve(ROOT, 'dist/adapters/cli/bargain-main.js')],
  outfile: resolve(OUT, 'bargain.cjs'),
  format: 'cjs',
  plugins: [scriptUrls, zodEnglishOnly, lazyChildProcess],
  banner: { js: "const __schismUrl = require('node:url').pathToFileURL(__filename).href;" },
  metafile: true,
});
const text = readFileSync(resolve(OUT, 'bargain.cjs'), 'utf8');
// Any dynamic import left would need Node's experimental vm module loader; the build refuses rather than warn at run time.
if (/\bimport\(/.test(text)) throw new Error('dist/cli/bargain.cjs has a dynamic import() that __schismImport does not route');
const made = spawnSync(process.execPath, [resolve(ROOT, 'scripts/make-command-cache.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
if (made.status !== 0) throw new Error('could not write the code cache of dist/cli/bargain.cjs');
void script;
