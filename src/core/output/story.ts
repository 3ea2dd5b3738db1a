// story.md: a plain account of each change of an alliance's status, what moved the value and after which events.
import { MECHANISM_IDS, MECHANISMS } from '../engine/parameters.js';
import type { StatusReason } from '../engine/run.js';
import type { RunResult } from '../engine/simulate.js';
import { monthLabel } from '../time/month.js';
import { describeLog, type DescribedEntry } from './event-log.js';
import { formatNumber } from './number.js';

/** How many months before a change the story looks back for the mechanisms that moved and the events that came first. */
export const LOOKBACK = { mechanisms: 12, events: 6 };

/** Writes the story of a run as Markdown. */
export function storyMarkdown(r: RunResult, described: DescribedEntry[] = describeLog(r)): string {
  const { model } = r;
  const s = model.scenario;
  const ids = model.actorIds;
  const name = (i: number) => s.actors[i].name;
  const lines: string[] = [];
  const mode = model.mode === 'predict' ? 'prediction from drivers only (record events not used)' : 'replay: drivers and the record applied (annotated retelling, not a prediction)';
  lines.push(`# ${s.meta.title}: the story of one run`, '');
  lines.push(`Mode: ${mode}. Seed ${r.seed}, run ${r.runIndex}. Period ${monthLabel(model.start)} to ${monthLabel(model.start + model.months - 1)}.`);
  if (model.without.length) lines.push(`Events left out: ${model.without.join(', ')}.`);
  const off = MECHANISM_IDS.filter((m) => !model.params.enabled[m]);
  if (off.length) lines.push(`Mechanisms switched off: ${off.join(', ')}.`);
  lines.push('');
  const cited = new Set<string>();

  model.alliances.forEach((al, a) => {
    lines.push(`## ${s.alliances[a].name} (${ids[al.a]}–${ids[al.b]})`, '');
    lines.push(`${monthLabel(model.start)}: the pair starts **${r.summary.initial[a]}**.`, '');
    const changes = r.summary.changes.filter((c) => c.alliance === a);
    if (changes.length === 0) lines.push('The status never changes in this run.', '');
    for (const c of changes) {
      lines.push(`### ${monthLabel(model.start + c.month)}: ${c.from} → ${c.to}`, '', `Why: ${REASONS[c.reason](c.to)}.`, '');
      for (const side of [0, 1]) {
        const i = side === 0 ? al.a : al.b;
        lines.push(memberParagraph(r, a, side, c.month, name(i)));
      }
      lines.push('');
      const before = described.filter(
        (d) => d.month <= c.month && d.month > c.month - LOOKBACK.events && involves(d, ids[al.a], ids[al.b]),
      );
      if (before.length) {
        lines.push(`Events in the ${LOOKBACK.events} months before:`);
        for (const d of before) {
          d.sources.forEach((x) => cited.add(x));
          const src = d.origin === 'simulated' ? 'the model\'s own act' : `sources: ${d.sources.join(', ')}`;
          lines.push(`- ${d.date} ${d.id} (${d.origin}) ${d.from}${d.to ? `→${d.to}` : ''}: ${d.description} [${src}]`);
        }
      } else lines.push(`No event touched the pair in the ${LOOKBACK.events} months before.`);
      lines.push('');
    }
    const first = r.summary.firstBreak[a];
    lines.push(first >= 0 ? `First month broken or hostile: ${monthLabel(model.start + first)}.` : 'The alliance never breaks in this run.', '');
  });

  const bib = s.sources.filter((x) => cited.has(x.id));
  if (bib.length) {
    lines.push('## Sources cited above', '');
    for (const x of bib) lines.push(`- **${x.id}**: ${x.author}, *${x.title}* (${x.year})${x.archive ? `, ${x.archive}` : ''}.`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

const REASONS: Record<StatusReason, (to: string) => string> = {
  force: () => 'a use of force between the members within the last year (the force memory)',
  relations: () => 'both directed relations have sunk to the hostile threshold',
  defection: () => 'a member broke relations, which keeps the alliance broken for the defection memory',
  margin: (to) =>
    to === 'allied' ? 'both members\' smoothed margins are back above the strained threshold' : `the lower of the two members' smoothed margins over their outside options sets the status ${to}`,
};

function involves(d: DescribedEntry, a: string, b: string): boolean {
  return d.from === a || d.from === b || d.to === a || d.to === b;
}

/** One member's value at the change, its trend and the mechanisms that moved it most over the look-back window. */
function memberParagraph(r: RunResult, alliance: number, side: number, t: number, who: string): string {
  const T = r.model.months;
  const M = MECHANISM_IDS.length;
  const slot = alliance * 2 + side;
  const t0 = Math.max(0, t - LOOKBACK.mechanisms);
  const at = (u: number) => slot * T + u;
  const moves = MECHANISM_IDS.map((m, k) => ({ m, delta: r.contrib[at(t) * M + k] - r.contrib[at(t0) * M + k] }))
    .filter((x) => Math.abs(x.delta) >= 0.0005)
    .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || (x.m < y.m ? -1 : 1))
    .slice(0, 3)
    .map((x) => `${MECHANISMS[x.m].title.toLowerCase()} ${x.delta > 0 ? '+' : ''}${formatNumber(round3(x.delta))}`);
  const f = (x: number) => formatNumber(round3(x));
  return (
    `- ${who}: alliance value ${f(r.value[at(t)])} against an outside option of ${f(r.outside[at(t)])} ` +
    `(margin ${f(r.margin[at(t)])}; ${LOOKBACK.mechanisms} months earlier ${f(r.margin[at(t0)])}). ` +
    (moves.length ? `Largest moves since ${monthLabel(r.model.start + t0)}: ${moves.join('; ')}.` : 'No mechanism moved noticeably.')
  );
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

