// Rival explanations: switch mechanisms on and off, and score each set of mechanisms against the record.
import type { App, View } from '../app.js';
import { fmt, h, replace } from '../dom.js';
import { toHash } from '../state/counterfactual.js';
import type { ExplanationScore } from '../worker/protocol.js';

/** Recorded runs per set for the fit; the break date uses five times as many fast runs. */
const SEEDS = 10;

/** The explanations tab. */
export function explanationsView(): View {
  let app: App;
  let switches: HTMLElement;
  let table: HTMLElement;
  let scoredFor = '';
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
    const key = toHash({ ...app.cf, tab: '', event: '' });
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
        h('thead', {}, h('tr', {}, ['Set', 'Mechanisms', 'RMSE', 'Median first break', 'Runs that break'].map((x) => h('th', { scope: 'col' }, x)))),
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

  return {
    id: 'explanations',
    label: 'Explanations',
    mount(el, a) {
      app = a;
      scoredFor = '';
      switches = h('div');
      table = h('div');
      replace(
        el,
        h('h2', {}, 'Rival explanations'),
        h('p', { class: 'lede' }, `Each explanation is a set of mechanisms. Fit: the root mean square error between the model's and the record's cooperation, summed by calendar year, over both directions of each alliance, averaged over ${SEEDS} runs in predict mode (the record is never an input). Break: the median first month broken or hostile over ${SEEDS * 5} runs; "after the period" when fewer than half break. Other changes of your counterfactual (parameters, events) apply to every set.`),
        switches,
        table,
      );
      drawSwitches();
    },
    update() {
      if (!app) return;
      for (const [id, box] of boxes) box.checked = !app.cf.off.includes(id);
      if (table.closest('[hidden]')) return;
      void score();
    },
  };
}
