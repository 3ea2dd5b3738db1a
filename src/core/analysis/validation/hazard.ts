// The statistical baseline a political scientist would fit first: a logistic hazard of alliance breakdown per case-year on
// the drivers that theory names (Leeds & Savun 2007; Bennett 1997): the allies' capability ratio, the external threat
// they face, and the difference of their regimes. Fitted by iteratively reweighted least squares (ml-matrix).
import { Matrix, solve } from 'ml-matrix';
import { compile } from '../../engine/compile.js';
import type { Scenario } from '../../scenario/schema.js';
import { monthIndex } from '../../time/month.js';
import type { RecordedBreak } from './case-outcome.js';

/** Polity2 scores by COW code and year (−10..10), as the adapter reads them; an absent code or year counts as no difference. */
export type RegimeTable = Map<number, Map<number, number>>;

/** One case-year of the hazard model: its covariates and whether the alliance broke in that year. */
export interface CaseYear {
  year: number;
  /** [capability ratio weaker/stronger, threat 0..1, regime difference 0..1]. */
  x: number[];
  broke: boolean;
}

/** The covariates' names, in the order of CaseYear.x. */
export const HAZARD_COVARIATES = ['capability ratio', 'threat', 'regime difference'];

/**
 * The case-years of a scenario's first alliance from its drivers and data only: every year from the period's start to the
 * recorded break (inclusive) or the period's end. Threat is the highest standing level a third party holds against either
 * ally: the latest `threat` effect of a driver, or a hostile relation baseline (a rivalry), whichever is higher.
 * @example caseYears(scenario, recordedBreak(scenario), new Map())
 */
export function caseYears(scenario: Scenario, recorded: RecordedBreak, regimes: RegimeTable): CaseYear[] {
  const model = compile(scenario, { mode: 'predict' });
  const al = scenario.alliances[0];
  const ids = scenario.actors.map((a) => a.id);
  const [a, b] = al.members.map((m) => ids.indexOf(m));
  const start = model.start;
  const lastMonth = recorded.month ?? start + model.months - 1;
  const n = ids.length;
  const standing = new Map<string, number>();
  for (let third = 0; third < n; third++) {
    if (third === a || third === b) continue;
    for (const m of [a, b]) standing.set(`${third}>${m}`, Math.max(0, -model.relationBase[third * n + m]));
  }
  const threats = scenario.events
    .filter((e) => e.role === 'driver')
    .flatMap((e) => e.effects.flatMap((f) => (f.type === 'threat' && (f.to === al.members[0] || f.to === al.members[1]) && !al.members.includes(f.from) ? [{ m: monthIndex(e.date), key: `${ids.indexOf(f.from)}>${ids.indexOf(f.to)}`, level: f.level }] : [])))
    .sort((x, y) => x.m - y.m);
  const cowA = scenario.actors[a].cow;
  const cowB = scenario.actors[b].cow;
  const rows: CaseYear[] = [];
  let next = 0;
  for (let y = Math.floor(start / 12); y <= Math.floor(lastMonth / 12); y++) {
    const yearEnd = Math.min(y * 12 + 11, lastMonth);
    while (next < threats.length && threats[next].m <= yearEnd) {
      standing.set(threats[next].key, threats[next].level);
      next++;
    }
    const t = Math.max(0, Math.min(yearEnd, start + model.months - 1) - start);
    const ca = model.capability[a * model.months + t];
    const cb = model.capability[b * model.months + t];
    const ratio = Math.max(ca, cb) > 0 ? Math.min(ca, cb) / Math.max(ca, cb) : 1;
    const threat = Math.max(0, ...standing.values());
    const pa = cowA === undefined ? undefined : regimes.get(cowA)?.get(y);
    const pb = cowB === undefined ? undefined : regimes.get(cowB)?.get(y);
    const regime = pa === undefined || pb === undefined ? 0 : Math.abs(pa - pb) / 20;
    rows.push({ year: y, x: [ratio, threat, regime], broke: recorded.month !== null && Math.floor(recorded.month / 12) === y });
  }
  return rows;
}

/** A fitted logistic model: intercept first, then one coefficient per covariate. */
export interface Logistic {
  coefficients: number[];
  iterations: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Logistic regression by IRLS with a small ridge penalty on the slopes (`ridge`, default 0.1), which keeps the estimates
 * finite when a handful of cases separates the outcomes perfectly, as a library of nine alliances can.
 * @example fitLogistic([{ x: [0.1], broke: true }, { x: [0.9], broke: false }]).coefficients
 */
export function fitLogistic(rows: { x: number[]; broke: boolean }[], options: { ridge?: number; iterations?: number } = {}): Logistic {
  const ridge = options.ridge ?? 0.1;
  const k = (rows[0]?.x.length ?? 0) + 1;
  const X = new Matrix(rows.map((r) => [1, ...r.x]));
  const y = rows.map((r) => (r.broke ? 1 : 0));
  let beta = new Array(k).fill(0);
  let iterations = 0;
  for (; iterations < (options.iterations ?? 50); iterations++) {
    const p = rows.map((_, i) => sigmoid(X.getRow(i).reduce((s, v, j) => s + v * beta[j], 0)));
    const w = p.map((q) => Math.max(q * (1 - q), 1e-9));
    const XtWX = new Matrix(k, k);
    const XtWz = new Array(k).fill(0);
    rows.forEach((_, i) => {
      const xi = X.getRow(i);
      const eta = xi.reduce((s, v, j) => s + v * beta[j], 0);
      const z = eta + (y[i] - p[i]) / w[i];
      for (let r = 0; r < k; r++) {
        XtWz[r] += w[i] * xi[r] * z;
        for (let c = 0; c < k; c++) XtWX.set(r, c, XtWX.get(r, c) + w[i] * xi[r] * xi[c]);
      }
    });
    for (let j = 1; j < k; j++) XtWX.set(j, j, XtWX.get(j, j) + ridge);
    const next = solve(XtWX, Matrix.columnVector(XtWz)).getColumn(0);
    const moved = Math.max(...next.map((v, j) => Math.abs(v - beta[j])));
    beta = next;
    if (moved < 1e-10) {
      iterations++;
      break;
    }
  }
  return { coefficients: beta, iterations };
}

/** The model's probability for one row of covariates. */
export function logisticProbability(model: Logistic, x: number[]): number {
  return sigmoid(model.coefficients[0] + x.reduce((s, v, j) => s + v * model.coefficients[j + 1], 0));
}
