// Vite build of the web app: src/adapters/web -> dist/web, with the shipped scenarios bundled in as text.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { parseScenario } from '../../core/scenario/parse.js';

const root = resolve(import.meta.dirname, '../../..');
const VIRTUAL = 'virtual:schism-scenarios';

/**
 * Bundles scenarios/*.yaml and the minimal fixture (the editor's template) as a virtual module read at build time. Each valid
 * scenario also goes in already parsed, so that the page opens without parsing YAML (the editor still gets the text).
 */
function scenarios(): Plugin {
  return {
    name: 'schism-scenarios',
    resolveId: (id) => (id === VIRTUAL ? `\0${VIRTUAL}` : undefined),
    load(id) {
      if (id !== `\0${VIRTUAL}`) return undefined;
      const dir = join(root, 'scenarios');
      let files: string[] = [];
      try {
        files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
      } catch {
        files = [];
      }
      const shipped = files.map((f) => {
        const text = readFileSync(join(dir, f), 'utf8');
        const parsed = parseScenario(text, `scenarios/${f}`);
        return { id: basename(f, '.yaml'), file: `scenarios/${f}`, text, parsed: parsed.ok ? parsed.scenario : null };
      });
      for (const s of shipped) this.addWatchFile(join(root, s.file));
      const template = { id: 'minimal', file: 'test/fixtures/minimal.yaml', text: readFileSync(join(root, 'test/fixtures/minimal.yaml'), 'utf8') };
      return `export const SHIPPED = ${JSON.stringify(shipped)};\nexport const TEMPLATE = ${JSON.stringify(template)};\n`;
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [scenarios()],
  worker: { format: 'es' },
  build: {
    outDir: join(root, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: true,
    chunkSizeWarningLimit: 1500,
  },
});
