// Which record WEIS codes count as a defection or a use of force when a replay applies the record: the scenario's table or the default.
import type { ReplayCodeTable, Scenario } from '../scenario/schema.js';

/**
 * The default table. Defection: breaks diplomatic relations (195), renounces or ends an agreement (198), expels (202) —
 * each ends the partnership's working ties by the actor's choice. Force: military engagement and other 22x acts, plus
 * 211 (seizes possession) and 213 (armed attack on personnel or property).
 */
export const DEFAULT_REPLAY_CODES: ReplayCodeTable = { defection: ['195', '198', '202'], force: ['22', '211', '213'] };

/** The scenario's replay codes, or the default table. */
export function replayCodes(scenario: Pick<Scenario, 'replay'>): ReplayCodeTable {
  return scenario.replay ?? DEFAULT_REPLAY_CODES;
}

/** Whether a WEIS code is one of the codes (each a full code or a prefix). */
export function weisMatches(weis: string | undefined, codes: string[]): boolean {
  return weis !== undefined && codes.some((c) => weis.startsWith(c));
}
