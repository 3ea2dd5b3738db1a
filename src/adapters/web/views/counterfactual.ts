// Counterfactuals: move parameters with sliders, remove or move events, and read the run and its fan of 100 against the scenario as written.
import * as Plot from '@observablehq/plot';
import type { App, View } from '../app.js';
import { fmt, h, replace } from '../dom.js';
import type { FanView, ParamView } from '../worker/protocol.js';
import { modelNotice } from './model-notice.js';
import { paramWords } from './plain-words.js';
import { chartWithText } from './text-alternative.js';

/** The counterfactual tab. */
export function counterfactualView(): View {
  let app: App;
  let results: HTMLElement;
  let changes: HTMLElement;
  const sliders = new Map<string, { input: HTMLInputElement; output: HTMLOutputElement; spec: ParamView }>();
  let timer = 0;

  function paramControl(p: ParamView): HTMLElement {
    const current = app.cf.params[p.key] ?? p.value;
    const step = niceStep((p.max - p.min) / 100);
    const output = h('output', { for: `param-${p.key}` }, fmt(current, 3));
    const input = h('input', {
      type: 'range', id: `param-${p.key}`, min: p.min, max: p.max, step, value: current, 'data-key': p.key,
      'aria-describedby': `judgement-${p.key}`,
      oninput: () => {
        output.textContent = fmt(Number(input.value), 3);
        window.clearTimeout(timer);
        timer = window.setTimeout(() => setParam(p, Number(input.value)), 40);
      },
    });
    sliders.set(p.key, { input, output, spec: p });
    return h('div', { class: 'param' },
      h('label', { for: `param-${p.key}` }, paramWords(p.key, p.judgement), h('span', { class: 'param-id' }, p.key)),
      input, output,
      h('button', { type: 'button', class: 'small', onclick: () => setParam(p, p.value), 'aria-label': `Reset ${p.key}` }, 'reset'),
      h('p', { id: `judgement-${p.key}`, class: 'judgement' }, `${p.judgement} Default ${fmt(p.value, 3)}, bounds ${fmt(p.min, 2)} to ${fmt(p.max, 2)}.`),
    );
  }

  function setParam(p: ParamView, v: number): void {
    const params = { ...app.cf.params };
    if (Math.abs(v - p.value) < 1e-12) delete params[p.key];
    else params[p.key] = Number(v.toPrecision(6));
    app.setCf({ params });
  }

  function drawChanges(): void {
    const cf = app.cf;
    const items: HTMLElement[] = [];
    for (const m of cf.off) items.push(h('li', {}, `Mechanism ${m} switched off `, undo(() => app.setCf({ off: cf.off.filter((x) => x !== m) }))));
    for (const [k, v] of Object.entries(cf.params)) {
      const spec = sliders.get(k)?.spec;
      items.push(h('li', {}, `${spec ? paramWords(k, spec.judgement) : k} (${k}) = ${v}${spec ? ` (default ${fmt(spec.value, 3)})` : ''} `, undo(() => { const p = { ...cf.params }; delete p[k]; app.setCf({ params: p }); })));
    }
    for (const id of cf.without) items.push(h('li', {}, `Event ${id} removed `, undo(() => app.toggleEvent(id, false))));
    for (const [id, month] of Object.entries(cf.moved)) items.push(h('li', {}, `Event ${id} moved to ${month} `, undo(() => { const m = { ...cf.moved }; delete m[id]; app.setCf({ moved: m }); })));
    replace(changes, items.length ? h('ul', {}, items) : h('p', {}, 'No changes yet: this is the scenario as written.'));
    for (const [key, s] of sliders) {
      const v = cf.params[key] ?? s.spec.value;
      if (document.activeElement !== s.input) s.input.value = String(v);
      s.output.textContent = fmt(v, 3);
    }
  }

  function undo(action: () => void): HTMLButtonElement {
    return h('button', { type: 'button', class: 'small', onclick: action }, 'undo');
  }

  function drawResults(): void {
    const run = app.run;
    const base = app.baselineRun;
    if (!run) return;
    const al = run.alliances[0];
    if (!al) {
      replace(results, h('p', {}, 'This scenario has no alliance.'));
      return;
    }
    const pending = run.fan.runs === 0;
    const fan = run.fan.alliances[0];
    const bfan = base?.fan.alliances[0];
    const share = (f: FanView['alliances'][number] | undefined, runs: number) => (f ? `${Math.round((f.broke / runs) * 100)}%` : '–');
    replace(
      results,
      modelNotice(app),
      h('dl', { class: 'numbers' },
        h('dt', {}, 'First break, this run'), h('dd', { 'data-testid': 'first-break' }, al.firstBreak ?? 'never'), h('dd', { class: 'muted' }, `as written: ${base?.alliances[0]?.firstBreak ?? 'never'}`),
        h('dt', {}, 'Median first break over a fan of runs'), h('dd', {}, pending ? '…' : fan?.median ?? 'after the period'), h('dd', { class: 'muted' }, `as written: ${base ? bfan?.median ?? 'after the period' : '…'}`),
        h('dt', {}, 'Runs that break'), h('dd', {}, pending ? '…' : share(fan, run.fan.runs)), h('dd', { class: 'muted' }, `as written: ${base ? share(bfan, base.fan.runs) : '…'}`),
        h('dt', {}, 'Compute in your browser'), h('dd', {}, `${run.runMs.toFixed(1)} ms one run`), h('dd', { class: 'muted' }, pending ? 'fan running…' : `${run.fan.ms.toFixed(0)} ms for ${run.fan.runs} runs`),
      ),
      pending ? h('p', { class: 'muted' }, 'Running the fan of runs…') : fanChart(run.fan, base?.fan ?? null),
    );
  }

  function eventsTable(): HTMLElement {
    return h('details', { class: 'events-cf' },
      h('summary', {}, `Remove or move events (${app.scenario.events.length})`),
      h('table', { class: 'data-table' },
        h('thead', {}, h('tr', {}, ['In the run', 'Date', 'Move to', 'Event'].map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, app.scenario.events.map((e) => {
          const month = h('input', {
            type: 'month', value: app.cf.moved[e.id] ?? e.date.slice(0, 7), min: app.scenario.start, max: app.scenario.end, 'aria-label': `Move ${e.id} to month`,
            onchange: (ev: Event) => {
              const v = (ev.target as HTMLInputElement).value;
              const moved = { ...app.cf.moved };
              if (!v || v === e.date.slice(0, 7)) delete moved[e.id];
              else moved[e.id] = v;
              app.setCf({ moved });
            },
          });
          return h('tr', {},
            h('td', {}, h('input', {
              type: 'checkbox', checked: !app.cf.without.includes(e.id), 'aria-label': `Keep ${e.id}`, 'data-event': e.id, 'data-role': e.role,
              onchange: (ev: Event) => {
                const box = ev.target as HTMLInputElement;
                if (!app.toggleEvent(e.id, !box.checked)) box.checked = true;
              },
            })),
            h('td', {}, e.date), h('td', {}, month),
            h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => app.select(e.id) }, e.id), ` (${e.role}) ${e.description}`),
          );
        })),
      ),
    );
  }

  return {
    id: 'counterfactual',
    label: 'Counterfactual',
    mount(el, a) {
      app = a;
      sliders.clear();
      results = h('div', { class: 'cf-results', 'aria-live': 'polite' });
      changes = h('div');
      const groups = [...new Set(app.scenario.params.map((p) => p.group))];
      replace(
        el,
        h('h2', {}, 'Counterfactual'),
        h('p', { class: 'lede' }, 'Change the scenario and the model reruns in your browser. The link in the address bar holds every change: copy it to share this counterfactual.'),
        results,
        h('h3', {}, 'Your changes'),
        changes,
        h('h3', {}, 'Parameters'),
        h('p', { class: 'muted' }, 'Each slider has a plain name, with the parameter\'s id beneath it (as the command line and the scenario file write it). It spans the parameter\'s stated bounds (its prior for fitting); the text under it is the judgement behind its default. See the glossary in the Guide tab.'),
        groups.map((g) => h('details', { class: 'param-group', open: g === 'rules' },
          h('summary', {}, g === 'rules' ? 'How states decide, answer each other, and when the alliance counts as strained or broken (rules)' : `${app.scenario.mechanisms.find((m) => m.id === g)?.title ?? g} (mechanism ${g})`),
          app.scenario.params.filter((p) => p.group === g).map(paramControl))),
        h('h3', {}, 'Events'),
        eventsTable(),
      );
      drawChanges();
    },
    update() {
      if (!app) return;
      drawChanges();
      if (!results.closest('[hidden]')) drawResults();
    },
  };
}

function fanChart(fan: FanView, base: FanView | null): HTMLElement {
  const rows = [
    ...(base?.alliances[0]?.byYear ?? []).map((d) => ({ ...d, which: 'as written' })),
    ...(fan.alliances[0]?.byYear ?? []).map((d) => ({ ...d, which: 'counterfactual' })),
  ];
  const chart = Plot.plot({
    height: 200, marginLeft: 40,
    x: { label: 'year of first break', tickFormat: 'd' },
    y: { label: 'runs', grid: true },
    color: { domain: ['as written', 'counterfactual'], range: ['#bbb', '#4269d0'], legend: true },
    marks: [Plot.rectY(rows, { x1: (d) => d.year - 0.5 + (d.which === 'counterfactual' ? 0.5 : 0.05), x2: (d) => d.year + (d.which === 'counterfactual' ? 0.45 : 0), y: 'runs', fill: 'which' }), Plot.ruleY([0])],
  });
  const years = [...new Set(rows.map((r) => r.year))].sort();
  const get = (which: string, year: number) => rows.find((r) => r.which === which && r.year === year)?.runs ?? 0;
  const summary = rows.length
    ? `Of ${fan.runs} runs, ${fan.alliances[0]?.broke ?? 0} break within the period (as written: ${base?.alliances[0]?.broke ?? '–'}).`
    : `None of the ${fan.runs} runs breaks within the period.`;
  return chartWithText(chart, summary, ['Year', 'As written', 'Counterfactual'], years.map((y) => [String(y), String(get('as written', y)), String(get('counterfactual', y))]), 'First breaks by year');
}

/** A round slider step near `x` (1, 2 or 5 times a power of ten), so that arrow keys land on readable values. */
export function niceStep(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  const m = x / p;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}
