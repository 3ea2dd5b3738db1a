// Bargaining: gains and losses on the contested material issues, as their outcomes stand this month and, with foresight,
// as the bargaining model forecasts they will settle from the stances held now (src/core/bargaining/settle.ts).
import { forecastSettlements } from '../bargaining/settle.js';
import { DIMENSION } from '../engine/model.js';
import type { RunState } from '../engine/state.js';
import { issueGain, type PairView } from './pair.js';

/**
 * weight times the gain on the material issues both members hold a stance on, against their outcome without the alliance
 * (issueGain: summed over issues, so a partner's new demand adds nothing until an outcome moves): with the outcomes as they
 * stand, blended (by foresight) with the outcomes the bargaining model forecasts.
 */
export function bargaining(v: PairView): number {
  const now = issueGain(v, DIMENSION.material);
  const f = v.params.foresight ?? 0;
  return v.params.weight * (f > 0 ? (1 - f) * now + f * settledGain(v) : now);
}

// One forecast per run state, redone only when a material stance changes (a reopened dispute) or a new year brings new
// capabilities: the engine's issue version also moves with doctrine polemics, which do not bear on these issues.
const settled = new WeakMap<RunState, { key: Float64Array; year: number; generation: number; outcome: Float64Array }>();

function settledGain(v: PairView): number {
  const { state, model } = v;
  const year = Math.floor(state.month / 12);
  const issues = model.issuesOf[DIMENSION.material];
  const key = new Float64Array(issues.length * state.n * 2);
  let at = 0;
  for (const k of issues) {
    for (let a = 0; a < state.n; a++) {
      key[at++] = state.pos[a * state.K + k];
      key[at++] = state.sal[a * state.K + k];
    }
  }
  let memo = settled.get(state);
  if (!memo || memo.generation !== state.generation || memo.year !== year || !sameStances(memo.key, key)) {
    memo = { key, year, generation: state.generation, outcome: forecastSettlements(state, { issues: Array.from(issues) }) };
    settled.set(state, memo);
  }
  const K = state.K;
  let sum = 0;
  for (const k of model.issuesOf[DIMENSION.material]) {
    const x = state.pos[v.i * K + k];
    const y = memo.outcome[k];
    if (x !== x || state.pos[v.j * K + k] !== state.pos[v.j * K + k] || y !== y) continue;
    sum += (state.sal[v.i * K + k] * (Math.abs(x - model.statusQuo[k]) - Math.abs(x - y))) / 100;
  }
  return sum;
}

function sameStances(a: Float64Array, b: Float64Array): boolean {
  for (let x = 0; x < a.length; x++) if (a[x] !== b[x] && (a[x] === a[x] || b[x] === b[x])) return false;
  return true;
}
