// Nuclear: help toward the junior ally's bomb as a contested issue, and the senior's fear of a nuclear-minded, risk-taking partner.
import { DIMENSION, type Model } from '../engine/model.js';
import type { RunState } from '../engine/state.js';
import { issueGain, type PairView } from './pair.js';

/**
 * help * the gain on nuclear issues against no help (issueGain, as for any issue), less, for the senior member only,
 * fear * (the junior's highest salience on a nuclear issue) * (the junior leader's risk): the senior's worry that it would be
 * dragged into a nuclear war by an ally who spoke of one lightly (Lewis & Xue 1988; Shen & Xia 2012).
 */
export function nuclear(v: PairView): number {
  return nuclearTerm(v.model, v.state, v.j, issueGain(v, DIMENSION.nuclear), v.junior, v.traitsJ.risk, v.params.help, v.params.fear);
}

/** The nuclear term from the gain on nuclear issues (what nuclear(v) reads through issueGain) and the partner's saliences. */
export function nuclearTerm(model: Model, state: RunState, j: number, issueGainI: number, junior: boolean, riskJ: number, help: number, fear: number): number {
  const gain = help * issueGainI;
  if (junior) return gain;
  const issues = model.issuesOf[DIMENSION.nuclear];
  let salience = 0;
  for (let q = 0; q < issues.length; q++) salience = Math.max(salience, state.sal[j * state.K + issues[q]]);
  return gain - fear * salience * riskJ;
}
