// Checks what a schema cannot: that every id a scenario uses resolves, ids are unique and dates fall in the period.
import { ACT_KINDS, ALLY_ACT_KINDS } from '../engine/acts.js';
import { MECHANISMS, RULES } from '../engine/parameters.js';
import { monthIndex } from '../time/month.js';
import type { Scenario } from './schema.js';

/** A cross-reference problem with the path to the offending value. */
export interface ReferenceProblem {
  path: (string | number)[];
  code: string;
  message: string;
}

/** Lists every unresolved reference, duplicate id and out-of-period date in a schema-valid scenario. */
export function checkReferences(s: Scenario): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const add = (path: (string | number)[], code: string, message: string) => problems.push({ path, code, message });

  const ids = (items: { id: string }[], where: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) add([where, i, 'id'], 'ref.duplicate', `duplicate id "${item.id}" in ${where}`);
      seen.add(item.id);
    });
    return seen;
  };
  const sources = ids(s.sources, 'sources');
  const actors = ids(s.actors, 'actors');
  const issues = ids(s.issues, 'issues');
  const alliances = ids(s.alliances, 'alliances');
  ids(s.events, 'events');
  ids(s.explanations, 'explanations');
  ids(s.roles ?? [], 'roles');

  const start = monthIndex(s.meta.period.start);
  const end = monthIndex(s.meta.period.end);
  if (end < start) add(['meta', 'period', 'end'], 'ref.period', 'the period ends before it starts');

  const cite = (refs: string[], path: (string | number)[]) =>
    refs.forEach((r, i) => {
      if (!sources.has(r)) add([...path, i], 'ref.source', `source "${r}" is not in the bibliography (sources)`);
    });
  const actor = (id: string | undefined, path: (string | number)[]) => {
    if (id !== undefined && !actors.has(id)) add(path, 'ref.actor', `unknown actor "${id}"`);
  };
  const issue = (id: string, path: (string | number)[]) => {
    if (!issues.has(id)) add(path, 'ref.issue', `unknown issue "${id}"`);
  };
  const inPeriod = (date: string, path: (string | number)[]) => {
    const m = monthIndex(date);
    if (m < start || m > end) add(path, 'ref.date', `${date} is outside the period ${s.meta.period.start} to ${s.meta.period.end}`);
  };

  s.actors.forEach((a, i) => {
    cite(a.capability.sources, ['actors', i, 'capability', 'sources']);
    if (a.capability.military) cite(a.capability.military.sources, ['actors', i, 'capability', 'military', 'sources']);
    const leaders = ids(a.leaders, `actors[${i}].leaders`);
    void leaders;
    a.leaders.forEach((l, j) => cite(l.sources, ['actors', i, 'leaders', j, 'sources']));
  });
  const leadersOf = new Map(s.actors.map((a) => [a.id, new Set(a.leaders.map((l) => l.id))]));

  s.issues.forEach((iss, i) => {
    cite(iss.statusQuo.sources, ['issues', i, 'statusQuo', 'sources']);
    if (iss.outcome) cite(iss.outcome.sources, ['issues', i, 'outcome', 'sources']);
    iss.positions.forEach((p, j) => {
      actor(p.actor, ['issues', i, 'positions', j, 'actor']);
      cite(p.sources, ['issues', i, 'positions', j, 'sources']);
    });
  });

  s.alliances.forEach((al, i) => {
    al.members.forEach((m, j) => actor(m, ['alliances', i, 'members', j]));
    if (al.members[0] === al.members[1]) add(['alliances', i, 'members'], 'ref.alliance', 'an alliance needs two different members');
    cite(al.sources, ['alliances', i, 'sources']);
    const statuses = al.statuses ?? [];
    statuses.forEach((st, j) => {
      inPeriod(st.from, ['alliances', i, 'statuses', j, 'from']);
      if (j > 0 && monthIndex(st.from) <= monthIndex(statuses[j - 1].from)) add(['alliances', i, 'statuses', j, 'from'], 'ref.date', 'declared statuses are listed in date order, one per month at most');
      cite(st.sources, ['alliances', i, 'statuses', j, 'sources']);
    });
    (al.stakes ?? []).forEach((st, j) => {
      if (!al.members.includes(st.member)) add(['alliances', i, 'stakes', j, 'member'], 'ref.alliance', `"${st.member}" is not a member of ${al.id}`);
      cite(st.sources, ['alliances', i, 'stakes', j, 'sources']);
    });
  });

  s.rivalries.forEach((r, i) => {
    r.between.forEach((a, j) => actor(a, ['rivalries', i, 'between', j]));
    if (r.between[0] === r.between[1]) add(['rivalries', i, 'between'], 'ref.actor', 'a rivalry needs two different actors');
    if (r.to !== undefined && monthIndex(r.to) < monthIndex(r.from)) add(['rivalries', i, 'to'], 'ref.date', 'the rivalry ends before it starts');
    cite(r.sources, ['rivalries', i, 'sources']);
  });

  s.relations.forEach((r, i) => {
    actor(r.from, ['relations', i, 'from']);
    actor(r.to, ['relations', i, 'to']);
  });

  s.events.forEach((e, i) => {
    const at = ['events', i];
    actor(e.from, [...at, 'from']);
    actor(e.to, [...at, 'to']);
    if (e.to === e.from) add([...at, 'to'], 'ref.actor', 'an act needs a target other than its actor');
    inPeriod(e.date, [...at, 'date']);
    if (e.end !== undefined && monthIndex(e.end) < monthIndex(e.date)) add([...at, 'end'], 'ref.date', 'the event ends before it starts');
    e.issues.forEach((id, j) => issue(id, [...at, 'issues', j]));
    cite(e.sources, [...at, 'sources']);
    e.effects.forEach((f, j) => {
      const fp = [...at, 'effects', j];
      for (const key of ['actor', 'from', 'to', 'by'] as const) {
        const v = (f as Record<string, unknown>)[key];
        if (typeof v === 'string') actor(v, [...fp, key]);
      }
      if ('issue' in f) issue(f.issue, [...fp, 'issue']);
      if ((f.type === 'position' || f.type === 'salience' || f.type === 'hierarchy') && (f.to === undefined) === (f.by === undefined)) {
        add(fp, 'ref.effect', `a ${f.type} effect gives exactly one of "to" or "by"`);
      }
      if (f.type === 'leader' && actors.has(f.actor) && !leadersOf.get(f.actor)?.has(f.leader)) {
        add([...fp, 'leader'], 'ref.leader', `"${f.leader}" is not a leader of ${f.actor}`);
      }
      if (f.type === 'hierarchy' && !alliances.has(f.alliance)) add([...fp, 'alliance'], 'ref.alliance', `unknown alliance "${f.alliance}"`);
    });
  });

  const training = s.meta.training;
  if (training) {
    if (monthIndex(training.end) < monthIndex(training.start)) add(['meta', 'training', 'end'], 'ref.training', 'the training window ends before it starts');
    inPeriod(training.start, ['meta', 'training', 'start']);
    inPeriod(training.end, ['meta', 'training', 'end']);
  }
  s.turningPoints.forEach((t, i) => {
    t.simulated.acts.forEach((a, j) => {
      if (!(ACT_KINDS as readonly string[]).includes(a)) add(['turningPoints', i, 'simulated', 'acts', j], 'ref.act', `unknown act kind "${a}" (known: ${ACT_KINDS.join(', ')})`);
    });
  });
  ids(s.turningPoints, 'turningPoints');
  s.initial.forEach((f, i) => {
    actor(f.from, ['initial', i, 'from']);
    actor(f.to, ['initial', i, 'to']);
    if (f.from === f.to) add(['initial', i, 'to'], 'ref.actor', `${f.type} flows between two different actors`);
    cite(f.sources, ['initial', i, 'sources']);
  });

  for (const [name, setting] of Object.entries(s.mechanisms)) {
    const spec = Object.hasOwn(MECHANISMS, name) ? MECHANISMS[name] : undefined;
    if (!spec) {
      add(['mechanisms', name], 'ref.mechanism', `unknown mechanism "${name}" (known: ${Object.keys(MECHANISMS).join(', ')})`);
      continue;
    }
    for (const param of Object.keys(setting.params)) {
      if (!Object.hasOwn(spec.params, param)) add(['mechanisms', name, 'params', param], 'ref.parameter', `unknown parameter "${param}" of ${name} (known: ${Object.keys(spec.params).join(', ')})`);
    }
  }
  for (const param of Object.keys(s.rules)) {
    if (!Object.hasOwn(RULES, param)) add(['rules', param], 'ref.parameter', `unknown rule parameter "${param}" (known: ${Object.keys(RULES).join(', ')})`);
  }
  s.explanations.forEach((x, i) => {
    x.mechanisms.forEach((m, j) => {
      if (!Object.hasOwn(MECHANISMS, m)) add(['explanations', i, 'mechanisms', j], 'ref.mechanism', `unknown mechanism "${m}"`);
    });
    cite(x.sources, ['explanations', i, 'sources']);
  });
  const choices = new Set<string>([...ALLY_ACT_KINDS, 'none']);
  (s.roles ?? []).forEach((r, i) => {
    actor(r.actor, ['roles', i, 'actor']);
    if (actors.has(r.actor) && !s.alliances.some((al) => al.members.includes(r.actor))) add(['roles', i, 'actor'], 'ref.role', `${r.actor} is in no alliance of the scenario`);
    inPeriod(r.from, ['roles', i, 'from']);
    inPeriod(r.to, ['roles', i, 'to']);
    if (monthIndex(r.to) < monthIndex(r.from)) add(['roles', i, 'to'], 'ref.date', 'the window ends before it starts');
    r.choices?.forEach((c, j) => {
      if (!choices.has(c)) add(['roles', i, 'choices', j], 'ref.choice', `unknown choice "${c}" (known: ${[...choices].join(', ')})`);
    });
    cite(r.sources, ['roles', i, 'sources']);
  });
  return problems;
}
