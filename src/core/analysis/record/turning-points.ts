// The record's turning points, located from the events by stated rules (never by hand), and their simulated counterparts.
import type { ActKind } from '../../engine/acts.js';
import type { Scenario, ScenarioEvent } from '../../scenario/schema.js';
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
  simulated: { acts: ActKind[]; count: number; within: number };
}

/** The default rules, general enough for any alliance scenario that tags its events with issues and categories. */
export const TURNING_POINT_RULES: TurningPointRule[] = [
  {
    id: 'nuclear-help-withdrawn',
    label: 'nuclear help withdrawn',
    record: { weis: ['193'], about: ['NUC', 'nuclear'] },
    simulated: { acts: ['withhold'], count: 1, within: 1 },
  },
  {
    id: 'experts-recalled',
    label: 'aid and experts withdrawn',
    record: { weis: ['193'], about: ['AID', 'aid'] },
    simulated: { acts: ['withhold'], count: 1, within: 1 },
  },
  {
    id: 'open-polemic',
    label: 'open polemic',
    record: { category: ['polemic'], maxIntensity: -5 },
    simulated: { acts: ['criticise'], count: 3, within: 12 },
  },
  {
    id: 'party-ties-cut',
    label: 'party ties cut',
    record: { weis: ['190', '195'], about: ['IDEO', 'ideological'] },
    simulated: { acts: ['reduce', 'defect'], count: 1, within: 1 },
  },
  {
    id: 'armed-clash',
    label: 'armed clash',
    record: { category: ['border-clash'], weis: ['223'] },
    simulated: { acts: ['force'], count: 1, within: 1 },
  },
];

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
 * `category` and `weis` (as armed-clash does) matches either: an armed clash is coded by category or as WEIS 223, military
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
export function recordTurningPoints(scenario: Scenario, rules: TurningPointRule[] = TURNING_POINT_RULES): RecordTurningPoint[] {
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
