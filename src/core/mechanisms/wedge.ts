// Wedge: a third power splits an alliance by pressure the partner does not share, or by inducements to one ally (Crawford 2011).
import type { PairView } from './pair.js';

/**
 * -pressure * sum_k h_ki * max(0, rho_jk - rho_ik) / 2 - inducement * sum_k iota_ki, over third powers k: pressure counts where
 * k is hostile to i (h_ki = max(0, -rho_ki)) while i's partner j is friendlier to k than i is; an inducement from k is a
 * better outside option for i, and so a cost of staying in the alliance.
 */
export function wedge(v: PairView): number {
  return wedgeTerm(v.state.rel, v.state.inducement, v.state.n, v.i, v.j, v.params.pressure, v.params.inducement);
}

/** The wedge term from the relations and inducements themselves (what wedge(v) reads from its view). */
export function wedgeTerm(rel: Float64Array, inducement: Float64Array, n: number, i: number, j: number, pressureWeight: number, inducementWeight: number): number {
  let pressure = 0;
  let induced = 0;
  // With no weight on pressure (the default), its sum would be multiplied by 0: skip it.
  const weighPressure = pressureWeight !== 0;
  for (let k = 0; k < n; k++) {
    induced += inducement[k * n + i];
    if (!weighPressure || k === i || k === j) continue;
    const hostile = -rel[k * n + i];
    if (hostile <= 0) continue;
    const gap = rel[j * n + k] - rel[i * n + k];
    if (gap > 0) pressure += (hostile * gap) / 2;
  }
  return 0 - pressureWeight * pressure - inducementWeight * induced;
}
