// What a run puts on the record: the Goldstein weight of the allies' simulated acts per directed alliance dyad and month.
import { ACT_INDEX, ACTS, ACT_KINDS, CATEGORY, type ActCategory, type ActKind } from '../../engine/acts.js';
import type { Model } from '../../engine/model.js';
import { runModel, type RunSummary } from '../../engine/run.js';
import { runStream } from '../../random/streams.js';

/** A directed alliance dyad by actor index. */
export interface DyadIndex {
  from: number;
  to: number;
}

/** The directed dyads of a model's alliances, both ways, in alliance order. */
export function allianceDyads(model: Model): DyadIndex[] {
  return model.alliances.flatMap((al) => [{ from: al.a, to: al.b }, { from: al.b, to: al.a }]);
}

/** One run's simulated record: monthly Goldstein sums per dyad (dyad * months + t) and each dyad's acts in order. */
export interface SimulatedRecord {
  months: number;
  coop: Float64Array;
  /** Per dyad: the months and act kinds (indices into ACT_KINDS) of its acts, in order, and the issue (-1 none) and category each concerns. */
  actMonths: number[][];
  actKinds: number[][];
  actIssues: number[][];
  actCategories: number[][];
  summary: RunSummary;
}

const GOLDSTEIN = ACT_KINDS.map((k) => ACTS[k].goldstein);

/**
 * Runs a compiled model once (seed, run index) and keeps only the simulated acts of the given dyads: the fast path of fitting.
 * Simulated acts carry no judged intensity; their Goldstein weight stands for both measures.
 */
export function simulateRecord(model: Model, dyads: DyadIndex[], seed: number, runIndex: number): SimulatedRecord {
  const T = model.months;
  const n = model.actorIds.length;
  const slot = new Int32Array(n * n).fill(-1);
  dyads.forEach((d, k) => (slot[d.from * n + d.to] = k));
  const coop = new Float64Array(dyads.length * T);
  const actMonths: number[][] = dyads.map(() => []);
  const actKinds: number[][] = dyads.map(() => []);
  const actIssues: number[][] = dyads.map(() => []);
  const actCategories: number[][] = dyads.map(() => []);
  const summary = runModel(model, runStream(seed, runIndex), {
    act(t, _alliance, from, to, kind, issue, _latent, category) {
      const k = slot[from * n + to];
      if (k < 0) return;
      const a = ACT_INDEX[kind];
      coop[k * T + t] += GOLDSTEIN[a];
      actMonths[k].push(t);
      actKinds[k].push(a);
      actIssues[k].push(issue);
      actCategories[k].push(CATEGORY[category]);
    },
    actLatent: false,
  });
  return { months: T, coop, actMonths, actKinds, actIssues, actCategories, summary };
}

/** What a simulated act must concern: issue indices or category indices (either matches); none means any act. */
export interface ActAbout {
  issues: Set<number>;
  categories: Set<number>;
}

/** Resolves a turning point's `about` (issue ids or act categories) against a model; undefined when none is given. */
export function actAbout(model: Model, about: string[] | undefined): ActAbout | undefined {
  if (!about) return undefined;
  const issues = new Set(about.map((x) => model.issueIds.indexOf(x)).filter((k) => k >= 0));
  const categories = new Set(about.filter((x) => x in CATEGORY).map((x) => CATEGORY[x as ActCategory]));
  return { issues, categories };
}

/**
 * The first month by which `count` acts of the given kinds (about the given issues or categories, if any) fell within
 * `within` months in dyad k, or -1. Acts before run month `from` are ignored, so that a turning point reached before a
 * test window does not count as reached inside it.
 * @example firstSustained(run, 0, ['criticise'], 3, 12)
 */
export function firstSustained(run: SimulatedRecord, k: number, kinds: ActKind[], count: number, within: number, from = 0, about?: ActAbout): number {
  const wanted = new Set(kinds.map((x) => ACT_INDEX[x]));
  const hits: number[] = [];
  const months = run.actMonths[k];
  const acts = run.actKinds[k];
  for (let i = 0; i < months.length; i++) {
    if (months[i] < from || !wanted.has(acts[i])) continue;
    if (about && !about.issues.has(run.actIssues[k][i]) && !about.categories.has(run.actCategories[k][i])) continue;
    hits.push(months[i]);
    if (hits.length >= count && months[i] - hits[hits.length - count] < within) return months[i];
  }
  return -1;
}
