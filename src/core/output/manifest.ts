// manifest.json: what produced a run (scenario hash, seed, version, mode, every parameter) and its headline result; no clock time.
import type { RunResult } from '../engine/simulate.js';
import { monthLabel } from '../time/month.js';
import { SCHISM_VERSION } from '../version.js';

/** The manifest of a run as a plain object, ready for JSON. */
export function runManifest(r: RunResult, scenario: { file: string; sha256: string }, files: string[]): Record<string, unknown> {
  const { model } = r;
  const label = (t: number) => (t < 0 ? null : monthLabel(model.start + t));
  return {
    schism: SCHISM_VERSION,
    scenario: { file: scenario.file, sha256: scenario.sha256, title: model.scenario.meta.title },
    seed: r.seed,
    runIndex: r.runIndex,
    mode: model.mode,
    recordUsed: model.mode === 'replay',
    period: { start: monthLabel(model.start), end: monthLabel(model.start + model.months - 1) },
    without: model.without,
    mechanisms: model.params.enabled,
    parameters: { mechanisms: model.params.mechanisms, rules: model.params.rules },
    summary: {
      simulatedActs: r.summary.acts,
      alliances: model.alliances.map((al, a) => ({
        id: al.id,
        initial: r.summary.initial[a],
        changes: r.summary.changes.filter((c) => c.alliance === a).map((c) => ({ date: label(c.month), from: c.from, to: c.to, reason: c.reason })),
        firstBroken: label(r.summary.firstBreak[a]),
        firstHostile: label(r.summary.firstHostile[a]),
      })),
    },
    files,
  };
}
