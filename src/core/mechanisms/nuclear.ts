// Nuclear: help toward the junior ally's bomb as a contested issue, and the senior's fear of a nuclear-minded, risk-taking partner.
import { DIMENSION } from '../engine/model.js';
import { issueGain, type PairView } from './pair.js';

/**
 * help * the gain on nuclear issues against no help (issueGain, as for any issue), less, for the senior member only,
 * fear * (the junior's highest salience on a nuclear issue) * (the junior leader's risk): the senior's worry that it would be
 * dragged into a nuclear war by an ally who spoke of one lightly (Lewis & Xue 1988; Shen & Xia 2012).
 */
export function nuclear(v: PairView): number {
  const gain = v.params.help * issueGain(v, DIMENSION.nuclear);
  if (v.junior) return gain;
  const { state, model } = v;
  const issues = model.issuesOf[DIMENSION.nuclear];
  let salience = 0;
  for (let q = 0; q < issues.length; q++) salience = Math.max(salience, state.sal[v.j * state.K + issues[q]]);
  return gain - v.params.fear * salience * v.traitsJ.risk;
}
