// Seeded perturbations of the judged intensities, to test whether a result depends on the judgement they encode (±1 each).
import { runStream, uniform } from '../../random/streams.js';
import type { Scenario } from '../../scenario/schema.js';

/**
 * A copy of the scenario in which every event's judged intensity is moved by +1 or -1 (equal odds, clamped to -10..10),
 * drawn from stream (seed, index); Goldstein weights, dates and effects are left alone.
 * @example const s2 = perturbIntensities(scenario, 7, 1);
 */
export function perturbIntensities(scenario: Scenario, seed: number, index: number): Scenario {
  const rng = runStream(seed, index);
  return {
    ...scenario,
    events: scenario.events.map((e) => ({ ...e, intensity: Math.max(-10, Math.min(10, e.intensity + (uniform(rng) < 0.5 ? -1 : 1))) })),
  };
}
