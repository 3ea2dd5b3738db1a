// The fused month loop written out for one model's shape, as the source of functions compiled for that model alone. The
// closure loop of fused-run.ts computes the same, operation for operation, and so does this one: fused-run.test.ts holds both to
// the readable loop. This one has the shape in its text: the members and the dyads it reads as literal indices (relations drift
// in straight-line code), the third powers and nuclear issues unrolled, the switched-off terms left out (their zeros kept),
// each member's valuation (in the month's code) and decision (a function per member) written for its own slot, each decision's
// options weighed in one pass as they open, and each function's parameters read once into its own constants; what happens in
// few months (events, the third powers' acts, status changes) is in functions of its own, which keeps the month's function
// small enough for V8 to compile quickly and to keep the valuations in it (in paired batches 0.90 of the time a run takes
// with the valuations as functions; with the decisions in it too, 1.6 times). V8 then compiles each model's loop on its own,
// where the closure shared by every model gets code good for all of them (paired batches in one process: 0.53-0.54 of the
// closure's time a run at 230c2c0, and as fast as the experiment outside the project that docs/model.md describes).
// Nothing of a scenario's text enters the source, only integers of its shape (checked), switches as 0 or 1, and fixed text.
import { ACT_KINDS } from './acts.js';
import { DEMAND_DIMENSION, OPTION } from './decision.js';
import { DIMENSION, OP } from './model.js';
import { MECHANISM_IDS } from './parameters.js';

/** The loop's scalar parameters, in the order of the Float64Array it reads them from at the start of each run. */
export const LOOP_PARAMETERS = [
  'activity', 'reciprocity', 'patience', 'forceRelation', 'memory', 'aidStep', 'aidCut', 'hierarchyErosion', 'courtship',
  'wedgeStrain', 'statusMemory', 'strainedMargin', 'brokenMargin', 'hostileRelation', 'defectionMemory', 'forceMemory',
  'restoreMargin', 'responsiveness', 'entrapment', 'benefit', 'aidCost', 'resentment', 'prestige', 'challenge',
  'autonomyWeight', 'growth', 'solidarity', 'divergence', 'bargainingWeight', 'pressureWeight', 'inducementWeight', 'help',
  'fear', 'stakesWeight', 'outA', 'outB',
] as const;

/** What the written-out loop is specialised to: a model's shape and its mechanism switches. */
export interface LoopShape {
  months: number;
  actors: number;
  issues: number;
  /** The alliance's members (actor indices): slot 0 is a judging b, slot 1 b judging a. */
  a: number;
  b: number;
  /** The third powers, in actor order. */
  others: readonly number[];
  nuclearIssues: readonly number[];
  /** The relations that drift each month (those the run reads), as indices into the n x n relation matrix. */
  drifting: readonly number[];
  /** Each mechanism's switch (1 on, 0 off), in MECHANISM_IDS order. */
  on: readonly number[];
}

const M = MECHANISM_IDS.length;
const [SEC, ECO, STA, AUT, IDE, BAR, WED, NUC, STK] = ['security', 'economy', 'standing', 'autonomy', 'ideology', 'bargaining', 'wedge', 'nuclear', 'stakes'].map((id) => MECHANISM_IDS.indexOf(id));
const { material: MAT, sovereignty: SOV, doctrine: DOC, nuclear: NUCLEAR } = DIMENSION;
const DRAW_SCALE = 4294967296;
const INDUCE = ACT_KINDS.indexOf('induce');
const PRESSURE = ACT_KINDS.indexOf('pressure');

/**
 * The body of a function of one argument, `env` (the kernel's tables, state arrays and helpers, see fused-run.ts), that returns
 * the loop `(rng, trace) => RunSummary | null` for a model of this shape; `names` are env's keys, which the body takes as
 * constants of its own.
 */
export function fusedSource(shape: LoopShape, names: readonly string[]): string {
  const { months: T, actors: n, issues: K, a: A, b: B } = shape;
  const integers = [T, n, K, A, B, ...shape.others, ...shape.nuclearIssues, ...shape.drifting, ...shape.on];
  if (!integers.every(Number.isSafeInteger) || shape.on.length !== M) throw new TypeError('a loop shape holds integers only, and a switch per mechanism');
  if (!names.every((name) => /^[A-Za-z_$][\w$]*$/.test(name))) throw new TypeError('the environment\'s names are identifiers only');
  const out: string[] = [];
  const put = (line: string) => out.push(line);
  put(`'use strict';`);
  put(`const { ${names.join(', ')} } = env;`);
  put(`const clamp = (x, lo, hi) => (x < lo ? lo : x > hi ? hi : x);`);
  // The run's scalar state, shared by the functions below.
  put(`let h = 0, lastDefect = NEVER, lastForce = NEVER, severed = 0, breaker = -1, demand0 = -1, demandMonth0 = NEVER, demand1 = -1, demandMonth1 = NEVER;`);
  // thirdActs: the third powers' acts, which a tally counts with the allies'.
  put(`let act, latentWanted = true, thirdActs = 0;`);
  put(`let initial = 'allied', changes = [], firstBreak = -1, firstBreakReason = '', firstBreakBelow = false, firstHostile = -1;`);
  // What happens in few months stays out of the month loop's function, which V8 then compiles (and compiles again, as rare
  // paths are first taken) in a fraction of the time.
  put(`function applyEvents(t) {`);
  put(withParameters(`for (let e = eventStart[t]; e < eventStart[t + 1]; e++) {\n${eventSource(n, K, A, B)}\n}`));
  put(`}`);
  put(`function thirdPowersAct(t, d) {`);
  put(withParameters(thirdPowerSource(n, A, B)));
  put(`}`);
  put(`function statusMoved(t, before, now, reason, smoothed0, smoothed1) {`);
  put(statusMoveSource(A, B));
  put(`}`);
  for (let s = 0; s < 2; s++) {
    // The member's margins come in a typed array (see decisionMargins in fused-run.ts), not as arguments.
    put(`function decideSlot${s}(t, d0, below) {`);
    put(`const margin = decisionMargins[0], smoothed = decisionMargins[1], partnerMargin = decisionMargins[2];`);
    put(withParameters(decideSource(shape, s)));
    put(`}`);
  }
  put(`return function loop(rng, trace) {`);
  const outer = out.splice(0, out.length);
  put(`takeDraws(rng);`);
  put(`act = trace.act;`);
  put(`latentWanted = trace.actLatent !== false;`);
  put(`const cooperation = trace.cooperation;`);
  put(`const tally = trace.tally;`);
  // An ensemble's tally (run-digest.ts) sums the alliance's two directed dyads, a to b then b to a (see the month's step).
  put(`const pairTally = tally !== undefined && tally.cells.length === 2 && tally.cells[0] === ${A * n + B} && tally.cells[1] === ${B * n + A};`);
  put(`const pairSums = pairTally ? tally.sums : undefined, pairPeriodOf = pairTally ? tally.periodOf : undefined, pairPeriods = pairTally ? tally.periods : 0;`);
  put(`thirdActs = 0;`);
  put(`rel.set(relation0); relBase.set(relationBase0); aid.set(aid0); ind.set(inducement0); pos.fill(NaN); sal.fill(0); outcome.set(statusQuo);`);
  put(`h = hierarchy0; lastDefect = NEVER; lastForce = NEVER; severed = 0; breaker = -1;`);
  put(`demand0 = -1; demandMonth0 = NEVER; demand1 = -1; demandMonth1 = NEVER;`);
  put(`staleTerm.fill(1); staleQuery.fill(1);`);
  put(`let below0 = 0, below1 = 0, above = 0, status = 0, smoothed0 = NaN, smoothed1 = NaN, acts = 0;`);
  put(`initial = 'allied'; changes = []; firstBreak = -1; firstBreakReason = ''; firstBreakBelow = false; firstHostile = -1;`);
  put(`for (let t = 0; t < ${T}; t++) {`);
  // A loop, not coop.fill(0): the builtin's call costs more than the few cells it clears, every month of a run.
  put(`if (cooperation !== undefined) { if (tally !== undefined && t > 0) addMonth(tally, t - 1, coop); for (let c = 0; c < ${n * n}; c++) coop[c] = 0; }`);
  // A tally adds each month's cooperation at the start of the next month, as it clears it, and the last month's after the
  // loop (added at the end of each month instead, the same sums cost a run some 15% more: measured, not understood), by
  // tally.ts's rule (startMonth). For an ensemble's tally, the alliance's two dyads, the rule is written out here with their
  // cells as constants: through startMonth, its loops and indirections over the cells cost a digested run some 3% more,
  // timed in one process on one model (alternating batches of 500 runs: a digested run 1.043-1.065x the bare engine's
  // calling startMonth, 1.017-1.019x written out). Counted, an ensemble's worker thread is 1.040x the bare engine's
  // instructions with it written out, 1.055-1.059x with the generic forms earlier builds had (a loop over the cells in the
  // loop's text, the same in a function of the loop's own, startMonth), which the counts had not told apart.
  put(`else if (pairTally) { if (t > 0) { const p = pairPeriodOf[t - 1]; pairSums[p] += coop[${A * n + B}]; pairSums[pairPeriods + p] += coop[${B * n + A}]; } coop[${A * n + B}] = 0; coop[${B * n + A}] = 0; }`);
  put(`else if (tally !== undefined) startMonth(tally, t, coop);`);
  put(`for (let x = positionStart[t]; x < positionStart[t + 1]; x++) { const d = positionActor[x] * ${K} + positionIssue[x]; pos[d] = positionValue[x]; sal[d] = positionSalience[x]; changed(positionIssue[x]); }`);
  put(`for (let c = baselineStart[t]; c < baselineStart[t + 1]; c++) relBase[baselineDyad[c]] = baselineValue[c];`);
  put(`if (eventStart[t] < eventStart[t + 1]) applyEvents(t);`);
  put(`if (live[t]) {`);
  for (let s = 0; s < 2; s++) put(`let value${s};\n{\n${valueSource(shape, s)}\n}`);
  put(`const margin0 = value0 - outA;`);
  put(`const margin1 = value1 - outB;`);
  put(`if (value0 * 0 + value1 * 0 + margin0 * 0 + margin1 * 0 !== 0) { kernel.failedMonth = t; if (tally !== undefined) tally.acts[0] += acts + thirdActs; return null; }`);
  put(`const d = drawStart[t];`);
  put(`if ((draws[d] >>> 0) / ${DRAW_SCALE} < activity) { decisionMargins[0] = margin0; decisionMargins[1] = smoothed0; decisionMargins[2] = margin1; decideSlot0(t, d + 1, below0); acts++; }`);
  put(`if ((draws[d + 14] >>> 0) / ${DRAW_SCALE} < activity) { decisionMargins[0] = margin1; decisionMargins[1] = smoothed1; decisionMargins[2] = margin0; decideSlot1(t, d + 15, below1); acts++; }`);
  put(`if (thirdStart[t] < thirdStart[t + 1]) thirdPowersAct(t, d);`);
  put(shape.drifting.map((d) => `rel[${d}] += memory * (relBase[${d}] - rel[${d}]);`).join('\n'));
  put(statusSource(n, A, B));
  put(`} else {`);
  put(shape.drifting.map((d) => `rel[${d}] += memory * (relBase[${d}] - rel[${d}]);`).join('\n'));
  put(`}`);
  put(`if (cooperation !== undefined) cooperation(t, coop);`);
  put(`}`);
  put(`if (tally !== undefined) { addMonth(tally, ${T - 1}, coop); tally.acts[0] += acts + thirdActs; }`);
  put(`return { initial: [initial], changes, firstBreak: [firstBreak], firstBreakReason: [firstBreakReason], firstBreakBelow: [firstBreakBelow], firstHostile: [firstHostile], acts };`);
  const body = withParameters(out.splice(0, out.length).join('\n'));
  out.push(...outer, body, `};`);
  return out.join('\n');
}

/**
 * A function body that first reads the parameters and weights it uses into constants of its own (a run does not change them):
 * V8 then keeps them as unboxed numbers in registers, where names shared by several functions would be boxed numbers reread
 * at each use.
 */
function withParameters(body: string): string {
  const reads: string[] = [];
  LOOP_PARAMETERS.forEach((name, x) => { if (new RegExp(`\\b${name}\\b`).test(body)) reads.push(`const ${name} = par[${x}];`); });
  for (let s = 0; s < 2; s++) for (let m = 0; m < M; m++) if (new RegExp(`\\bw${s}_${m}\\b`).test(body)) reads.push(`const w${s}_${m} = w[${s * M + m}];`);
  return `${reads.join('\n')}\n${body}`;
}

/** effects.ts's applyEvent for event `events[e]` (capabilities and leaders are in the kernel's schedules). */
function eventSource(n: number, K: number, A: number, B: number): string {
  return `const ev = events[e];
if (ev.to >= 0) {
  const step = (responsiveness * ev.intensity) / 10;
  { const d = ev.from * ${n} + ev.to; const x = rel[d]; rel[d] = clamp(x + step * (step > 0 ? 1 - x : 1 + x), -1, 1); coop[d] += ev.intensity; }
  if (ev.joint) { const d = ev.to * ${n} + ev.from; const x = rel[d]; rel[d] = clamp(x + step * (step > 0 ? 1 - x : 1 + x), -1, 1); coop[d] += ev.intensity; }
  if (ev.kind !== 'other' && ((ev.from === ${A} && ev.to === ${B}) || (ev.from === ${B} && ev.to === ${A}))) {
    if (ev.kind === 'force') lastForce = t; else { lastDefect = t; severed = 1; }
    breaker = ev.from;
  }
}
for (const f of ev.effects) {
  switch (f.op) {
    case ${OP.aid}: aid[f.a * ${n} + f.b] = f.v; break;
    case ${OP.threat}: rel[f.a * ${n} + f.b] = clamp(rel[f.a * ${n} + f.b] - f.v, -1, 1); break;
    case ${OP.relation}: rel[f.a * ${n} + f.b] = clamp(rel[f.a * ${n} + f.b] + f.v, -1, 1); break;
    case ${OP.position}: { const d = f.a * ${K} + f.k; const base = pos[d] !== pos[d] ? statusQuo[f.k] : pos[d]; pos[d] = clamp(f.rel ? base + f.v : f.v, 0, 100); changed(f.k); break; }
    case ${OP.salience}: { const d = f.a * ${K} + f.k; sal[d] = clamp(f.rel ? sal[d] + f.v : f.v, 0, 1); changed(f.k); break; }
    case ${OP.concession}: outcome[f.k] = f.v; changed(f.k); break;
    case ${OP.inducement}: ind[f.a * ${n} + f.b] = f.v; break;
    case ${OP.hierarchy}: h = clamp(f.rel ? h + f.v : f.v, 0, 1); break;
    default: break;
  }
}`;
}

/** Member slot s's value of the alliance this month, `value${s}`, term by term in valuation.ts's order; C holds the terms decisions read. */
function valueSource(shape: LoopShape, s: number): string {
  const { months: T, actors: n, issues: K, on } = shape;
  const i = s === 0 ? shape.a : shape.b;
  const j = s === 0 ? shape.b : shape.a;
  const NO = shape.others.length;
  const cb = s * M;
  const g = (d: number) => s * 4 + d;
  const lines: string[] = [];
  const put = (line: string) => lines.push(line);
  put(`const x${s} = ${s * T} + t;`);
  put(`const jun${s} = junior[x${s}] === 1;`);
  // The issue terms of this slot whose dimension changed since they were last worked out.
  for (const [dim, call] of [[MAT, `issueGainInto(model, issues, ${i}, ${j}, ${MAT}, gainOf, ${g(MAT)})`], [SOV, `issueGainInto(model, issues, ${i}, ${j}, ${SOV}, gainOf, ${g(SOV)})`], [NUCLEAR, `issueGainInto(model, issues, ${i}, ${j}, ${NUCLEAR}, gainOf, ${g(NUCLEAR)})`], [DOC, `doctrineDistanceInto(model, issues, ${i}, ${j}, gainOf, ${g(DOC)})`]] as const) {
    put(`if (staleTerm[${g(dim)}]) { ${call}; staleTerm[${g(dim)}] = 0; }`);
  }
  put(`let total = 0;`);
  put(`let c = 0;`);
  if (on[SEC]) {
    put(`{ const ci = capI[x${s}]; const support = ((1 + rel[${j * n + i}]) / 2) * capJ[x${s}]; let protection = 0; let entrapped = 0;`);
    shape.others.forEach((k, z) => {
      // A third power hostile to neither adds 0 times a finite number to both sums: nothing, exactly.
      put(`{ const ck = capOther[t * ${NO} + ${z}]; if (!(ck <= 0)) { const rki = rel[${k * n + i}]; const rkj = rel[${k * n + j}]; if (!(rki >= 0 && rkj >= 0)) {`);
      put(`const hostileToI = Math.max(0, -rki); const hostileToJ = Math.max(0, -rkj);`);
      put(`protection += hostileToI * (alone[x${s} * ${NO} + ${z}] - ck / (ck + ci + support));`);
      put(`entrapped += hostileToJ * (1 - hostileToI) * against[x${s} * ${NO} + ${z}]; } } }`);
    });
    put(`c = w${s}_${SEC} * (protection - entrapment * entrapped); }`);
  } else put(`c = 0;`);
  put(`C[${cb + SEC}] = c; total += c;`);
  put(on[ECO] ? `c = w${s}_${ECO} * economyTerm(aid, ${n}, ${i}, ${j}, benefit, aidCost);` : `c = 0;`);
  put(`C[${cb + ECO}] = c; total += c;`);
  put(on[STA] ? `c = w${s}_${STA} * standingTerm(h, ratioPow[x${s}], jun${s}, ambitionI[x${s}], ambitionJ[x${s}], resentment, prestige, challenge);` : `c = 0;`);
  put(`C[${cb + STA}] = c; total += c;`);
  put(on[AUT] ? `c = w${s}_${AUT} * autonomyTerm(gainOf[${g(SOV)}], jun${s}, ratio[x${s}], autonomyWeight, growth);` : `c = 0;`);
  put(`total += c;`);
  put(on[IDE] ? `c = w${s}_${IDE} * ideologyTerm(gainOf[${g(DOC)}], solidarity, divergence);` : `c = 0;`);
  put(`C[${cb + IDE}] = c; total += c;`);
  put(on[BAR] ? `c = w${s}_${BAR} * (bargainingWeight * gainOf[${g(MAT)}]);` : `c = 0;`);
  put(`total += c;`);
  put(`total += personality[x${s}];`);
  put(on[WED] ? `c = w${s}_${WED} * wedgeTerm(rel, ind, ${n}, ${i}, ${j}, pressureWeight, inducementWeight);` : `c = 0;`);
  put(`total += c;`);
  if (on[NUC]) {
    put(`{ const g = help * gainOf[${g(NUCLEAR)}]; if (jun${s}) c = w${s}_${NUC} * g; else { let salience = 0;`);
    for (const k of shape.nuclearIssues) put(`salience = Math.max(salience, sal[${j * K + k}]);`);
    put(`c = w${s}_${NUC} * (g - fear * salience * riskJ[x${s}]); } }`);
  } else put(`c = 0;`);
  put(`C[${cb + NUC}] = c; total += c;`);
  if (on[STK]) {
    put(`{ const position = stakes[${s * 3}]; const denial = stakes[${s * 3 + 1}]; const cohesion = stakes[${s * 3 + 2}];`);
    put(`if (position === 0 && denial === 0 && cohesion === 0) c = w${s}_${STK} * 0; else { let rival = 0;`);
    for (const k of shape.others) put(`rival = Math.max(rival, -rel[${k * n + i}]);`);
    put(`c = w${s}_${STK} * (stakesWeight * (position + denial * rival + cohesion * (jun${s} ? 1 - h : h))); } }`);
  } else put(`c = 0;`);
  put(`C[${cb + STK}] = c; total += c;`);
  put(`total += commitment[x${s}];`);
  put(`value${s} = total;`);
  return lines.join('\n');
}

interface OptionSource {
  o: number;
  /** When the option is open (always, if absent). */
  open?: string;
  p1: string;
  p2: string;
}

/**
 * Member slot s decides, as decision.ts's decide (the loop has checked its activity draw): each open option's score is
 * ((z + P1) - P2), plus aidR and aidS for aid. If the option with the highest score at the low end of its draw's range is the
 * only one whose score at the high end reaches it, it wins, exactly, with no logarithm; otherwise every open option's score is
 * worked out as the readable rule does (the kernel's exactChoice, from P1 and P2).
 */
function decideSource(shape: LoopShape, s: number): string {
  const { months: T, actors: n, issues: K } = shape;
  const i = s === 0 ? shape.a : shape.b;
  const j = s === 0 ? shape.b : shape.a;
  const cb = s * M;
  const ij = i * n + j;
  const other = 1 - s;
  const options: OptionSource[] = [
    { o: OPTION.aid, open: `capI[x] > capJ[x] && aid[${ij}] < 1`, p1: `margin`, p2: `-R` },
    { o: OPTION.agree, p1: `margin + R`, p2: `0` },
    { o: OPTION.concede, open: `pending >= 0 && t - pendingMonth <= 12`, p1: `C[${cb + SEC}] + C[${cb + STK}] + R - concessionCost(model, issues, ${i}, ${j}, pending)`, p2: `0` },
    { o: OPTION.consult, p1: `0`, p2: `0` },
    ...[0, 1, 2].map((d) => ({ o: OPTION.demandSovereignty + d, open: `gapOf[${s * 3 + d}] >= 0`, p1: `demandWeight[${s * 3 + d}] * shortOf[${s * 3 + d}]`, p2: `0` })),
    { o: OPTION.criticise, open: `polemic > 0`, p1: `polemic`, p2: `R` },
    { o: OPTION.withholdAid, open: `aid[${ij}] > 0 && withheldAid > 0`, p1: `withheldAid`, p2: `R` },
    { o: OPTION.withholdNuclear, open: `retractOf[${s}] >= 0 && nuclearCost > 0`, p1: `nuclearCost`, p2: `R` },
    { o: OPTION.reduce, p1: `-smoothed / 2 - R`, p2: `0` },
    { o: OPTION.defect, open: `below >= patience && severed === 0`, p1: `-smoothed`, p2: `R` },
    { o: OPTION.force, open: `severed === 1 && rel[${ij}] <= forceRelation`, p1: `-(smoothed * riskI[x])`, p2: `R` },
  ];
  const lines: string[] = [];
  const put = (line: string) => lines.push(line);
  put(`const x = ${s * T} + t;`);
  put(`const spread = spreadOf[x];`);
  put(`const R = reciprocity * rel[${j * n + i}];`);
  put(`const pending = demand${other};`);
  put(`const pendingMonth = demandMonth${other};`);
  // decision.ts's issue queries of this slot whose dimension changed since they were last worked out.
  DEMAND_DIMENSION.forEach((dim, d) => {
    put(`if (staleQuery[${s * 4 + dim}]) { const k = demandOn[${d}] ? widestGap(model, issues, ${i}, ${j}, ${dim}) : -1; gapOf[${s * 3 + d}] = k; if (k >= 0) shortfallInto(model, issues, ${i}, ${j}, ${dim}, shortOf, ${s * 3 + d});${dim === NUCLEAR ? ` retractOf[${s}] = retractableNuclear(model, issues, ${i}, ${j});` : ``} staleQuery[${s * 4 + dim}] = 0; }`);
  });
  put(`if (staleQuery[${s * 4 + DOC}]) { doctrinalOf[${s}] = widestDoctrinalGap(model, issues, ${i}, ${j}); staleQuery[${s * 4 + DOC}] = 0; }`);
  put(`const polemic = Math.max(0, -C[${cb + IDE}]) + Math.max(0, -C[${cb + STA}]);`);
  put(`const withheldAid = -C[${cb + ECO}];`);
  put(`const nuclearCost = -C[${cb + NUC}];`);
  put(`let aidR = 0, aidS = 0, opened = 0;`);
  put(`let maxLow = -Infinity, argLow = -1, maxHigh = -Infinity, argHigh = -1, secondHigh = -Infinity;`);
  for (const { o, open, p1, p2 } of options) {
    const extra = o === OPTION.aid ? ` + aidR + aidS` : ``;
    put(`${open === undefined ? `{` : `if (${open}) {`}${o === OPTION.aid ? ` aidR = Math.max(0, -partnerMargin); aidS = C[${cb + ECO}];` : ``}`);
    put(`const p1 = ${p1}; const p2 = ${p2}; P1[${o}] = p1; P2[${o}] = p2; opened |= ${1 << o};`);
    put(`const b = (draws[d0 + ${o}] >>> 20) << 1; const low = spread * GUMBEL_BOUNDS[b] + p1 - p2${extra}; const high = spread * GUMBEL_BOUNDS[b + 1] + p1 - p2${extra};`);
    put(`if (low > maxLow) { maxLow = low; argLow = ${o}; }`);
    put(`if (high > maxHigh) { secondHigh = maxHigh; maxHigh = high; argHigh = ${o}; } else if (high > secondHigh) secondHigh = high; }`);
  }
  put(`const chosen = spread > 0 && argHigh === argLow && secondHigh < maxLow ? argLow : exactChoice(spread, d0, opened, aidR, aidS);`);
  // The criticise and nuclear-retract issues are read at every decision, not only for the option that needs them: an
  // operation the runs so far have not reached has no type feedback, and V8's optimised function gives way (deoptimises,
  // and is compiled again) the first time one is.
  put(`const doctrinal = doctrinalOf[${s}], retract = retractOf[${s}];`);
  // The issue the chosen option concerns (decision.ts's issue[o]), read before the option is applied.
  put(`const k = chosen === ${OPTION.concede} ? pending : chosen >= ${OPTION.demandSovereignty} && chosen < ${OPTION.demandSovereignty + 3} ? gapOf[${s * 3 - OPTION.demandSovereignty} + chosen] : chosen === ${OPTION.criticise} ? doctrinal : chosen === ${OPTION.withholdNuclear} ? retract : -1;`);
  put(`switch (chosen) {`);
  put(`case ${OPTION.aid}: aid[${ij}] = Math.min(1, aid[${ij}] + aidStep); break;`);
  put(`case ${OPTION.concede}: moveOutcome(k, pos[${j} * ${K} + k]); demand${other} = -1; break;`);
  put(`case ${OPTION.demandSovereignty}: case ${OPTION.demandMaterial}: case ${OPTION.demandNuclear}: demand${s} = k; demandMonth${s} = t; break;`);
  put(`case ${OPTION.criticise}: polarise(${i}, ${j}); if (junior[x]) h = Math.max(0, h - hierarchyErosion); break;`);
  put(`case ${OPTION.withholdAid}: aid[${ij}] *= 1 - aidCut; break;`);
  put(`case ${OPTION.withholdNuclear}: if (k >= 0) moveOutcome(k, pos[${i} * ${K} + k]); break;`);
  put(`case ${OPTION.defect}: lastDefect = t; severed = 1; breaker = ${i}; break;`);
  put(`case ${OPTION.force}: lastForce = t; breaker = ${i}; break;`);
  put(`default: break;`);
  put(`}`);
  put(`const kind = KIND_OF[chosen];`);
  put(`const r = rel[${ij}]; const step = STEP[kind]; rel[${ij}] = clamp(r + step * (step > 0 ? 1 - r : 1 + r), -1, 1); coop[${ij}] += GOLDSTEIN[kind];`);
  put(`if (act !== undefined) {`);
  put(`const category = OPTION_CATEGORY[chosen] >= 0 ? OPTION_CATEGORY[chosen] : k < 0 ? DIPLOMATIC : DIMENSION_CATEGORY[dimension[k]];`);
  put(`act(t, 0, ${i}, ${j}, ACT_KINDS[kind], k, latentWanted ? scoreOf(chosen, spread * gumbelOf(draws[d0 + chosen]), aidR, aidS) : NaN, ACT_CATEGORIES[category]);`);
  put(`}`);
  return lines.join('\n');
}

/** The third powers of this month court or pressure the ally they can pry away most easily (third-power.ts). */
function thirdPowerSource(n: number, A: number, B: number): string {
  return `{ const strain = Math.max(0, -(rel[${A * n + B}] + rel[${B * n + A}]) / 2);
for (let q = thirdStart[t], y = d + 28; q < thirdStart[t + 1]; q++, y++) {
  if ((draws[y] >>> 0) / ${DRAW_SCALE} >= activity) continue;
  const k = thirdPowers[q];
  thirdActs++;
  const pryA = rel[${A * n} + k] - rel[${A * n + B}];
  const pryB = rel[${B * n} + k] - rel[${B * n + A}];
  const target = pryA >= pryB ? ${A} : ${B};
  const dyad = k * ${n} + target;
  const kind = strain >= wedgeStrain ? ${INDUCE} : ${PRESSURE};
  if (kind === ${INDUCE}) ind[dyad] += courtship * (strain - ind[dyad]); else ind[dyad] *= 1 - courtship;
  { const step = STEP[kind]; const r = rel[dyad]; rel[dyad] = clamp(r + step * (step > 0 ? 1 - r : 1 + r), -1, 1); coop[dyad] += GOLDSTEIN[kind]; }
  if (act !== undefined) { if (kind === ${INDUCE}) act(t, 0, k, target, 'induce', -1, strain, 'diplomatic'); else act(t, 0, k, target, 'pressure', -1, strain, 'crisis'); }
} }`;
}

/**
 * status.ts's update: each member's smoothed margin, then the alliance's status; statusMoved records a change. `healed` is
 * worked out every month, not only while the alliance is severed, for the reason decideSource gives.
 */
function statusSource(n: number, A: number, B: number): string {
  return `smoothed0 = smoothed0 !== smoothed0 ? margin0 : smoothed0 + statusMemory * (margin0 - smoothed0);
below0 = smoothed0 < 0 ? below0 + 1 : 0;
smoothed1 = smoothed1 !== smoothed1 ? margin1 : smoothed1 + statusMemory * (margin1 - smoothed1);
below1 = smoothed1 < 0 ? below1 + 1 : 0;
const worst = Math.min(smoothed0, smoothed1);
above = worst >= restoreMargin ? above + 1 : 0;
const healed = above >= patience && t - lastDefect >= defectionMemory;
if (severed === 1 && healed) severed = 0;
let now, reason;
if (t - lastForce < forceMemory) { now = 3; reason = 'force'; }
else if (Math.max(rel[${A * n + B}], rel[${B * n + A}]) <= hostileRelation) { now = 3; reason = 'relations'; }
else if (severed === 1) { now = 2; reason = 'defection'; }
else if (worst < brokenMargin) { now = 2; reason = 'margin'; }
else if (worst < strainedMargin) { now = 1; reason = 'margin'; }
else { now = 0; reason = 'margin'; }
// The first break and the first hostility fall in a month the status changes (or the first).
if (t === 0 || now !== status) statusMoved(t, status, now, reason, smoothed0, smoothed1);
status = now;`;
}

/** The run's first status, or a change of status, and the first break's and first hostility's facts (status.ts). */
function statusMoveSource(A: number, B: number): string {
  return `if (t === 0) initial = STATUSES[now];
else changes.push({ month: t, alliance: 0, from: STATUSES[before], to: STATUSES[now], reason });
if (now >= 2 && firstBreak < 0) {
  firstBreak = t;
  firstBreakReason = reason;
  const broke = reason === 'defection' || reason === 'force' ? breaker : -1;
  const side = broke === ${B} ? 1 : broke === ${A} ? 0 : smoothed0 <= smoothed1 ? 0 : 1;
  firstBreakBelow = (side === 0 ? smoothed0 : smoothed1) < 0;
}
if (now === 3 && firstHostile < 0) firstHostile = t;`;
}
