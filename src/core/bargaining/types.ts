// The shapes every bargaining model shares: a problem (actors, dimensions, positions, salience), a run, a random source.

/** One stakeholder: a name and a capability (any positive scale; only ratios matter). */
export interface BargainingActor {
  id: string;
  name: string;
  capability: number;
  /** Where the actor was read from a table (1-based line), so that a model's objections can be located. */
  line?: number;
}

/** One issue dimension and the scale its positions are written on (`low` and `high` bound the scale). */
export interface BargainingDimension {
  id: string;
  name: string;
  low: number;
  high: number;
}

/**
 * A bargaining problem: actors × dimensions. `positions[i][d]` is on dimension d's own scale;
 * `salience[i][d]` lies in [0, 1] (for KTAB inputs an actor's saliences sum to at most 1).
 */
export interface BargainingProblem {
  title: string;
  actors: BargainingActor[];
  dimensions: BargainingDimension[];
  positions: number[][];
  salience: number[][];
  /** For a table: the header's line and the 1-based columns of capability, and of position and salience per dimension. */
  columns?: { header: number; capability: number; position: number[]; salience: number[] };
}

/** A seeded generator; only `next()` (a 32-bit integer) is drawn. Never shared between runs. */
export interface RandomSource {
  next(): number;
}

/** A uniform draw in [0, 1) from a random source. */
export function uniform01(rng: RandomSource): number {
  return (rng.next() >>> 0) / 4294967296;
}

/** The result of one model run on one problem. */
export interface BargainingRun {
  model: 'bdm' | 'smp';
  /** `rounds[t][i][d]`: positions on the native scale; `rounds[0]` is the input. */
  rounds: number[][][];
  /** The forecast outcome per dimension, on the native scale. */
  forecast: number[];
  /** Per round and dimension, the model's own summary position (BDM: weighted median; SMP: most probable position). */
  forecastByRound: number[][];
  /** Why the run stopped, in words. */
  stop: string;
}

/** Capability × salience-weighted mean position on one dimension. */
export function weightedMean(positions: readonly number[], weights: readonly number[]): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < positions.length; i++) {
    num += weights[i] * positions[i];
    den += weights[i];
  }
  return den > 0 ? num / den : Number.NaN;
}

/**
 * The weighted median voter position among the actors' own positions: the position that beats every other in
 * pairwise votes when each actor's vote is weight × (distance to the loser − distance to the winner). In one
 * dimension with linear loss this is the position minimising Σ w·|x_k − a|; ties go to the actor listed first.
 */
export function weightedMedian(positions: readonly number[], weights: readonly number[]): number {
  let best = positions[0];
  let bestCost = Number.POSITIVE_INFINITY;
  for (let a = 0; a < positions.length; a++) {
    let cost = 0;
    for (let k = 0; k < positions.length; k++) cost += weights[k] * Math.abs(positions[k] - positions[a]);
    // A relative margin keeps round-off from breaking ties between equally good positions.
    if (a === 0 || cost < bestCost - 1e-12 * Math.max(1, Math.abs(bestCost))) {
      best = positions[a];
      bestCost = cost;
    }
  }
  return best;
}
