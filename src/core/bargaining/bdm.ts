// Bueno de Mesquita's expected-utility model on one issue, as reconstructed by Scholz, Calbert & Smith (2011).
// Formulas and every choice where the paper, BDM (1994) and Scholz's code differ are in docs/bargaining.md.
import { uniform01, weightedMean, weightedMedian, type RandomSource } from './types.js';

/** How the probability that i's position beats j's is normalised. */
export type BdmProbability = 'scholz' | 'pairwise';
/** How an actor picks among the offers it receives. */
export type BdmOfferRule = 'scholz' | 'least-move';

/** Options of the BDM model; defaults reproduce Scholz et al.'s code (see docs/bargaining.md). */
export interface BdmOptions {
  /** Number of bargaining rounds. */
  rounds: number;
  /** Q: probability that the status quo persists if i does not challenge (BDM 1994); Scholz uses 1. */
  q: number;
  /** T: probability that a changed status quo moves towards i (only used when Q < 1). */
  t: number;
  /** 'scholz': votes for i over j divided by |votes| summed over all actor triples (Scholz's code); 'pairwise': by |votes| on this pair (BDM 1994). */
  probability: BdmProbability;
  /** 'scholz': confrontation, else compromise by Scholz's special key, capitulation never fires (Scholz's code); 'least-move': the offer that moves the actor least (BDM 1994, Scholz's paper). */
  offers: BdmOfferRule;
  /** Salience shocks: before each round each actor's salience is redrawn uniformly on [0, 1] with this probability (0 = none). */
  shock: number;
}

/** The defaults: Scholz et al.'s code, Q = 1, T = 1, no shocks, 10 rounds. */
export const BDM_DEFAULTS: BdmOptions = { rounds: 10, q: 1, t: 1, probability: 'scholz', offers: 'scholz', shock: 0 };

/** The kind of offer an actor accepts. */
export type OfferKind = 'confrontation' | 'compromise' | 'capitulation';

/** An offer an actor accepts: from whom, of what kind, and the position it moves to. */
export interface BdmMove {
  actor: number;
  from: number;
  kind: OfferKind;
  to: number;
}

/** One issue's state between rounds. */
export interface BdmIssueState {
  x: number[];
  c: number[];
  s: number[];
  /** Risk exponents r_i ∈ [0.5, 2]; 1 = risk neutral. */
  r: number[];
  /** The range of the input positions; distances are divided by it. */
  range: number;
}

/** The record of a BDM run on one issue. */
export interface BdmIssueRun {
  positions: number[][];
  salience: number[][];
  risk: number[][];
  median: number[];
  mean: number[];
  moves: BdmMove[][];
  stop: string;
  /** Set when the positions returned to an earlier round's: the cycle's first round, its length and its mean median. */
  cycle?: BdmCycle;
}

/** A cycle of positions: from round `from` the positions repeat every `period` rounds; `mean` is the median averaged over one period. */
export interface BdmCycle {
  from: number;
  period: number;
  mean: number;
}

/** Starts an issue from positions, capabilities and saliences (risk neutral). */
export function bdmStart(x: readonly number[], c: readonly number[], s: readonly number[]): BdmIssueState {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of x) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return { x: [...x], c: [...c], s: [...s], r: x.map(() => 1), range: hi - lo };
}

/** Probability matrix P[i][j] that i's position beats j's (0 when they coincide), with each voter's own risk exponent. */
export function bdmProbabilities(st: BdmIssueState, rule: BdmProbability): number[][] {
  const n = st.x.length;
  // f[k*n + a]: k's normalised loss from position a, (|x_k − x_a| / range)^r_k; k's vote for a over b is c_k s_k (f[k][b] − f[k][a]).
  const f = new Float64Array(n * n);
  const w = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    w[k] = st.c[k] * st.s[k];
    for (let a = 0; a < n; a++) f[k * n + a] = power(Math.abs(st.x[k] - st.x[a]) / st.range, st.r[k]);
  }
  let all = 0;
  if (rule === 'scholz') {
    // Σ_k Σ_a Σ_b |v_k(a, b)| computed per voter from sorted losses: Σ_{a,b} |f_a − f_b| = 2 Σ_i f_(i) (2i − n + 1).
    for (let k = 0; k < n; k++) {
      const sorted = f.slice(k * n, (k + 1) * n).sort();
      let pairSum = 0;
      for (let i = 0; i < n; i++) pairSum += sorted[i] * (2 * i - n + 1);
      all += w[k] * 2 * pairSum;
    }
  }
  const p: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(n).fill(0);
    for (let j = 0; j < n; j++) {
      if (st.x[i] === st.x[j]) continue;
      let pro = 0;
      let abs = 0;
      for (let k = 0; k < n; k++) {
        const v = w[k] * (f[k * n + j] - f[k * n + i]);
        if (v > 0) pro += v;
        abs += v < 0 ? -v : v;
      }
      const den = rule === 'scholz' ? all : abs;
      row[j] = den > 0 ? pro / den : 0.5;
    }
    p.push(row);
  }
  return p;
}

/**
 * E^h(U_ij): h's estimate of i's expected utility from challenging j, with h's risk exponent (BDM 1994, eq. as in Scholz et al.).
 * `median` is the current median voter position, used only when Q < 1.
 */
export function bdmExpectedUtility(
  st: BdmIssueState, p: number[][], h: number, i: number, j: number, q: number, t: number, median: number,
): number {
  const rh = st.r[h];
  const d = Math.abs(st.x[i] - st.x[j]) / st.range;
  return expectedUtility(st.s[j], p[i][j], power(0.5 - 0.5 * d, rh), power(0.5 + 0.5 * d, rh), power(0.5, rh), q, t,
    q < 1 ? (Math.abs(st.x[i] - median) + Math.abs(st.x[i] - st.x[j])) / st.range : 0, rh);
}

/** x^r with the risk-neutral case exact and cheap (the danger levels are all computed at r = 1). */
function power(x: number, r: number): number {
  return r === 1 ? x : Math.pow(x, r);
}

/**
 * The expected utility of a challenge from its parts: the target resists with probability sTarget (its salience);
 * `a` = (0.5 − d/2)^r and `b` = (0.5 + d/2)^r give U_success = 2 − 4a and U_failure = 2 − 4b; `half` = 0.5^r gives U_sq.
 */
function expectedUtility(sTarget: number, pij: number, a: number, b: number, half: number, q: number, t: number, dm: number, rh: number): number {
  const uSuccess = 2 - 4 * a;
  const uFailure = 2 - 4 * b;
  const uStatusQuo = 2 - 4 * half;
  // Unresisted, i gets its way.
  let eu = sTarget * (pij * uSuccess + (1 - pij) * uFailure) + (1 - sTarget) * uSuccess - q * uStatusQuo;
  if (q < 1) {
    const uBetter = 2 - 4 * power(Math.max(0, 0.5 - 0.25 * dm), rh);
    const uWorse = 2 - 4 * power(0.5 + 0.25 * dm, rh);
    eu -= (1 - q) * (t * uBetter + (1 - t) * uWorse);
  }
  return eu;
}

/** Risk exponents from the danger each actor faces: r_i = (1 − R_i/3)/(1 + R_i/3), R_i from Σ_j E^i(U_ji) with everyone risk neutral. */
export function bdmRisk(st: BdmIssueState, opts: BdmOptions): number[] {
  const n = st.x.length;
  const neutral: BdmIssueState = { ...st, r: st.x.map(() => 1) };
  const p = bdmProbabilities(neutral, opts.probability);
  const median = weightedMedian(st.x, st.x.map((_, k) => st.c[k] * st.s[k]));
  const danger = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (j !== i) danger[i] += bdmExpectedUtility(neutral, p, i, j, i, opts.q, opts.t, median);
  }
  const max = Math.max(...danger);
  const min = Math.min(...danger);
  return danger.map((di) => {
    // With no spread in danger every actor is as safe as every other: risk neutral.
    const big = max > min ? (2 * di - max - min) / (max - min) : 0;
    return (1 - big / 3) / (1 + big / 3);
  });
}

/** Each actor's view of every counterpart after the risk update: [E^i(U_ij), E^i(U_ji)] for all j. */
export function bdmPerceptions(st: BdmIssueState, opts: BdmOptions): { risk: number[]; eu: [number, number][][] } {
  const risk = bdmRisk(st, opts);
  const cur: BdmIssueState = { ...st, r: risk };
  const p = bdmProbabilities(cur, opts.probability);
  const median = weightedMedian(cur.x, cur.x.map((_, k) => cur.c[k] * cur.s[k]));
  const n = cur.x.length;
  const eu: [number, number][][] = [];
  for (let i = 0; i < n; i++) {
    const r = risk[i];
    const half = power(0.5, r);
    const row: [number, number][] = [];
    for (let j = 0; j < n; j++) {
      if (j === i) {
        row.push([0, 0]);
        continue;
      }
      // Both challenges span the same distance and are judged with i's risk exponent: only who resists and P differ.
      const d = Math.abs(cur.x[i] - cur.x[j]) / cur.range;
      const a = power(0.5 - 0.5 * d, r);
      const b = power(0.5 + 0.5 * d, r);
      const dmI = opts.q < 1 ? (Math.abs(cur.x[i] - median) + Math.abs(cur.x[i] - cur.x[j])) / cur.range : 0;
      const dmJ = opts.q < 1 ? (Math.abs(cur.x[j] - median) + Math.abs(cur.x[j] - cur.x[i])) / cur.range : 0;
      row.push([
        expectedUtility(cur.s[j], p[i][j], a, b, half, opts.q, opts.t, dmI, r),
        expectedUtility(cur.s[i], p[j][i], a, b, half, opts.q, opts.t, dmJ, r),
      ]);
    }
    eu.push(row);
  }
  return { risk, eu };
}

interface Offer { from: number; kind: OfferKind; to: number; euI: number; euJ: number }

/** The offer actor i accepts this round, or none; the offer's kind follows i's own view of both expected utilities. */
function bestOffer(st: BdmIssueState, i: number, eu: [number, number][], rule: BdmOfferRule): Offer | undefined {
  const offers: Offer[] = [];
  for (let j = 0; j < st.x.length; j++) {
    if (st.x[j] === st.x[i]) continue;
    const [euI, euJ] = eu[j];
    if (euJ > euI && euI > 0) offers.push({ from: j, kind: 'confrontation', to: st.x[j], euI, euJ });
    else if (euJ > 0 && euI < 0 && euJ > Math.abs(euI)) {
      offers.push({ from: j, kind: 'compromise', to: st.x[i] + (st.x[j] - st.x[i]) * Math.abs(euI / euJ), euI, euJ });
    } else if (euJ > 0 && euI < 0 && rule === 'least-move' && euJ < Math.abs(euI)) {
      // Scholz's code tests `eu_ji < abs(eu_ji)` here, which is never true: in 'scholz' mode nobody capitulates.
      offers.push({ from: j, kind: 'capitulation', to: st.x[j], euI, euJ });
    }
  }
  if (offers.length === 0) return undefined;
  const move = (o: Offer) => Math.abs(st.x[i] - o.to);
  const argmin = (list: Offer[], key: (o: Offer) => number) =>
    list.reduce((best, o) => (key(o) < key(best) ? o : best), list[0]);
  if (rule === 'least-move') return argmin(offers, move);
  const of = (kind: OfferKind) => offers.filter((o) => o.kind === kind);
  if (of('confrontation').length) return argmin(of('confrontation'), move);
  if (of('compromise').length) {
    // Scholz's code ranks compromises by this |EU|-weighted position, smallest first, not by the movement it asks for.
    return argmin(of('compromise'), (o) => (Math.abs(o.euI) * st.x[i] + Math.abs(o.euJ) * st.x[o.from]) / (Math.abs(o.euI) + Math.abs(o.euJ)));
  }
  return argmin(of('capitulation'), move);
}

/** One round: salience shocks (if any), risk update, then every actor takes its best offer at once. */
export function bdmRound(st: BdmIssueState, opts: BdmOptions, rng?: RandomSource): { next: BdmIssueState; moves: BdmMove[] } {
  const s = [...st.s];
  if (opts.shock > 0) {
    if (!rng) throw new Error('BDM salience shocks need a seeded random source');
    for (let i = 0; i < s.length; i++) {
      if (opts.shock >= 1 || uniform01(rng) < opts.shock) s[i] = uniform01(rng);
    }
  }
  const shocked: BdmIssueState = { ...st, s };
  const { risk, eu } = bdmPerceptions(shocked, opts);
  const x = [...st.x];
  const moves: BdmMove[] = [];
  for (let i = 0; i < x.length; i++) {
    const o = bestOffer(shocked, i, eu[i], opts.offers);
    if (o) {
      x[i] = o.to;
      moves.push({ actor: i, from: o.from, kind: o.kind, to: o.to });
    }
  }
  return { next: { ...shocked, x, r: risk }, moves };
}

/** Runs the BDM model on one issue for `opts.rounds` rounds (fewer if positions stop moving and there are no shocks). */
export function bdmRunIssue(
  x: readonly number[], c: readonly number[], s: readonly number[], options: Partial<BdmOptions> = {}, rng?: RandomSource,
): BdmIssueRun {
  const opts = { ...BDM_DEFAULTS, ...options };
  let st = bdmStart(x, c, s);
  const weights = (q: BdmIssueState) => q.x.map((_, k) => q.c[k] * q.s[k]);
  const out: BdmIssueRun = {
    positions: [[...st.x]], salience: [[...st.s]], risk: [[...st.r]],
    median: [weightedMedian(st.x, weights(st))], mean: [weightedMean(st.x, weights(st))], moves: [[]], stop: '',
  };
  if (!(st.range > 0)) {
    out.stop = 'all actors share one position';
    return out;
  }
  for (let round = 1; round <= opts.rounds; round++) {
    const { next, moves } = bdmRound(st, opts, rng);
    st = next;
    out.positions.push([...st.x]);
    out.salience.push([...st.s]);
    out.risk.push([...st.r]);
    out.median.push(weightedMedian(st.x, weights(st)));
    out.mean.push(weightedMean(st.x, weights(st)));
    out.moves.push(moves);
    if (moves.length === 0 && opts.shock === 0) {
      out.stop = `no actor accepted an offer in round ${round}`;
      return out;
    }
    // Without shocks a round is a function of the positions (risk is re-inferred from them), so a repeat is a true cycle.
    if (!out.cycle && opts.shock === 0) out.cycle = findCycle(out, round);
  }
  out.stop = out.cycle
    ? `positions cycle every ${out.cycle.period} rounds from round ${out.cycle.from}; the forecast is the cycle's mean median`
    : `ran the ${opts.rounds} rounds asked for`;
  return out;
}

/** The cycle that round `t` closes, if its positions equal an earlier round's (to 1e-9 of the scale). */
function findCycle(run: BdmIssueRun, t: number): BdmCycle | undefined {
  const now = run.positions[t];
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of run.positions[0]) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  const tol = 1e-9 * (hi - lo);
  for (let s = t - 1; s >= 0; s--) {
    if (!run.positions[s].every((x, i) => Math.abs(x - now[i]) <= tol)) continue;
    const period = t - s;
    if (period < 2) return undefined; // a fixed point is not an oscillation
    let sum = 0;
    for (let r = s; r < t; r++) sum += run.median[r];
    return { from: s, period, mean: sum / period };
  }
  return undefined;
}

/** The forecast of a BDM run on one issue: the last round's median, or the mean median of the cycle the positions fell into. */
export function bdmForecast(run: BdmIssueRun): number {
  return run.cycle ? run.cycle.mean : run.median[run.median.length - 1];
}
