// Every model parameter with its default, its prior for fitting and the judgement behind the default.
// None of these is set so that a historical date comes out: each is a stated judgement, open to fitting.

/** A parameter's default value, the bounds a fit may search, and why the default is what it is. */
export interface ParamSpec {
  value: number;
  min: number;
  max: number;
  judgement: string;
}

/** A mechanism's declared parameters. */
export interface MechanismSpec {
  title: string;
  theory: string;
  params: Record<string, ParamSpec>;
  /**
   * Which of an actor's interest weights scales the term: its own id by default, another interest's id, or 'none' for a
   * term that enters at full weight as the outside option does.
   */
  interest?: string;
}

const p = (value: number, min: number, max: number, judgement: string): ParamSpec => ({ value, min, max, judgement });

/** The mechanisms that make up an ally's alliance value, each a term of its own. */
export const MECHANISMS: Record<string, MechanismSpec> = {
  security: {
    title: 'Security against a third power',
    theory: 'Walt (1987) balance of threat; Snyder (1984) abandonment and entrapment; Morrow (1991)',
    params: {
      entrapment: p(0.5, 0, 1.5, 'Judgement: the risk of being dragged into the partner\'s quarrels weighs half as much as the protection gained (Snyder 1984 treats the two fears as comparable but protection comes first).'),
    },
  },
  economy: {
    title: 'Aid and trade',
    theory: 'Morrow (1991): the junior partner buys security and goods with autonomy',
    params: {
      benefit: p(1, 0, 2, 'Judgement: one unit of aid flow is worth one unit of value to the receiver.'),
      cost: p(0.5, 0, 2, 'Judgement: aid costs a richer giver half what it is worth to a poorer receiver (diminishing marginal utility).'),
    },
  },
  standing: {
    title: 'Status competition within the bloc',
    theory: 'Organski & Kugler (1980) power transition; status and standing literature',
    params: {
      resentment: p(1, 0, 2, 'Judgement: the junior partner\'s resentment of a hierarchy it did not make, at parity, equals a full unit of value.'),
      prestige: p(0.3, 0, 1, 'Judgement: leading a bloc is worth less to the senior partner than subordination costs the junior.'),
      challenge: p(0.5, 0, 2, 'Judgement: a rising, ambitious partner costs the leader half a unit of value at parity.'),
      exponent: p(1, 0.5, 3, 'Judgement: dissatisfaction grows linearly with the capability ratio (Organski & Kugler give no functional form).'),
    },
  },
  autonomy: {
    title: 'Sovereignty given up or gained',
    theory: 'Morrow (1991) security-autonomy trade-off',
    params: {
      growth: p(1, 0, 2, 'Judgement: as the junior partner nears parity it values autonomy more, one-for-one with the capability ratio (Morrow 1991).'),
    },
  },
  ideology: {
    title: 'Doctrinal distance',
    theory: 'Haas (2005); Lüthi (2008)',
    params: {
      solidarity: p(0.5, 0, 1.5, 'Judgement: shared doctrine binds, but within a camp a doctrinal quarrel is also a quarrel over leadership and weighs more.'),
      divergence: p(1, 0, 2, 'Judgement: full doctrinal distance costs one unit of value.'),
    },
  },
  bargaining: {
    title: 'Gains and losses on contested issues',
    theory: 'Bueno de Mesquita (1994); Powell (1999)',
    params: {
      weight: p(1, 0, 2, 'Judgement: an issue settled at one\'s own position is worth one unit, weighted by salience.'),
      foresight: p(0, 0, 1, 'Judgement: 0 values issues as they stand; 1 values them at the settlement the bargaining model (BDM, src/core/bargaining/settle.ts) forecasts from the stances held now. By default 0: allies react to the outcomes conceded so far rather than to a settlement a model anticipates (the essay\'s bargaining is a sequence of concessions made), and a forecast in every month costs several times a run; open to fitting.'),
    },
  },
  personality: {
    title: 'Leaders\' mistrust and ambition',
    theory: 'Zubok & Pleshakov (1996); Radchenko (2009)',
    params: {
      weight: p(0.1, 0, 1, 'Judgement: leaders\' traits colour the relation but matter less than interests, so the term weighs less than the average interest weight (1/6).'),
    },
  },
  wedge: {
    title: 'A third power\'s wedge: pressure and inducement',
    theory: 'Crawford (2011) wedge strategies; Chang (1990)',
    interest: 'none',
    params: {
      pressure: p(0, 0, 2, 'Judgement: the security term already counts a third power\'s threat, so pressure beyond it starts at 0 and is left to fitting: Crawford (2011) gives no magnitude for pressure the partner does not share.'),
      inducement: p(1, 0, 2, 'Judgement: a third power\'s full inducement is worth one unit to the ally it courts, as a better outside option (Crawford 2011; Powell 1999).'),
    },
  },
  nuclear: {
    title: 'The nuclear bargain',
    theory: 'Lewis & Xue (1988); Shen & Xia (2012)',
    interest: 'security',
    params: {
      help: p(1, 0, 2, 'Judgement: nuclear issues settled at one\'s own position are worth one unit, as for other issues, weighted by salience.'),
      fear: p(0.5, 0, 2, 'Judgement: a senior ally\'s fear of a nuclear-minded, risk-taking junior costs half a unit at full salience and full risk (Mao\'s 1957 remarks, A56).'),
    },
  },
};

/** Parameters of the decision rule, reciprocity, outside option and status thresholds. */
export const RULES: Record<string, ParamSpec> = {
  activity: p(0.35, 0.05, 1, 'Judgement: an ally takes a noteworthy act toward its partner in about one month in three.'),
  marginScale: p(0.25, 0.05, 1, 'Judgement: a margin of a quarter of a unit over the outside option counts as one step of the decision scale.'),
  reciprocity: p(1, 0, 3, 'Judgement: the partner\'s recent conduct weighs as much as one step of margin (Goldstein & Freeman 1990).'),
  noise: p(0.6, 0.05, 2, 'Judgement: unmodelled politics adds noise of about half a decision step, scaled by the leader\'s risk.'),
  cooperateCut: p(0.4, 0, 2, 'Judgement: decision-scale cut-points are spaced half a step apart from cooperation down to force.'),
  demandCut: p(-0.1, -1, 1, 'Judgement: a slightly negative latent turns an ally to demands.'),
  criticiseCut: p(-0.6, -2, 0, 'Judgement: see cooperateCut.'),
  withholdCut: p(-1.1, -3, 0, 'Judgement: see cooperateCut.'),
  defectCut: p(-1.6, -4, 0, 'Judgement: see cooperateCut.'),
  forceCut: p(-2.1, -5, 0, 'Judgement: see cooperateCut.'),
  forceRelation: p(-0.5, -1, 0, 'Judgement: force is used only once the relation is already hostile.'),
  responsiveness: p(0.08, 0.01, 0.5, 'Judgement: one act of Goldstein weight 10 moves a directed relation by 0.08 of the way to its bound.'),
  memory: p(0.02, 0, 0.2, 'Judgement: without acts to renew them, relations drift back toward their baseline (indifference unless the scenario says otherwise) with a half-life of about three years.'),
  aidStep: p(0.1, 0, 0.5, 'Judgement: an aid agreement raises the aid flow by a tenth of its full scale.'),
  aidCut: p(0.3, 0, 1, 'Judgement: withholding aid cuts a third of the flow at once.'),
  concessionStep: p(15, 0, 50, 'Judgement: a concession moves an issue 15 points of its 0-100 scale toward the demander.'),
  polarisation: p(2, 0, 10, 'Judgement: each criticism moves the critic\'s doctrine 2 points away from its partner (polemics entrench).'),
  hierarchyErosion: p(0.03, 0, 0.2, 'Judgement: each challenge by the junior partner erodes the senior\'s leadership of the bloc by 0.03.'),
  outsideBase: p(-0.1, -1, 1, 'Judgement: for an actor that states none, going it alone is slightly worse than indifference.'),
  selfReliance: p(0.6, 0, 2, 'Judgement: an ally\'s outside option rises with its share of the pair\'s capability (Powell 1999).'),
  statusMemory: p(0.15, 0.01, 1, 'Judgement: status looks at the margin smoothed over about half a year.'),
  strainedMargin: p(0, -1, 1, 'Judgement: an alliance is strained when a member values it below its outside option.'),
  brokenMargin: p(-0.3, -2, 0, 'Judgement: it is broken when a member values it well below its outside option.'),
  hostileRelation: p(-0.6, -1, 0, 'Judgement: a pair is hostile when both directed relations are deep in conflict.'),
  defectionMemory: p(24, 1, 120, 'Judgement: a defection keeps an alliance broken for two years.'),
  forceMemory: p(12, 1, 60, 'Judgement: a use of force keeps a pair hostile for a year.'),
};

/** Ids of the mechanisms, in the order they are reported. */
export const MECHANISM_IDS = Object.keys(MECHANISMS);
