// Runs a fuzz target over seeded cases and tallies what the checks found: crashes, slow cases, unlocated diagnostics, NaN.
import type { Outcome, Target } from './targets.js';

/** The tally of one target. */
export interface Tally {
  target: string;
  cases: number;
  valid: number;
  refused: number;
  crashes: number;
  slow: number;
  unlocated: number;
  nan: number;
  slowestMs: number;
  /** The failing cases: index, mutation kinds, input and what went wrong. */
  failures: { index: number; kinds: string[]; input: string; why: string }[];
}

/** CPU time of this process so far, in milliseconds: a case's cost, whatever else the machine is doing. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** What makes a case fail: a crash, a CPU time over `boundMs` (when given), an unlocated diagnostic or a NaN. */
function failure(o: Outcome, ms: number, boundMs?: number): string | null {
  if (o.crash) return `crash: ${o.crash}`;
  if (o.unlocated > 0) return `${o.unlocated} unlocated diagnostics`;
  if (o.nan > 0) return `${o.nan} non-finite outputs`;
  if (boundMs !== undefined && ms > boundMs) return `took ${Math.round(ms)} ms, over ${boundMs} ms`;
  return null;
}

/** Checks one input, turning any exception into a crash outcome. */
export async function checkCase(target: Target, input: string): Promise<Outcome> {
  try {
    return await target.check(input);
  } catch (err) {
    return { status: 'refused', unlocated: 0, nan: 0, crash: err instanceof Error ? `${err.name}: ${err.message.split('\n')[0]}` : String(err) };
  }
}

/**
 * Runs cases [from, from + cases) of a target under `seed`. `boundMs` fails a case that takes more CPU time than that
 * (the fuzzer's check of hangs; CPU time, not wall time, so that a busy machine is not read as a slow case); tests leave
 * it unset.
 */
export async function fuzzTarget(target: Target, seed: number, cases: number, boundMs?: number, from = 0, onProgress?: (t: Tally) => void): Promise<Tally> {
  const t: Tally = { target: target.name, cases: 0, valid: 0, refused: 0, crashes: 0, slow: 0, unlocated: 0, nan: 0, slowestMs: 0, failures: [] };
  for (let i = from; i < from + cases; i++) {
    const { input, kinds } = target.make(seed, i);
    const start = cpuMs();
    const o = await checkCase(target, input);
    const ms = cpuMs() - start;
    t.cases++;
    if (o.status === 'valid') t.valid++;
    else t.refused++;
    if (o.crash) t.crashes++;
    if (boundMs !== undefined && ms > boundMs) t.slow++;
    t.unlocated += o.unlocated;
    t.nan += o.nan;
    t.slowestMs = Math.max(t.slowestMs, ms);
    const why = failure(o, ms, boundMs);
    if (why) t.failures.push({ index: i, kinds, input, why });
    if ((i + 1 - from) % 1000 === 0) onProgress?.(t);
  }
  return t;
}
