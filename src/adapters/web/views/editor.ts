// The scenario editor: YAML in a textarea with line numbers, the schema's errors inline at their line and column, open, download, run.
import type { Diagnostic } from '../../../core/scenario/diagnostic.js';
import type { App, View } from '../app.js';
import { h, replace } from '../dom.js';

const CUSTOM_KEY = 'schism.custom-scenario';
/** Pixels per line: the stylesheet's line-height of the code. */
const LINE_HEIGHT = 20;
/** How long typing must pause before the text is checked. */
const DEBOUNCE_MS = 300;
/** The worker sends at most this many problems (engine-worker.ts); the list says how many more there are. */
const MAX_SHOWN = 10;

/** The editor tab. */
export function editorView(): View {
  let app: App;
  let area: HTMLTextAreaElement;
  let gutter: HTMLElement;
  let layer: HTMLElement;
  let list: HTMLElement;
  let note: HTMLElement;
  let file = 'scenario.yaml';
  let timer = 0;
  let gutterText: HTMLElement;
  let gutterMarks: HTMLElement;
  let lines = 0;
  let diagnostics: Diagnostic[] = [];
  let total = 0;
  let checked = -1;

  /** The gutter is one text node of line numbers, rebuilt only when the number of lines changes: typing stays cheap on 3,000 lines. */
  function drawGutter(): void {
    let n = 1;
    for (let i = area.value.indexOf('\n'); i >= 0; i = area.value.indexOf('\n', i + 1)) n++;
    if (n === lines) return;
    lines = n;
    gutterText.textContent = Array.from({ length: n }, (_, i) => String(i + 1)).join('\n');
  }

  /** Marks only the lines with a problem (at most MAX_SHOWN), each placed at its line: nothing is drawn for the other lines. */
  function drawMarks(): void {
    const byLine = new Map<number, Diagnostic[]>();
    for (const d of diagnostics) byLine.set(d.line, [...(byLine.get(d.line) ?? []), d]);
    const text = area.value.split('\n');
    replace(gutterMarks, [...byLine.keys()].map((line) => {
      const el = h('div', { class: 'ln err', title: (byLine.get(line) ?? []).map((d) => d.message).join('\n') }, `⚠ ${line}`);
      el.style.top = `${6 + (line - 1) * LINE_HEIGHT}px`;
      return el;
    }));
    replace(layer, [...byLine.entries()].map(([line, ds]) => {
      // The line's own text, invisible, pushes the message past its end; the caret mark sits under the column (monospace: 1ch a character).
      const caret = h('span', { class: 'caret-mark' }, '▲');
      caret.style.left = `calc(8px + ${Math.max(0, ds[0].column - 1)}ch - 0.3ch)`;
      const el = h('div', { class: 'ol err' },
        h('span', { class: 'pad' }, text[line - 1] ?? ''),
        h('span', { class: 'inline-msg' }, `◀ ${ds[0].line}:${ds[0].column} ${ds.map((d) => `${d.path}: ${d.message}`).join(' · ')}`),
        caret,
      );
      el.style.top = `${6 + (line - 1) * LINE_HEIGHT}px`;
      return el;
    }));
    syncScroll();
  }

  function drawList(): void {
    replace(
      list,
      diagnostics.length === 0
        ? h('p', { class: 'ok' }, 'No errors: the scenario is valid.')
        : h('ol', { class: 'diagnostics' }, diagnostics.map((d) =>
            h('li', {}, h('button', { type: 'button', class: 'link diag', onclick: () => jump(d) }, `${d.file}:${d.line}:${d.column}`), ` ${d.path}: ${d.message}`))),
      total > diagnostics.length
        ? h('p', { class: 'muted more-errors' }, `…and ${total - diagnostics.length} more. Only the first ${diagnostics.length} are shown: fix the first one and look again, since one slip (a stray quote, a wrong indent) often causes all the rest.`)
        : null,
    );
  }

  function jump(d: Diagnostic): void {
    const lines = area.value.split('\n');
    let at = 0;
    for (let i = 0; i < d.line - 1 && i < lines.length; i++) at += lines[i].length + 1;
    at += Math.max(0, d.column - 1);
    area.focus();
    area.setSelectionRange(at, at);
    area.scrollTop = Math.max(0, (d.line - 5) * LINE_HEIGHT);
    syncScroll();
  }

  function syncScroll(): void {
    gutter.style.transform = `translateY(${-area.scrollTop}px)`;
    layer.style.transform = `translate(${-area.scrollLeft}px, ${-area.scrollTop}px)`;
  }

  /** Checks the text in the worker once typing pauses, so that no keystroke waits for a parse. */
  function schedule(): void {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void validate(), DEBOUNCE_MS);
  }

  async function validate(): Promise<void> {
    const text = area.value;
    const version = ++checked;
    const reply = await app.engine.ask({ type: 'validate', text, file });
    if (version !== checked) return;
    diagnostics = reply.diagnostics;
    total = reply.total;
    drawMarks();
    drawList();
    area.dataset.checked = String(version);
  }

  function setText(text: string, name: string): void {
    area.value = text;
    file = name;
    diagnostics = [];
    drawGutter();
    drawMarks();
    void validate();
  }

  function download(): void {
    const url = URL.createObjectURL(new Blob([area.value], { type: 'application/yaml' }));
    const a = h('a', { href: url, download: file.split('/').pop() ?? 'scenario.yaml' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  async function run(): Promise<void> {
    replace(note, 'Checking…');
    const found = await app.runCustom(area.value);
    if (found.length) {
      diagnostics = found.slice(0, MAX_SHOWN);
      total = found.length;
      drawMarks();
      drawList();
      replace(note, `Not run: ${found.length} error${found.length > 1 ? 's' : ''} to fix first.`);
    }
  }

  return {
    id: 'editor',
    label: 'Editor',
    mount(el, a) {
      app = a;
      const picker = h('input', {
        type: 'file', accept: '.yaml,.yml,.json', class: 'visually-hidden', tabindex: -1, 'aria-hidden': 'true',
        onchange: async (e: Event) => {
          const f = (e.target as HTMLInputElement).files?.[0];
          if (f) setText(await f.text(), f.name);
        },
      });
      area = h('textarea', {
        class: 'code', spellcheck: 'false', wrap: 'off', autocomplete: 'off', 'aria-label': 'Scenario YAML', 'aria-describedby': 'editor-diagnostics',
        oninput: () => {
          drawGutter();
          schedule();
        },
        onscroll: () => syncScroll(),
        onkeydown: (e: Event) => {
          // Tab indents (YAML wants spaces); Escape then Tab leaves the editor, so keyboard users are never trapped.
          const k = e as KeyboardEvent;
          if (k.key === 'Tab' && !k.shiftKey && area.dataset.escaped !== 'true') {
            k.preventDefault();
            area.setRangeText('  ', area.selectionStart, area.selectionEnd, 'end');
            area.dispatchEvent(new Event('input'));
          }
          area.dataset.escaped = String(k.key === 'Escape');
        },
      });
      gutterText = h('pre', { class: 'gutter-lines' });
      gutterMarks = h('div', { class: 'gutter-marks' });
      gutter = h('div', { class: 'gutter-inner' }, gutterText, gutterMarks);
      lines = 0;
      layer = h('div', { class: 'layer-inner', 'aria-hidden': 'true' });
      list = h('div', { id: 'editor-diagnostics', 'aria-live': 'polite' });
      note = h('p', { class: 'muted', role: 'status' });
      const current = app.cf.scenario === 'custom'
        ? { text: () => Promise.resolve(localStorage.getItem(CUSTOM_KEY) ?? ''), file: 'custom.yaml' }
        : app.shipped.find((s) => s.id === app.cf.scenario) ?? app.template;
      replace(
        el,
        h('h2', {}, 'Scenario editor'),
        h('p', { class: 'lede' }, 'Edit the scenario as YAML. Errors are checked against the schema as you type and shown at their line and column. Tab indents; press Escape, then Tab, to leave the editor.'),
        h('div', { class: 'toolbar' },
          h('button', { type: 'button', onclick: async () => setText(await app.template.text(), 'new-scenario.yaml') }, 'New from template'),
          h('button', { type: 'button', onclick: () => picker.click() }, 'Open file…'),
          picker,
          h('button', { type: 'button', onclick: download }, 'Download YAML'),
          h('button', { type: 'button', class: 'primary', onclick: () => void run() }, 'Run this scenario'),
          note,
        ),
        h('div', { class: 'editor' },
          h('div', { class: 'gutter', 'aria-hidden': 'true' }, gutter),
          h('div', { class: 'code-wrap' }, h('div', { class: 'layer' }, layer), area),
        ),
        h('h3', {}, 'Problems'),
        list,
      );
      area.value = 'Loading the scenario text…';
      void current.text().then((text) => {
        // The user may have started a new scenario or opened a file meanwhile.
        if (area.value === 'Loading the scenario text…') setText(text, current.file);
      });
    },
  };
}
