// Editor responsiveness in headless Chromium: keystrokes in the 3,000-line reference scenario, from the key to the next frame.
import { availableParallelism, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { ensureBuilt, launch, serve } from '../test/browser/harness.js';
import { median } from './stats.js';

const FILE = 'scenarios/sino-soviet.yaml';
const KEYSTROKES = 300;
const GOAL_P95_MS = 50;

const quantile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

/**
 * Types `count` characters into the editor, one at a time, each as a real key press from Playwright; the page times each
 * from the keydown (capture phase, before any handler) to the frame after the input handlers ran (a requestAnimationFrame,
 * then a task after it, so that style, layout and paint of that frame are inside). A new key is pressed only after that.
 */
async function keystrokes(page: Page, count: number): Promise<{ frame: number[]; handler: number[] }> {
  await page.evaluate(() => {
    const w = window as unknown as { __lat: number[]; __handler: number[]; __t0: number };
    w.__lat = [];
    w.__handler = [];
    const area = document.querySelector('textarea.code') as HTMLTextAreaElement;
    area.addEventListener('keydown', () => { w.__t0 = performance.now(); }, { capture: true });
    // On window, bubbling: runs after the editor's own input handler.
    window.addEventListener('input', () => {
      w.__handler.push(performance.now() - w.__t0);
      requestAnimationFrame(() => {
        const c = new MessageChannel();
        c.port1.onmessage = () => w.__lat.push(performance.now() - w.__t0);
        c.port2.postMessage(0);
      });
    });
  });
  const chars = 'abcdefghij ';
  for (let k = 0; k < count; k++) {
    await page.keyboard.press(chars[k % chars.length]);
    await page.waitForFunction((n) => (window as unknown as { __lat: number[] }).__lat.length > n, k, { polling: 'raf' });
  }
  return page.evaluate(() => {
    const w = window as unknown as { __lat: number[]; __handler: number[] };
    return { frame: w.__lat, handler: w.__handler };
  });
}

/** Prints keystroke latency p50/p95/max in the editor on the reference scenario, and how a stray quote is reported. */
export async function benchEditor(): Promise<void> {
  ensureBuilt();
  const server = await serve();
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}#tab=editor`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await page.waitForFunction(() => (document.querySelector('textarea.code') as HTMLTextAreaElement | null)?.value.startsWith('#'), undefined, { timeout: 30_000 });
    const lines = await page.evaluate(() => (document.querySelector('textarea.code') as HTMLTextAreaElement).value.split('\n').length);
    // Type in the middle of the file, inside a description, so that the document stays valid YAML for most keystrokes.
    await page.evaluate(() => {
      const area = document.querySelector('textarea.code') as HTMLTextAreaElement;
      const at = area.value.indexOf('description: ', area.value.length >> 1) + 'description: '.length;
      area.focus();
      area.setSelectionRange(at, at);
    });
    await keystrokes(page, 20); // warm-up
    const load = loadavg()[0];
    const { frame, handler } = await keystrokes(page, KEYSTROKES);
    const p95 = quantile(frame, 0.95);
    process.stdout.write(`${FILE} in the editor (${lines} lines): ${KEYSTROKES} keystrokes (ms); load average ${load.toFixed(1)} on ${availableParallelism()} cores\n`);
    process.stdout.write(`key to input handled    p50 ${median(handler).toFixed(1).padStart(6)}   p95 ${quantile(handler, 0.95).toFixed(1).padStart(6)}   max ${Math.max(...handler).toFixed(1).padStart(6)}\n`);
    process.stdout.write(`key to next frame       p50 ${median(frame).toFixed(1).padStart(6)}   p95 ${p95.toFixed(1).padStart(6)}   max ${Math.max(...frame).toFixed(1).padStart(6)}   goal p95 <= ${GOAL_P95_MS}: ${p95 <= GOAL_P95_MS ? 'met' : 'NOT met'}\n`);

    // One stray quote: how many problems the page lists, and how long after the last key they appear.
    await page.evaluate(() => {
      const area = document.querySelector('textarea.code') as HTMLTextAreaElement;
      const at = area.value.indexOf('\nevents:');
      area.setSelectionRange(at, at);
    });
    await page.waitForTimeout(2000); // let the last check of the typing land first
    const before = await page.evaluate(() => Number((document.querySelector('textarea.code') as HTMLTextAreaElement).dataset.checked ?? -1));
    const t0 = Date.now();
    await page.keyboard.type('\n"');
    await page.waitForFunction((b) => Number((document.querySelector('textarea.code') as HTMLTextAreaElement).dataset.checked ?? -1) > b, before, { timeout: 30_000 });
    const shown = await page.locator('#editor-diagnostics ol.diagnostics li').count();
    const more = (await page.locator('#editor-diagnostics .more-errors').count()) ? await page.locator('#editor-diagnostics .more-errors').innerText() : '';
    process.stdout.write(`a stray quote: ${shown} problems listed ${more ? `(${more.split('.')[0]})` : ''}, shown ${Date.now() - t0} ms after the key (debounce 300 ms, then the worker's parse)\n`);
  } finally {
    await close();
    await server.close();
  }
}
