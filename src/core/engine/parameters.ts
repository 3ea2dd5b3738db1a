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

/** The mechanisms that make up an ally's alliance value, each a term of its own: what the member gains by being allied rather than not. */
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
      exponent: p(1, 0.5, 3, 'Judgement: dissatisfaction grows linearly with the power ratio (Organski & Kugler give no functional form).'),
    },
  },
  autonomy: {
    title: 'Sovereignty given up or gained',
    theory: 'Morrow (1991) security-autonomy trade-off',
    params: {
      weight: p(1, 0, 2, 'Judgement: a sovereignty issue moved the whole 0-100 scale from where it would stand without the alliance is worth one unit at full salience, as for the other issue terms.'),
      growth: p(1, 0, 3, 'Judgement: at parity the junior weighs each concession twice what it weighs it as a minor ally (Morrow 1991: a weak partner that gains capability values autonomy more); linear in the power ratio, as Morrow gives no functional form.'),
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
      weight: p(1, 0, 2, 'Judgement: an issue moved the whole 0-100 scale toward one\'s position from where it would stand without the alliance is worth one unit at full salience.'),
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
      help: p(1, 0, 2, 'Judgement: nuclear issues are worth what other issues are: one unit for the whole scale at full salience.'),
      fear: p(0.5, 0, 2, 'Judgement: a senior ally\'s fear of a nuclear-minded, risk-taking junior costs half a unit at full salience and full risk (as in the reference scenario\'s event A56).'),
    },
  },
  stakes: {
    title: 'A patron\'s stakes in its ally: position, denial, cohesion',
    theory: 'Snyder (1997) Alliance Politics; Morrow (1991)',
    interest: 'security',
    params: {
      weight: p(1, 0, 2, 'Judgement: a stake judged at its full scale (1) is worth one unit, as an issue moved its whole scale is, weighted by the security interest (position and denial are security goods; cohesion is counted with them rather than split off).'),
    },
  },
  commitment: {
    title: 'Shifting power: today\'s terms discounted by the rising member',
    theory: 'Powell (2006) war as a commitment problem; Fearon (1995)',
    interest: 'bargaining',
    params: {
      weight: p(2, 0, 6, 'Judgement: each point of pair power share a member expects to gain over the horizon costs it two points of value, since a bargain struck at today\'s share forgoes the gain for the rest of the horizon and beyond (Powell 2006 gives the logic, not a size).'),
      horizon: p(5, 1, 10, 'Judgement: a member looks five years ahead, the span of a five-year plan.'),
      window: p(5, 2, 10, 'Judgement: the trend is read from the last five years of the power share.'),
    },
  },
};

/** Parameters of the decision rule, reciprocity, outside option, the third power and status thresholds. */
export const RULES: Record<string, ParamSpec> = {
  activity: p(0.35, 0.05, 1, 'Judgement: an ally takes a noteworthy act toward its partner in about one month in three.'),
  reciprocity: p(0.2, 0, 1, 'Judgement: a partner that is fully friendly (relation +1) makes a cooperative answer worth 0.2 more, and a hostile one a hostile answer, the order of one issue term at middling salience (Goldstein & Freeman 1990).'),
  noise: p(0.03, 0, 0.5, 'Judgement: unmodelled politics perturbs each act\'s score by a Gumbel draw of scale 0.03, scaled by 0.5 + the leader\'s risk: enough to choose between acts whose scores are close, far too little to turn a content ally into a defector.'),
  patience: p(12, 1, 48, 'Judgement: a member breaks with its partner only after its smoothed margin has stayed below its outside option for a year (one budget and planning cycle).'),
  restoreMargin: p(0.05, 0, 0.5, 'Judgement (hysteresis): a broken alliance is restored when both members\' smoothed margins have stood 0.05 above their outside options for `patience` months: the same rule as breaking, a little harder, because a restored alliance must overcome the memory of the break.'),
  forceRelation: p(-0.5, -1, 0, 'Judgement: force is used only once the relation is already hostile.'),
  responsiveness: p(0.08, 0.01, 0.5, 'Judgement: one act of Goldstein weight 10 moves a directed relation by 0.08 of the way to its bound.'),
  memory: p(0.02, 0, 0.2, 'Judgement: without acts to renew them, relations drift back toward their baseline (indifference, or a rivalry\'s hostility while it lasts) with a half-life of about three years.'),
  aidStep: p(0.1, 0, 0.5, 'Judgement: an aid agreement raises the aid flow by a tenth of its full scale.'),
  aidCut: p(0.3, 0, 1, 'Judgement: withholding aid cuts a third of the flow at once.'),
  concessionStep: p(15, 0, 50, 'Judgement: a concession moves an issue 15 points of its 0-100 scale toward the demander.'),
  polarisation: p(2, 0, 10, 'Judgement: each criticism moves the critic\'s doctrine 2 points away from its partner (polemics entrench).'),
  hierarchyErosion: p(0.03, 0, 0.2, 'Judgement: each challenge by the junior partner erodes the senior\'s leadership of the bloc by 0.03.'),
  outsideBase: p(-0.1, -1, 1, 'Judgement: for an actor that states none, going it alone is slightly worse than indifference.'),
  courtship: p(0.1, 0, 1, 'Judgement: a third power that courts an ally moves its inducement a tenth of the way to the alliance\'s strain each month it acts (Crawford 2011 gives the logic, not a pace).'),
  wedgeStrain: p(0.2, 0, 1, 'Judgement: a third power turns from pressure to inducements once the allies\' mutual relations have fallen 0.2 below indifference on average, i.e. once the alliance is visibly strained (Crawford 2011: accommodation pays only where the target can be pried loose).'),
  statusMemory: p(0.15, 0.01, 1, 'Judgement: status looks at the margin smoothed over about half a year.'),
  strainedMargin: p(0, -1, 1, 'Judgement: an alliance is strained when a member values it below its outside option.'),
  brokenMargin: p(-0.3, -2, 0, 'Judgement: it is broken without an act when a member values it well below its outside option.'),
  hostileRelation: p(-0.6, -1, 0, 'Judgement: a pair is hostile when both directed relations are deep in conflict.'),
  defectionMemory: p(24, 1, 120, 'Judgement: a defection keeps an alliance broken for at least two years before it can be restored.'),
  forceMemory: p(12, 1, 60, 'Judgement: a use of force keeps a pair hostile for a year.'),
};

/** Ids of the mechanisms, in the order they are reported. */
export const MECHANISM_IDS = Object.keys(MECHANISMS);
