// The strategic triangle year by year: three actors, each edge coloured by the pair's mean relation, each year named by Dittmer's configuration.
import { CARRY_YEARS, configurationAgreement, RECORD_SCALE, type RecordTriangleYear } from '../../../core/analysis/views/triangle-record.js';
import { AMICABLE_THRESHOLD, type TriangleShape } from '../../../core/analysis/views/triangle.js';
import type { App, View } from '../app.js';
import { fmt, h, replace, svg } from '../dom.js';
import { cooperationColor } from './colors.js';
import { copdabChart } from './independent.js';
import { modelNotice, percent } from './model-notice.js';
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
    const record = app.run?.recordTriangle ?? [];
    const recordOf = new Map(record.map((y) => [y.year, y]));
    const P = { a: [60, 18], b: [18, 92], c: [102, 92] } as const;
    type Edges = { ab: number | null; bc: number | null; ca: number | null };
    const shape = (edges: Edges, y: TriangleShape | null, faint: { ab: boolean; bc: boolean; ca: boolean } | null, label: string) => {
      const edge = (p: readonly number[], q: readonly number[], v: number | null, names: string, carried: boolean) => v === null
        ? svg('line', { x1: p[0], y1: p[1], x2: q[0], y2: q[1], stroke: '#bbb', 'stroke-width': 2, 'stroke-dasharray': '1 4' }, svg('title', {}, `${label}, ${names}: no event for more than ${CARRY_YEARS} years`))
        : svg('line', { x1: p[0], y1: p[1], x2: q[0], y2: q[1], stroke: color(v), 'stroke-width': v > AMICABLE_THRESHOLD ? 7 : 4, 'stroke-dasharray': v > AMICABLE_THRESHOLD ? null : '6 3', 'stroke-linecap': 'round', opacity: carried ? 0.45 : 1 },
          svg('title', {}, `${label}, ${names}: ${fmt(v)}${carried ? ' (no event that year: an earlier value carried on)' : ''}`));
      const node = (p: readonly number[], id: string) => [
        svg('circle', { cx: p[0], cy: p[1], r: 11, class: `node${y?.pivot === id ? ' pivot' : ''}${y?.outsider === id ? ' outsider' : ''}` }),
        svg('text', { x: p[0], y: p[1] + 4, class: 'node-label' }, id.slice(0, 4)),
      ];
      return h('div', { class: `tri-shape ${faint ? 'record' : 'model'}` },
        h('div', { class: 'tri-who' }, label),
        svg('svg', { viewBox: '0 0 120 110', width: 84, height: 77, 'aria-hidden': 'true' },
          edge(P.a, P.b, edges.ab, `${a}–${b}`, faint?.ab ?? false), edge(P.b, P.c, edges.bc, `${b}–${c}`, faint?.bc ?? false), edge(P.c, P.a, edges.ca, `${c}–${a}`, faint?.ca ?? false),
          node(P.a, a), node(P.b, b), node(P.c, c)),
        y ? h('div', { class: `tri-config config-${SHORT[y.configuration].replace(' ', '-')}` }, y.configuration, y.pivot ? ` (pivot ${y.pivot})` : y.outsider ? ` (${y.outsider} outside)` : '')
          : h('div', { class: 'tri-config muted' }, 'too few events to tell'),
      );
    };
    const cells = years.map((y) => {
      const r = recordOf.get(y.year);
      return h('div', { class: `tri-cell${r?.shape && r.shape.configuration === y.configuration ? ' same' : ''}` },
        h('div', { class: 'tri-year' }, String(y.year)),
        h('div', { class: 'tri-pair' }, shape(y.edges, y, null, 'model'), r ? shape(r.edges, r.shape, r.carried, 'history') : null),
      );
    });
    const grid = h('div', { class: 'tri-grid' }, cells);
    const changes: string[] = [];
    years.forEach((y, i) => { if (i === 0 || y.configuration !== years[i - 1].configuration) changes.push(`${y.year} ${y.configuration}${y.pivot ? ` with ${y.pivot} as pivot` : ''}${y.outsider ? ` with ${y.outsider} outside` : ''}`); });
    const agree = configurationAgreement(years, record);
    const recordChanges: string[] = [];
    record.forEach((y, i) => {
      const name = (x: RecordTriangleYear) => (x.shape ? `${x.shape.configuration}${x.shape.pivot ? ` with ${x.shape.pivot} as pivot` : ''}${x.shape.outsider ? ` with ${x.shape.outsider} outside` : ''}` : 'too few events to tell');
      if (i === 0 || name(y) !== name(record[i - 1])) recordChanges.push(`${y.year} ${name(y)}`);
    });
    const summary = `Configurations in the model's run: ${changes.join('; then ')}. From the scenario's events: ${recordChanges.join('; then ') || 'none'}. The model has the same shape as the events in ${agree.same} of the ${agree.years} years they can classify (${percent(agree.same, agree.years)}).`;
    replace(
      body,
      modelNotice(app),
      h('p', { class: 'agreement' }, `In each year, the left triangle is the model's, the right one what the scenario's events say happened; a green frame marks a year where the two have the same shape: ${agree.same} of the ${agree.years} years the events can classify (${percent(agree.same, agree.years)}).`),
      chartWithText(grid, summary, ['Year', `model ${a}–${b}`, `model ${b}–${c}`, `model ${c}–${a}`, 'model', `history ${a}–${b}`, `history ${b}–${c}`, `history ${c}–${a}`, 'history'],
        years.map((y) => {
          const r = recordOf.get(y.year);
          const name = (t: TriangleShape | null) => (t ? `${t.configuration}${t.pivot ? ` (pivot ${t.pivot})` : ''}${t.outsider ? ` (${t.outsider} outside)` : ''}` : 'too few events to tell');
          return [String(y.year), y.edges.ab, y.edges.bc, y.edges.ca, name(y), r?.edges.ab ?? '—', r?.edges.bc ?? '—', r?.edges.ca ?? '—', r ? name(r.shape) : ''];
        }), 'Yearly mean relations, model and history'),
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
        h('p', { class: 'lede' }, `What happened is read from the scenario's own events between each pair, drivers and record alike: a year's summed judged intensity (−10 to +10 per event) becomes tanh(sum / ${RECORD_SCALE}), so one treaty or one armed clash marks the year clearly. A year with no event between a pair keeps the last value for up to ${CARRY_YEARS} years (drawn faint), then the edge is unknown (dotted grey) and the year is not classified; the first year starts from the scenario's stated relations. The scenario records the events that matter to the alliance, so the edges with the third power are thinly sourced.`),
        body,
      );
    },
    update() {
      if (app && !body.closest('[hidden]')) draw();
    },
  };
}
