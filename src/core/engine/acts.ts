// The acts an ally or a third power can take, as small integers, each with its WEIS code and Goldstein (1992) weight.

/** The act kinds, from most cooperative to most hostile for the allies, then the third power's two. */
export const ACT_KINDS = ['aid', 'agree', 'concede', 'consult', 'demand', 'criticise', 'withhold', 'reduce', 'defect', 'force', 'induce', 'pressure'] as const;
/** An act kind by name. */
export type ActKind = (typeof ACT_KINDS)[number];

/** The acts an ally can take toward its partner (the decision rule's and a player's menu); the rest are the third power's. */
export const ALLY_ACT_KINDS = ACT_KINDS.slice(0, 10) as readonly ActKind[];

/** Each act kind's small integer, the form the loop and the decision rule use. */
export const ACT = {
  aid: 0, agree: 1, concede: 2, consult: 3, demand: 4, criticise: 5, withhold: 6, reduce: 7, defect: 8, force: 9, induce: 10, pressure: 11,
} as const satisfies Record<ActKind, number>;

/** WEIS code, Goldstein weight and label of each act kind (weights from the KEDS table of Goldstein 1992). */
export const ACTS: Record<ActKind, { weis: string; goldstein: number; label: string }> = {
  aid: { weis: '071', goldstein: 7.4, label: 'extends economic aid' },
  agree: { weis: '082', goldstein: 3.0, label: 'agrees to future cooperation' },
  concede: { weis: '014', goldstein: 3.0, label: 'concedes on an issue' },
  consult: { weis: '031', goldstein: 1.0, label: 'meets and consults' },
  demand: { weis: '150', goldstein: -4.9, label: 'makes a demand' },
  criticise: { weis: '121', goldstein: -2.2, label: 'criticises' },
  withhold: { weis: '193', goldstein: -5.6, label: 'withdraws help' },
  reduce: { weis: '190', goldstein: -4.0, label: 'reduces relations' },
  defect: { weis: '195', goldstein: -7.0, label: 'breaks relations' },
  force: { weis: '223', goldstein: -10, label: 'uses military force' },
  induce: { weis: '064', goldstein: 5.4, label: 'eases restrictions and courts' },
  pressure: { weis: '172', goldstein: -5.8, label: 'threatens sanctions' },
};

/** The index of each act kind, for compact storage. */
export const ACT_INDEX: Record<ActKind, number> = ACT;

/** Goldstein weight per act kind, by index. */
export const ACT_GOLDSTEIN = Float64Array.from(ACT_KINDS.map((k) => ACTS[k].goldstein));

/**
 * The categories an act may concern, in the scenario schema's order, so that a simulated act and a record event can be compared
 * by category as well as by kind ("nuclear help withdrawn" is withhold + nuclear, "experts recalled" withhold + aid).
 */
export const ACT_CATEGORIES = [
  'treaty', 'aid', 'military', 'nuclear', 'ideological', 'sovereignty', 'visit', 'crisis', 'polemic', 'border-clash', 'leadership', 'diplomatic', 'capability',
] as const;
/** An act category by name. */
export type ActCategory = (typeof ACT_CATEGORIES)[number];

/** Each category's small integer. */
export const CATEGORY = Object.fromEntries(ACT_CATEGORIES.map((c, i) => [c, i])) as Record<ActCategory, number>;
