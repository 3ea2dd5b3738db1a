// Compiles a checked scenario into a Model: indices for ids, monthly schedules, resolved parameters.
import type { Effect, ParamSetting, Scenario } from '../scenario/schema.js';
import { monthIndex } from '../time/month.js';
import {
  actKindOfWeis,
  type BaselineChange,
  DIMENSION,
  isInput,
  OP,
  type CompiledEffect,
  type CompiledEvent,
  type Model,
  type ResolvedParameters,
  type RunMode,
  type ScheduledPosition,
} from './model.js';
import { MECHANISM_IDS, MECHANISMS, RULES } from './parameters.js';
import { replayCodes } from './replay-codes.js';

/** How a run departs from the scenario as written: mode, horizon, switched mechanisms, parameter overrides, removed events. */
export interface CompileOptions {
  mode?: RunMode;
  /** Last month to simulate, `YYYY-MM` or `YYYY-MM-DD`; defaults to the period's end. */
  until?: string;
  /** Mechanisms to switch on or off, by id. */
  mechanisms?: Record<string, boolean>;
  /** Parameter overrides as `mechanism.param` or `rules.param`. */
  params?: Record<string, number>;
  /** Ids of scenario events to leave out. */
  without?: string[];
}

/**
 * Turns a scenario into a Model; in predict mode record events are skipped after reading only their role.
 * @example const model = compile(scenario, { mode: 'predict' });
 */
export function compile(scenario: Scenario, options: CompileOptions = {}): Model {
  const mode = options.mode ?? 'predict';
  const start = monthIndex(scenario.meta.period.start);
  const periodEnd = monthIndex(scenario.meta.period.end);
  const end = options.until ? Math.min(periodEnd, monthIndex(options.until)) : periodEnd;
  if (end < start) throw new RangeError(`--until ${options.until} is before the period starts`);
  // A stop after the period's end would silently run the whole period: say so instead.
  if (options.until && monthIndex(options.until) > periodEnd) throw new RangeError(`--until ${options.until} is after the period ends (${scenario.meta.period.end})`);
  const months = end - start + 1;

  const actorIds = scenario.actors.map((a) => a.id);
  const n = actorIds.length;
  const actor = indexer(actorIds, 'actor');
  const issueIds = scenario.issues.map((i) => i.id);
  const issue = indexer(issueIds, 'issue');
  const allianceIds = scenario.alliances.map((a) => a.id);
  const alliance = indexer(allianceIds, 'alliance');

  const capability = new Float64Array(n * months);
  scenario.actors.forEach((a, i) => fillCapability(capability, i * months, a.capability.series, start, months));

  const relation0 = new Float64Array(n * n);
  const relationBase = new Float64Array(n * n);
  for (const r of scenario.relations) {
    relation0[actor(r.from) * n + actor(r.to)] = r.initial;
    relationBase[actor(r.from) * n + actor(r.to)] = r.baseline ?? 0;
  }

  const { changes: baselineChanges, starts: baselineStart } = rivalrySchedule(scenario, actor, relationBase, start, months);

  const dimension = Uint8Array.from(scenario.issues.map((i) => DIMENSION[i.dimension]));
  const issuesOf = Object.values(DIMENSION).map((d) => Int32Array.from([...dimension.keys()].filter((k) => dimension[k] === d)));
  const statusQuo = Float64Array.from(scenario.issues.map((i) => i.statusQuo.value));

  const positions: ScheduledPosition[] = [];
  scenario.issues.forEach((iss, k) =>
    iss.positions.forEach((p) =>
      positions.push({ month: Math.max(start, monthIndex(p.from)) - start, actor: actor(p.actor), issue: k, position: p.position, salience: p.salience }),
    ),
  );
  positions.sort((x, y) => x.month - y.month);
  const positionStart = bucketStarts(positions.map((p) => p.month), months);

  const without = new Set(options.without ?? []);
  const leaderIndex = (actorId: string, leaderId: string) =>
    scenario.actors[actor(actorId)].leaders.findIndex((l) => l.id === leaderId);
  const events: CompiledEvent[] = [];
  const codes = replayCodes(scenario);
  const eventMonths: number[] = [];
  scenario.events.forEach((e, index) => {
    if (!isInput(e, mode)) return;
    if (without.has(e.id)) return;
    const m = monthIndex(e.date) - start;
    if (m < 0 || m >= months) return;
    events.push({
      index,
      from: actor(e.from),
      to: e.to === undefined ? -1 : actor(e.to),
      joint: e.joint,
      intensity: e.intensity,
      kind: actKindOfWeis(e.weis, codes),
      effects: e.effects.map((f) => compileEffect(f, actor, issue, alliance, leaderIndex)),
    });
    eventMonths.push(m);
  });
  const order = eventMonths.map((m, i) => i).sort((x, y) => eventMonths[x] - eventMonths[y] || x - y);
  const sortedEvents = order.map((i) => events[i]);
  const eventStart = bucketStarts(order.map((i) => eventMonths[i]), months);

  const params = resolveParameters(scenario, options);
  const M = MECHANISM_IDS.length;
  const weights = new Float64Array(n * M);
  scenario.actors.forEach((a, i) => {
    const w = a.interests;
    const total = w.security + w.economy + w.standing + w.autonomy + w.ideology + w.bargaining || 1;
    MECHANISM_IDS.forEach((m, j) => {
      const interest = MECHANISMS[m].interest ?? m;
      const raw =
        m === 'personality' ? total * params.mechanisms.personality.weight
        : interest === 'none' ? total
        : Number((w as unknown as Record<string, number>)[interest] ?? 0);
      weights[i * M + j] = raw / total;
    });
  });

  const initialLeader = Int32Array.from(
    scenario.actors.map((a) => {
      let best = -1;
      a.leaders.forEach((l, j) => {
        if (monthIndex(l.from) <= start && (best < 0 || monthIndex(l.from) >= monthIndex(a.leaders[best].from))) best = j;
      });
      return best < 0 && a.leaders.length > 0 ? 0 : best;
    }),
  );

  return {
    scenario,
    mode,
    start,
    months,
    actorIds,
    issueIds,
    dimension,
    issuesOf,
    capability,
    relation0,
    aid0: flowsOf(scenario, 'aid', actor),
    inducement0: flowsOf(scenario, 'inducement', actor),
    relationBase,
    baselineChanges,
    baselineStart,
    stakes: stakesOf(scenario, actor),
    militaryShare: militaryShares(scenario, actor, start, months),
    statusQuo,
    positions,
    positionStart,
    events: sortedEvents,
    eventStart,
    alliances: scenario.alliances.map((a) => ({
      id: a.id,
      a: actor(a.members[0]),
      b: actor(a.members[1]),
      hierarchy: a.hierarchy?.value ?? 0.5,
      // The alliance exists from the month of its signature to the month of its end (or as `inForce` states), clipped to the run.
      ...inForceMonths(a.inForce?.from ?? a.signed, a.inForce ? a.inForce.to : a.ended, start, months),
    })),
    weights,
    outsideBase: Float64Array.from(scenario.actors.map((a) => a.outsideOption?.base ?? params.rules.outsideBase)),
    leaders: scenario.actors.map((a) => ({ ids: a.leaders.map((l) => l.id), traits: a.leaders.map((l) => l.traits) })),
    initialLeader,
    params,
    without: [...without].sort(),
  };
}

/** Resolves every parameter: engine default, then the scenario's setting, then the run's override. */
export function resolveParameters(scenario: Scenario, options: Pick<CompileOptions, 'mechanisms' | 'params'> = {}): ResolvedParameters {
  const value = (s: ParamSetting) => (typeof s === 'number' ? s : s.value);
  const mechanisms: Record<string, Record<string, number>> = {};
  const enabled: Record<string, boolean> = {};
  for (const id of MECHANISM_IDS) {
    const setting = scenario.mechanisms[id];
    mechanisms[id] = {};
    for (const [name, spec] of Object.entries(MECHANISMS[id].params)) {
      const s = setting?.params[name];
      mechanisms[id][name] = s === undefined ? spec.value : value(s);
    }
    enabled[id] = options.mechanisms?.[id] ?? setting?.enabled ?? true;
  }
  const rules: Record<string, number> = {};
  for (const [name, spec] of Object.entries(RULES)) {
    const s = scenario.rules[name];
    rules[name] = s === undefined ? spec.value : value(s);
  }
  for (const [key, v] of Object.entries(options.params ?? {})) {
    const [group, name] = key.split('.', 2);
    if (group === 'rules' && Object.hasOwn(RULES, name)) rules[name] = v;
    else if (Object.hasOwn(MECHANISMS, group) && Object.hasOwn(MECHANISMS[group].params, name)) mechanisms[group][name] = v;
    else throw new RangeError(`unknown parameter "${key}" (write mechanism.param or rules.param)`);
  }
  // Copies by spread: objects filled by computed keys stay in V8's slow dictionary mode, and the run loop reads these every month.
  const fast: Record<string, Record<string, number>> = {};
  for (const id of MECHANISM_IDS) fast[id] = { ...mechanisms[id] };
  return { mechanisms: { ...fast }, rules: { ...rules }, enabled };
}

function compileEffect(
  f: Effect,
  actor: (id: string) => number,
  issue: (id: string) => number,
  alliance: (id: string) => number,
  leaderIndex: (actorId: string, leaderId: string) => number,
): CompiledEffect {
  const e: CompiledEffect = { op: OP[f.type], a: -1, b: -1, k: -1, v: 0, rel: false };
  switch (f.type) {
    case 'capability': e.a = actor(f.actor); e.v = f.factor; break;
    case 'aid': case 'threat': case 'inducement': e.a = actor(f.from); e.b = actor(f.to); e.v = f.level; break;
    case 'relation': e.a = actor(f.from); e.b = actor(f.to); e.v = f.delta; e.rel = true; break;
    case 'position': case 'salience':
      e.a = actor(f.actor); e.k = issue(f.issue); e.rel = f.to === undefined; e.v = f.to ?? f.by ?? 0; break;
    case 'concession': e.a = actor(f.by); e.k = issue(f.issue); e.v = f.to; break;
    case 'leader': e.a = actor(f.actor); e.k = leaderIndex(f.actor, f.leader); break;
    case 'hierarchy': e.k = alliance(f.alliance); e.rel = f.to === undefined; e.v = f.to ?? f.by ?? 0; break;
  }
  return e;
}

function indexer(ids: string[], what: string): (id: string) => number {
  const map = new Map(ids.map((id, i) => [id, i]));
  return (id) => {
    const i = map.get(id);
    if (i === undefined) throw new RangeError(`unknown ${what} "${id}"`);
    return i;
  };
}

/** Start offsets of each month's bucket in a list sorted by month. */
function bucketStarts(sortedMonths: number[], months: number): Int32Array {
  const starts = new Int32Array(months + 1);
  let j = 0;
  for (let t = 0; t <= months; t++) {
    while (j < sortedMonths.length && sortedMonths[j] < t) j++;
    starts[t] = j;
  }
  return starts;
}

/** Monthly capability from a yearly series: linear between Januaries, held flat beyond the series' ends. */
function fillCapability(out: Float64Array, offset: number, series: Record<string, number>, start: number, months: number): void {
  const points = Object.entries(series)
    .map(([y, v]) => [Number(y) * 12, v] as const)
    .sort((a, b) => a[0] - b[0]);
  let j = 0;
  for (let t = 0; t < months; t++) {
    const m = start + t;
    while (j + 1 < points.length && points[j + 1][0] <= m) j++;
    const [m0, v0] = points[j];
    if (m <= m0 || j + 1 >= points.length) out[offset + t] = m < m0 ? points[0][1] : v0;
    else {
      const [m1, v1] = points[j + 1];
      out[offset + t] = v0 + ((v1 - v0) * (m - m0)) / (m1 - m0);
    }
  }
}

/**
 * The rivalries as changes of baselines: from a rivalry's first month both directed relations drift back to -level; after its
 * last month, back to the relation's own baseline. A rivalry under way at the start applies from month 0.
 */
function rivalrySchedule(
  scenario: Scenario, actor: (id: string) => number, relationBase: Float64Array, start: number, months: number,
): { changes: BaselineChange[]; starts: Int32Array } {
  const n = scenario.actors.length;
  const changes: BaselineChange[] = [];
  for (const r of scenario.rivalries) {
    const [x, y] = r.between.map(actor);
    const from = Math.max(0, monthIndex(r.from) - start);
    const to = r.to === undefined ? months : monthIndex(r.to) - start + 1;
    if (from >= months || to <= 0) continue;
    for (const d of [x * n + y, y * n + x]) {
      changes.push({ month: from, dyad: d, value: -r.level });
      if (to < months) changes.push({ month: to, dyad: d, value: relationBase[d] });
    }
  }
  changes.sort((p, q) => p.month - q.month);
  return { changes, starts: bucketStarts(changes.map((c) => c.month), months) };
}

/** Each member slot's stated stakes (position, denial, cohesion), 0 where none is stated. */
function stakesOf(scenario: Scenario, actor: (id: string) => number): Float64Array {
  const out = new Float64Array(scenario.alliances.length * 6);
  scenario.alliances.forEach((al, a) => {
    for (const st of al.stakes ?? []) {
      const side = actor(st.member) === actor(al.members[0]) ? 0 : 1;
      out.set([st.position, st.denial, st.cohesion], (a * 2 + side) * 3);
    }
  });
  return out;
}

/** Per alliance and month, member a's mean share of the pair's military spending and personnel, NaN where either is missing. */
function militaryShares(scenario: Scenario, actor: (id: string) => number, start: number, months: number): Float64Array {
  const out = new Float64Array(scenario.alliances.length * months).fill(Number.NaN);
  const series = (id: string, which: 'milex' | 'milper') => {
    const m = scenario.actors[actor(id)].capability.military;
    const x = new Float64Array(months).fill(Number.NaN);
    if (m) fillWithin(x, m[which], start, months);
    return x;
  };
  scenario.alliances.forEach((al, a) => {
    const [ea, eb, pa, pb] = [series(al.members[0], 'milex'), series(al.members[1], 'milex'), series(al.members[0], 'milper'), series(al.members[1], 'milper')];
    for (let t = 0; t < months; t++) {
      const ex = ea[t] / (ea[t] + eb[t]);
      const px = pa[t] / (pa[t] + pb[t]);
      out[a * months + t] = (ex + px) / 2;
    }
  });
  return out;
}

/** A yearly series made monthly, linear between Januaries, NaN before its first year and after its last. */
function fillWithin(out: Float64Array, series: Record<string, number>, start: number, months: number): void {
  const years = Object.keys(series).map(Number).sort((a, b) => a - b);
  if (years.length === 0) return;
  const first = years[0] * 12;
  const last = years[years.length - 1] * 12 + 11;
  const monthly = new Float64Array(months);
  fillCapability(monthly, 0, series, start, months);
  for (let t = 0; t < months; t++) if (start + t >= first && start + t <= last) out[t] = monthly[t];
}

/** The stated starting level of aid or inducement per directed dyad (the scenario's `initial`), 0 where none is stated. */
function flowsOf(scenario: Scenario, type: 'aid' | 'inducement', actor: (id: string) => number): Float64Array {
  const n = scenario.actors.length;
  const out = new Float64Array(n * n);
  for (const f of scenario.initial) if (f.type === type) out[actor(f.from) * n + actor(f.to)] = f.level;
  return out;
}

/** The first and last month (run offsets) of an alliance that exists from `from` to `to` (either open), clipped to the run. */
function inForceMonths(from: string | undefined, to: string | undefined, start: number, months: number): { from: number; to: number } {
  return {
    from: from === undefined ? 0 : Math.max(0, monthIndex(from) - start),
    to: to === undefined ? months - 1 : Math.min(months - 1, monthIndex(to) - start),
  };
}
