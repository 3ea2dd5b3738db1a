// The strategic triangle year by year: three actors, each edge coloured by the pair's mean relation, each year named by Dittmer's configuration.
import { AMICABLE_THRESHOLD } from '../../../core/analysis/views/triangle.js';
import type { App, View } from '../app.js';
import { fmt, h, replace, svg } from '../dom.js';
import { cooperationColor } from './colors.js';
import { copdabChart } from './independent.js';
import { chartWithText } from './text-alternative.js';

const SHORT: Record<string, string> = { 'ménage à trois': 'ménage', 'romantic triangle': 'romantic', 'stable marriage': 'marriage', 'unit veto': 'unit veto' };

/** The triangle tab. */
export function triangleView(): View {
  let app: App;
  let body: HTMLElement;
  const color = cooperationColor(1);

  function draw(): void {
    const years = app.run?.triangle ?? [];
    if (!years.length) {
      replace(body, h('p', {}, 'This scenario has no three actors to form a triangle.'));
      return;
    }
    const [a, b, c] = years[0].ids;
    const P = { a: [60, 18], b: [18, 92], c: [102, 92] } as const;
    const cells = years.map((y) => {
      const edge = (p: readonly number[], q: readonly number[], v: number, names: string) =>
        svg('line', { x1: p[0], y1: p[1], x2: q[0], y2: q[1], stroke: color(v), 'stroke-width': v > AMICABLE_THRESHOLD ? 7 : 4, 'stroke-dasharray': v > AMICABLE_THRESHOLD ? null : '6 3', 'stroke-linecap': 'round' },
          svg('title', {}, `${names}: ${fmt(v)}`));
      const node = (p: readonly number[], id: string) => [
        svg('circle', { cx: p[0], cy: p[1], r: 11, class: `node${y.pivot === id ? ' pivot' : ''}${y.outsider === id ? ' outsider' : ''}` }),
        svg('text', { x: p[0], y: p[1] + 4, class: 'node-label' }, id.slice(0, 4)),
      ];
      return h('div', { class: 'tri-cell' },
        svg('svg', { viewBox: '0 0 120 110', width: 120, height: 110, 'aria-hidden': 'true' },
          edge(P.a, P.b, y.edges.ab, `${a}–${b}`), edge(P.b, P.c, y.edges.bc, `${b}–${c}`), edge(P.c, P.a, y.edges.ca, `${c}–${a}`),
          node(P.a, a), node(P.b, b), node(P.c, c)),
        h('div', { class: 'tri-year' }, String(y.year)),
        h('div', { class: `tri-config config-${SHORT[y.configuration].replace(' ', '-')}` }, y.configuration, y.pivot ? ` (pivot ${y.pivot})` : y.outsider ? ` (${y.outsider} outside)` : ''),
      );
    });
    const grid = h('div', { class: 'tri-grid' }, cells);
    const changes: string[] = [];
    years.forEach((y, i) => { if (i === 0 || y.configuration !== years[i - 1].configuration) changes.push(`${y.year} ${y.configuration}${y.pivot ? ` with ${y.pivot} as pivot` : ''}${y.outsider ? ` with ${y.outsider} outside` : ''}`); });
    const summary = `Configurations in this run: ${changes.join('; then ')}.`;
    replace(
      body,
      chartWithText(grid, summary, ['Year', `${a}–${b}`, `${b}–${c}`, `${c}–${a}`, 'Configuration'],
        years.map((y) => [String(y.year), y.edges.ab, y.edges.bc, y.edges.ca, `${y.configuration}${y.pivot ? ` (pivot ${y.pivot})` : ''}${y.outsider ? ` (${y.outsider} outside)` : ''}`]), 'Yearly mean relations'),
    );
    const copdab = app.run ? copdabChart(app.scenario, app.run, Math.max(480, Math.min(1100, body.clientWidth || 900))) : null;
    if (copdab) body.append(h('h3', {}, 'Independent check: a triangle edge against COPDAB'), copdab);
  }

  return {
    id: 'triangle',
    label: 'Triangle',
    mount(el, a) {
      app = a;
      body = h('div');
      replace(
        el,
        h('h2', {}, 'The strategic triangle'),
        h('p', { class: 'lede' }, `Each year's mean relation of each pair (the average of the two directed relations over the year's months, −1 hostile to +1 close) colours its edge: blue amicable, red hostile. A pair counts as amicable when its mean relation is above ${AMICABLE_THRESHOLD} (solid, thick edge), hostile otherwise (dashed). Dittmer (1981) names the four shapes: ménage à trois (all amicable), romantic triangle (a pivot amicable with two wings hostile to each other), stable marriage (two amicable against a third) and unit veto (all hostile).`),
        body,
      );
    },
    update() {
      if (app && !body.closest('[hidden]')) draw();
    },
  };
}
