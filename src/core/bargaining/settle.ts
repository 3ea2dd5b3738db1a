// The settlement each issue's bargaining forecasts from the stances held at one month: the bridge to the alliance engine.
import { bdmForecast, bdmRunIssue } from './bdm.js';
import { runBargaining, type ModelId } from './models.js';

/** Stances as the engine holds them: `pos[a*K + k]` on 0–100 (NaN: no stance), `sal[a*K + k]` in [0, 1], `cap[a]`. */
export interface Stances {
  n: number;
  K: number;
  pos: ArrayLike<number>;
  sal: ArrayLike<number>;
  cap: ArrayLike<number>;
}

/** Which model settles the issues, for how many rounds, and which issues (default: all). */
export interface SettleOptions {
  model?: ModelId;
  rounds?: number;
  issues?: readonly number[];
}

/**
 * The forecast outcome of each issue among the actors holding a stance on it now (NaN where fewer than two do, or for
 * issues not asked for). BDM (default): the median voter position after `rounds` rounds; SMP: the likeliest position.
 * @example const settled = forecastSettlements({ n, K, pos: state.pos, sal: state.sal, cap: state.cap });
 */
export function forecastSettlements(st: Stances, options: SettleOptions = {}): Float64Array {
  const model = options.model ?? 'bdm';
  const rounds = options.rounds ?? 10;
  const out = new Float64Array(st.K).fill(Number.NaN);
  const issues = options.issues ?? Array.from({ length: st.K }, (_, k) => k);
  for (const k of issues) {
    const who: number[] = [];
    for (let a = 0; a < st.n; a++) {
      const x = st.pos[a * st.K + k];
      // The SMP cannot weigh an actor with no capability or no salience; BDM simply gives it no vote.
      if (x === x && (model === 'bdm' || (st.cap[a] > 0 && st.sal[a * st.K + k] > 0))) who.push(a);
    }
    if (who.length < 2) continue;
    const x = who.map((a) => st.pos[a * st.K + k]);
    const c = who.map((a) => st.cap[a]);
    const s = who.map((a) => st.sal[a * st.K + k]);
    if (model === 'bdm') {
      const run = bdmRunIssue(x, c, s, { rounds });
      out[k] = bdmForecast(run);
      continue;
    }
    if (x.every((v) => v === x[0])) {
      out[k] = x[0];
      continue;
    }
    const run = runBargaining('smp', {
      title: `issue ${k}`,
      actors: who.map((a, q) => ({ id: String(a), name: String(a), capability: c[q] })),
      dimensions: [{ id: String(k), name: String(k), low: 0, high: 100 }],
      positions: x.map((v) => [v]),
      salience: s.map((v) => [v]),
    }, { rounds });
    out[k] = run.forecast[0];
  }
  return out;
}
