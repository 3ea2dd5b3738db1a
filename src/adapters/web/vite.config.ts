// Vite build of the web app: src/adapters/web -> dist/web, with the shipped scenarios bundled in as text.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { parseScenario } from '../../core/scenario/parse.js';
import { eventSeriesAmong } from '../../core/datasets/state-data.js';
import { loadStateData } from '../files/read-state-data.js';

const root = resolve(import.meta.dirname, '../../..');
const VIRTUAL = 'virtual:schism-scenarios';
const TEXT = 'virtual:schism-scenario-text:';

function shippedFiles(): string[] {
  // The reference and its siblings first, then the case library (scenarios/cases/), so every shipped alliance opens in the app.
  const list = (dir: string) => {
    try {
      return readdirSync(join(root, 'scenarios', dir)).filter((f) => f.endsWith('.yaml')).sort().map((f) => (dir ? `${dir}/${f}` : f));
    } catch {
      return [];
    }
  };
  return [...list(''), ...list('cases')];
}

/**
 * Bundles scenarios/*.yaml and the minimal fixture (the editor's template) as a virtual module read at build time. Each valid
 * scenario goes in already parsed, so that the page opens without parsing YAML; its text (with its comments, for the editor)
 * is a separate chunk loaded when first asked for.
 */
function scenarios(): Plugin {
  return {
    name: 'schism-scenarios',
    resolveId: (id) => (id === VIRTUAL || id.startsWith(TEXT) ? `\0${id}` : undefined),
    async load(id) {
      if (id.startsWith(`\0${TEXT}`)) {
        const name = id.slice(TEXT.length + 1);
        const file = join(root, 'scenarios', shippedFiles().find((f) => basename(f, '.yaml') === name) ?? `${name}.yaml`);
        this.addWatchFile(file);
        return `export default ${JSON.stringify(readFileSync(file, 'utf8'))};\n`;
      }
      if (id !== `\0${VIRTUAL}`) return undefined;
      const codes = new Set<number>();
      const entries = shippedFiles().map((f) => {
        const text = readFileSync(join(root, 'scenarios', f), 'utf8');
        this.addWatchFile(join(root, 'scenarios', f));
        const parsed = parseScenario(text, `scenarios/${f}`);
        const id = basename(f, '.yaml');
        if (parsed.ok) for (const a of parsed.scenario.actors) if (a.cow !== undefined) codes.add(a.cow);
        return `{ id: ${JSON.stringify(id)}, file: ${JSON.stringify(`scenarios/${f}`)}, parsed: ${JSON.stringify(parsed.ok ? parsed.scenario : null)}, text: () => import(${JSON.stringify(TEXT + id)}).then((m) => m.default) }`;
      });
      const template = readFileSync(join(root, 'test/fixtures/minimal.yaml'), 'utf8');
      // The independent series the charts set beside the model (COPDAB, MIE) among the shipped scenarios' states, where data/ has them.
      const { data } = await loadStateData(join(root, 'data'), ['copdab', 'events']);
      return [
        `export const INDEPENDENT = ${JSON.stringify(eventSeriesAmong(data, codes))};`,
        `export const SHIPPED = [${entries.join(',\n')}];`,
        `export const TEMPLATE = { id: 'minimal', file: 'test/fixtures/minimal.yaml', parsed: null, text: () => Promise.resolve(${JSON.stringify(template)}) };`,
        '',
      ].join('\n');
    },
  };
}

/** start-parameters.json with null: what the app reads on a static host; `schism serve --params` answers it with a fit's values. */
function startParameters(): Plugin {
  return {
    name: 'schism-start-parameters',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'start-parameters.json', source: `${JSON.stringify({ parameters: null })}\n` });
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [scenarios(), startParameters()],
  // The bargaining table reads CSV in the worker: csv-parse's browser build carries its own Buffer.
  resolve: { alias: { 'csv-parse/sync': 'csv-parse/browser/esm/sync' } },
  worker: { format: 'es' },
  build: {
    outDir: join(root, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: true,
    chunkSizeWarningLimit: 1500,
  },
});
