// The public datasets schism reads about states and pairs of states (COW, ATOP, MID, MIE, rivalries, COPDAB), as typed rows.
import type { Source } from '../scenario/schema.js';

/** A spell of a state's membership in the COW interstate system. */
export interface StateSpell {
  ccode: number;
  abb: string;
  name: string;
  /** First and last day of the spell, YYYY-MM-DD. */
  start: string;
  end: string;
}

/** One state-year of COW NMC v6; a component is null where COW has -9 (missing). */
export interface CapabilityYear {
  ccode: number;
  year: number;
  cinc: number | null;
  milex: number | null;
  milper: number | null;
}

/** A state's membership in one ATOP treaty; `exited` is empty while the treaty is in force at the end of ATOP's data. */
export interface TreatyMembership {
  atopid: number;
  member: number;
  entered: string;
  exited: string;
  /** The pledges the treaty carries for this member, e.g. ['defense', 'nonagg']. */
  pledges: string[];
}

/** Consecutive years in which a dyad (ccode1 < ccode2) holds the same alliance pledges, in ATOP or COW. */
export interface AllianceSpell {
  source: 'atop-5.1' | 'cow-4.1';
  ccode1: number;
  ccode2: number;
  first: number;
  last: number;
  pledges: string[];
}

/** A day that may be known only to the month or the year (month or day 0 when unknown). */
export interface PartialDay {
  year: number;
  month: number;
  day: number;
}

/** One militarized dispute between two states (ccode1 < ccode2), from the Maoz dyadic MID data. */
export interface DyadDispute {
  disno: number;
  ccode1: number;
  ccode2: number;
  start: PartialDay;
  end: PartialDay;
  /** Highest hostility of the dyad and of each side (1 none, 2 threat, 3 display, 4 use of force, 5 war). */
  hostility: number;
  hostility1: number;
  hostility2: number;
  war: boolean;
}

/** One MIE event: ccode1 threatens, displays or uses force against ccode2. */
export interface MilitarizedEvent {
  micnum: number;
  ccode1: number;
  ccode2: number;
  start: PartialDay;
  action: number;
  hostility: number;
}

/** A strategic rivalry (ccode1 < ccode2) in one of Thompson's lists. */
export interface Rivalry {
  source: string;
  id: string;
  name: string;
  ccode1: number;
  ccode2: number;
  start: number;
  end: number;
}

/** A COPDAB net score of `from`'s acts toward `to` in a month (YYYY-MM). */
export interface CopdabMonth {
  month: string;
  from: number;
  to: number;
  value: number;
}

/** Everything an adapter loaded; a part is absent when its file is. */
export interface StateData {
  states?: StateSpell[];
  capabilities?: CapabilityYear[];
  treaties?: TreatyMembership[];
  allianceSpells?: AllianceSpell[];
  disputes?: DyadDispute[];
  events?: MilitarizedEvent[];
  rivalries?: Rivalry[];
  copdab?: CopdabMonth[];
}

type DatasetKey = 'nmc' | 'states' | 'atop' | 'cowAlliances' | 'disputes' | 'mie' | 'td2012' | 'tss2021' | 'copdab';

/** Each dataset as [key, id, year, author, title, file]: one line per dataset, so the bibliography reads as a table. */
const DATASETS: [DatasetKey, string, number, string, string, string][] = [
  ['nmc', 'cow-nmc-v6', 2021, 'Correlates of War Project; Singer, Bremer and Stuckey (1972); Greig and Enterline', 'National Material Capabilities, version 6.0', 'data/cow-nmc-v6/nmc-v6.csv'],
  ['states', 'cow-states-2016', 2017, 'Correlates of War Project', 'State System Membership List, v2016', 'data/cow-state-system-2016/states.csv'],
  ['atop', 'atop', 2018, 'Leeds, Ritter, Mitchell and Long (2002); Leeds (2018)', 'Alliance Treaty Obligations and Provisions (ATOP), v4.01 member level and v5.1 dyad-years', 'data/atop-v4.01/members.csv, data/atop-v5.1/dyad-spells.csv'],
  ['cowAlliances', 'cow-alliances-v4.1', 2009, 'Gibler, Douglas M.', 'International Military Alliances, 1648-2008 (COW Formal Alliances v4.1)', 'data/cow-alliances-v4.1/dyad-spells.csv'],
  ['disputes', 'maoz-dymid-3.1', 2019, 'Maoz, Johnson, Kaplan, Ogunkoya and Shreve', 'Dyadic Militarized Interstate Disputes (MIDs), version 3.1', 'data/maoz-dyadic-mid-v3.1/dyad-disputes.csv'],
  ['mie', 'mie-1.0', 2024, 'Gibler, Douglas M. and Steven V. Miller', 'The Militarized Interstate Events (MIE) Dataset, 1816-2014', 'data/mie-v1.0/events.csv'],
  ['td2012', 'thompson-dreyer-2012', 2012, 'Thompson, William R. and David Dreyer', 'Handbook of International Rivalries, 1494-2010', 'data/rivalries-thompson/rivalries.csv (source td2012)'],
  ['tss2021', 'thompson-sakuwa-suhas-2022', 2022, 'Thompson, William R., Kentaro Sakuwa and Prashant Hosur Suhas', 'Analyzing Strategic Rivalries in World Politics', 'data/rivalries-thompson/rivalries.csv (source tss2021)'],
  ['copdab', 'copdab-lebo-moore', 2003, 'Azar (1980); Lebo and Moore (2003)', 'COPDAB monthly dyadic cooperation-conflict series, 1948-1978', 'data/copdab-lebo-moore/monthly.csv'],
];

/** The bibliography entries of the datasets, under the ids scenarios written by `schism init` cite. */
export const DATASET_SOURCES = Object.fromEntries(
  DATASETS.map(([key, id, year, author, title, note]) => [key, { id, kind: 'dataset', year, author, title, note } satisfies Source]),
) as Record<DatasetKey, Source>;

/** The rows of the event series (COPDAB, MIE) between two of the given states: what a web page needs for its scenarios. */
export function eventSeriesAmong(data: StateData, codes: Set<number>): { copdab: CopdabMonth[]; events: MilitarizedEvent[] } {
  return {
    copdab: (data.copdab ?? []).filter((c) => codes.has(c.from) && codes.has(c.to)),
    events: (data.events ?? []).filter((e) => codes.has(e.ccode1) && codes.has(e.ccode2)),
  };
}

/** A treaty that binds two states: from the later of their entries to the earlier of their exits ('' = still in force). */
export interface PairTreaty {
  atopid: number;
  signed: string;
  ended: string;
  /** The pledges both members carry. */
  pledges: string[];
}

/**
 * The ATOP treaties two states share. ATOP gives a member one row per phase of a treaty, so a member's span is its first
 * entry to its last exit (open while any phase is).
 */
export function pairTreaties(treaties: TreatyMembership[], c1: number, c2: number): PairTreaty[] {
  const spans = (code: number) => {
    const out = new Map<number, { entered: string; exited: string; pledges: Set<string> }>();
    for (const t of treaties) {
      if (t.member !== code) continue;
      const s = out.get(t.atopid);
      if (!s) out.set(t.atopid, { entered: t.entered, exited: t.exited, pledges: new Set(t.pledges) });
      else {
        s.entered = t.entered < s.entered ? t.entered : s.entered;
        s.exited = s.exited === '' || t.exited === '' ? '' : t.exited > s.exited ? t.exited : s.exited;
        for (const p of t.pledges) s.pledges.add(p);
      }
    }
    return out;
  };
  const [m1, m2] = [spans(c1), spans(c2)];
  return [...m1.keys()].filter((id) => m2.has(id)).sort((a, b) => a - b).map((id) => {
    const [t1, t2] = [m1.get(id)!, m2.get(id)!];
    return {
      atopid: id,
      signed: [t1.entered, t2.entered].sort()[1],
      ended: [t1.exited, t2.exited].filter(Boolean).sort()[0] ?? '',
      pledges: [...t1.pledges].filter((p) => t2.pledges.has(p)).sort(),
    };
  });
}

/** The two codes of a dyad in the order the datasets write them (lower first). */
export function dyadKey(a: number, b: number): string {
  return a <= b ? `${a},${b}` : `${b},${a}`;
}

/** A partial day written as a scenario date: YYYY-MM-DD, YYYY-MM when the day is unknown, YYYY-01 when the month is too. */
export function partialDayText(d: PartialDay): string {
  const mm = String(d.month > 0 ? d.month : 1).padStart(2, '0');
  return d.month > 0 && d.day > 0 ? `${d.year}-${mm}-${String(d.day).padStart(2, '0')}` : `${d.year}-${mm}`;
}
