// The acts an ally can take toward its partner, each with its WEIS code and Goldstein (1992) weight.

/** The act kinds of the decision rule, from most cooperative to most hostile. */
export const ACT_KINDS = ['aid', 'agree', 'concede', 'consult', 'demand', 'criticise', 'withhold', 'reduce', 'defect', 'force'] as const;
/** An act kind. */
export type ActKind = (typeof ACT_KINDS)[number];

/** WEIS code, Goldstein weight and label of each act kind (weights from the KEDS table of Goldstein 1992). */
export const ACTS: Record<ActKind, { weis: string; goldstein: number; label: string }> = {
  aid: { weis: '071', goldstein: 7.4, label: 'extends economic aid' },
  agree: { weis: '082', goldstein: 3.0, label: 'agrees to future cooperation' },
  concede: { weis: '014', goldstein: 3.0, label: 'concedes on an issue' },
  consult: { weis: '031', goldstein: 1.0, label: 'meets and consults' },
  demand: { weis: '150', goldstein: -4.9, label: 'makes a demand' },
  criticise: { weis: '121', goldstein: -2.2, label: 'criticises' },
  withhold: { weis: '193', goldstein: -5.6, label: 'cuts aid' },
  reduce: { weis: '190', goldstein: -4.0, label: 'reduces relations' },
  defect: { weis: '195', goldstein: -7.0, label: 'breaks relations' },
  force: { weis: '223', goldstein: -10, label: 'uses military force' },
};

/** The index of each act kind, for compact storage. */
export const ACT_INDEX: Record<ActKind, number> = Object.fromEntries(ACT_KINDS.map((k, i) => [k, i])) as Record<ActKind, number>;
