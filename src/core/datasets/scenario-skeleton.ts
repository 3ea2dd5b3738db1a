// Writes a scenario skeleton for any pair of states from the datasets: actors, capabilities, alliances, rivalries and
// the pair's militarized disputes with third states as candidate drivers, every judgement marked REVIEW for the author.
import type { Alliance, ScenarioInput, Source } from '../scenario/schema.js';
import {
  DATASET_SOURCES,
  dyadKey,
  pairTreaties,
  partialDayText,
  type DyadDispute,
  type Rivalry,
  type StateData,
  type StateSpell,
} from './state-data.js';

/** What `schism init` asks for: the two allies' COW codes and the period in whole years. */
export interface SkeletonRequest {
  allies: [number, number];
  firstYear: number;
  lastYear: number;
}

/** The marker every placeholder judgement carries, so that an author (and a search) finds what is still to decide. */
export const REVIEW = 'REVIEW:';

/** WEIS code of a side's highest hostility in a dispute: threat (173), display (182), use of force or war (223). */
const WEIS_OF_HOSTILITY: Record<number, string> = { 2: '173', 3: '182', 4: '223', 5: '223' };
/** Goldstein (1992) weights of those codes, as data/weis-goldstein gives them. */
const GOLDSTEIN: Record<string, number> = { '173': -7, '182': -7.6, '223': -10 };
/** A placeholder threat level per hostility level of the third state; a judgement the author reviews. */
const THREAT_OF_HOSTILITY: Record<number, number> = { 2: 0.3, 3: 0.5, 4: 0.7, 5: 0.9 };
/** A placeholder hostility for a rivalry: clearly hostile, short of war. */
const RIVALRY_LEVEL = 0.5;

/**
 * Builds the skeleton, or throws a RangeError naming what the data lack (a code that is no state in the period, no
 * capability year). Deterministic: the same data and request give the same scenario.
 * @example scenarioSkeleton(data, { allies: [2, 200], firstYear: 1945, lastYear: 1972 })
 */
export function scenarioSkeleton(data: StateData, request: SkeletonRequest): ScenarioInput {
  const { allies, firstYear, lastYear } = request;
  if (allies[0] === allies[1]) throw new RangeError('the two allies need two different COW codes');
  if (lastYear < firstYear) throw new RangeError(`the period ${firstYear}-${lastYear} ends before it starts`);
  const first = `${firstYear}-01-01`;
  const last = `${lastYear}-12-31`;
  const stateOf = (code: number) => stateIn(data.states ?? [], code, first, last);
  for (const code of allies) {
    if (!stateOf(code)) throw new RangeError(`COW code ${code} is not a state of the COW system in ${firstYear}-${lastYear}`);
  }

  // Third states: those in a militarized dispute with one ally, starting in the period, that the data can describe.
  const disputes = (data.disputes ?? [])
    .filter((d) => (allies.includes(d.ccode1) || allies.includes(d.ccode2)) && d.start.year >= firstYear && d.start.year <= lastYear);
  const codes = new Set<number>(allies);
  for (const d of disputes) for (const c of [d.ccode1, d.ccode2]) if (stateOf(c) && capabilitySeries(data, c, firstYear, lastYear)) codes.add(c);
  const ordered = [...allies, ...[...codes].filter((c) => !allies.includes(c)).sort((a, b) => a - b)];
  const ids = new Map(ordered.map((c) => [c, stateOf(c)!.abb]));

  const sources: Source[] = [DATASET_SOURCES.nmc, DATASET_SOURCES.states];
  const actors = ordered.map((c) => actorOf(stateOf(c)!, capabilitySeries(data, c, firstYear, lastYear) ?? { [String(firstYear)]: 0 }, allies.includes(c), militarySeries(data, c, firstYear, lastYear)));

  const [a, b] = allies.map((c) => ids.get(c)!);
  const alliance = allianceOf(data, allies, [a, b], firstYear, lastYear);
  if (alliance) sources.push(alliance.source);

  // Only rivalries that touch an ally: the others do not bear on the alliance's value.
  const rivalries = (data.rivalries ?? []).filter(
    (r) => ids.has(r.ccode1) && ids.has(r.ccode2) && (allies.includes(r.ccode1) || allies.includes(r.ccode2)) && r.start <= lastYear && r.end >= firstYear,
  );
  const rivalryEntries = rivalriesOf(rivalries, ids, firstYear, lastYear);
  for (const r of rivalryEntries) {
    const src = Object.values(DATASET_SOURCES).find((d) => d.id === r.sources[0])!;
    if (!sources.includes(src)) sources.push(src);
  }

  const events = disputes
    .filter((d) => ids.has(d.ccode1) && ids.has(d.ccode2))
    .map((d) => disputeEvent(d, ids, allies));
  if (events.length > 0) sources.push(DATASET_SOURCES.disputes);

  const description = [
    `A skeleton written by \`schism init\` from data: the COW codes ${allies.join(' and ')}, ${firstYear}-${lastYear}.`,
    `${REVIEW} every field marked REVIEW is a placeholder, not yet a judgement; replace it with one that says why, or remove it.`,
    'Add the allies\' own acts as record events and the outside shocks as drivers (see docs/writing-a-scenario.md).',
    alliance ? '' : `${REVIEW} ATOP and COW list no alliance of the pair in the period; add one if the alignment was informal, with its source.`,
  ].filter(Boolean).join(' ');

  return {
    schism: 1,
    meta: { title: `${actors[0].name} and ${actors[1].name}, ${firstYear}-${lastYear}`, description, period: { start: `${firstYear}-01`, end: `${lastYear}-12` }, seed: 1 },
    sources,
    actors,
    alliances: alliance ? [alliance.alliance] : [],
    rivalries: rivalryEntries,
    events,
  };
}

/** The COW state holding `code` at some time in [first, last], taking the spell that overlaps the period. */
function stateIn(states: StateSpell[], code: number, first: string, last: string): StateSpell | undefined {
  return states.find((s) => s.ccode === code && s.start <= last && s.end >= first);
}

/** One NMC component by year inside the period, leaving out COW's missing years; undefined when no year has one. */
function nmcSeries(data: StateData, code: number, firstYear: number, lastYear: number, pick: 'cinc' | 'milex' | 'milper'): Record<string, number> | undefined {
  const series: Record<string, number> = {};
  for (const r of data.capabilities ?? []) {
    const v = r[pick];
    if (r.ccode === code && r.year >= firstYear && r.year <= lastYear && v !== null) series[String(r.year)] = v;
  }
  return Object.keys(series).length > 0 ? series : undefined;
}

/** NMC CINC by year inside the period. */
const capabilitySeries = (data: StateData, code: number, firstYear: number, lastYear: number) => nmcSeries(data, code, firstYear, lastYear, 'cinc');

/** NMC military expenditure and personnel inside the period, when COW has both. */
function militarySeries(data: StateData, code: number, firstYear: number, lastYear: number) {
  const milex = nmcSeries(data, code, firstYear, lastYear, 'milex');
  const milper = nmcSeries(data, code, firstYear, lastYear, 'milper');
  return milex && milper ? { sources: [DATASET_SOURCES.nmc.id], note: `COW NMC v6 milex and milper of ccode ${code}, as COW gives them (missing years left out).`, milex, milper } : undefined;
}

function actorOf(state: StateSpell, series: Record<string, number>, ally: boolean, military: ReturnType<typeof militarySeries>): ScenarioInput['actors'][number] {
  const actor: ScenarioInput['actors'][number] = {
    id: state.abb,
    name: state.name,
    cow: state.ccode,
    capability: {
      sources: [DATASET_SOURCES.nmc.id],
      measure: 'cinc',
      note: `COW NMC v6 CINC of ccode ${state.ccode}, copied for every year of the period COW has (data/cow-nmc-v6/nmc-v6.csv).`,
      series,
      ...(military ? { military } : {}),
    },
    interests: {
      security: 1, economy: 1, standing: 1, autonomy: 1, ideology: 1, bargaining: 1,
      judgement: `${REVIEW} equal weights are a placeholder; weigh what ${state.name} sought ${ally ? 'from the alliance' : 'toward the allies'}, and say why.`,
    },
  };
  return actor;
}

/** The pair's alliance: ATOP treaties both signed that overlap the period (one alliance from the first to the last), else COW's years. */
function allianceOf(
  data: StateData,
  allies: [number, number],
  members: [string, string],
  firstYear: number,
  lastYear: number,
): { alliance: ScenarioInput['alliances'] extends (infer A)[] | undefined ? A : never; source: Source } | undefined {
  const [c1, c2] = allies;
  const overlapping = pairTreaties(data.treaties ?? [], c1, c2)
    .filter((t) => t.signed <= `${lastYear}-12-31` && (t.ended === '' || t.ended >= `${firstYear}-01-01`))
    .sort((x, y) => x.signed.localeCompare(y.signed) || x.atopid - y.atopid);
  const id = `${members[0]}-${members[1]}`;
  if (overlapping.length > 0) {
    const ended = overlapping.some((t) => t.ended === '') ? undefined : overlapping.map((t) => t.ended).sort().at(-1);
    const alliance: Alliance = {
      id,
      name: `${members[0]}-${members[1]} alliance`,
      members: [members[0], members[1]],
      treaty: overlapping.map((t) => `ATOP ${t.atopid} (${t.signed}..${t.ended || 'in force'}; ${t.pledges.join(', ') || 'no pledge coded'})`).join('; '),
      signed: overlapping[0].signed,
      ...(ended ? { ended } : {}),
      sources: [DATASET_SOURCES.atop.id],
    };
    return { alliance, source: DATASET_SOURCES.atop };
  }
  const spells = (data.allianceSpells ?? [])
    .filter((s) => s.source === 'cow-4.1' && dyadKey(s.ccode1, s.ccode2) === dyadKey(c1, c2) && s.first <= lastYear && s.last >= firstYear)
    .sort((x, y) => x.first - y.first);
  if (spells.length === 0) return undefined;
  const lastSpell = Math.max(...spells.map((s) => s.last));
  const alliance: Alliance = {
    id,
    name: `${members[0]}-${members[1]} alliance`,
    members: [members[0], members[1]],
    treaty: `COW Formal Alliances v4.1: ${spells.map((s) => `${s.first}-${s.last} ${s.pledges.join(', ')}`).join('; ')} (years only: ${REVIEW} date the treaty from a source)`,
    signed: `${spells[0].first}-01`,
    ...(lastSpell < lastYear ? { ended: `${lastSpell}-12` } : {}),
    sources: [DATASET_SOURCES.cowAlliances.id],
  };
  return { alliance, source: DATASET_SOURCES.cowAlliances };
}

/** The rivalries as the format's rivalries: one per dyad (Thompson & Dreyer first, else Thompson et al.), dated within the period. */
function rivalriesOf(rivalries: Rivalry[], ids: Map<number, string>, firstYear: number, lastYear: number): NonNullable<ScenarioInput['rivalries']> {
  // One list per dyad, so that the two lists' versions of one rivalry are not counted twice; its spells all kept.
  const chosen = new Map<string, string>();
  const out: NonNullable<ScenarioInput['rivalries']> = [];
  for (const r of [...rivalries].sort((x, y) => x.ccode1 - y.ccode1 || x.ccode2 - y.ccode2 || x.source.localeCompare(y.source) || x.start - y.start)) {
    const dyad = dyadKey(r.ccode1, r.ccode2);
    if ((chosen.get(dyad) ?? r.source) !== r.source) continue;
    chosen.set(dyad, r.source);
    const same = rivalries.filter((x) => dyadKey(x.ccode1, x.ccode2) === dyadKey(r.ccode1, r.ccode2)).map((x) => `${x.source} #${x.id} "${x.name}" ${x.start}-${x.end}`);
    out.push({
      between: [ids.get(r.ccode1)!, ids.get(r.ccode2)!],
      from: `${Math.max(r.start, firstYear)}-01`,
      ...(r.end < lastYear ? { to: `${r.end}-12` } : {}),
      level: RIVALRY_LEVEL,
      sources: [r.source === 'td2012' ? DATASET_SOURCES.td2012.id : DATASET_SOURCES.tss2021.id],
      judgement: `${REVIEW} a strategic rivalry (${same.join('; ')}); level ${RIVALRY_LEVEL} is a placeholder for a hostile relation short of war.`,
    });
  }
  return out;
}

/**
 * A dispute as a candidate event. The acting side is the one with the higher hostility (the third state on a tie). With a
 * third state it is a driver and the third state's hostility becomes a threat to the ally; between the allies it is a
 * record event (their own act). Intensity is the WEIS code's Goldstein weight until the author judges it.
 */
function disputeEvent(d: DyadDispute, ids: Map<number, string>, allies: [number, number]): NonNullable<ScenarioInput['events']>[number] {
  const between = allies.includes(d.ccode1) && allies.includes(d.ccode2);
  const oneIsAlly = allies.includes(d.ccode1);
  const third = between ? d.ccode2 : oneIsAlly ? d.ccode2 : d.ccode1;
  const ally = between ? d.ccode1 : oneIsAlly ? d.ccode1 : d.ccode2;
  const hostOf = (c: number) => (c === d.ccode1 ? d.hostility1 : d.hostility2);
  const actor = hostOf(ally) > hostOf(third) ? ally : third;
  const target = actor === ally ? third : ally;
  const weis = WEIS_OF_HOSTILITY[Math.max(2, hostOf(actor))];
  const threat = THREAT_OF_HOSTILITY[hostOf(third)];
  const effects = !between && threat !== undefined ? [{ type: 'threat' as const, from: ids.get(third)!, to: ids.get(ally)!, level: threat }] : [];
  const endKnown = d.end.year > 0 && partialDayText(d.end) >= partialDayText(d.start);
  return {
    id: `mid${d.disno}-${ids.get(d.ccode1)}-${ids.get(d.ccode2)}`,
    date: partialDayText(d.start),
    ...(endKnown ? { end: partialDayText(d.end) } : {}),
    from: ids.get(actor)!,
    to: ids.get(target)!,
    ...(between && hostOf(d.ccode1) === hostOf(d.ccode2) ? { joint: true } : {}),
    role: between ? 'record' : 'driver',
    category: hostOf(actor) >= 4 ? 'military' : 'crisis',
    weis,
    goldstein: GOLDSTEIN[weis],
    intensity: GOLDSTEIN[weis],
    description: `Militarized dispute ${d.disno} (${ids.get(d.ccode1)}-${ids.get(d.ccode2)}): highest hostility ${d.hostility} of 5${d.war ? ', a war' : ''}.`,
    effects,
    sources: [DATASET_SOURCES.disputes.id],
    confidence: d.start.day > 0 ? 'H' : d.start.month > 0 ? 'M' : 'L',
    note: `${REVIEW} candidate ${between ? 'record event (an act between the allies)' : 'driver (a dispute with a third state)'} from the Maoz dyadic MID data; keep it only if it bore on the alliance, judge its intensity (now the Goldstein weight of WEIS ${weis})${effects.length > 0 ? ` and the threat level (${threat}, a placeholder by hostility)` : ''}, and cite a narrative source.`,
  };
}
