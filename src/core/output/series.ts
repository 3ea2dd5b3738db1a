// The tidy monthly series of a run: date, actor, counterpart, variable, value.
import { MECHANISM_IDS } from '../engine/parameters.js';
import type { RunResult } from '../engine/simulate.js';
import { STATUSES } from '../engine/state.js';
import { monthLabel } from '../time/month.js';
import { toCsv, type Cell } from './csv.js';

/** Directed dyads worth reporting: alliance members both ways, and any pair with an act or a non-zero relation. */
export function reportedDyads(r: RunResult): number[] {
  const n = r.model.actorIds.length;
  const T = r.model.months;
  const out: number[] = [];
  for (let d = 0; d < n * n; d++) {
    if (Math.floor(d / n) === d % n) continue;
    let used = false;
    for (let t = 0; t < T && !used; t++) used = r.relation[d * T + t] !== 0 || r.cooperation[d * T + t] !== 0;
    if (used || r.model.alliances.some((a) => (a.a * n + a.b === d) || (a.b * n + a.a === d))) out.push(d);
  }
  return out;
}

/** The series as tidy CSV text (one row per month, actor, counterpart and variable). */
export function seriesCsv(r: RunResult): string {
  const { model } = r;
  const T = model.months;
  const n = model.actorIds.length;
  const M = MECHANISM_IDS.length;
  const ids = model.actorIds;
  const dyads = reportedDyads(r);
  const rows: Cell[][] = [];
  for (let t = 0; t < T; t++) {
    const date = monthLabel(model.start + t);
    model.alliances.forEach((al, a) => {
      [al.a, al.b].forEach((i, side) => {
        const j = side === 0 ? al.b : al.a;
        const at = (a * 2 + side) * T + t;
        rows.push([date, ids[i], ids[j], 'alliance_value', r.value[at]]);
        MECHANISM_IDS.forEach((m, k) => rows.push([date, ids[i], ids[j], `contribution.${m}`, r.contrib[at * M + k]]));
        rows.push([date, ids[i], ids[j], 'outside_option', r.outside[at]]);
        rows.push([date, ids[i], ids[j], 'margin', r.margin[at]]);
      });
      rows.push([date, ids[al.a], ids[al.b], 'status', STATUSES[r.status[a * T + t]]]);
    });
    for (const d of dyads) {
      const from = ids[Math.floor(d / n)];
      const to = ids[d % n];
      rows.push([date, from, to, 'relation', r.relation[d * T + t]]);
      rows.push([date, from, to, 'cooperation', r.cooperation[d * T + t]]);
    }
  }
  return toCsv(['date', 'actor', 'counterpart', 'variable', 'value'], rows);
}
