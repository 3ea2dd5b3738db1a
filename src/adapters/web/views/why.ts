// "Why it happened": each member's alliance value stacked by mechanism, cooperation simulated against recorded, statuses as bands, and the story.
import * as Plot from '@observablehq/plot';
import type { App, View } from '../app.js';
import { fmt, h, replace } from '../dom.js';
import type { AllianceView, MemberSeries } from '../worker/protocol.js';
import { MECHANISM_COLORS, STATUS_COLORS } from './colors.js';
import { mieChart } from './independent.js';
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

  function draw(): void {
    const run = app.run;
    if (!run) return;
    const al = run.alliances[alliance];
    if (!al) {
      replace(body, h('p', {}, 'This scenario has no alliance to explain.'));
      return;
    }
    const width = Math.max(480, Math.min(1100, body.clientWidth || 900));
    const independent = mieChart(app.scenario, run, al, width);
    const changed = app.baselineRun !== null && app.baselineRun !== run && app.baselineRun.alliances[alliance]?.status.join() !== al.status.join();
    replace(
      body,
      h('h3', {}, 'Status of the alliance'),
      statusChart(al, run.labels, width, changed && app.baselineRun ? app.baselineRun.alliances[alliance] ?? null : null),
      h('h3', {}, 'Each member\'s alliance value, by mechanism'),
      h('p', { class: 'lede' }, 'Stacked areas are the mechanisms\' contributions (above zero they bind, below they repel); the black line is the total value, the dashed line the outside option (going it alone or aligning elsewhere). Where the black line falls below the dashed one, the member would rather leave.'),
      al.members.map((m) => memberChart(m, run.labels, width, app.scenario.mechanisms.map((x) => x.id))),
      h('h3', {}, 'Cooperation: the model\'s acts against the record'),
      h('p', { class: 'lede' }, `Twelve-month sums of the acts' weights (Goldstein scale) in each direction: the model's own acts in this run against the record's acts (recorded = the monthly sum of the record events' intensity). ${app.cf.mode === 'replay' ? 'In replay mode the model takes no acts of its own, so its line is flat.' : ''}`),
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

/** The status bands of this run, and under them the scenario as written when the counterfactual changed anything. */
function statusChart(al: AllianceView, labels: string[], width: number, asWritten: AllianceView | null): HTMLElement {
  const rows = [
    ...segments(al.status, labels).map((x) => ({ ...x, run: 'this run' })),
    ...(asWritten ? segments(asWritten.status, labels).map((x) => ({ ...x, run: 'as written' })) : []),
  ];
  const segs = rows.filter((r) => r.run === 'this run');
  const next = (label: string) => {
    const d = dateOf(label);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  };
  const chart = Plot.plot({
    width, height: asWritten ? 120 : 90, marginLeft: asWritten ? 80 : 20,
    x: { type: 'utc', label: null },
    y: { axis: asWritten ? 'left' : null, label: null, domain: ['this run', 'as written'].slice(0, asWritten ? 2 : 1), padding: 0.15 },
    color: { domain: STATUS_NAMES, range: STATUS_NAMES.map((s) => STATUS_COLORS[s]), legend: true },
    marks: [Plot.barX(rows, { x1: (d) => dateOf(d.from), x2: (d) => next(d.to), y: 'run', fill: 'status', title: (d) => `${d.run}, ${d.from} to ${d.to}: ${d.status}` })],
  });
  const summary = `${al.name} is ${segs[0]?.status} at the start${segs.length > 1 ? `; it changes status ${segs.length - 1} times` : ' and never changes status'}. ${al.firstBreak ? `First broken or hostile in ${al.firstBreak}.` : 'It never breaks in this run.'}${asWritten ? ` As written (same seed): ${asWritten.firstBreak ? `first broken or hostile in ${asWritten.firstBreak}` : 'never breaks'}.` : ''}`;
  return chartWithText(chart, summary, ['Run', 'From', 'To', 'Status'], rows.map((r) => [r.run, r.from, r.to, r.status]));
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
