// "Why it happened": each member's alliance value stacked by mechanism, cooperation simulated against recorded, statuses as bands, and the story.
import * as Plot from '@observablehq/plot';
import type { App, View } from '../app.js';
import { fmt, h, replace } from '../dom.js';
import type { AllianceView, HistoryView, MemberSeries } from '../worker/protocol.js';
import { MECHANISM_COLORS, STATUS_COLORS } from './colors.js';
import { mieChart } from './independent.js';
import { agreementText, modelNotice } from './model-notice.js';
import { storyHtml } from './story.js';
import { chartWithText } from './text-alternative.js';

const STATUS_NAMES = ['allied', 'strained', 'broken', 'hostile'];
/** A YYYY-MM label as a UTC date for the charts' time axis. */
export const dateOf = (label: string) => new Date(Date.UTC(Number(label.slice(0, 4)), Number(label.slice(5, 7)) - 1, 1));

/** The "why it happened" tab. */
export function whyView(): View {
  let app: App;
  let alliance = 0;
  let body: HTMLElement;
  let picker: HTMLElement;
  // Every update redraws the tab; the reader's open "what happened" list must stay open through it.
  let sourcesOpen = false;

  function draw(): void {
    const run = app.run;
    if (!run) return;
    const al = run.alliances[alliance];
    if (!al) {
      replace(body, h('p', {}, 'This scenario has no alliance to explain: it is a bargaining scenario. ', h('button', { type: 'button', class: 'link', onclick: () => app.setCf({ tab: 'bargaining' }) }, 'Open the bargaining table'), '.'));
      return;
    }
    const width = Math.max(480, Math.min(1100, body.clientWidth || 900));
    const independent = mieChart(app.scenario, run, al, width);
    const changed = app.baselineRun !== null && app.baselineRun !== run && app.baselineRun.alliances[alliance]?.status.join() !== al.status.join();
    const history = app.scenario.alliances[alliance]?.history ?? null;
    replace(
      body,
      modelNotice(app, alliance),
      h('h3', {}, 'Status of the alliance: the model and what happened'),
      statusChart(al, run.labels, width, changed && app.baselineRun ? app.baselineRun.alliances[alliance] ?? null : null, history),
      history ? historySources(history, (id) => app.select(id), sourcesOpen, (open) => { sourcesOpen = open; }) : null,
      h('h3', {}, 'Each member\'s alliance value, by mechanism'),
      h('p', { class: 'lede' }, 'In the model, what the alliance is worth to each member, and why. Stacked areas are the mechanisms\' contributions (the reasons: above zero they bind, below they repel); the black line is the total value, the dashed line the outside option (going it alone or aligning elsewhere). Where the black line falls below the dashed one, the member would rather leave.'),
      al.members.map((m) => memberChart(m, run.labels, width, app.scenario.mechanisms.map((x) => x.id))),
      h('h3', {}, 'Cooperation: the model\'s acts against the record'),
      h('p', { class: 'lede' }, `Twelve-month sums of the acts' weights in each direction: the model's own acts in this run against the record's acts. Each act weighs from −10 (war) to +10 (the closest cooperation) on the Goldstein (1992) scale; a record event counts its judged intensity on the same scale. ${app.cf.mode === 'replay' ? 'In replay mode the model takes no acts of its own, so its line is flat.' : ''}`),
      cooperationChart(al, run.labels, width),
      independent ? h('h3', {}, 'Independent check: militarized incidents') : null,
      independent ? h('p', { class: 'lede' }, 'The Militarized Interstate Events data (MIE 1.0) count threats, displays and uses of force between the two states, coded by others from other sources than this scenario\'s: a check of the model that is not circular.') : null,
      independent,
      h('h3', {}, 'The story of each change of status'),
      storyHtml(run.story, new Set(app.scenario.events.map((e) => e.id)), (id) => app.select(id)),
    );
  }

  return {
    id: 'why',
    label: 'Why it happened',
    mount(el, a) {
      app = a;
      alliance = 0;
      body = h('div');
      picker = app.scenario.alliances.length > 1
        ? h('label', {}, 'Alliance ', h('select', { onchange: (e: Event) => { alliance = Number((e.target as HTMLSelectElement).value); draw(); } },
            app.scenario.alliances.map((x, i) => h('option', { value: i }, x.name))))
        : h('span');
      replace(el, h('h2', {}, 'Why it happened'), picker, body);
    },
    update() {
      if (app && !body.closest('[hidden]')) draw();
    },
  };
}

function segments(status: number[], labels: string[]) {
  const out: { from: string; to: string; status: string }[] = [];
  let s = 0;
  for (let t = 1; t <= status.length; t++) {
    if (t === status.length || status[t] !== status[s]) {
      out.push({ from: labels[s], to: labels[t - 1], status: STATUS_NAMES[status[s]] });
      s = t;
    }
  }
  return out;
}

const MODEL_ROW = 'the model (this run)';
const WRITTEN_ROW = 'the model, as written';
const HISTORY_ROW = 'what happened';

/** The status bands of this run, the scenario as written when the counterfactual changed anything, and what happened. */
function statusChart(al: AllianceView, labels: string[], width: number, asWritten: AllianceView | null, history: HistoryView | null): HTMLElement {
  const declared = history && history.periods.length ? history : null;
  const rows = [
    ...segments(al.status, labels).map((x) => ({ ...x, run: MODEL_ROW })),
    ...(asWritten ? segments(asWritten.status, labels).map((x) => ({ ...x, run: WRITTEN_ROW })) : []),
    ...(declared ? declared.periods.map((p) => ({ from: p.from, to: p.to, status: p.status, run: HISTORY_ROW })) : []),
  ];
  const domain = [MODEL_ROW, ...(asWritten ? [WRITTEN_ROW] : []), ...(declared ? [HISTORY_ROW] : [])];
  const turning = declared ? declared.turningPoints : [];
  const segs = rows.filter((r) => r.run === MODEL_ROW);
  // Numbers alternate between two heights so that turning points a month or two apart stay legible.
  const numbered = turning.map((d, i) => ({ ...d, n: i + 1 }));
  const next = (label: string) => {
    const d = dateOf(label);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  };
  const chart = Plot.plot({
    width, height: 50 + domain.length * 32 + (turning.length ? 22 : 0), marginLeft: 150, marginTop: turning.length ? 28 : 10,
    x: { type: 'utc', label: null },
    y: { axis: 'left', label: null, domain, padding: 0.15 },
    color: { domain: STATUS_NAMES, range: STATUS_NAMES.map((s) => STATUS_COLORS[s]), legend: true },
    marks: [
      Plot.barX(rows, { x1: (d) => dateOf(d.from), x2: (d) => next(d.to), y: 'run', fill: 'status', title: (d) => `${d.run}, ${d.from} to ${d.to}: ${d.status}` }),
      Plot.ruleX(turning, { x: (d) => dateOf(d.date), stroke: '#222', strokeDasharray: '2 2' }),
      ...[0, 1].map((odd) => Plot.text(numbered.filter((d) => d.n % 2 === odd), { x: (d) => dateOf(d.date), frameAnchor: 'top', dy: odd ? -24 : -12, text: (d) => String(d.n), fontWeight: 'bold', title: (d) => `${d.date} ${d.label}: ${d.description}` })),
    ],
  });
  const firstDeclaredBreak = declared ? declared.periods.find((p) => p.status === 'broken' || p.status === 'hostile')?.from ?? null : null;
  const summary = `In the model (this run), ${al.name} is ${segs[0]?.status} at the start${segs.length > 1 ? `; it changes status ${segs.length - 1} times` : ' and never changes status'}. ${al.firstBreak ? `The model first breaks it in ${al.firstBreak}.` : 'The model never breaks it in this run.'}${asWritten ? ` As written (same seed): ${asWritten.firstBreak ? `first broken or hostile in ${asWritten.firstBreak}` : 'never breaks'}.` : ''}${declared ? ` What happened: ${declared.periods.map((p) => `${p.status} from ${p.from}`).join(', ')}${firstDeclaredBreak ? ` (first broken in ${firstDeclaredBreak})` : ''}. ${agreementText(al)}` : ''}${turning.length ? ` Numbered lines: the record's turning points (${turning.map((t, i) => `${i + 1} ${t.label}, ${t.date}`).join('; ')}).` : ''}`;
  return chartWithText(chart, summary, ['Row', 'From', 'To', 'Status'], rows.map((r) => [r.run, r.from, r.to, r.status]));
}

/** The declared history's periods and the record's turning points, each with its judgement and sources. */
function historySources(history: HistoryView, select: (id: string) => void, open: boolean, toggled: (open: boolean) => void): HTMLElement | null {
  if (!history.periods.length && !history.turningPoints.length) return null;
  return h('details', { class: 'history-sources', open, ontoggle: (e: Event) => toggled((e.target as HTMLDetailsElement).open) },
    h('summary', {}, 'What happened, and the sources'),
    history.periods.length ? h('ul', {}, history.periods.map((p) => h('li', {},
      h('strong', {}, `${p.from} to ${p.to}: ${p.status}. `), p.judgement, h('div', { class: 'muted' }, `Sources: ${p.sources.join('; ')}`)))) : null,
    history.turningPoints.length ? h('ol', { class: 'turning-points' }, history.turningPoints.map((t) => h('li', {},
      h('strong', {}, `${t.date} ${t.label}: `), h('button', { type: 'button', class: 'link', onclick: () => select(t.event) }, t.event), ` ${t.description}`,
      h('div', { class: 'muted' }, `Sources: ${t.sources.join('; ')}`)))) : null,
    h('p', { class: 'muted' }, 'The periods are the scenario\'s judgements of the record (historians date the split differently); the turning points are the first record events that match the scenario\'s turning-point rules (its turningPoints, or the defaults). Neither is given to the model.'),
  );
}

function memberChart(m: MemberSeries, labels: string[], width: number, mechanisms: string[]): HTMLElement {
  const rows = mechanisms.flatMap((id) => labels.map((l, t) => ({ date: dateOf(l), mechanism: id, value: m.contrib[id][t] })));
  const line = (series: number[]) => labels.map((l, t) => ({ date: dateOf(l), value: series[t] }));
  const chart = Plot.plot({
    width, height: 260,
    x: { type: 'utc', label: null },
    y: { label: `${m.actor}'s value of the alliance with ${m.partner}`, grid: true },
    color: { domain: mechanisms, range: MECHANISM_COLORS, legend: true },
    marks: [
      Plot.areaY(rows, { x: 'date', y: 'value', fill: 'mechanism', order: mechanisms, fillOpacity: 0.85 }),
      Plot.ruleY([0]),
      Plot.lineY(line(m.outside), { x: 'date', y: 'value', stroke: '#333', strokeDasharray: '5 4', strokeWidth: 1.5 }),
      Plot.lineY(line(m.value), { x: 'date', y: 'value', stroke: 'black', strokeWidth: 2 }),
    ],
  });
  const T = labels.length;
  const biggest = (t: number) => mechanisms.reduce((best, id) => (Math.abs(m.contrib[id][t]) > Math.abs(m.contrib[best][t]) ? id : best), mechanisms[0]);
  const below = m.value.findIndex((v, t) => v < m.outside[t]);
  const summary = `${m.actor}: value ${fmt(m.value[0])} in ${labels[0]} (largest term ${biggest(0)} ${fmt(m.contrib[biggest(0)][0])}), ${fmt(m.value[T - 1])} in ${labels[T - 1]} (largest term ${biggest(T - 1)} ${fmt(m.contrib[biggest(T - 1)][T - 1])}). ${below >= 0 ? `It first falls below the outside option in ${labels[below]}.` : 'It stays above the outside option throughout.'}`;
  const yearRows: (string | number)[][] = [];
  for (let t = 0; t < T; t += 12) {
    const end = Math.min(T, t + 12);
    const mean = (s: number[]) => s.slice(t, end).reduce((a, b) => a + b, 0) / (end - t);
    yearRows.push([labels[t].slice(0, 4), ...mechanisms.map((id) => mean(m.contrib[id])), mean(m.value), mean(m.outside)]);
  }
  return chartWithText(chart, summary, ['Year', ...mechanisms, 'value', 'outside option'], yearRows, `${m.actor}'s yearly means`);
}

function cooperationChart(al: AllianceView, labels: string[], width: number): HTMLElement {
  const rows = al.cooperation.flatMap((d) =>
    (['simulated', 'recorded'] as const).flatMap((kind) => labels.map((l, t) => ({ date: dateOf(l), direction: `${d.from} → ${d.to}`, kind, value: d[kind][t] }))),
  );
  const chart = Plot.plot({
    width, height: 320, marginRight: 110,
    x: { type: 'utc', label: null },
    y: { label: '12-month sum of act weights', grid: true },
    fy: { label: null },
    color: { domain: ['simulated', 'recorded'], range: ['#4269d0', '#222'], legend: true },
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(rows, Plot.windowY({ k: 12, anchor: 'end', reduce: 'sum' }, { x: 'date', y: 'value', stroke: 'kind', fy: 'direction', strokeWidth: 1.5 })),
    ],
  });
  const yearRows: (string | number)[][] = [];
  for (let t = 0; t < labels.length; t += 12) {
    const sum = (s: number[]) => s.slice(t, t + 12).reduce((a, b) => a + b, 0);
    yearRows.push([labels[t].slice(0, 4), ...al.cooperation.flatMap((d) => [sum(d.simulated), sum(d.recorded)])]);
  }
  const total = (s: number[]) => s.reduce((a, b) => a + b, 0);
  const summary = al.cooperation.map((d) => `${d.from} → ${d.to}: model ${fmt(total(d.simulated), 0)}, record ${fmt(total(d.recorded), 0)} over the period`).join('; ') + '.';
  return chartWithText(chart, summary, ['Year', ...al.cooperation.flatMap((d) => [`${d.from}→${d.to} model`, `${d.from}→${d.to} record`])], yearRows, 'Yearly sums');
}
