// The third power's wedge (Crawford 2011), chosen each month: pressure on a cohesive alliance, inducements to the ally it can pry loose.
import { uniform, type RandomStream } from '../random/streams.js';
import { ACT_GOLDSTEIN, ACT } from './acts.js';
import { impulse } from './effects.js';
import type { Model } from './model.js';
import type { RunState } from './state.js';
import type { Trace } from './trace.js';

/**
 * Every actor outside alliance `al` that is a lasting rival of one of its members (a negative baseline toward it) acts as a
 * third power. Each month it draws once; with probability `activity` it acts toward the member it can most hope to pry loose:
 * the one whose relation to it is least hostile compared with its relation to its partner (rho_ik - rho_ij). When the allies'
 * mutual relations have fallen `wedgeStrain` below indifference on average, it courts that member: its inducement rises
 * `courtship` of the way to the strain, and the courtship act eases its relation to the member. Otherwise it presses it: the
 * inducement fades by `courtship` and the pressure act sours the relation. Crawford (2011): accommodation pays only where the
 * target's tie to its ally is already weak; against a cohesive alliance a wedge works by raising the costs of the alliance.
 */
export function thirdPowersAct(model: Model, state: RunState, rng: RandomStream, al: number, trace: Trace): void {
  const r = model.params.rules;
  const { n } = state;
  const { a, b } = model.alliances[al];
  const strain = Math.max(0, -(state.rel[a * n + b] + state.rel[b * n + a]) / 2);
  for (let k = 0; k < n; k++) {
    if (k === a || k === b || (state.relBase[k * n + a] >= 0 && state.relBase[k * n + b] >= 0)) continue;
    if (state.cap[k] <= 0) continue;
    const u = uniform(rng);
    if (u >= r.activity) continue;
    const pryA = state.rel[a * n + k] - state.rel[a * n + b];
    const pryB = state.rel[b * n + k] - state.rel[b * n + a];
    const target = pryA >= pryB ? a : b;
    const d = k * n + target;
    const t = state.month;
    if (strain >= r.wedgeStrain) {
      state.inducement[d] += r.courtship * (strain - state.inducement[d]);
      impulse(state, k, target, ACT_GOLDSTEIN[ACT.induce], r.responsiveness);
      trace.act?.(t, al, k, target, 'induce', -1, strain, 'diplomatic');
    } else {
      state.inducement[d] *= 1 - r.courtship;
      impulse(state, k, target, ACT_GOLDSTEIN[ACT.pressure], r.responsiveness);
      trace.act?.(t, al, k, target, 'pressure', -1, strain, 'crisis');
    }
  }
}
