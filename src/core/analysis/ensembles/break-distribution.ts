// Many runs of one model summed up: when each alliance first broke, and the share of runs in each status month by month.
import { STATUSES } from '../../engine/state.js';
import type { RunSummary } from '../../engine/run.js';
import { monthLabel } from '../../time/month.js';

/** Quantiles of a first-break month, as `YYYY-MM`, or null where fewer runs than the quantile broke. */
export interface BreakQuantiles {
  p05: string | null;
  p25: string | null;
  p50: string | null;
  p75: string | null;
  p95: string | null;
}

/** How one alliance fared over the runs. */
export interface AllianceDistribution {
  id: string;
  /** Share of runs in which the alliance never became broken or hostile within the period. */
  neverBroken: number;
  neverHostile: number;
  firstBreak: BreakQuantiles;
  firstHostile: BreakQuantiles;
  /** Runs whose first break fell in each calendar year (only years with at least one). */
  firstBreakByYear: { year: number; runs: number }[];
  /** Share of runs in each status, per month: `status[s][t]`, s in STATUSES order. */
  status: Record<(typeof STATUSES)[number], number[]>;
}

/** The summed-up outcome of an ensemble. */
export interface EnsembleDistribution {
  runs: number;
  months: string[];
  alliances: AllianceDistribution[];
}

/**
 * Adds run summaries one at a time in constant memory (counts, not runs), then reports shares and quantiles.
 * @example const acc = new BreakDistribution(model.start, model.months, ['A-B']); acc.add(runModel(model, runStream(7, 0))); acc.result();
 */
export class BreakDistribution {
  private runs = 0;
  private readonly statusCounts: Int32Array[];
  private readonly breakCounts: Int32Array[];
  private readonly hostileCounts: Int32Array[];
  private readonly current: Int8Array;

  constructor(
    private readonly start: number,
    private readonly months: number,
    private readonly allianceIds: readonly string[],
  ) {
    const A = allianceIds.length;
    this.statusCounts = Array.from({ length: A }, () => new Int32Array(months * STATUSES.length));
    this.breakCounts = Array.from({ length: A }, () => new Int32Array(months));
    this.hostileCounts = Array.from({ length: A }, () => new Int32Array(months));
    this.current = new Int8Array(A);
  }

  /** Counts one run. */
  add(summary: RunSummary): void {
    this.runs++;
    const S = STATUSES.length;
    this.allianceIds.forEach((_, a) => {
      this.current[a] = STATUSES.indexOf(summary.initial[a]);
      if (summary.firstBreak[a] >= 0) this.breakCounts[a][summary.firstBreak[a]]++;
      if (summary.firstHostile[a] >= 0) this.hostileCounts[a][summary.firstHostile[a]]++;
    });
    // Changes are in month order; walk them once, filling each alliance's status month by month.
    let c = 0;
    const { changes } = summary;
    for (let t = 0; t < this.months; t++) {
      while (c < changes.length && changes[c].month <= t) {
        this.current[changes[c].alliance] = STATUSES.indexOf(changes[c].to);
        c++;
      }
      for (let a = 0; a < this.allianceIds.length; a++) this.statusCounts[a][t * S + this.current[a]]++;
    }
  }

  /** The shares and quantiles over every run added so far. */
  result(): EnsembleDistribution {
    const S = STATUSES.length;
    const n = this.runs;
    const share = (k: number) => (n === 0 ? 0 : k / n);
    return {
      runs: n,
      months: Array.from({ length: this.months }, (_, t) => monthLabel(this.start + t)),
      alliances: this.allianceIds.map((id, a) => {
        const status = Object.fromEntries(
          STATUSES.map((s, si) => [s, Array.from({ length: this.months }, (_, t) => share(this.statusCounts[a][t * S + si]))]),
        ) as AllianceDistribution['status'];
        const byYear = new Map<number, number>();
        this.breakCounts[a].forEach((k, t) => {
          if (k > 0) byYear.set(Math.floor((this.start + t) / 12), (byYear.get(Math.floor((this.start + t) / 12)) ?? 0) + k);
        });
        return {
          id,
          neverBroken: share(n - sum(this.breakCounts[a])),
          neverHostile: share(n - sum(this.hostileCounts[a])),
          firstBreak: this.quantiles(this.breakCounts[a]),
          firstHostile: this.quantiles(this.hostileCounts[a]),
          firstBreakByYear: [...byYear].map(([year, runs]) => ({ year, runs })),
          status,
        };
      }),
    };
  }

  /** Quantiles over all runs, counting runs that never broke as later than every month (so a quantile can be null). */
  private quantiles(counts: Int32Array): BreakQuantiles {
    const at = (q: number): string | null => {
      if (this.runs === 0) return null;
      const rank = Math.ceil(q * this.runs);
      let seen = 0;
      for (let t = 0; t < counts.length; t++) {
        seen += counts[t];
        if (seen >= rank) return monthLabel(this.start + t);
      }
      return null;
    };
    return { p05: at(0.05), p25: at(0.25), p50: at(0.5), p75: at(0.75), p95: at(0.95) };
  }
}

function sum(xs: Int32Array): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
