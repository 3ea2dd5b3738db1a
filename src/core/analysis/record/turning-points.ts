// The record's turning points, located from the events by stated rules (never by hand), and their simulated counterparts.
import type { ActKind } from '../../engine/acts.js';
import { DEFAULT_REPLAY_CODES, replayCodes } from '../../engine/replay-codes.js';
import type { ReplayCodeTable, Scenario, ScenarioEvent } from '../../scenario/schema.js';
import { monthIndex } from '../../time/month.js';

/**
 * A turning point: which record event dates it, and which simulated acts date it in a run.
 * The record side may ask for WEIS codes (prefixes), a topic (an issue id or a category) and a ceiling on the judged
 * intensity; the engine's acts carry only a WEIS code, so the simulated side names act kinds and how many of them within
 * how many months make the turning point (a polemic is open when it is sustained, not at the first barb).
 */
export interface TurningPointRule {
  id: string;
  label: string;
  record: { weis?: string[]; about?: string[]; category?: string[]; maxIntensity?: number };
  simulated: { acts: ActKind[]; count: number; within: number; about?: string[] };
}

/**
 * The rules when a scenario declares none: the first defection and the first use of force between the allies, each by the
 * scenario's replay codes (so that the record side and the replay read a record event alike).
 */
export function defaultTurningPoints(codes: ReplayCodeTable = DEFAULT_REPLAY_CODES): TurningPointRule[] {
  return [
    { id: 'defection', label: 'first defection', record: { weis: codes.defection }, simulated: { acts: ['defect'], count: 1, within: 1 } },
    { id: 'armed-clash', label: 'armed clash', record: { category: ['border-clash'], weis: codes.force }, simulated: { acts: ['force'], count: 1, within: 1 } },
  ];
}

/** The scenario's declared turning points, or the default two when it declares none. */
export function turningPointRules(scenario: Pick<Scenario, 'turningPoints' | 'replay'>): TurningPointRule[] {
  if (scenario.turningPoints.length === 0) return defaultTurningPoints(replayCodes(scenario));
  return scenario.turningPoints.map((t) => ({ id: t.id, label: t.label, record: t.record, simulated: { ...t.simulated, acts: t.simulated.acts as ActKind[] } }));
}

/** A turning point as the record dates it: the month index, the event and the directed dyad, or month null when absent. */
export interface RecordTurningPoint {
  id: string;
  label: string;
  month: number | null;
  event: string | null;
  from: string | null;
  to: string | null;
}

/**
 * Whether a scenario event matches a rule's record side. Every condition given must hold; a rule that gives both
 * `category` and `weis` (as the default armed-clash does) matches either: an armed clash is coded by category or as WEIS 223, military
 * engagement (the engine's own act of force).
 */
export function matchesRecordRule(e: ScenarioEvent, rule: TurningPointRule['record']): boolean {
  const weisOk = rule.weis === undefined || (e.weis !== undefined && rule.weis.some((w) => e.weis!.startsWith(w)));
  const categoryOk = rule.category === undefined || rule.category.includes(e.category);
  const kindOk = rule.weis !== undefined && rule.category !== undefined ? weisOk || categoryOk : weisOk && categoryOk;
  const about = rule.about?.map((a) => a.toLowerCase());
  const aboutOk = about === undefined || about.includes(e.category) || e.issues.some((i) => about.includes(i.toLowerCase()));
  const intensityOk = rule.maxIntensity === undefined || e.intensity <= rule.maxIntensity;
  return kindOk && aboutOk && intensityOk;
}

/** Whether two actors are members of one of the scenario's alliances. */
export function isAlliancePair(scenario: Scenario, a: string, b: string): boolean {
  return scenario.alliances.some((al) => al.members.includes(a) && al.members.includes(b) && a !== b);
}

/**
 * Dates each rule by the first record event between alliance members that matches it (in date order, then file order).
 * @example recordTurningPoints(scenario).find((p) => p.id === 'armed-clash')?.month
 */
export function recordTurningPoints(scenario: Scenario, rules: TurningPointRule[] = turningPointRules(scenario)): RecordTurningPoint[] {
  const start = monthIndex(scenario.meta.period.start);
  const end = monthIndex(scenario.meta.period.end);
  const candidates = scenario.events
    .map((e, i) => ({ e, i, m: monthIndex(e.date) }))
    .filter(({ e, m }) => e.role === 'record' && e.to !== undefined && m >= start && m <= end && isAlliancePair(scenario, e.from, e.to))
    .sort((x, y) => x.e.date.localeCompare(y.e.date) || x.i - y.i);
  return rules.map((rule) => {
    const hit = candidates.find(({ e }) => matchesRecordRule(e, rule.record));
    return hit
      ? { id: rule.id, label: rule.label, month: hit.m, event: hit.e.id, from: hit.e.from, to: hit.e.to ?? null }
      : { id: rule.id, label: rule.label, month: null, event: null, from: null, to: null };
  });
}
