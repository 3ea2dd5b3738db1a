// The scenario file format: one zod schema that is the source of truth for the file, its TypeScript types and its JSON Schema.
import { z } from 'zod';

/** An identifier used to cross-reference actors, issues, sources, events and leaders. */
export const Id = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'an id starts with a letter and holds only letters, digits, _ . -');

/** False when a name, or a dot-separated part of it, is one every JavaScript object already has (`constructor`, `toString`...). */
export function notPrototypeKey(key: string): boolean {
  return key.split('.').every((part) => !(part in Object.prototype) && part !== '__proto__');
}
/** Why such a name is refused: looked up in a table it would find the object's own machinery, not a setting. */
export const PROTOTYPE_KEY_MESSAGE = 'this name is reserved (every JavaScript object has it); no parameter or mechanism is called so';

/** A key of a map of named settings (mechanisms, parameters): an id that is not a reserved object property. */
export const RecordKey = Id.refine(notPrototypeKey, PROTOTYPE_KEY_MESSAGE);

/** A calendar month, `YYYY-MM`. */
export const MonthDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month is written YYYY-MM');

/** True when a `YYYY-MM-DD` (or `YYYY-MM`) date exists in the Gregorian calendar: no 30 February, no 31 April. */
export function isCalendarDate(date: string): boolean {
  if (date.length < 10) return true;
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/** A date of day or month precision, `YYYY-MM-DD` or `YYYY-MM`. */
export const EventDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'a date is written YYYY-MM-DD or YYYY-MM')
  .refine(isCalendarDate, 'no such day in that month');

/** Why a number that is not a fact has the value it has. Every judgement says it is one. */
export const Judgement = z.string().min(3, 'a judgement says why, in words');

/** The sources (bibliography ids) that a fact rests on. */
export const SourceRefs = z.array(Id).min(1, 'a fact cites at least one source');

const unit = z.number().min(0).max(1);
/**
 * The finiteness contract: every unbounded magnitude has a sane ceiling, so that no valid scenario can overflow a double
 * in the engine (a weight of 1e308 times a term of 2 is Infinity, and Infinity - Infinity is NaN). See docs/api.md.
 */
const CAPABILITY_MAX = 1e9;
const WEIGHT_MAX = 1000;
const weight = z.number().min(0).max(WEIGHT_MAX);
const scale100 = z.number().min(0).max(100);

export const Source = z.strictObject({
  id: Id,
  author: z.string().min(1),
  title: z.string().min(1),
  year: z.union([z.number().int(), z.string().min(1)]),
  kind: z.enum(['book', 'article', 'chapter', 'archive', 'document', 'reference', 'press', 'web', 'dataset']),
  archive: z.string().optional().describe('archive, collection or document id, e.g. "WCDA doc 114346"'),
  url: z.string().optional(),
  note: z.string().optional(),
});

/** A yearly series: YYYY to a non-negative, bounded number. */
const YearSeries = z.record(z.string().regex(/^\d{4}$/, 'years are written YYYY'), z.number().min(0).max(CAPABILITY_MAX));

export const Capability = z.strictObject({
  sources: SourceRefs.describe('where the series comes from, e.g. the COW NMC dataset'),
  measure: z.string().default('cinc').describe('what the numbers are, e.g. COW CINC share of world capability'),
  note: z.string().optional(),
  series: z
    .record(
      z.string().regex(/^\d{4}$/, 'years are written YYYY'),
      z.number().positive('a capability is above 0: a state with none cannot be in an alliance, and shares of nothing are undefined').max(CAPABILITY_MAX),
    )
    .refine((s) => Object.keys(s).length > 0, 'the capability series needs at least one year'),
  military: z
    .strictObject({
      sources: SourceRefs,
      note: z.string().optional(),
      milex: YearSeries.describe('military expenditure (COW NMC milex, thousands of current US dollars)'),
      milper: YearSeries.describe('military personnel (COW NMC milper, thousands)'),
    })
    .optional()
    .describe('military spending and personnel beside CINC; where given for both allies, the pair\'s power share averages them with CINC'),
});

export const Interests = z.strictObject({
  security: weight,
  economy: weight,
  standing: weight,
  autonomy: weight,
  ideology: weight,
  bargaining: weight.default(1),
  judgement: Judgement,
});

export const Traits = z.strictObject({
  ambition: unit.describe('drive for standing and leadership of the bloc'),
  mistrust: unit.describe('discount on the partner\'s promises'),
  risk: unit.describe('readiness to take escalatory acts'),
});

export const Leader = z.strictObject({
  id: Id,
  name: z.string().min(1),
  from: EventDate,
  to: EventDate.optional(),
  traits: Traits,
  judgement: Judgement.describe('why these traits'),
  sources: SourceRefs,
});

export const Actor = z.strictObject({
  id: Id,
  name: z.string().min(1),
  cow: z.number().int().positive().optional().describe('Correlates of War state code'),
  capability: Capability,
  interests: Interests,
  outsideOption: z
    .strictObject({ base: z.number().min(-1).max(1), judgement: Judgement })
    .optional()
    .describe('value of going it alone before capability and inducements are counted'),
  leaders: z.array(Leader).default([]),
});

export const Position = z.strictObject({
  actor: Id,
  from: EventDate,
  position: scale100,
  salience: unit,
  sources: SourceRefs,
  judgement: z.string().optional().describe('how the stance was turned into a number'),
});

export const Issue = z.strictObject({
  id: Id,
  name: z.string().min(1),
  dimension: z
    .enum(['material', 'sovereignty', 'doctrine', 'nuclear'])
    .describe('material issues feed bargaining, sovereignty issues autonomy, doctrine issues ideology, nuclear issues the nuclear mechanism'),
  scale: z.strictObject({ low: z.string().min(1), high: z.string().min(1) }),
  statusQuo: z.strictObject({ value: scale100, sources: SourceRefs, judgement: z.string().optional() }),
  positions: z.array(Position).default([]),
  outcome: z
    .strictObject({ value: scale100, date: EventDate.optional(), judgement: Judgement, sources: SourceRefs })
    .optional()
    .describe('the recorded outcome on the issue\'s scale, coded before any forecast, for scoring bargaining forecasts'),
});

/** The alliance's status over a period as the sources read it: the history a model run is set beside (a judgement). */
export const DeclaredStatus = z.strictObject({
  from: MonthDate.describe('the first month of the period; it lasts until the next declared status'),
  status: z.enum(['allied', 'strained', 'broken', 'hostile']),
  judgement: Judgement.describe('why the record reads this way, naming its events'),
  sources: SourceRefs,
});

export const Alliance = z.strictObject({
  id: Id,
  name: z.string().min(1),
  members: z.array(Id).min(2).max(2, 'an alliance here is a pair; model a bloc as several pairs'),
  treaty: z.string().optional(),
  signed: EventDate.optional(),
  ended: EventDate.optional(),
  inForce: z
    .strictObject({ from: EventDate, to: EventDate.optional(), judgement: Judgement })
    .optional()
    .describe('when the alliance as modelled exists, where that is not from its signature to its end (e.g. an alignment before the treaty); a judgement'),
  hierarchy: z
    .strictObject({ value: unit, judgement: Judgement })
    .optional()
    .describe('how far the senior member leads the bloc at the start (0 equals, 1 unquestioned leader)'),
  stakes: z
    .array(
      z.strictObject({
        member: Id.describe('the member that holds these stakes in its partner (usually the patron)'),
        position: unit.default(0).describe('bases, access and position the partner gives (0 none .. 1 vital)'),
        denial: unit.default(0).describe('worth of denying the partner to a rival, counted while a rival threatens the member'),
        cohesion: unit.default(0).describe('worth of the bloc\'s cohesion and the member\'s claim to lead it, times the hierarchy'),
        judgement: Judgement,
        sources: SourceRefs,
      }),
    )
    .optional()
    .describe('what a member values in its partner beyond capability (Snyder 1997; Morrow 1991); none when absent'),
  sources: SourceRefs,
  statuses: z
    .array(DeclaredStatus)
    .optional()
    .describe('the status the record gives the alliance, period by period: what happened, shown beside the model\'s statuses'),
});

export const Rivalry = z.strictObject({
  between: z.array(Id).length(2),
  from: EventDate,
  to: EventDate.optional(),
  level: unit.describe('hostility the rivalry holds both directed relations to as their baseline: the baseline is -level'),
  sources: SourceRefs,
  judgement: Judgement.describe('why this level and these dates'),
});

export const Relation = z.strictObject({
  from: Id,
  to: Id,
  initial: z.number().min(-1).max(1).describe('directed relation at the start: -1 hostile .. +1 close'),
  baseline: z
    .number()
    .min(-1)
    .max(1)
    .optional()
    .describe('long-run level the relation drifts back to when no act renews it; default 0 (indifference)'),
  judgement: Judgement,
});

const Effect = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('capability'), actor: Id, factor: z.number().min(1e-3).max(1e3) }),
  z.strictObject({ type: z.literal('aid'), from: Id, to: Id, level: unit }),
  z.strictObject({ type: z.literal('threat'), from: Id, to: Id, level: unit.describe('how far the act shifts the from->to relation toward hostility') }),
  z.strictObject({ type: z.literal('relation'), from: Id, to: Id, delta: z.number().min(-2).max(2) }),
  z.strictObject({ type: z.literal('position'), actor: Id, issue: Id, to: scale100.optional(), by: z.number().min(-100).max(100).optional() }),
  z.strictObject({ type: z.literal('salience'), actor: Id, issue: Id, to: unit.optional(), by: z.number().min(-1).max(1).optional() }),
  z.strictObject({ type: z.literal('concession'), by: Id, issue: Id, to: scale100 }),
  z.strictObject({ type: z.literal('leader'), actor: Id, leader: Id }),
  z.strictObject({ type: z.literal('inducement'), from: Id, to: Id, level: unit }),
  z.strictObject({ type: z.literal('hierarchy'), alliance: Id, to: unit.optional(), by: z.number().min(-1).max(1).optional() }),
]);

/** The effect types an event may carry: a small, typed vocabulary of changes to the model's state. */
export const EFFECT_TYPES = ['capability', 'aid', 'threat', 'relation', 'position', 'salience', 'concession', 'leader', 'inducement', 'hierarchy'] as const;

export const Event = z.strictObject({
  id: Id,
  date: EventDate,
  end: EventDate.optional(),
  from: Id.describe('the acting actor (for an internal event, the actor it happens in)'),
  to: Id.optional().describe('the target; absent for an internal event'),
  joint: z.boolean().default(false).describe('a joint act counts in both directions'),
  role: z.enum(['driver', 'record']).describe('driver: input from outside the alliance\'s choices; record: the allies\' own act, which the model must generate'),
  category: z.enum([
    'treaty', 'aid', 'military', 'nuclear', 'ideological', 'sovereignty', 'visit', 'crisis', 'polemic',
    'border-clash', 'leadership', 'diplomatic', 'capability',
  ]),
  issues: z.array(Id).default([]),
  weis: z.string().regex(/^\d{3}$/, 'a WEIS code has three digits').optional(),
  goldstein: z.number().min(-10).max(10).optional().describe('Goldstein (1992) weight of the WEIS code'),
  intensity: z.number().min(-10).max(10).describe('judged cooperation (+) or conflict (-) of the act, -10..10'),
  description: z.string().min(1),
  effects: z.array(Effect).default([]),
  sources: SourceRefs,
  confidence: z.enum(['H', 'M', 'L']).optional().describe('confidence in the date'),
  note: z.string().optional(),
});

/** A parameter's value: finite and within a ceiling far beyond any declared prior (fits stay within the priors). */
const paramNumber = z.number().min(-1e6).max(1e6);

export const Prior = z.strictObject({
  dist: z.enum(['uniform', 'normal', 'lognormal']),
  min: paramNumber,
  max: paramNumber,
  mean: paramNumber.optional(),
  sd: z.number().positive().max(1e6).optional(),
});

export const ParamSetting = z.union([
  paramNumber,
  z.strictObject({ value: paramNumber, prior: Prior.optional(), judgement: Judgement.optional() }),
]);

export const MechanismSetting = z.strictObject({
  enabled: z.boolean().default(true),
  params: z.record(RecordKey, ParamSetting).default({}),
  judgement: z.string().optional(),
});

export const Explanation = z.strictObject({
  id: Id,
  name: z.string().min(1),
  mechanisms: z.array(Id).min(1),
  description: z.string().min(1),
  sources: z.array(Id).default([]),
});

/** A role a class can play: one actor's decisions toward its ally over a window, with a sourced briefing. */
export const PlayRole = z.strictObject({
  id: Id,
  title: z.string().min(1),
  actor: Id.describe('the actor the player leads'),
  leader: z.string().min(1).describe('the leader the player stands in for, as the briefing names them'),
  from: MonthDate,
  to: MonthDate,
  choices: z
    .array(Id)
    .min(2, 'offer at least two choices')
    .optional()
    .describe('the acts offered (act kinds, and "none" for no act); all of them when absent'),
  brief: z.string().min(1).describe('what the player knows when the window opens; its facts cite the sources'),
  sources: SourceRefs,
  questions: z.array(z.string().min(1)).default([]).describe('questions for the class to discuss after the game'),
});

/** A WEIS code or code prefix, e.g. "195" or "22" (every 22x code). */
const WeisPrefix = z.string().regex(/^\d{1,3}$/, 'a WEIS code or prefix has one to three digits');

export const TurningPoint = z.strictObject({
  id: Id,
  label: z.string().min(1),
  record: z
    .strictObject({
      weis: z.array(WeisPrefix).min(1).optional(),
      about: z.array(z.string().min(1)).min(1).optional().describe('issue ids or categories the event must concern'),
      category: z.array(z.string().min(1)).min(1).optional(),
      maxIntensity: z.number().min(-10).max(10).optional(),
    })
    .describe('the first record event between allies that meets every condition given (weis and category: either) dates it'),
  simulated: z
    .strictObject({
      acts: z.array(Id).min(1),
      about: z.array(z.string().min(1)).min(1).optional().describe('issue ids or act categories a simulated act must concern (either)'),
      count: z.number().int().positive().default(1),
      within: z.number().int().positive().default(1),
    })
    .describe('its counterpart in a run: `count` acts of these kinds (and, if given, about these issues or categories) within `within` months'),
  judgement: z.string().optional(),
});

export const ReplayCodes = z.strictObject({
  defection: z.array(WeisPrefix).min(1).describe('WEIS codes (or prefixes) of a record event that counts as a defection in replay'),
  force: z.array(WeisPrefix).min(1).describe('WEIS codes (or prefixes) of a record event that counts as a use of force in replay'),
  judgement: z.string().optional(),
});

export const InitialFlow = z.strictObject({
  type: z.enum(['aid', 'inducement']),
  from: Id,
  to: Id,
  level: unit.describe('the level at the period\'s first month, as an aid or inducement effect would set it'),
  judgement: Judgement,
  sources: z.array(Id).default([]),
});

export const Scenario = z.strictObject({
  schism: z.literal(1).describe('format version'),
  meta: z.strictObject({
    title: z.string().min(1),
    description: z.string().optional(),
    period: z.strictObject({ start: MonthDate, end: MonthDate }),
    training: z
      .strictObject({ start: MonthDate, end: MonthDate, judgement: z.string().optional() })
      .optional()
      .describe('the window fit, compare and report train on; default the first third of the period'),
    step: z.literal('month').default('month'),
    seed: z.number().int().nonnegative().max(0xffffffff, 'a seed is at most 4294967295 (2^32 - 1): the generators take 32 bits').default(1),
  }),
  sources: z.array(Source).min(1),
  actors: z.array(Actor).min(2),
  issues: z.array(Issue).default([]),
  alliances: z.array(Alliance).default([]).describe('the pairs whose alliance the engine runs; a bargaining-only scenario may have none'),
  relations: z.array(Relation).default([]),
  rivalries: z
    .array(Rivalry)
    .default([])
    .describe('lasting rivalries (e.g. Thompson & Dreyer 2012): while one lasts, both directed relations drift back to its hostility, not to their baseline'),
  events: z.array(Event).default([]),
  mechanisms: z.record(RecordKey, MechanismSetting).default({}),
  rules: z.record(RecordKey, ParamSetting).default({}).describe('parameters of the decision rule, reciprocity and status thresholds'),
  explanations: z.array(Explanation).default([]),
  roles: z.array(PlayRole).optional().describe('roles for play mode in the classroom'),
  turningPoints: z
    .array(TurningPoint)
    .default([])
    .describe('the record\'s turning points, each a rule on the record and its simulated counterpart; default: a break and an armed clash by the replay codes'),
  replay: ReplayCodes.optional().describe('which record WEIS codes count as defection and force in replay; default 195, 198, 202 and 22x, 211, 213'),
  initial: z.array(InitialFlow).default([]).describe('aid and inducement flowing at the start of the period'),
});

export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;
export type Actor = z.infer<typeof Actor>;
export type Issue = z.infer<typeof Issue>;
export type Alliance = z.infer<typeof Alliance>;
export type ScenarioEvent = z.infer<typeof Event>;
export type Effect = z.infer<typeof Effect>;
export type Source = z.infer<typeof Source>;
export type Leader = z.infer<typeof Leader>;
export type Traits = z.infer<typeof Traits>;
export type ParamSetting = z.infer<typeof ParamSetting>;
export type Prior = z.infer<typeof Prior>;
export type Explanation = z.infer<typeof Explanation>;
export type DeclaredStatus = z.infer<typeof DeclaredStatus>;
export type PlayRoleSetting = z.infer<typeof PlayRole>;
export type TurningPointDeclaration = z.infer<typeof TurningPoint>;
export type ReplayCodeTable = z.infer<typeof ReplayCodes>;
export type Rivalry = z.infer<typeof Rivalry>;
