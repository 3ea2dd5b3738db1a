// Rival explanations: switch mechanisms on and off, and score each set of mechanisms against the record.
import type { App, View } from '../app.js';
import { fmt, h, replace } from '../dom.js';
import { toHash } from '../state/counterfactual.js';
import type { ComparisonView, ExplanationScore } from '../worker/protocol.js';
import { modelNotice } from './model-notice.js';

/** Recorded runs per set for the fit; the break date uses five times as many fast runs. */
const SEEDS = 10;
/** The held-out comparison's budget in the browser: small, so that it ends in seconds (`schism compare` defaults are far larger). */
const BUDGET = { seeds: 4, restarts: 1, evaluations: 30, runs: 10 };

/** The explanations tab. */
export function explanationsView(): View {
  let app: App;
  let switches: HTMLElement;
  let table: HTMLElement;
  let scoredFor = '';
  let heldOut: HTMLElement;
  let notice: HTMLElement;
  const boxes = new Map<string, HTMLInputElement>();

  function drawSwitches(): void {
    boxes.clear();
    replace(
      switches,
      h('fieldset', {},
        h('legend', {}, 'Mechanisms in this run'),
        app.scenario.mechanisms.map((m) =>
          h('label', { class: 'switch', title: m.theory },
            remember(m.id, h('input', {
              type: 'checkbox', checked: !app.cf.off.includes(m.id),
              onchange: (e: Event) => {
                const on = (e.target as HTMLInputElement).checked;
                app.setCf({ off: on ? app.cf.off.filter((x) => x !== m.id) : [...app.cf.off, m.id] });
              },
            })),
            ` ${m.title} `, h('span', { class: 'muted' }, `(${m.id})`)),
        ),
      ),
    );
  }

  function remember(id: string, box: HTMLInputElement): HTMLInputElement {
    boxes.set(id, box);
    return box;
  }

  async function score(): Promise<void> {
    const key = toHash({ ...app.cf, tab: '', event: '', play: '' });
    if (key === scoredFor) return;
    scoredFor = key;
    const all = app.scenario.mechanisms.map((m) => m.id);
    const sets = [
      { id: 'current', name: 'Your switches (this run)', mechanisms: all.filter((m) => !app.cf.off.includes(m)) },
      { id: 'all', name: 'All mechanisms', mechanisms: all },
      ...app.scenario.explanations.map((x) => ({ id: x.id, name: x.name, mechanisms: x.mechanisms })),
      ...all.map((m) => ({ id: `only-${m}`, name: `${m} alone`, mechanisms: [m] })),
    ];
    replace(table, h('p', { role: 'status' }, 'Scoring…'));
    const reply = await app.engine.ask({ type: 'explain', cf: app.cf, sets, seeds: SEEDS });
    if (key === scoredFor) drawTable(reply.scores);
  }

  function drawTable(scores: ExplanationScore[]): void {
    const best = Math.min(...scores.map((s) => s.rmse));
    replace(
      table,
      h('table', { class: 'data-table scores' },
        h('caption', {}, `Fit against the record (lower RMSE is better; a model that never acts scores ${fmt(scores[0]?.nullRmse ?? 0)}) and predicted first break of the alliance.`),
        h('thead', {}, h('tr', {}, ['Set', 'Mechanisms', 'Miss (RMSE, lower is closer)', 'Median first break', 'Runs that break'].map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, scores.map((s) =>
          h('tr', { class: s.rmse === best ? 'best' : '' },
            h('th', { scope: 'row' }, s.name),
            h('td', {}, s.mechanisms.join(', ')),
            h('td', {}, fmt(s.rmse)),
            h('td', {}, s.medianBreak ?? 'after the period'),
            h('td', {}, `${Math.round(s.brokeShare * 100)}%`),
          ))),
      ),
    );
  }

  function drawHeldOut(c: ComparisonView | null, note = ''): void {
    const button = h('button', { type: 'button', onclick: () => void compare() }, c ? 'Run it again' : 'Run the held-out comparison (a few seconds)');
    if (!c) {
      replace(heldOut, h('div', { class: 'toolbar' }, button, note ? h('span', { class: 'muted' }, note) : null));
      return;
    }
    const num = (x: number | null) => (x === null ? '–' : fmt(x));
    replace(
      heldOut,
      h('table', { class: 'data-table scores' },
        h('caption', {}, `Trained on ${c.train}, tested on ${c.test} (${c.every}ly ${c.measure} sums, both directions of the alliance). Best first by held-out log score; weight is the evidence weight over the explanations. Took ${(c.ms / 1000).toFixed(1)} s in your browser.`),
        h('thead', {}, h('tr', {}, ['Rank', 'Explanation', 'Mechanisms', 'Miss on unseen years (RMSE)', 'Correlation', 'Log score (higher is better)', 'Evidence weight'].map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', {},
          c.rows.map((r) => h('tr', { class: r.rank === 1 ? 'best' : '' }, h('td', {}, String(r.rank)), h('th', { scope: 'row' }, r.name), h('td', {}, r.mechanisms.join(', ')), h('td', {}, fmt(r.rmse)), h('td', {}, num(r.correlation)), h('td', {}, fmt(r.logScore)), h('td', {}, fmt(r.weight, 3)))),
          c.baselines.map((b) => h('tr', { class: 'baseline' }, h('td', {}, '–'), h('th', { scope: 'row' }, b.name), h('td', {}, 'no model'), h('td', {}, fmt(b.rmse)), h('td', {}, num(b.correlation)), h('td', {}, '–'), h('td', {}, '–'))),
        ),
      ),
      h('div', { class: 'toolbar' }, button),
    );
  }

  async function compare(): Promise<void> {
    if (app.scenario.explanations.length === 0) {
      drawHeldOut(null, 'This scenario declares no explanations to compare.');
      return;
    }
    drawHeldOut(null, 'Fitting and scoring each explanation…');
    try {
      const engine = await app.slowEngine();
      const reply = await engine.ask({ type: 'compare', cf: app.cf, budget: BUDGET });
      drawHeldOut(reply.comparison);
    } catch (err) {
      drawHeldOut(null, `The comparison failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  return {
    id: 'explanations',
    label: 'Explanations',
    mount(el, a) {
      app = a;
      scoredFor = '';
      switches = h('div');
      table = h('div');
      heldOut = h('div', { 'aria-live': 'polite' });
      notice = h('div');
      replace(
        el,
        h('h2', {}, 'Rival explanations'),
        h('p', { class: 'lede' }, 'Which reasons explain the split best? Historians give rival answers (the scenario lists them). Each answer is a set of reasons, the model\'s mechanisms. Switch them on and off and see how close the model comes to the record: the miss is the typical size of its error each year, so lower is closer.'),
        notice,
        h('p', { class: 'muted' }, `In detail: each explanation is a set of mechanisms. Fit: the root mean square error between the model's and the record's cooperation, summed by calendar year, over both directions of each alliance, averaged over ${SEEDS} runs in predict mode (the record is never an input). Break: the median first month broken or hostile over ${SEEDS * 5} runs; "after the period" when fewer than half break. Other changes of your counterfactual (parameters, events) apply to every set.`),
        switches,
        table,
        h('h3', {}, 'Held-out test of the declared explanations'),
        h('p', { class: 'lede' }, `The analysis module's comparison (the same as \`schism compare\`): each declared explanation's parameters are fitted on a training window, then scored on the years after it against the record, beside two naive forecasts. Here it runs on the scenario as written with a small search budget (${BUDGET.seeds} seeds, ${BUDGET.restarts} restart of ${BUDGET.evaluations} evaluations, ${BUDGET.runs} runs to score), in a second worker so that the page stays responsive; use the command line for the full budget.`),
        heldOut,
      );
      drawSwitches();
      drawHeldOut(null);
    },
    update() {
      if (!app) return;
      for (const [id, box] of boxes) box.checked = !app.cf.off.includes(id);
      if (table.closest('[hidden]')) return;
      replace(notice, modelNotice(app));
      void score();
    },
  };
}
