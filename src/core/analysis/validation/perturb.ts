// Seeded perturbations of the judgements that reach the model, to test whether a result depends on them: every judged
// intensity ±1, every record act's Goldstein weight ±1 (the coding of the record the fit aims at), and the size of every
// driver effect ×(1 ± 0.25). A perturbation that touched only what the loss ignores would show the same world every time.
import { runStream, uniform, type RandomStream } from '../../random/streams.js';
import type { Effect, Scenario, ScenarioEvent } from '../../scenario/schema.js';

/** The relative change applied to each driver effect's size. */
export const EFFECT_STEP = 0.25;

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));
const sign = (rng: RandomStream) => (uniform(rng) < 0.5 ? -1 : 1);

/** An effect with its size moved by the factor, kept within the format's bounds; effects without a size are left alone. */
function scaledEffect(f: Effect, factor: number): Effect {
  switch (f.type) {
    case 'aid':
    case 'threat':
    case 'inducement':
      return { ...f, level: clamp(f.level * factor, 0, 1) };
    case 'relation':
      return { ...f, delta: clamp(f.delta * factor, -2, 2) };
    case 'position':
      return f.by === undefined ? f : { ...f, by: clamp(f.by * factor, -100, 100) };
    case 'salience':
    case 'hierarchy':
      return f.by === undefined ? f : { ...f, by: clamp(f.by * factor, -1, 1) };
    default:
      return f;
  }
}

/** One event perturbed with draws from rng, in a fixed order (intensity, then Goldstein weight or effect sizes). */
function perturbedEvent(e: ScenarioEvent, rng: RandomStream): ScenarioEvent {
  const intensity = clamp(e.intensity + sign(rng), -10, 10);
  if (e.role === 'record') {
    return e.goldstein === undefined ? { ...e, intensity } : { ...e, intensity, goldstein: clamp(e.goldstein + sign(rng), -10, 10) };
  }
  return { ...e, intensity, effects: e.effects.map((f) => scaledEffect(f, 1 + EFFECT_STEP * sign(rng))) };
}

/**
 * A copy of the scenario with its judgements perturbed, drawn from stream (seed, index): every judged intensity ±1, every
 * record act's Goldstein weight ±1 (clamped to -10..10), every driver effect's size ×(1 ± EFFECT_STEP). Dates are left alone.
 * @example const s2 = perturbJudgements(scenario, 7, 1);
 */
export function perturbJudgements(scenario: Scenario, seed: number, index: number): Scenario {
  const rng = runStream(seed, index);
  return { ...scenario, events: scenario.events.map((e) => perturbedEvent(e, rng)) };
}
