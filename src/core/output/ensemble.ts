// The files of an ensemble: per-run rows (runs.csv, cooperation.csv) and the summaries computed from streamed counts.
import { BREAK_CAUSES, type EnsembleStats } from '../analysis/ensembles/ensemble-stats.js';
import { degenerateWarnings } from '../analysis/ensembles/degenerate.js';
import { binCentre, COOPERATION_BINS, quantileBin } from '../analysis/ensembles/histogram.js';
import { RUN_FIELDS, type ChunkResult } from '../analysis/ensembles/ensemble-chunk.js';
import type { RunRange } from '../analysis/ensembles/ensemble-plan.js';
import type { DigestShape } from '../analysis/ensembles/run-digest.js';
import { STATUSES } from '../engine/state.js';
import { monthLabel } from '../time/month.js';
import { toCsv, type Cell } from './csv.js';
import { AsciiBuffer, encode } from './ascii-buffer.js';
import { formatNumber } from './number.js';

/** The quantiles every ensemble summary reports. */
export const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/** Header of runs.csv: one row per run and alliance; an empty date means "not within the period". */
export const RUNS_HEADER = 'run,alliance,first_broken,first_hostile,final_status,status_changes,acts\n';

/** Header of cooperation.csv: one row per run and directed alliance dyad, one column per calendar year. */
export function cooperationHeader(shape: DigestShape): string {
  return `run,from,to,${shape.years.join(',')}\n`;
}

/** A chunk as the journal writes it: its runs.csv and cooperation.csv lines, in run order, and its counts. */
export interface ChunkLines extends RunRange {
  runs: string;
  cooperation: string;
  stats: EnsembleStats;
}

/** A chunk as the journal writes it: its runs.csv and cooperation.csv lines as bytes, in run order, and its counts. */
export interface ChunkBytes extends RunRange {
  runs: Uint8Array;
  cooperation: Uint8Array;
  stats: EnsembleStats;
}

/**
 * The bytes of chunkLines, written straight into buffers: what the main thread of an ensemble does for every chunk, so it
 * costs a few µs a run rather than the ten that building and encoding strings did. ensemble-stats.test.ts checks it equals
 * chunkLines, byte for byte.
 * @example const { runs, cooperation } = chunkBytes(shape, runChunk(model, shape, 7, { from: 0, to: 100 }));
 */
export function chunkBytes(shape: DigestShape, chunk: ChunkResult): ChunkBytes {
  return chunkWriter(shape)(chunk);
}

/**
 * chunkBytes for chunk after chunk of one ensemble, into two buffers it keeps: the bytes it returns are valid until its next
 * call. A chunk's lines take megabytes; fresh buffers for each chunk cost the main thread about as much again as writing
 * them (the memory allocated and zeroed anew each time), reused ones only once.
 * @example const write = chunkWriter(shape); for (const chunk of chunks) await journal.append(write(chunk));
 */
export function chunkWriter(shape: DigestShape): (chunk: ChunkResult) => ChunkBytes {
  const A = shape.alliances.length;
  const F = RUN_FIELDS.length;
  const Y = shape.years.length;
  const D = shape.dyads.length;
  const cells = D * Y;
  const labels = Array.from({ length: shape.months }, (_, t) => encode(monthLabel(shape.start + t)));
  const alliances = shape.alliances.map((id) => encode(`,${id},`));
  const statuses = STATUSES.map((st) => encode(st));
  const prefixes = shape.dyads.map((d) => encode(`,${d.fromId},${d.toId}`));
  let runs: AsciiBuffer | undefined;
  let cooperation: AsciiBuffer | undefined;
  return (chunk) => {
    const n = chunk.to - chunk.from;
    // Room for typical lines at once (the buffers grow if a line is longer, and stay grown).
    runs ??= new AsciiBuffer(n * A * 64);
    cooperation ??= new AsciiBuffer(n * D * (24 + Y * 10));
    runs.clear();
    cooperation.clear();
    const { ints, cooperation: coop } = chunk;
    for (let r = 0; r < n; r++) {
      const run = chunk.from + r;
      for (let a = 0; a < A; a++) {
        const at = (r * A + a) * F;
        runs.int(run);
        runs.bytes(alliances[a]);
        if (ints[at] >= 0) runs.bytes(labels[ints[at]]);
        runs.byte(44);
        if (ints[at + 1] >= 0) runs.bytes(labels[ints[at + 1]]);
        runs.byte(44);
        runs.bytes(statuses[ints[at + 2]]);
        runs.byte(44);
        runs.int(ints[at + 3]);
        runs.byte(44);
        runs.int(ints[at + 4]);
        runs.byte(10);
      }
      for (let k = 0; k < D; k++) {
        cooperation.int(run);
        cooperation.bytes(prefixes[k]);
        const base = r * cells + k * Y;
        cooperation.numbers(coop, base, base + Y);
        cooperation.byte(10);
      }
    }
    return { from: chunk.from, to: chunk.to, runs: runs.view(), cooperation: cooperation.view(), stats: chunk.stats };
  };
}

/**
 * The runs.csv and cooperation.csv lines of a chunk's runs, written from its numbers (ids contain no commas: the schema's
 * Id pattern forbids them): the readable form of chunkBytes, which the journal writes.
 * @example const { runs, cooperation } = chunkLines(shape, runChunk(model, shape, 7, { from: 0, to: 100 }));
 */
export function chunkLines(shape: DigestShape, chunk: ChunkResult): ChunkLines {
  const label = (t: number) => (t < 0 ? '' : monthLabel(shape.start + t));
  const A = shape.alliances.length;
  const F = RUN_FIELDS.length;
  const Y = shape.years.length;
  const cells = shape.dyads.length * Y;
  const prefixes = shape.dyads.map((d) => `,${d.fromId},${d.toId}`);
  const { ints, cooperation: coop } = chunk;
  let runs = '';
  let cooperation = '';
  for (let r = 0; r < chunk.to - chunk.from; r++) {
    const run = chunk.from + r;
    for (let a = 0; a < A; a++) {
      const at = (r * A + a) * F;
      runs += `${run},${shape.alliances[a]},${label(ints[at])},${label(ints[at + 1])},${STATUSES[ints[at + 2]]},${ints[at + 3]},${ints[at + 4]}\n`;
    }
    for (let k = 0; k < shape.dyads.length; k++) {
      let line = `${run}${prefixes[k]}`;
      const base = r * cells + k * Y;
      for (let y = 0; y < Y; y++) line += `,${formatNumber(coop[base + y])}`;
      cooperation += `${line}\n`;
    }
  }
  return { from: chunk.from, to: chunk.to, runs, cooperation, stats: chunk.stats };
}

/** break-dates.csv: per alliance and month, how many runs first became broken (or worse) and first hostile then; "never" last. */
export function breakDatesCsv(stats: EnsembleStats, shape: DigestShape): string {
  const T = shape.months;
  const rows: Cell[][] = [];
  shape.alliances.forEach((id, a) => {
    for (let t = 0; t <= T; t++) {
      rows.push([id, t === T ? 'never' : monthLabel(shape.start + t), stats.firstBroken[a * (T + 1) + t], stats.firstHostile[a * (T + 1) + t]]);
    }
  });
  return toCsv(['alliance', 'date', 'first_broken', 'first_hostile'], rows);
}

/** cooperation-bands.csv: per directed alliance dyad and year, the mean and quantiles of the runs' yearly mean cooperation. */
export function cooperationBandsCsv(stats: EnsembleStats, shape: DigestShape): string {
  const Y = shape.years.length;
  const B = COOPERATION_BINS.bins;
  const rows: Cell[][] = [];
  shape.dyads.forEach((d, k) => {
    shape.years.forEach((year, y) => {
      const cell = k * Y + y;
      const q = QUANTILES.map((p) => binCentre(COOPERATION_BINS, quantileBin(stats.coopHist, cell * B, B, p, stats.runs)));
      rows.push([d.fromId, d.toId, year, stats.runs, stats.runs ? stats.coopSum[cell] / 1e6 / stats.runs : null, ...(stats.runs ? q : QUANTILES.map(() => null))]);
    });
  });
  return toCsv(['from', 'to', 'year', 'runs', 'mean', ...QUANTILES.map(quantileName)], rows);
}

/** The column name of a quantile: p05, p50, ... */
export function quantileName(q: number): string {
  return `p${String(Math.round(q * 100)).padStart(2, '0')}`;
}

/** A break-date distribution in brief: share of runs broken within the period, quantiles as YYYY-MM (null beyond the period), mean among the runs that broke. */
export interface DateDistribution {
  share: number;
  quantiles: Record<string, string | null>;
  /** Mean date among runs that broke, as a decimal year (1958.5 is mid-1958), or null if none did. */
  meanYear: number | null;
}

/** The break-date distribution of one alliance from exact month counts `counts[offset .. offset + T]` (the last is "never"). */
export function dateDistribution(counts: ArrayLike<number>, offset: number, start: number, months: number, runs: number): DateDistribution {
  let broke = 0;
  let sum = 0;
  for (let t = 0; t < months; t++) {
    broke += counts[offset + t];
    sum += counts[offset + t] * t;
  }
  const quantiles: Record<string, string | null> = {};
  for (const q of QUANTILES) {
    const b = quantileBin(counts, offset, months + 1, q, runs);
    quantiles[quantileName(q)] = b < 0 || b === months ? null : monthLabel(start + b);
  }
  return {
    share: runs ? Number(formatNumber(broke / runs)) : 0,
    quantiles,
    meanYear: broke ? Number(formatNumber((start + sum / broke) / 12)) : null,
  };
}

/** Among the runs whose alliance `a` broke: the share of each cause of the first break, and the share that broke below the outside option. */
function breakCauses(stats: EnsembleStats, a: number): Record<string, number | null> {
  const C = BREAK_CAUSES.length;
  let broke = 0;
  for (let c = 0; c < C; c++) broke += stats.breakCause[a * C + c];
  const share = (x: number) => (broke ? Number(formatNumber(x / broke)) : null);
  return {
    runs: broke,
    ...Object.fromEntries(BREAK_CAUSES.map((cause, c) => [cause, share(stats.breakCause[a * C + c])])),
    belowOutside: share(stats.breakBelow[a]),
  };
}

/** summary.json: per alliance, the distribution of the first break and first hostility, final statuses, mean changes and acts. */
export function ensembleSummary(stats: EnsembleStats, shape: DigestShape): Record<string, unknown> {
  const T = shape.months;
  const n = stats.runs;
  const mean = (x: number) => (n ? Number(formatNumber(x / n)) : null);
  return {
    runs: n,
    alliances: shape.alliances.map((id, a) => ({
      id,
      firstBroken: dateDistribution(stats.firstBroken, a * (T + 1), shape.start, T, n),
      firstHostile: dateDistribution(stats.firstHostile, a * (T + 1), shape.start, T, n),
      firstBreakCause: breakCauses(stats, a),
      finalStatus: Object.fromEntries(STATUSES.map((s, i) => [s, mean(stats.finalStatus[a * STATUSES.length + i])])),
      meanStatusChanges: mean(stats.changes[a]),
      meanActs: mean(stats.acts[a]),
    })),
    warnings: degenerateWarnings(stats, shape, n, COOPERATION_BINS.bins),
    notes: [
      'firstBreakCause: among runs that broke, the share whose first break was set by the margins (status rule), by an act (a defection), by force or by relations deep in conflict; belowOutside is the share that broke while the breaking member (the defector, the user of force, else the member with the lower smoothed margin) valued the alliance below its outside option.',
      'Dates are the first month with status broken or hostile (firstBroken) and hostile (firstHostile); runs that never got there count as later than every month, so a quantile beyond the period is null.',
      `Cooperation bands (cooperation-bands.csv) are quantiles of each run's yearly mean monthly cooperation, read from fixed bins ${COOPERATION_BINS.width} wide centred on multiples of ${COOPERATION_BINS.width} from ${COOPERATION_BINS.lo} to ${-COOPERATION_BINS.lo}; means are exact.`,
    ],
  };
}
