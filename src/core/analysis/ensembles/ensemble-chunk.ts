// One chunk of an ensemble: runs [from, to) on the fast path, their per-run numbers and their counts, the unit a worker does.
import type { Model } from '../../engine/model.js';
import { runStream } from '../../random/streams.js';
import { addDigest, emptyStats, type EnsembleStats } from './ensemble-stats.js';
import type { RunRange } from './ensemble-plan.js';
import { digester, emptyDigest, finalStatusesInto, type DigestShape } from './run-digest.js';

/** The integers kept per run and alliance, in this order. */
export const RUN_FIELDS = ['firstBroken', 'firstHostile', 'finalStatus', 'changes', 'acts'] as const;

/**
 * What a chunk hands back: its runs' numbers as typed arrays (a worker sends them without turning them into text; the
 * main thread writes them once) and the counts of its runs.
 */
export interface ChunkResult extends RunRange {
  /** Per run (in order) and alliance, the RUN_FIELDS: `[((run - from) * alliances + a) * 5 + field]`; -1 for a month that never came. */
  ints: Int32Array;
  /** Per run (in order): the yearly mean cooperation per dyad and year, `[(run - from) * dyads * years + dyad * years + year]`. */
  cooperation: Float64Array;
  stats: EnsembleStats;
}

/** The arrays of a chunk's per-run numbers (ChunkResult's), which can be kept and written again chunk after chunk (an ensemble's pool keeps them on shared memory). */
export type ChunkArrays = Pick<ChunkResult, 'ints' | 'cooperation'>;

/**
 * Arrays for the per-run numbers of `runs` runs of a shape, zeroed, on `memory`: ArrayBuffer, or SharedArrayBuffer for
 * arrays a worker writes where another thread reads them.
 */
export function chunkArrays(shape: DigestShape, runs: number, memory: ArrayBufferConstructor | SharedArrayBufferConstructor = ArrayBuffer): ChunkArrays {
  const ints = runs * shape.alliances.length * RUN_FIELDS.length;
  const cooperation = runs * shape.dyads.length * shape.years.length;
  return {
    ints: new Int32Array(new memory(ints * Int32Array.BYTES_PER_ELEMENT)),
    cooperation: new Float64Array(new memory(cooperation * Float64Array.BYTES_PER_ELEMENT)),
  };
}

/**
 * Runs a chunk; each run's stream comes from (seed, run index) alone, so the result does not depend on who runs it. The
 * per-run numbers are written into `into` when it is given (holding at least the chunk's runs): its arrays, or views of
 * their first part, are the result's.
 * @example const r = runChunk(model, digestShape(model), 7, { from: 0, to: 100 });
 */
export function runChunk(model: Model, shape: DigestShape, seed: number, range: RunRange, into?: ChunkArrays): ChunkResult {
  const n = range.to - range.from;
  const A = shape.alliances.length;
  const F = RUN_FIELDS.length;
  const cells = shape.dyads.length * shape.years.length;
  const stats = emptyStats(shape);
  const { ints, cooperation } = into === undefined ? chunkArrays(shape, n) : fitted(into, n * A * F, n * cells);
  const digestOf = digester(model, shape, emptyDigest(shape));
  const final = new Int32Array(A);
  for (let r = 0; r < n; r++) {
    const digest = digestOf(runStream(seed, range.from + r));
    finalStatusesInto(digest.summary, final);
    addDigest(stats, shape, digest, final);
    const base = r * A * F;
    for (let a = 0; a < A; a++) {
      const at = base + a * F;
      ints[at] = digest.summary.firstBreak[a];
      ints[at + 1] = digest.summary.firstHostile[a];
      ints[at + 2] = final[a];
      ints[at + 4] = digest.acts[a];
    }
    const { changes } = digest.summary;
    for (let c = 0; c < changes.length; c++) ints[base + changes[c].alliance * F + 3]++;
    cooperation.set(digest.cooperation, r * cells);
  }
  return { from: range.from, to: range.to, ints, cooperation, stats };
}

/** Views of the first `ints` and `cooperation` numbers of kept arrays, the ints zeroed (status changes are counted up). */
function fitted(into: ChunkArrays, ints: number, cooperation: number): ChunkArrays {
  if (into.ints.length < ints || into.cooperation.length < cooperation) throw new RangeError(`the arrays hold fewer runs than the chunk has`);
  const view = {
    ints: into.ints.length === ints ? into.ints : into.ints.subarray(0, ints),
    cooperation: into.cooperation.length === cooperation ? into.cooperation : into.cooperation.subarray(0, cooperation),
  };
  view.ints.fill(0);
  return view;
}
