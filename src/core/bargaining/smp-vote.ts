// KTAB's voting machinery for the Spatial Model of Politics: utilities, votes, coalitions, victory and outcome probabilities.
// Each function follows the KTAB formula of the same name (kmodel.cpp, smp.cpp); docs/bargaining.md gives them in full.

/** How strongly an actor votes for the option it prefers, given its utility difference (KTAB VotingRule). */
export type VotingRule = 'Binary' | 'PropBin' | 'Prop' | 'PropCbc' | 'Cubic' | 'ASymProsp';
/** How coalition strengths become a probability of victory (KTAB VPModel). */
export type VictoryProbModel = 'Linear' | 'Square' | 'Quartic' | 'Octic' | 'Binary';
/** How pairwise victory probabilities become the probability of each outcome (KTAB PCEModel). */
export type PceModel = 'Conditional' | 'MarkovIncentive' | 'MarkovUniform';
/** The range of risk attitudes inferred from outcome probabilities (KTAB BigRRange). */
export type BigRRange = 'Min' | 'Mid' | 'Max';

/** KTAB bsUtil: utility of a normalised distance d ∈ [0, 1] with risk attitude R ∈ [−1, 1]: (1 − d)(1 + dR). */
export function bsUtil(d: number, r: number): number {
  // Round-off can push d slightly above 1; KTAB then keeps the slope of the R = −1..1 family at d = 1.
  return d <= 1 ? (1 - d) * (1 + d * r) : (1 - d) * (1 + r);
}

/** KTAB Model::vote: actor weight w votes (for i over j) according to the utility difference uI − uJ. */
export function vote(rule: VotingRule, w: number, uI: number, uJ: number): number {
  const du = uI - uJ;
  switch (rule) {
    case 'Prop':
      return w * du;
    case 'Binary':
      return w * clampUnit(du / 1e-8);
    case 'PropBin':
      return w * ((1 - 0.2) * du + 0.2 * clampUnit(du / 1e-8));
    case 'PropCbc':
      return w * ((1 - 0.5) * du + 0.5 * (du * du * du));
    case 'Cubic':
      return w * (du * du * du);
    case 'ASymProsp':
      // Prospect-theory asymmetry: gains count two thirds as much as losses.
      return du < 0 ? w * du : du > 0 ? (2 * w * du) / 3 : 0;
  }
}

function clampUnit(x: number): number {
  return x > 1 ? 1 : x < -1 ? -1 : x;
}

/** KTAB Model::vProb for one pair: probabilities that the coalitions of strength s1 and s2 win. */
export function victoryPair(model: VictoryProbModel, s1: number, s2: number): [number, number] {
  let x1: number;
  let x2: number;
  switch (model) {
    case 'Linear': x1 = s1; x2 = s2; break;
    case 'Square': x1 = s1 * s1; x2 = s2 * s2; break;
    case 'Quartic': x1 = s1 * s1 * s1 * s1; x2 = s2 * s2 * s2 * s2; break;
    case 'Octic': { const a = s1 * s1 * s1 * s1; const b = s2 * s2 * s2 * s2; x1 = a * a; x2 = b * b; break; }
    case 'Binary': {
      // A 10% advantage wins for certain; in between, linear interpolation avoids round-off jumps.
      const thresh = 1.1;
      if (s1 >= thresh * s2) { x1 = 1; x2 = 1e-6; }
      else if (s2 >= thresh * s1) { x1 = 1e-6; x2 = 1; }
      else { const r12 = s1 / (s1 + s2); x1 = (r12 * (thresh + 1) - 1) / (thresh - 1); x2 = 1 - x1; }
      break;
    }
  }
  return [x1 / (x1 + x2), x2 / (x1 + x2)];
}

/**
 * Outcome probabilities of `m` options among `n` voters (KTAB Model::scalarPCE): coalition strengths from votes,
 * pairwise victory probabilities, then the PCE model. `u[k*m + o]` is voter k's utility for option o; `w[k]` its weight.
 */
export function scalarPce(
  n: number, m: number, w: ArrayLike<number>, u: ArrayLike<number>, rule: VotingRule, vpm: VictoryProbModel, pcem: PceModel,
): Float64Array {
  const c = coalitions(n, m, w, u, rule);
  return outcomeProbabilities(m, c, vpm, pcem);
}

/** KTAB Model::coalitions: c[i*m + j] = 1e−8 + the votes cast for option i against j. */
export function coalitions(n: number, m: number, w: ArrayLike<number>, u: ArrayLike<number>, rule: VotingRule): Float64Array {
  const minC = 1e-8;
  const c = new Float64Array(m * m);
  const prop = rule === 'Prop';
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < i; j++) {
      let cij = minC;
      let cji = minC;
      for (let k = 0; k < n; k++) {
        const v = prop ? w[k] * (u[k * m + i] - u[k * m + j]) : vote(rule, w[k], u[k * m + i], u[k * m + j]);
        if (v > 0) cij = cij + v;
        if (v < 0) cji = cji - v;
      }
      c[i * m + j] = cij;
      c[j * m + i] = cji;
    }
    c[i * m + i] = minC;
  }
  return c;
}

/** KTAB Model::probCE2: the probability of each option from the coalition matrix. */
export function outcomeProbabilities(m: number, c: Float64Array, vpm: VictoryProbModel, pcem: PceModel): Float64Array {
  const pv = victoryMatrix(m, c, vpm);
  if (pcem === 'Conditional') return conditionalPce(m, pv);
  if (pcem === 'MarkovUniform') return markovUniformPce(m, pv);
  return markovIncentivePce(m, c, pv);
}

/** KTAB Model::vProb on a matrix: pv[i*m + j] = probability that option i beats j (0.5 on the diagonal). */
export function victoryMatrix(m: number, c: Float64Array, vpm: VictoryProbModel): Float64Array {
  const p = new Float64Array(m * m);
  if (vpm === 'Linear') {
    // KTAB's default, victoryPair's Linear case written out: no pair array to allocate while the loop is still interpreted.
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < i; j++) {
        const s1 = c[i * m + j];
        const s2 = c[j * m + i];
        p[i * m + j] = s1 / (s1 + s2);
        p[j * m + i] = s2 / (s1 + s2);
      }
      p[i * m + i] = 0.5;
    }
    return p;
  }
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < i; j++) {
      const [pij, pji] = victoryPair(vpm, c[i * m + j], c[j * m + i]);
      p[i * m + j] = pij;
      p[j * m + i] = pji;
    }
    p[i * m + i] = 0.5;
  }
  return p;
}

/** KTAB Model::condPCE: P(i) ∝ Π_j P(i beats j), the chance that i beats every alternative, normalised. */
export function conditionalPce(m: number, pv: Float64Array): Float64Array {
  const p = new Float64Array(m);
  let sum = 0;
  for (let i = 0; i < m; i++) {
    let pi = 1;
    for (let j = 0; j < m; j++) pi = pi * pv[i * m + j];
    p[i] = pi;
  }
  for (let i = 0; i < m; i++) sum = sum + p[i];
  for (let i = 0; i < m; i++) p[i] = p[i] / sum;
  return p;
}

/** KTAB Model::markovUniformPCE: a Markov chain of uniformly chosen challenges, iterated to its fixed point. */
export function markovUniformPce(m: number, pv: Float64Array): Float64Array {
  let p = new Float64Array(m).fill(1 / m);
  for (let iter = 0; iter < 1000; iter++) {
    const q = new Float64Array(m);
    let change = 0;
    for (let i = 0; i < m; i++) {
      let pi = 0;
      for (let j = 0; j < m; j++) pi = pi + pv[i * m + j] * (p[i] + p[j]);
      q[i] = pi / m;
      change = Math.max(change, Math.abs(q[i] - p[i]));
    }
    p = p.map((x, i) => (x + q[i]) / 2);
    if (change <= 1e-6) break;
  }
  return p;
}

/** KTAB Model::markovIncentivePCE: challenges chosen in proportion to the incentive (strength × victory probability). */
export function markovIncentivePce(m: number, c: Float64Array, pv: Float64Array): Float64Array {
  const inc = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) inc[i * m + j] = c[i * m + j] * pv[i * m + j] + (i === j ? 1e-10 : 0);
  const chlg = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    let s = 0;
    for (let k = 0; k < m; k++) s = s + inc[k * m + j];
    for (let i = 0; i < m; i++) chlg[i * m + j] = inc[i * m + j] / s;
  }
  let p = new Float64Array(m).fill(1 / m);
  for (let iter = 0; iter < 1000; iter++) {
    const q = new Float64Array(m);
    let change = 0;
    for (let i = 0; i < m; i++) {
      let qi = 0;
      for (let j = 0; j < m; j++) qi = qi + pv[i * m + j] * (p[i] * chlg[j * m + i] + p[j] * chlg[i * m + j]);
      q[i] = qi;
      change = Math.max(change, Math.abs(qi - p[i]));
    }
    p = p.map((x, i) => (x + q[i]) / 2);
    if (change <= 1e-8) break;
  }
  return p;
}

/** KTAB Model::bigRfromProb: risk attitudes from outcome probabilities; the likeliest actor is the most risk-averse. */
export function riskFromProbabilities(p: ArrayLike<number>, range: BigRRange): Float64Array {
  let pMin = 1;
  let pMax = 0;
  for (let i = 0; i < p.length; i++) {
    pMin = p[i] < pMin ? p[i] : pMin;
    pMax = p[i] > pMax ? p[i] : pMax;
  }
  const r = new Float64Array(p.length);
  // KTAB divides by zero when every position is equally likely; then everyone is taken as risk neutral.
  if (!(pMax > pMin)) return r;
  for (let i = 0; i < p.length; i++) {
    if (range === 'Min') r[i] = (p[i] - pMin) / (pMax - pMin);
    else if (range === 'Mid') r[i] = (3 * p[i] - (pMax + 2 * pMin)) / (2 * (pMax - pMin));
    else r[i] = (2 * p[i] - (pMax + pMin)) / (pMax - pMin);
  }
  return r;
}
