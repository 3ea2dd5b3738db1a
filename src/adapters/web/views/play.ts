// Play mode for classrooms: take one leader's decisions month by month while the model plays the others, then compare with history and the model.
import { CHOICES, type Choice, type DecisionPoint, type Outcome } from '../../../core/analysis/views/play.js';
import { ACTS } from '../../../core/engine/acts.js';
import type { App, View } from '../app.js';
import { fmt, h, replace } from '../dom.js';
import type { EventView, PlayView, RoleView } from '../worker/protocol.js';
import { modelNotice } from './model-notice.js';

/** What a choice is called on the buttons and in the tables. */
export function choiceLabel(c: Choice): string {
  if (c === 'none') return 'no act this month';
  const g = ACTS[c].goldstein;
  return `${ACTS[c].label} (${g > 0 ? 'friendly' : 'hostile'}, ${g > 0 ? '+' : '−'}${Math.abs(g)} of 10)`;
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
      h('p', { class: 'lede' }, 'Take one leader\'s place. Each month of the episode you choose what your state does toward its ally; the computer model plays everyone else. At the end your path is set beside what really happened and beside what the model itself would have chosen, with its reasons. The roles come from the scenario file (its "roles" section), so a teacher can add one.'),
      app.scenario.playRoles.length === 0 ? h('p', { class: 'muted' }, 'This scenario declares no roles to play. A teacher can add one in the editor: see the guide for teachers.') : null,
      h('div', { class: 'roles' }, app.scenario.playRoles.map((r, i) =>
        h('div', { class: 'role', 'data-role': r.id },
          h('h3', {}, r.title),
          h('p', { class: 'muted' }, `You lead: ${r.leader} (${r.actor}), ${r.from} to ${r.to}.`),
          h('p', {}, r.brief),
          h('details', {}, h('summary', {}, 'Sources of this briefing'), h('ul', {}, r.sources.map((x) => h('li', {}, x)))),
          r.available
            ? h('button', { type: 'button', class: 'primary', 'data-focus-first': i === 0 ? 'true' : null, onclick: () => { role = r.id; void advance([]); } }, `Play ${r.leader}`)
            : h('p', { class: 'muted' }, 'Cannot be played in this run (the actor is in no alliance, or the window is outside the period).'),
        ))),
    );
  }

  function situation(d: DecisionPoint): HTMLElement {
    return h('div', { class: 'situation' },
      h('p', {}, `In the model, the alliance is worth ${fmt(d.value)} to you, and going it alone (or with another partner) ${fmt(d.outside)}. The difference, your margin, is ${fmt(d.margin)}: ${d.margin >= 0 ? 'the alliance is still worth more than leaving it.' : 'leaving looks better than staying.'}`),
      h('p', {}, 'What weighs most in that value: ', d.reasons.map((r, i) => `${i ? '; ' : ''}${r.title.toLowerCase()} ${r.contribution > 0 ? '+' : ''}${fmt(r.contribution)}`).join('') || 'nothing yet.'),
      d.recent.length
        ? h('details', {}, h('summary', {}, 'In the model, the last three months'), h('ul', {}, d.recent.slice(-8).map((e) => h('li', {}, `${e.date} ${e.origin === 'simulated' ? '(the model) ' : `(${e.origin}) `}${e.description}`))))
        : h('p', { class: 'muted' }, 'In the model, nothing happened to you in the last three months.'),
    );
  }

  /** The scenario's events of that month that involve the player's state or its ally: what really happened. */
  function realEvents(g: PlayView, date: string): EventView[] {
    const who = new Set([g.actorId, g.partnerId]);
    // An event that spans months (a mission, a visit) belongs to every month it covers.
    return app.scenario.events.filter((e) => e.date.slice(0, 7) <= date && (e.end || e.date).slice(0, 7) >= date && (who.has(e.from) || who.has(e.to)));
  }

  function history(g: PlayView, date: string): HTMLElement {
    const events = realEvents(g, date);
    return h('section', { class: 'real-events', 'aria-label': `What really happened in ${date}` },
      h('h4', {}, `What really happened in ${date}`),
      events.length
        ? h('ul', {}, events.map((e) => h('li', {},
            `${e.date}${e.end ? ` to ${e.end}` : ''} ${e.from}${e.to ? ` → ${e.to}` : ''}: ${e.description} `,
            h('span', { class: 'muted' }, `(${e.role === 'record' ? 'an act of the allies, which the model has to find on its own' : 'an outside event, given to the model'}; sources: ${e.sources.join('; ')})`))))
        : h('p', { class: 'muted' }, 'The scenario records no event involving you or your ally this month.'),
    );
  }

  function drawDecision(g: PlayView): void {
    const d = g.decisions[g.next];
    replace(
      body,
      h('h3', {}, `${g.title}: you are ${g.actor} (${g.actorId})`),
      h('p', { class: 'muted' }, g.brief),
      h('p', { class: 'progress' }, `Decision ${g.next + 1} of ${g.decisions.length}: ${d.date}`),
      history(g, d.date),
      situation(d),
      h('fieldset', { class: 'choices' },
        h('legend', {}, `What does ${g.actorId} do toward ${g.partnerId} in ${d.date}?`),
        g.menu.map((c, i) => h('button', {
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
    const role: RoleView | undefined = app.scenario.playRoles.find((r) => r.id === g.roleId);
    const outcomeRow = (name: string, o: Outcome | null, cls: string) => h('tr', { class: cls },
      h('th', { scope: 'row' }, name),
      h('td', {}, o?.statusAtEnd ?? '—'),
      h('td', {}, o ? o.breakFromWindow ?? 'never' : '—'),
      h('td', {}, o ? `${o.monthsTogether} of ${o.months}` : '—'));
    replace(
      body,
      h('h3', {}, `${g.title}: how your path compares`),
      modelNotice(app),
      v ? h('div', { class: 'verdict', 'data-focus-first': 'true', tabindex: -1 },
        h('table', { class: 'data-table outcomes' },
          h('caption', {}, `The alliance from ${g.decisions[0]?.date ?? ''} on: your path, the model's own path (same seed), and what happened.`),
          h('thead', {}, h('tr', {}, ['', `Status when the window closes (${g.decisions[g.decisions.length - 1]?.date ?? ''})`, 'First broken from the window on', 'Months together (allied or strained) to the end'].map((x) => h('th', { scope: 'col' }, x)))),
          h('tbody', {},
            outcomeRow('Your path (in the model)', v.yours, 'yours'),
            outcomeRow('The model on its own', v.model, 'model'),
            outcomeRow('What happened', v.history, 'history'))),
        h('ul', {},
          h('li', {}, `Your margin when the window closes: ${fmt(v.yourMargin)}; the model's own: ${fmt(v.ruleMargin)} (above 0 means the alliance is worth more than leaving it).`),
          h('li', {}, `You chose as the model's rule would have in ${v.sameAsRule} of ${v.decisions} months.`),
          h('li', {}, v.historyMonths ? `In ${v.historyMonths} months the record shows an act of ${g.actorId} toward ${g.partnerId}; your choice went the same way (friendly or hostile) in ${v.sameDirectionAsHistory}.` : 'The record shows no act of yours toward your ally in this window.'),
          v.brokeBeforeWindow ? h('li', { class: 'warn' }, `In this run the model had already broken the alliance before your window opened (first in ${v.ruleBreak}), so the first break cannot tell paths apart; read the table above, from the window on. Try another seed in the header.`) : null,
        ),
      ) : null,
      role?.questions.length ? h('section', { class: 'questions' }, h('h4', {}, 'For discussion'), h('ol', {}, role.questions.map((q) => h('li', {}, q)))) : null,
      h('table', { class: 'data-table play-table' },
        h('caption', {}, 'Month by month: your choice, the model\'s choice with its reasons, and what history records.'),
        h('thead', {}, h('tr', {}, ['Month', 'You', 'The model', 'Why the model', 'History'].map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, g.decisions.map((d) => h('tr', { class: d.chosen === d.rule ? 'same' : '' },
          h('th', { scope: 'row' }, d.date),
          h('td', {}, choiceLabel(d.chosen ?? 'none')),
          h('td', {}, choiceLabel(d.rule), d.rule === 'none' ? h('div', { class: 'muted' }, `(it leaned toward "${d.proposed}" but stayed quiet this month: the model acts only in some months, by chance)`) : null),
          h('td', {}, `margin ${fmt(d.margin)} (${d.margin >= 0 ? 'worth staying' : 'leaving looks better'}), lean ${fmt(d.latent)} (above 0 friendly, below 0 hostile); `, d.reasons.map((r) => `${r.title.toLowerCase()} ${r.contribution > 0 ? '+' : ''}${fmt(r.contribution)}`).join(', ')),
          h('td', {}, d.history.length ? h('ul', {}, d.history.map((x) => h('li', {}, `${x.date} ${x.description} (reads as ${x.nearest})`))) : h('span', { class: 'muted' }, 'no recorded act')),
        ))),
      ),
      h('p', {}, `Status of the alliance in your run, through the window: ${spans(g.status).join('; ')}.`),
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
