// In-browser recompute benchmark: one counterfactual run and a fan of 100 runs in the engine worker in headless Chromium, against Node.
import { readdirSync, readFileSync } from 'node:fs';
import { compile } from '../src/core/engine/compile.js';
import { runModel } from '../src/core/engine/run.js';
import { simulateModel } from '../src/core/engine/simulate.js';
import { runStream } from '../src/core/random/streams.js';
import { loadScenarioText } from '../src/core/scenario/parse.js';
import { ensureBuilt, launch, serve } from '../test/browser/harness.js';
import { median } from './stats.js';

const FILE = 'scenarios/sino-soviet.yaml';
const REPEATS = 200;
const FAN = 100;
const FANS = 9;

const quantile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

/** Node's time for the same work: compile + one recorded run (what a slider change costs), and compile + 100 fast runs. */
function nodeTimes(): { single: number[]; fan: number[] } {
  const scenario = loadScenarioText(readFileSync(FILE, 'utf8'), FILE);
  const now = () => Number(process.hrtime.bigint()) / 1e6;
  const single: number[] = [];
  for (let k = 0; k < REPEATS + 20; k++) {
    const t0 = now();
    simulateModel(compile(scenario), 1, k);
    if (k >= 20) single.push(now() - t0);
  }
  const fan: number[] = [];
  for (let k = 0; k < FANS + 1; k++) {
    const t0 = now();
    const model = compile(scenario);
    for (let i = 0; i < FAN; i++) runModel(model, runStream(1 + k, i));
    if (k >= 1) fan.push(now() - t0);
  }
  return { single, fan };
}

/** Prints p50/p95 of one run and the median fan of 100 in Chromium and in Node, and the time until the app has drawn. */
export async function benchBrowser(): Promise<void> {
  ensureBuilt();
  const server = await serve();
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    const loads: number[] = [];
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      await page.goto(`${server.url}?load=${k}`);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
      loads.push(performance.now() - t0);
    }
    const worker = readdirSync('dist/web/assets').find((f) => f.startsWith('engine-worker') && f.endsWith('.js'));
    if (!worker) throw new Error('no engine worker in dist/web/assets');
    const text = readFileSync(FILE, 'utf8');
    // tsx keeps function names with a __name helper that the page does not have.
    await page.evaluate('globalThis.__name = (f) => f');
    const browser = await page.evaluate(async ({ worker, text, repeats, fanRuns, fans }) => {
      const w = new Worker(`assets/${worker}`, { type: 'module' });
      let id = 0;
      const ask = (req: unknown) => new Promise<{ type: string; single?: number[]; fan?: number[]; message?: string }>((resolve) => {
        const me = ++id;
        const on = (e: MessageEvent) => { if (e.data.id === me) { w.removeEventListener('message', on); resolve(e.data.reply); } };
        w.addEventListener('message', on);
        w.postMessage({ id: me, req });
      });
      const loaded = await ask({ type: 'load', id: 'ref', text, file: 'sino-soviet.yaml' });
      if (loaded.type === 'error') throw new Error(loaded.message);
      const cf = { scenario: 'ref', seed: 1, mode: 'predict', off: [], params: {}, without: [], moved: {}, tab: '', event: '', play: '' };
      await ask({ type: 'bench', cf, repeats: 20, fanRuns: fanRuns }); // warm-up
      const single: number[] = [];
      const fan: number[] = [];
      for (let k = 0; k < fans; k++) {
        const r = await ask({ type: 'bench', cf, repeats: Math.ceil(repeats / fans), fanRuns });
        single.push(...(r.single ?? []));
        fan.push(median(r.fan ?? []));
      }
      w.terminate();
      return { single, fan };
      function median(xs: number[]) { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; }
    }, { worker, text, repeats: REPEATS, fanRuns: FAN, fans: FANS });
    const node = nodeTimes();
    const rows: [string, number, number][] = [
      ['one run, p50 (compile + recorded run)', median(browser.single), median(node.single)],
      ['one run, p95', quantile(browser.single, 0.95), quantile(node.single, 0.95)],
      [`fan of ${FAN} runs, median (compile + fast runs)`, median(browser.fan), median(node.fan)],
    ];
    process.stdout.write(`${FILE}: Chromium engine worker vs Node in this process (ms; ratio = browser / Node)\n`);
    for (const [what, b, n] of rows) process.stdout.write(`${what.padEnd(48)} browser ${b.toFixed(2).padStart(8)}   node ${n.toFixed(2).padStart(8)}   ratio ${(b / n).toFixed(2)}\n`);
    process.stdout.write(`goals: one run p95 <= 50 ms, fan of ${FAN} <= 1000 ms\n`);
    process.stdout.write(`page load until the reference scenario is drawn (median of ${loads.length}): ${median(loads).toFixed(0)} ms\n`);
  } finally {
    await close();
    await server.close();
  }
}
