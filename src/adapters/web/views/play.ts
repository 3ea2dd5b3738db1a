// Play mode for classrooms: take one leader's decisions month by month while the model plays the others, then compare with history and the model.
import { CHOICES, type Choice, type DecisionPoint } from '../../../core/analysis/views/play.js';
import { ACTS } from '../../../core/engine/acts.js';
import type { App, View } from '../app.js';
import { fmt, h, replace } from '../dom.js';
import type { PlayView } from '../worker/protocol.js';

/** What a choice is called on the buttons and in the tables. */
export function choiceLabel(c: Choice): string {
  return c === 'none' ? 'no act this month' : `${ACTS[c].label} (${c}, ${ACTS[c].goldstein > 0 ? '+' : ''}${ACTS[c].goldstein})`;
}

/** The play tab. */
export function playView(): View {
  let app: App;
  let body: HTMLElement;
  let role = '';
  let choices: Choice[] = [];
  let game: PlayView | null = null;

  async function advance(next: Choice[]): Promise<void> {
    choices = next;
    const reply = await app.engine.ask({ type: 'play', cf: app.cf, role, choices });
    game = reply.play;
    app.setCf({ play: `${role}:${choices.join('.')}` });
    draw();
    (body.querySelector('[data-focus-first]') as HTMLElement | null)?.focus();
  }

  function drawRoles(): void {
    replace(
      body,
      h('p', { class: 'lede' }, 'Take one leader\'s place. Each month of the episode you choose an act toward your ally; the model plays everyone else with its decision rule. At the end your path is set beside what history records and what the model itself would have chosen, with its reasons.'),
      h('div', { class: 'roles' }, app.scenario.playRoles.map((r, i) =>
        h('div', { class: 'role' },
          h('h3', {}, r.title),
          h('p', {}, r.brief),
          r.available
            ? h('button', { type: 'button', class: 'primary', 'data-focus-first': i === 0 ? 'true' : null, onclick: () => { role = r.id; void advance([]); } }, `Play ${r.title.split(',')[0]}`)
            : h('p', { class: 'muted' }, 'Not in this scenario (its leader or window is missing).'),
        ))),
    );
  }

  function situation(d: DecisionPoint): HTMLElement {
    return h('div', { class: 'situation' },
      h('p', {}, `Your value of the alliance is ${fmt(d.value)} against an outside option of ${fmt(d.outside)}: a margin of ${fmt(d.margin)}. ${d.margin >= 0 ? 'The alliance is still worth more than going it alone.' : 'Going it alone looks better than the alliance.'}`),
      h('p', {}, 'What weighs most in your value: ', d.reasons.map((r, i) => `${i ? '; ' : ''}${r.title.toLowerCase()} ${r.contribution > 0 ? '+' : ''}${fmt(r.contribution)}`).join('') || 'nothing yet.'),
      d.recent.length
        ? h('details', { open: true }, h('summary', {}, 'The last three months'), h('ul', {}, d.recent.slice(-8).map((e) => h('li', {}, `${e.date} ${e.origin === 'simulated' ? '' : `(${e.origin}) `}${e.description}`))))
        : h('p', { class: 'muted' }, 'Nothing happened to you in the last three months.'),
    );
  }

  function drawDecision(g: PlayView): void {
    const d = g.decisions[g.next];
    replace(
      body,
      h('h3', {}, `${g.title}: you are ${g.actor} (${g.actorId})`),
      h('p', { class: 'muted' }, g.brief),
      h('p', { class: 'progress' }, `Decision ${g.next + 1} of ${g.decisions.length}: ${d.date}`),
      situation(d),
      h('fieldset', { class: 'choices' },
        h('legend', {}, `What does ${g.actorId} do toward ${g.partnerId} in ${d.date}?`),
        CHOICES.map((c, i) => h('button', {
          type: 'button', class: `choice dir-${c === 'none' ? 'none' : ACTS[c].goldstein > 0 ? 'coop' : 'conf'}`, 'data-choice': c,
          'data-focus-first': i === 0 ? 'true' : null,
          onclick: () => void advance([...choices, c]),
        }, choiceLabel(c))),
      ),
      h('div', { class: 'toolbar' },
        h('button', { type: 'button', onclick: () => void advance(choices.slice(0, -1)), disabled: choices.length === 0 }, 'Undo last choice'),
        h('button', { type: 'button', onclick: () => void advance([...choices, ...g.decisions.slice(g.next).map((x) => x.rule)]) }, 'Let the model play the rest'),
        h('button', { type: 'button', onclick: () => { game = null; app.setCf({ play: '' }); drawRoles(); } }, 'Choose another role'),
      ),
    );
  }

  function drawEnd(g: PlayView): void {
    const v = g.verdict;
    replace(
      body,
      h('h3', {}, `${g.title}: how your path compares`),
      v ? h('ul', { class: 'verdict', 'data-focus-first': 'true', tabindex: -1 },
        h('li', {}, `You chose as the model's decision rule would have in ${v.sameAsRule} of ${v.decisions} months.`),
        h('li', {}, v.historyMonths ? `In ${v.historyMonths} months the record shows an act of ${g.actorId} toward ${g.partnerId}; your choice went the same way (cooperative or hostile) in ${v.sameDirectionAsHistory}.` : 'The record shows no act of yours toward your ally in this window.'),
        h('li', {}, `The alliance first broke ${v.yourBreak ? `in ${v.yourBreak}` : 'never'} in your run, ${v.ruleBreak ? `in ${v.ruleBreak}` : 'never'} when the model plays you (same seed).`),
      ) : null,
      h('table', { class: 'data-table play-table' },
        h('caption', {}, 'Month by month: your choice, the model\'s choice with its reasons, and what history records.'),
        h('thead', {}, h('tr', {}, ['Month', 'You', 'The model', 'Why the model', 'History'].map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, g.decisions.map((d) => h('tr', { class: d.chosen === d.rule ? 'same' : '' },
          h('th', { scope: 'row' }, d.date),
          h('td', {}, choiceLabel(d.chosen ?? 'none')),
          h('td', {}, choiceLabel(d.rule), d.rule === 'none' ? h('div', { class: 'muted' }, `(its latent pointed to ${d.proposed}, but it took no act this month)`) : null),
          h('td', {}, `margin ${fmt(d.margin)}, latent ${fmt(d.latent)}; `, d.reasons.map((r) => `${r.mechanism} ${r.contribution > 0 ? '+' : ''}${fmt(r.contribution)}`).join(', ')),
          h('td', {}, d.history.length ? h('ul', {}, d.history.map((x) => h('li', {}, `${x.date} ${x.description} (reads as ${x.nearest})`))) : h('span', { class: 'muted' }, 'no recorded act')),
        ))),
      ),
      h('p', {}, `Status of the alliance through the window: ${spans(g.status).join('; ')}.`),
      h('div', { class: 'toolbar' },
        h('button', { type: 'button', onclick: () => void advance([]) }, 'Play again'),
        h('button', { type: 'button', onclick: () => void advance(choices.slice(0, -1)) }, 'Undo last choice'),
        h('button', { type: 'button', onclick: () => { game = null; app.setCf({ play: '' }); drawRoles(); } }, 'Choose another role'),
      ),
    );
  }

  function draw(): void {
    if (!game) drawRoles();
    else if (game.next < game.decisions.length) drawDecision(game);
    else drawEnd(game);
  }

  return {
    id: 'play',
    label: 'Play',
    mount(el, a) {
      app = a;
      game = null;
      choices = [];
      body = h('div', { class: 'play', 'aria-live': 'polite' });
      replace(el, h('h2', {}, 'Play a leader'), body);
      // A link may carry a game: `role:choice.choice…`; anything not on the menu is dropped.
      const [saved, list] = app.cf.play.split(':');
      if (saved && app.scenario.playRoles.some((r) => r.id === saved && r.available)) {
        role = saved;
        void advance((list ?? '').split('.').filter((c): c is Choice => (CHOICES as string[]).includes(c)));
      } else drawRoles();
    },
  };
}

/** Months of equal status run together: `1958-01 to 1959-06 strained`. */
function spans(status: { date: string; status: string }[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < status.length) {
    let j = i;
    while (j + 1 < status.length && status[j + 1].status === status[i].status) j++;
    out.push(`${status[i].date}${j > i ? ` to ${status[j].date}` : ''} ${status[i].status}`);
    i = j + 1;
  }
  return out;
}
