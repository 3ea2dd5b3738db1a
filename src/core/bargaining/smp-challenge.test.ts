// The per-challenger estimates a turn uses (challengerRow) against the readable one-challenge estimate they replace.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { challengeEstimate, challengerRow, challengeScratch, type ChallengeContext, type ThirdPartyCommit } from './smp-challenge.js';
import type { VotingRule } from './smp-vote.js';

/** A seeded random state: distances in [0, 1] (a few just above 1, as round-off gives), capabilities, saliences, risks. */
function state(n: number, seed: number, voting: VotingRule, commit: ThirdPartyCommit): { ctx: ChallengeContext; rH: Float64Array[] } {
  let s = seed;
  const rnd = () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
  const vd = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) vd[a * n + b] = a === b ? 0 : rnd() < 0.05 ? 1 + 1e-12 : rnd();
  const cap = Float64Array.from({ length: n }, () => 1 + 99 * rnd());
  const salSum = Float64Array.from({ length: n }, () => rnd());
  const rH = Array.from({ length: n }, () => Float64Array.from({ length: n }, () => 2 * rnd() - 1));
  return { ctx: { n, vd, cap, salSum, voting, commit }, rH };
}

test('challengerRow gives every challenge estimate of challengeEstimate bit for bit, for every voting rule and commitment', () => {
  const rules: VotingRule[] = ['Prop', 'Binary', 'PropBin', 'PropCbc', 'Cubic', 'ASymProsp'];
  const commits: ThirdPartyCommit[] = ['NoCommit', 'SemiCommit', 'FullCommit'];
  let compared = 0;
  rules.forEach((voting, r) => commits.forEach((commit, c) => {
    const n = 4 + ((r * 3 + c) % 9);
    const { ctx, rH } = state(n, 1 + r * 7 + c, voting, commit);
    const scratch = challengeScratch(n);
    const p = new Float64Array(n);
    const eu = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      challengerRow(ctx, rH[i], i, scratch, p, eu);
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const [pRef, euRef] = challengeEstimate(ctx, rH[i], i, i, j);
        assert.ok(Object.is(p[j], pRef) && Object.is(eu[j], euRef), `${voting}/${commit} ${i}→${j}: ${p[j]} ${eu[j]} vs ${pRef} ${euRef}`);
        compared++;
      }
    }
  }));
  assert.ok(compared > 500);
});
