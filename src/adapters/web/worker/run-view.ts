// Shapes a recorded run and a fan of fast runs into the plain data the charts draw.
import { declaredStatuses, statusAgreement } from '../../../core/analysis/record/history.js';
import { triangleByYear } from '../../../core/analysis/views/triangle.js';
import { recordTriangleByYear } from '../../../core/analysis/views/triangle-record.js';
import { ACTS } from '../../../core/engine/acts.js';
import type { Model } from '../../../core/engine/model.js';
import type { Scenario } from '../../../core/scenario/schema.js';
import { MECHANISM_IDS } from '../../../core/engine/parameters.js';
import { runModel } from '../../../core/engine/run.js';
import type { RunResult } from '../../../core/engine/simulate.js';
import { storyMarkdown } from '../../../core/output/story.js';
import { runStream } from '../../../core/random/streams.js';
import { monthLabel } from '../../../core/time/month.js';
import type { AllianceView, FanView, RunView } from './protocol.js';
import { recordedCooperation } from './recorded.js';

/** The model's own acts per directed dyad and month (scenario events excluded), summed Goldstein weights. */
export function simulatedCooperation(r: RunResult, from: number, to: number): number[] {
  const out = new Array<number>(r.model.months).fill(0);
  for (const e of r.log) if (e.type === 'simulated' && e.from === from && e.to === to) out[e.month] += ACTS[e.act].goldstein;
  return out;
}

/**
 * The run's view: per alliance the members' value by mechanism, statuses and cooperation, plus triangle, story and acts.
 * `history` is the scenario as written, whose record the cooperation is set against even when a counterfactual moved events.
 */
export function runView(r: RunResult, history: Scenario, triangle: [string, string, string] | null, fan: FanView, runMs: number): Omit<RunView, 'totalMs' | 'warnings'> {
  const { model } = r;
  const T = model.months;
  const M = MECHANISM_IDS.length;
  const ids = model.actorIds;
  const s = model.scenario;
  const alliances: AllianceView[] = model.alliances.map((al, a) => {
    const member = (side: number) => {
      const slot = a * 2 + side;
      const contrib: Record<string, number[]> = {};
      MECHANISM_IDS.forEach((m, k) => {
        contrib[m] = Array.from({ length: T }, (_, t) => r.contrib[(slot * T + t) * M + k]);
      });
      return {
        actor: ids[side === 0 ? al.a : al.b],
        partner: ids[side === 0 ? al.b : al.a],
        value: Array.from(r.value.subarray(slot * T, slot * T + T)),
        outside: Array.from(r.outside.subarray(slot * T, slot * T + T)),
        contrib,
      };
    };
    const dyad = (x: number, y: number) => ({
      from: ids[x], to: ids[y], simulated: simulatedCooperation(r, x, y), recorded: recordedCooperation(history, ids[x], ids[y]).slice(0, T),
    });
    const first = r.summary.firstBreak[a];
    const status = r.status.subarray(a * T, a * T + T);
    const written = history.alliances.find((x) => x.id === al.id);
    return {
      id: al.id,
      name: s.alliances[a].name,
      members: [member(0), member(1)],
      status: Array.from(status),
      cooperation: [dyad(al.a, al.b), dyad(al.b, al.a)],
      firstBreak: first >= 0 ? monthLabel(model.start + first) : null,
      agreement: statusAgreement(status, written ? declaredStatuses(history, written) : []),
    };
  });
  const acts = r.log.flatMap((e) =>
    e.type === 'simulated' ? [{ month: e.month, from: ids[e.from], to: ids[e.to], act: e.act, intensity: ACTS[e.act].goldstein }] : [],
  );
  return {
    labels: Array.from({ length: T }, (_, t) => monthLabel(model.start + t)),
    alliances,
    triangle: triangle ? triangleByYear(r, triangle) : [],
    recordTriangle: triangle ? recordTriangleByYear(history, triangle) : [],
    story: storyMarkdown(r),
    acts,
    fan,
    runMs,
  };
}

/** Runs `runs` fast runs (seed, run index 0..runs-1) and sums up where each alliance first broke. */
export function fanOfRuns(model: Model, seed: number, runs: number, now: () => number): FanView {
  const t0 = now();
  const breaks: number[][] = model.alliances.map(() => []);
  for (let k = 0; k < runs; k++) {
    const summary = runModel(model, runStream(seed, k));
    summary.firstBreak.forEach((t, a) => breaks[a].push(t));
  }
  const ms = now() - t0;
  return {
    runs,
    ms,
    alliances: model.alliances.map((al, a) => {
      const broke = breaks[a].filter((t) => t >= 0).sort((x, y) => x - y);
      // Quantiles over all runs, counting a run that never broke as later than any month: the median is null when most never broke.
      const q = (p: number) => {
        const i = Math.floor(p * (runs - 1));
        return i < broke.length ? monthLabel(model.start + broke[i]) : null;
      };
      const byYear = new Map<number, number>();
      for (const t of broke) {
        const y = Math.floor((model.start + t) / 12);
        byYear.set(y, (byYear.get(y) ?? 0) + 1);
      }
      return {
        id: al.id,
        broke: broke.length,
        median: q(0.5),
        p25: q(0.25),
        p75: q(0.75),
        byYear: [...byYear.entries()].sort((x, y) => x[0] - y[0]).map(([year, n]) => ({ year, runs: n })),
      };
    }),
  };
}
