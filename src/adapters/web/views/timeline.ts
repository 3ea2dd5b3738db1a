// The timeline: every scenario event on two lanes (drivers, record) and the model's own acts on a third; zoom, select, read its source.
import type { App, View } from '../app.js';
import { h, replace, svg } from '../dom.js';
import type { EventView } from '../worker/protocol.js';
import { monthIndex } from '../../../core/time/month.js';
import { cooperationColor } from './colors.js';
import { modelNotice } from './model-notice.js';
import { dataTable } from './text-alternative.js';

const W = 1000;
const LANES = [
  { key: 'driver', label: 'Drivers (inputs)', y: 45 },
  { key: 'record', label: 'Record (allies\' acts)', y: 95 },
  { key: 'model', label: 'Model\'s acts (this run)', y: 145 },
] as const;
const LEFT = 150;
const H = 190;

/** The timeline tab. */
export function timelineView(): View {
  let lo = 0;
  let hi = 1;
  let figure: HTMLElement;
  let details: HTMLElement;
  let notice: HTMLElement;
  let listing: HTMLElement;
  let range: HTMLElement;
  let app: App;
  const color = cooperationColor(10);

  const events = () => app.scenario.events;
  const selected = () => events().find((e) => e.id === app.cf.event);
  const x = (month: number) => LEFT + ((month + 0.5 - lo) / (hi - lo)) * (W - LEFT - 10);

  function zoom(factor: number, centre = selected()?.month ?? (lo + hi) / 2): void {
    const total = app.scenario.months;
    const span = Math.max(12, Math.min(total, (hi - lo) * factor));
    lo = Math.max(0, Math.min(total - span, centre - span / 2));
    hi = lo + span;
    draw();
  }

  function pan(months: number): void {
    const total = app.scenario.months;
    const span = hi - lo;
    lo = Math.max(0, Math.min(total - span, lo + months));
    hi = lo + span;
    draw();
  }

  function choose(e: EventView | undefined): void {
    if (!e) return;
    if (e.month < lo || e.month >= hi) {
      const span = hi - lo;
      lo = Math.max(0, Math.min(app.scenario.months - span, e.month - span / 2));
      hi = lo + span;
    }
    app.setCf({ event: e.id });
  }

  function onKey(ev: KeyboardEvent): void {
    const list = events();
    const i = list.findIndex((e) => e.id === app.cf.event);
    const handled = (() => {
      switch (ev.key) {
        case 'ArrowRight': choose(list[Math.min(list.length - 1, i + 1)] ?? list[0]); return true;
        case 'ArrowLeft': choose(list[Math.max(0, i - 1)] ?? list[0]); return true;
        case 'ArrowDown': case 'ArrowUp': {
          // Jump to the nearest event on the other lane.
          const cur = list[i];
          if (!cur) { choose(list[0]); return true; }
          const other = list.filter((e) => e.role !== cur.role);
          choose(other.sort((a, b) => Math.abs(a.month - cur.month) - Math.abs(b.month - cur.month))[0]);
          return true;
        }
        case 'Home': choose(list[0]); return true;
        case 'End': choose(list[list.length - 1]); return true;
        case '+': case '=': zoom(0.5); return true;
        case '-': case '_': zoom(2); return true;
        case 'PageUp': pan(-(hi - lo) / 2); return true;
        case 'PageDown': pan((hi - lo) / 2); return true;
        case '0': lo = 0; hi = app.scenario.months; draw(); return true;
        default: return false;
      }
    })();
    if (handled) ev.preventDefault();
  }

  function draw(): void {
    const sel = app.cf.event;
    const removed = new Set(app.cf.without);
    const year0 = Number(app.scenario.start.slice(0, 4));
    const startMonth = Number(app.scenario.start.slice(5, 7)) - 1;
    const ticks: SVGElement[] = [];
    const span = hi - lo;
    const every = span > 200 ? 5 : span > 60 ? 1 : 1;
    for (let t = Math.ceil(lo); t < hi; t++) {
      const m = (startMonth + t) % 12;
      const year = year0 + Math.floor((startMonth + t) / 12);
      if (m === 0 && year % every === 0) {
        ticks.push(svg('line', { x1: x(t) - 0.5 * ((W - LEFT - 10) / span), x2: x(t) - 0.5 * ((W - LEFT - 10) / span), y1: 20, y2: H - 20, class: 'tick' }));
        ticks.push(svg('text', { x: x(t), y: H - 5, class: 'tick-label' }, String(year)));
      } else if (span <= 36 && (m === 3 || m === 6 || m === 9)) {
        ticks.push(svg('text', { x: x(t), y: H - 5, class: 'tick-label minor' }, ['', '', '', 'Apr', '', '', 'Jul', '', '', 'Oct'][m]));
      }
    }
    // A moved event is drawn at its new month, with a thin line back to where history put it.
    const start = monthIndex(app.scenario.start);
    const at = (e: EventView) => (app.cf.moved[e.id] ? monthIndex(app.cf.moved[e.id]) - start : e.month);
    const visible = events().filter((e) => (e.month >= lo && e.month < hi) || (at(e) >= lo && at(e) < hi));
    const moves = visible.filter((e) => app.cf.moved[e.id]).map((e) => {
      const lane = LANES.find((l) => l.key === e.role) ?? LANES[0];
      return svg('line', { x1: x(e.month), x2: x(at(e)), y1: lane.y, y2: lane.y, class: 'move-line' });
    });
    const marks = visible.map((e) => {
      const lane = LANES.find((l) => l.key === e.role) ?? LANES[0];
      return svg('circle', {
        cx: x(at(e)), cy: lane.y, r: e.id === sel ? 8 : 5.5,
        fill: color(e.intensity),
        class: `event${e.id === sel ? ' selected' : ''}${removed.has(e.id) ? ' removed' : ''}${app.cf.moved[e.id] ? ' moved' : ''}`,
        'data-id': e.id,
        onclick: () => { (figure.querySelector('svg') as SVGElement | null)?.focus(); choose(e); },
      }, svg('title', {}, `${e.date} ${e.id}: ${e.description}`));
    });
    const acts = (app.run?.acts ?? []).filter((a) => a.month >= lo && a.month < hi).map((a) =>
      svg('rect', { x: x(a.month) - 2, y: LANES[2].y - 6 + (a.from === app.scenario.alliances[0]?.a ? -4 : 4), width: 4, height: 8, fill: color(a.intensity), class: 'act' },
        svg('title', {}, `${app.run?.labels[a.month]} ${a.from}→${a.to}: ${a.act}`)),
    );
    const chart = svg(
      'svg',
      {
        viewBox: `0 0 ${W} ${H}`, class: 'timeline', tabindex: 0, role: 'application',
        'aria-label': 'Timeline of events. Left and right arrows: previous and next event; up and down: nearest event on the other lane; plus and minus: zoom; Page Up and Page Down: pan; 0: show all.',
        onkeydown: (e: Event) => onKey(e as KeyboardEvent),
        onwheel: (e: Event) => {
          const w = e as WheelEvent;
          if (!w.ctrlKey && !w.shiftKey) return;
          w.preventDefault();
          const box = (w.currentTarget as SVGElement).getBoundingClientRect();
          const at = lo + (((w.clientX - box.left) / box.width) * W - LEFT) / (W - LEFT - 10) * (hi - lo);
          zoom(w.deltaY > 0 ? 1.5 : 1 / 1.5, at);
        },
      },
      LANES.map((l) => svg('text', { x: 8, y: l.y + 4, class: 'lane-label' }, l.label)),
      LANES.map((l) => svg('line', { x1: LEFT - 5, x2: W - 5, y1: l.y, y2: l.y, class: 'lane' })),
      ticks,
      acts,
      moves,
      marks,
    );
    const hadFocus = figure.contains(document.activeElement);
    replace(figure, chart);
    if (hadFocus) (chart as SVGElement).focus();
    replace(range, `Showing ${app.run?.labels[Math.floor(lo)] ?? ''} to ${app.run?.labels[Math.min(app.scenario.months, Math.ceil(hi)) - 1] ?? ''}: ${visible.length} events.`);
    drawDetails();
    replace(listing, dataTable(['Date', 'Id', 'Role', 'From → to', 'Intensity', 'Description'], visible.map((e) => [e.date, e.id, e.role, `${e.from}${e.to ? ` → ${e.to}` : ''}`, e.intensity, e.description])));
  }

  function drawDetails(): void {
    const e = selected();
    if (!e) {
      replace(details, h('p', { class: 'hint' }, 'Select an event: click it, or focus the timeline and use the arrow keys.'));
      return;
    }
    const removed = app.cf.without.includes(e.id);
    const moveInput = h('input', { type: 'month', value: app.cf.moved[e.id] ?? e.date.slice(0, 7), 'aria-label': `Move ${e.id} to month`, min: app.scenario.start, max: app.scenario.end });
    replace(
      details,
      h('h3', {}, `${e.date} · ${e.id}`, app.cf.moved[e.id] ? h('span', { class: 'muted' }, ` (moved to ${app.cf.moved[e.id]} in this counterfactual)`) : null),
      h('p', { class: 'description' }, e.description),
      h('dl', {},
        h('dt', {}, 'Role'), h('dd', {}, e.role === 'driver' ? 'driver: an input from outside the alliance\'s choices' : 'record: the allies\' own act, which the model must generate'),
        h('dt', {}, 'Actors'), h('dd', {}, `${e.from}${e.to ? ` → ${e.to}` : ' (internal)'}`),
        h('dt', {}, 'Category'), h('dd', {}, `${e.category}${e.weis ? `, WEIS code ${e.weis} (the kind of act, in the World Event/Interaction Survey)` : ''}; judged intensity ${e.intensity} (−10 war to +10 closest cooperation)`),
        h('dt', {}, 'Effects'), h('dd', {}, e.effects.length ? h('ul', {}, e.effects.map((f) => h('li', {}, f))) : 'none on the model\'s state (counts as an act only)'),
        h('dt', {}, 'Sources'), h('dd', {}, h('ul', {}, e.sources.map((s) => h('li', {}, s)))),
        e.note ? h('dt', {}, 'Note') : null, e.note ? h('dd', {}, e.note) : null,
      ),
      h('div', { class: 'event-cf' },
        h('label', {}, h('input', {
          type: 'checkbox', checked: removed,
          onchange: (ev: Event) => {
            const box = ev.target as HTMLInputElement;
            if (!app.toggleEvent(e.id, box.checked)) box.checked = false;
          },
        }), ' Remove from the counterfactual'),
        h('label', {}, ' Move to ', moveInput),
        h('button', {
          type: 'button',
          onclick: () => {
            const v = moveInput.value;
            const moved = { ...app.cf.moved };
            if (!v || v === e.date.slice(0, 7)) delete moved[e.id];
            else moved[e.id] = v;
            app.setCf({ moved });
          },
        }, 'Move'),
      ),
    );
  }

  return {
    id: 'timeline',
    label: 'Timeline',
    mount(el, a) {
      app = a;
      lo = 0;
      hi = app.scenario.months;
      figure = h('div', { class: 'timeline-figure' });
      notice = h('div');
      details = h('div', { class: 'event-details', 'aria-live': 'polite' });
      listing = h('div');
      range = h('p', { class: 'range' });
      replace(
        el,
        h('h2', {}, 'Timeline'),
        h('p', { class: 'lede' }, 'Every event of the scenario. Drivers are inputs from outside the alliance\'s choices; the record is what the allies did, which the model must generate on its own. The third lane is the model\'s own acts in this run: the model, not history. Colour: blue cooperative, red hostile.'),
        notice,
        h('div', { class: 'toolbar' },
          h('button', { type: 'button', onclick: () => zoom(0.5) }, 'Zoom in'),
          h('button', { type: 'button', onclick: () => zoom(2) }, 'Zoom out'),
          h('button', { type: 'button', onclick: () => pan(-(hi - lo) / 2) }, '◀ Earlier'),
          h('button', { type: 'button', onclick: () => pan((hi - lo) / 2) }, 'Later ▶'),
          h('button', { type: 'button', onclick: () => { lo = 0; hi = app.scenario.months; draw(); } }, 'Show all'),
          range,
        ),
        figure,
        h('div', { class: 'two-col' }, details, h('details', { class: 'data' }, h('summary', {}, 'Events in view as a table'), listing)),
      );
      draw();
    },
    update() {
      if (!app) return;
      replace(notice, modelNotice(app));
      draw();
    },
  };
}
