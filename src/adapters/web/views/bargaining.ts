// The bargaining table: actors' capability, position and salience as an editable table (after KTAB's GUI), positions by
// round, BDM and the SMP side by side, and the forecast against the recorded outcome where there is one.
import * as Plot from '@observablehq/plot';
import ecCarEmissions from '../../../../data/bargaining/bdm1994-ec-car-emissions/actors.csv?raw';
import iran2013 from '../../../../data/bargaining/iran-2013-presidential-election/actors.csv?raw';
import soeCompetitive from '../../../../data/bargaining/ktab-china-soe-2016/SOE-Competitive.csv?raw';
import type { BargainingProblem } from '../../../core/bargaining/types.js';
import type { App, View } from '../app.js';
import { fmt, h, replace } from '../dom.js';
import type { ModelAnswer, TableIssue } from '../worker/protocol.js';
import { chartWithText } from './text-alternative.js';

/** Bundled tables from data/bargaining, with the recorded outcome where its SOURCE.md gives one. */
const SAMPLES: { id: string; title: string; file: string; text: string; outcome?: { value: number; note: string } }[] = [
  { id: 'ec-car-emissions', title: 'EC car emissions, 1987 (Bueno de Mesquita 1994; Scholz et al.)', file: 'bdm1994-ec-car-emissions/actors.csv', text: ecCarEmissions,
    outcome: { value: 8.833, note: 'years before the standard applies: the outcome Masad cites from Bueno de Mesquita (1994), not checked against the original (data/bargaining/bdm1994-ec-car-emissions/SOURCE.md)' } },
  { id: 'iran-2013', title: 'Iran presidential election, 2013', file: 'iran-2013-presidential-election/actors.csv', text: iran2013,
    outcome: { value: 8, note: 'Rouhani (position 8) won in the first round with 50.71% (data/bargaining/iran-2013-presidential-election/SOURCE.md)' } },
  { id: 'ktab-soe', title: 'KTAB example: reforming CNPC (China SOE, 2016)', file: 'ktab-china-soe-2016/SOE-Competitive.csv', text: soeCompetitive },
];

const MODEL_NAMES: Record<string, string> = {
  bdm: 'BDM: Bueno de Mesquita\'s expected-utility model (Scholz et al.\'s version)',
  smp: 'SMP: KTAB\'s Spatial Model of Politics',
};

/** The bargaining tab. */
export function bargainingView(): View {
  let app: App;
  let body: HTMLElement;
  let tableEl: HTMLElement;
  let results: HTMLElement;
  let issues: TableIssue[] = [];
  let current = 0;
  let source: { kind: 'scenario'; date: string } | { kind: 'csv'; id: string; text: string; file: string } = { kind: 'scenario', date: '' };
  let version = 0;

  async function load(): Promise<void> {
    const reply = await app.engine.ask({
      type: 'table',
      source: source.kind === 'scenario' ? { scenario: app.cf.scenario, date: source.date } : { text: source.text, file: source.file },
    });
    issues = reply.issues;
    const sample = source.kind === 'csv' ? SAMPLES.find((s) => s.id === (source as { id: string }).id) : undefined;
    if (sample?.outcome && issues[0]) issues[0].outcome = sample.outcome;
    const firstRunnable = issues.findIndex((i) => i.problem);
    current = Math.max(0, firstRunnable);
    if (reply.diagnostics.length) {
      replace(tableEl, h('ol', { class: 'diagnostics' }, reply.diagnostics.map((d) => h('li', {}, `${d.file}:${d.line}:${d.column} ${d.path}: ${d.message}`))));
      replace(results);
      return;
    }
    drawTable();
    await rerun();
  }

  function issuePicker(): HTMLElement | null {
    if (issues.length < 2) return null;
    return h('label', {}, 'Issue ', h('select', {
      'aria-label': 'Issue', class: 'issue-picker',
      onchange: (e: Event) => { current = Number((e.target as HTMLSelectElement).value); drawTable(); void rerun(); },
    }, issues.map((i, k) => h('option', { value: k, selected: k === current }, `${i.issue}: ${i.name}${i.problem ? '' : ' (not enough actors)'}`))));
  }

  function cell(p: BargainingProblem, row: number, what: 'capability' | 'position' | 'salience', dim: number): HTMLInputElement {
    const d = p.dimensions[dim];
    const value = what === 'capability' ? p.actors[row].capability : what === 'position' ? p.positions[row][dim] : p.salience[row][dim];
    const [min, max, step] = what === 'capability' ? [0, undefined, 'any'] : what === 'position' ? [Math.min(d.low, d.high), Math.max(d.low, d.high), 'any'] : [0, 1, 0.05];
    return h('input', {
      type: 'number', min, max, step, value: Number(value.toPrecision(6)), class: `cell ${what}`,
      'data-actor': p.actors[row].id, 'data-field': what, 'data-dim': d.id,
      'aria-label': `${what === 'capability' ? 'Capability' : what === 'position' ? 'Position' : 'Salience'} of ${p.actors[row].id}${what === 'capability' ? '' : ` on ${d.name}`}`,
      onchange: (e: Event) => {
        const v = Number((e.target as HTMLInputElement).value);
        if (!Number.isFinite(v)) return;
        if (what === 'capability') p.actors[row].capability = v;
        else if (what === 'position') p.positions[row][dim] = v;
        else p.salience[row][dim] = Math.max(0, Math.min(1, v));
        void rerun();
      },
    });
  }

  function drawTable(): void {
    const issue = issues[current];
    if (!issue) {
      replace(tableEl, h('p', {}, 'This scenario has no issues to bargain over. Open a CSV file or a sample above.'));
      replace(results);
      return;
    }
    const p = issue.problem;
    replace(tableEl,
      issuePicker(),
      h('h3', {}, `${issue.issue}: ${issue.name}`),
      issue.scale ? h('p', { class: 'muted' }, `Scale: 0 = ${issue.scale.low}; 100 = ${issue.scale.high}.${issue.statusQuo !== undefined ? ` Status quo: ${issue.statusQuo}.` : ''}`) : null,
      p ? h('table', { class: 'data-table actor-table' },
        h('caption', {}, 'The negotiators. Edit any number: both models rerun at once.'),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, 'Actor'),
          h('th', { scope: 'col', title: 'How much say the actor has (any positive scale; only ratios matter)' }, 'Capability (say)'),
          p.dimensions.flatMap((d) => [
            h('th', { scope: 'col', title: `Where the actor stands on ${d.name}, ${d.low} to ${d.high}` }, p.dimensions.length > 1 ? `Position on ${d.id} (${d.low}–${d.high})` : `Position (${d.low}–${d.high})`),
            h('th', { scope: 'col', title: 'How much the actor cares, 0 (not at all) to 1 (most)' }, p.dimensions.length > 1 ? `Salience on ${d.id} (0–1)` : 'Salience (how much it cares, 0–1)'),
          ]))),
        h('tbody', {}, p.actors.map((a, i) => h('tr', {},
          h('th', { scope: 'row' }, a.id, a.name && a.name !== a.id ? h('div', { class: 'muted' }, a.name) : null),
          h('td', {}, cell(p, i, 'capability', 0)),
          p.dimensions.flatMap((_, d) => [h('td', {}, cell(p, i, 'position', d)), h('td', {}, cell(p, i, 'salience', d))]),
        ))),
      ) : h('p', { class: 'muted' }, issue.skipped ?? 'Not enough actors hold a position on this issue.'),
    );
  }

  async function rerun(): Promise<void> {
    const issue = issues[current];
    if (!issue?.problem) {
      replace(results);
      return;
    }
    const mine = ++version;
    const reply = await app.engine.ask({ type: 'bargain', problem: issue.problem, seed: app.cf.seed });
    if (mine !== version) return;
    drawResults(issue, reply.answers);
  }

  function drawResults(issue: TableIssue, answers: ModelAnswer[]): void {
    const p = issue.problem as BargainingProblem;
    const width = Math.max(320, Math.min(540, (body.clientWidth || 1000) / 2 - 20));
    const summary = h('table', { class: 'data-table forecast-table' },
      h('caption', {}, issue.outcome ? 'Each model\'s forecast against the recorded outcome.' : 'Each model\'s forecast (no recorded outcome for this table).'),
      h('thead', {}, h('tr', {}, ['Model', p.dimensions.length > 1 ? `Forecast (${p.dimensions.map((x) => x.id).join(', ')})` : 'Forecast', 'Recorded outcome', 'Miss'].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, answers.map((a) => h('tr', { 'data-model': a.model },
        h('th', { scope: 'row' }, a.model.toUpperCase()),
        h('td', { class: 'forecast' }, a.problems.length ? `cannot run: ${a.problems.join('; ')}` : a.forecast.map((x) => fmt(x, 2)).join(', ')),
        h('td', {}, issue.outcome ? fmt(issue.outcome.value, 2) : '—'),
        h('td', {}, issue.outcome && !a.problems.length ? fmt(Math.abs(a.forecast[0] - issue.outcome.value), 2) : '—'),
      ))),
    );
    replace(results,
      summary,
      issue.outcome ? h('p', { class: 'muted' }, `Recorded outcome: ${issue.outcome.note}`) : null,
      h('div', { class: 'two-col models' }, answers.map((a) => h('section', { class: `model-panel model-${a.model}` },
        h('h4', {}, MODEL_NAMES[a.model]),
        a.problems.length ? h('p', { class: 'alert' }, `This model cannot take the table as it stands: ${a.problems.join('; ')}.`) : roundsChart(a, p, issue, width),
        a.stop ? h('p', { class: 'muted' }, `Stopped: ${a.stop}.`) : null,
      ))),
    );
  }

  function drawSources(): HTMLElement {
    const month = h('input', {
      type: 'month', value: source.kind === 'scenario' ? source.date : app.scenario.start, min: app.scenario.start, max: app.scenario.end, 'aria-label': 'Positions as of month',
      onchange: (e: Event) => { source = { kind: 'scenario', date: (e.target as HTMLInputElement).value || app.scenario.start }; void load(); },
    });
    const file = h('input', {
      type: 'file', accept: '.csv,.txt', class: 'visually-hidden', tabindex: -1, 'aria-hidden': 'true',
      onchange: async (e: Event) => {
        const f = (e.target as HTMLInputElement).files?.[0];
        if (f) { source = { kind: 'csv', id: '', text: await f.text(), file: f.name }; void load(); }
      },
    });
    return h('div', { class: 'toolbar' },
      h('button', { type: 'button', onclick: () => { source = { kind: 'scenario', date: month.value || app.scenario.start }; void load(); } }, 'This scenario\'s issues'),
      h('label', {}, 'as of ', month),
      h('button', { type: 'button', onclick: () => file.click() }, 'Open a CSV file (KTAB or actor table)…'), file,
      h('label', {}, 'or a sample ', h('select', {
        'aria-label': 'Sample table',
        onchange: (e: Event) => {
          const s = SAMPLES.find((x) => x.id === (e.target as HTMLSelectElement).value);
          if (s) { source = { kind: 'csv', id: s.id, text: s.text, file: s.file }; void load(); }
        },
      }, h('option', { value: '' }, 'choose…'), SAMPLES.map((s) => h('option', { value: s.id }, s.title)))),
    );
  }

  return {
    id: 'bargaining',
    label: 'Bargaining',
    mount(el, a) {
      app = a;
      body = h('div', { class: 'bargaining' });
      tableEl = h('div');
      results = h('div', { 'aria-live': 'polite' });
      source = { kind: 'scenario', date: app.scenario.start };
      issues = [];
      replace(el,
        h('h2', {}, 'Bargaining table'),
        h('p', { class: 'lede' }, 'Each row is a negotiator: how much say it has (capability), where it stands on the issue (position, on the issue\'s scale) and how much it cares (salience, from 0, not at all, to 1, most). Two models forecast where the talks end: BDM, Bueno de Mesquita\'s expected-utility model, in which actors make offers, threats and concessions round by round; and the SMP, KTAB\'s Spatial Model of Politics, in which coalitions vote on moves. Both are models, not history: where the outcome is on record, the table sets each forecast against it.'),
        body,
      );
      replace(body, drawSources(), tableEl, results);
    },
    update() {
      if (!app || body.closest('[hidden]')) return;
      if (issues.length === 0 && !tableEl.hasChildNodes()) void load();
    },
  };
}

function roundsChart(a: ModelAnswer, p: BargainingProblem, issue: TableIssue, width: number): HTMLElement {
  const d = 0;
  const rows = a.rounds.flatMap((round, t) => round.map((pos, i) => ({ round: t, actor: p.actors[i].id, position: pos[d] })));
  const forecast = a.forecastByRound.map((f, t) => ({ round: t, position: f[d] }));
  const marks: Plot.Markish[] = [
    Plot.lineY(rows, { x: 'round', y: 'position', z: 'actor', stroke: '#9aa0a6', strokeWidth: 1, title: 'actor' }),
    Plot.text(rows.filter((r) => r.round === a.rounds.length - 1), { x: 'round', y: 'position', text: 'actor', dx: 4, textAnchor: 'start', fontSize: 9, fill: '#555' }),
    Plot.lineY(forecast, { x: 'round', y: 'position', stroke: 'black', strokeWidth: 2.5 }),
  ];
  if (issue.outcome) marks.push(Plot.ruleY([issue.outcome.value], { stroke: '#2e7d32', strokeWidth: 2, strokeDasharray: '6 3' }));
  if (issue.statusQuo !== undefined) marks.push(Plot.ruleY([issue.statusQuo], { stroke: '#999', strokeDasharray: '2 3' }));
  const chart = Plot.plot({
    width, height: 260, marginRight: 60,
    x: { label: 'round', tickFormat: 'd' },
    y: { label: `position on ${p.dimensions[d].id}`, domain: [Math.min(p.dimensions[d].low, p.dimensions[d].high), Math.max(p.dimensions[d].low, p.dimensions[d].high)], grid: true },
    marks,
  });
  const last = forecast[forecast.length - 1];
  const summary = `${a.model.toUpperCase()}: grey lines are each actor's position round by round, the black line the model's forecast, ${fmt(last?.position ?? Number.NaN, 2)} after ${a.rounds.length - 1} rounds${issue.outcome ? `; the green dashed line is the recorded outcome, ${fmt(issue.outcome.value, 2)}` : ''}${issue.statusQuo !== undefined ? `; the dotted line the status quo, ${issue.statusQuo}` : ''}.`;
  return chartWithText(chart, summary, ['Round', 'Forecast', ...p.actors.map((x) => x.id)], a.rounds.map((round, t) => [String(t), a.forecastByRound[t][d], ...round.map((pos) => pos[d])]), 'Positions by round');
}
