// Plain names for the model's parameters, shown as each control's label with the parameter's id beneath it.

/** A parameter's plain name, by id; a parameter added later without one falls back to its judgement's first words. */
const PARAM_WORDS: Record<string, string> = {
  'security.entrapment': 'Fear of being dragged into the partner\'s quarrels',
  'economy.benefit': 'Worth of aid to the one who gets it',
  'economy.cost': 'Cost of aid to the one who gives it',
  'standing.resentment': 'Junior\'s resentment of being led',
  'standing.prestige': 'Senior\'s pride in leading the bloc',
  'standing.challenge': 'Cost to the leader of a rising partner',
  'standing.exponent': 'How fast resentment grows with power',
  'autonomy.growth': 'How much a rising junior wants its own way',
  'ideology.solidarity': 'Pull of a shared doctrine',
  'ideology.divergence': 'Cost of doctrinal quarrels',
  'bargaining.weight': 'Weight of winning or losing on issues',
  'bargaining.foresight': 'Looking ahead to the bargain\'s outcome',
  'personality.weight': 'Weight of leaders\' mistrust and ambition',
  'wedge.pressure': 'Third power\'s pressure',
  'wedge.inducement': 'Third power\'s offers to one ally',
  'nuclear.help': 'Worth of nuclear help',
  'nuclear.fear': 'Senior\'s fear of a nuclear-armed junior',
  'autonomy.weight': 'Weight of sovereignty given up or gained',
  'stakes.weight': 'Worth of a patron\'s stated stakes in its ally',
  'commitment.weight': 'Discount of today\'s terms by a rising ally',
  'commitment.horizon': 'Years a rising ally looks ahead',
  'commitment.window': 'Years of trend it reads its rise from',
  'rules.patience': 'Months below going it alone before a break',
  'rules.restoreMargin': 'Margin both need before a break is undone',
  'rules.courtship': 'How fast a third power courts an ally',
  'rules.wedgeStrain': 'Strain at which a third power turns to offers',
  'rules.activity': 'How often a state acts (share of months)',
  'rules.reciprocity': 'Answering the partner in kind',
  'rules.noise': 'Chance (politics the model leaves out)',
  'rules.forceRelation': 'How hostile relations must be before force',
  'rules.responsiveness': 'How much one act moves a relation',
  'rules.memory': 'How fast relations fade back without acts',
  'rules.aidStep': 'Aid added by one aid agreement',
  'rules.aidCut': 'Aid lost when aid is cut',
  'rules.concessionStep': 'How far one concession moves an issue',
  'rules.polarisation': 'How far criticism hardens doctrine',
  'rules.hierarchyErosion': 'How much a challenge erodes the leader\'s standing',
  'rules.outsideBase': 'Worth of going it alone (default)',
  'rules.statusMemory': 'How many months the status looks back',
  'rules.strainedMargin': 'Margin below which the alliance is strained',
  'rules.brokenMargin': 'Margin below which it is broken',
  'rules.hostileRelation': 'Relation below which a pair is hostile',
  'rules.defectionMemory': 'Months at least before a break can be undone',
  'rules.forceMemory': 'Months a use of force keeps a pair hostile',
};

/** The plain name of a parameter (`group.name`), from the table or, failing that, from its judgement. */
export function paramWords(key: string, judgement: string): string {
  const known = PARAM_WORDS[key];
  if (known) return known;
  const first = judgement.replace(/^Judgement:\s*/i, '').split(/[.;:(]/)[0].trim();
  return first.length > 0 && first.length <= 70 ? first.charAt(0).toUpperCase() + first.slice(1) : key.split('.')[1];
}
