// What the page is told about a loaded scenario: its actors, events with sources resolved, mechanisms, parameters and roles.
import { declaredStatuses } from '../../../core/analysis/record/history.js';
import { resolveRole, rolesOf } from '../../../core/analysis/views/play.js';
import { recordTurningPoints } from '../../../core/analysis/record/turning-points.js';
import { compile, resolveParameters } from '../../../core/engine/compile.js';
import { MECHANISM_IDS, MECHANISMS, RULES } from '../../../core/engine/parameters.js';
import type { Effect, Scenario } from '../../../core/scenario/schema.js';
import { monthIndex, monthLabel } from '../../../core/time/month.js';
import type { EventView, HistoryView, ScenarioView } from './protocol.js';

/** Builds the page's view of a checked scenario. */
export function scenarioView(id: string, s: Scenario): ScenarioView {
  const start = monthIndex(s.meta.period.start);
  const sources = new Map(s.sources.map((x) => [x.id, x]));
  const cite = (ref: string) => {
    const x = sources.get(ref);
    return x ? `${x.author}, ${x.title} (${x.year})${x.archive ? `, ${x.archive}` : ''}${x.url ? ` ${x.url}` : ''}` : ref;
  };
  const events: EventView[] = s.events
    .map((e) => ({
      id: e.id,
      date: e.date,
      end: e.end ?? '',
      month: monthIndex(e.date) - start,
      role: e.role,
      from: e.from,
      to: e.to ?? '',
      category: e.category,
      intensity: e.intensity,
      weis: e.weis ?? '',
      description: e.description,
      sources: e.sources.map(cite),
      effects: e.effects.map(describeEffect),
      note: e.note ?? '',
    }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const resolved = resolveParameters(s);
  const params = [
    ...MECHANISM_IDS.flatMap((m) =>
      Object.entries(MECHANISMS[m].params).map(([name, spec]) => ({ key: `${m}.${name}`, group: m, name, value: resolved.mechanisms[m][name], min: spec.min, max: spec.max, judgement: spec.judgement })),
    ),
    ...Object.entries(RULES).map(([name, spec]) => ({ key: `rules.${name}`, group: 'rules', name, value: resolved.rules[name], min: spec.min, max: spec.max, judgement: spec.judgement })),
  ];
  let model: ReturnType<typeof compile> | null = null;
  try {
    model = compile(s);
  } catch {
    model = null;
  }
  return {
    id,
    title: s.meta.title,
    description: s.meta.description ?? '',
    start: s.meta.period.start,
    end: s.meta.period.end,
    months: monthIndex(s.meta.period.end) - start + 1,
    seed: s.meta.seed,
    actors: s.actors.map((a) => ({ id: a.id, name: a.name, cow: a.cow ?? null })),
    alliances: s.alliances.map((a) => ({ id: a.id, name: a.name, a: a.members[0], b: a.members[1], history: historyOf(s, a, cite) })),
    events,
    mechanisms: MECHANISM_IDS.map((m) => ({ id: m, title: MECHANISMS[m].title, theory: MECHANISMS[m].theory, enabled: resolved.enabled[m] })),
    params,
    explanations: s.explanations.map((x) => ({ id: x.id, name: x.name, mechanisms: x.mechanisms, description: x.description })),
    triangle: triangleOf(s),
    playRoles: rolesOf(s).map((r) => {
      let available = false;
      try {
        available = model !== null && Boolean(resolveRole(model, r));
      } catch {
        available = false;
      }
      return { id: r.id, title: r.title, leader: r.leader, actor: r.actor, from: r.from, to: r.to, brief: r.brief, sources: r.sources.map(cite), questions: r.questions, available };
    }),
  };
}

/** What happened to an alliance: its declared statuses with their sources, and the record's turning points between its members. */
function historyOf(s: Scenario, al: Scenario['alliances'][number], cite: (ref: string) => string): HistoryView {
  const start = monthIndex(s.meta.period.start);
  const events = new Map(s.events.map((e) => [e.id, e]));
  const members = new Set(al.members);
  const sorted = [...(al.statuses ?? [])].sort((x, y) => monthIndex(x.from) - monthIndex(y.from));
  const end = monthIndex(s.meta.period.end);
  return {
    declared: declaredStatuses(s, al),
    periods: sorted.map((d, i) => ({
      from: d.from,
      to: i + 1 < sorted.length ? monthLabel(monthIndex(sorted[i + 1].from) - 1) : monthLabel(end),
      status: d.status,
      judgement: d.judgement,
      sources: d.sources.map(cite),
    })),
    turningPoints: recordTurningPoints(s)
      .filter((p) => p.month !== null && p.event !== null && members.has(p.from ?? '') && members.has(p.to ?? ''))
      .map((p) => {
        const e = events.get(p.event as string);
        return { label: p.label, date: monthLabel(p.month as number), month: (p.month as number) - start, event: p.event as string, description: e?.description ?? '', sources: (e?.sources ?? []).map(cite) };
      }),
  };
}

/**
 * The strategic triangle: the first alliance's two members and the third power, the strongest (by mean capability) of the
 * other actors that act toward an ally or are acted on by one in the scenario's events (any other actor when none does).
 */
export function triangleOf(s: Scenario): [string, string, string] | null {
  const al = s.alliances[0];
  if (!al) return null;
  const others = s.actors.filter((a) => !al.members.includes(a.id));
  const engaged = others.filter((a) => s.events.some((e) => (e.from === a.id && e.to !== undefined && al.members.includes(e.to)) || (e.to === a.id && al.members.includes(e.from))));
  const mean = (a: (typeof others)[number]) => {
    const v = Object.values(a.capability.series);
    return v.reduce((x, y) => x + y, 0) / Math.max(1, v.length);
  };
  const pool = engaged.length > 0 ? engaged : others;
  const third = pool.reduce<(typeof others)[number] | undefined>((best, a) => (best === undefined || mean(a) > mean(best) ? a : best), undefined);
  return third ? [third.id, al.members[0], al.members[1]] : null;
}

/** An effect in a few words, e.g. `threat USA→PRC 0.8`. */
export function describeEffect(f: Effect): string {
  switch (f.type) {
    case 'capability': return `capability of ${f.actor} ×${f.factor}`;
    case 'aid': case 'threat': case 'inducement': return `${f.type} ${f.from}→${f.to} ${f.level}`;
    case 'relation': return `relation ${f.from}→${f.to} ${f.delta > 0 ? '+' : ''}${f.delta}`;
    case 'position': case 'salience':
      return `${f.type} of ${f.actor} on ${f.issue} ${f.to !== undefined ? `to ${f.to}` : `by ${f.by ?? 0}`}`;
    case 'concession': return `${f.by} concedes ${f.issue} to ${f.to}`;
    case 'leader': return `${f.actor} leader becomes ${f.leader}`;
    case 'hierarchy': return `hierarchy of ${f.alliance} ${f.to !== undefined ? `to ${f.to}` : `by ${f.by ?? 0}`}`;
  }
}
