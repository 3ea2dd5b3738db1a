// Nuclear: help toward the junior ally's bomb as a contested issue, and the senior's fear of a nuclear-minded, risk-taking partner.
import { DIMENSION } from '../engine/model.js';
import { issueSatisfaction, type PairView } from './pair.js';

/**
 * help * S_nuclear(i) (how well the outcomes of nuclear issues suit i, as for any issue), less, for the senior member only,
 * fear * (the junior's highest salience on a nuclear issue) * (the junior leader's risk): Moscow's worry that it would be
 * dragged into a nuclear war by an ally who spoke of one lightly (Lewis & Xue 1988; Shen & Xia 2012).
 */
export function nuclear(v: PairView): number {
  const sat = v.params.help * issueSatisfaction(v, DIMENSION.nuclear);
  if (v.junior) return sat;
  const { state, model } = v;
  const issues = model.issuesOf[DIMENSION.nuclear];
  let salience = 0;
  for (let q = 0; q < issues.length; q++) salience = Math.max(salience, state.sal[v.j * state.K + issues[q]]);
  return sat - v.params.fear * salience * v.traitsJ.risk;
}
