// The mechanisms in report order, each a function from a member's view to its unweighted term.
import { MECHANISM_IDS } from '../engine/parameters.js';
import { autonomy } from './autonomy.js';
import { bargaining } from './bargaining.js';
import { commitment } from './commitment.js';
import { economy } from './economy.js';
import { ideology } from './ideology.js';
import { nuclear } from './nuclear.js';
import type { PairView } from './pair.js';
import { personality } from './personality.js';
import { security } from './security.js';
import { stakes } from './stakes.js';
import { standing } from './standing.js';
import { wedge } from './wedge.js';

/** A mechanism: one signed term of an ally's alliance value, before its interest weight. */
export type Mechanism = (v: PairView) => number;

const BY_ID: Record<string, Mechanism> = { security, economy, standing, autonomy, ideology, bargaining, personality, wedge, nuclear, stakes, commitment };

/** The mechanism functions in the order of MECHANISM_IDS. */
export const MECHANISM_FUNCTIONS: Mechanism[] = MECHANISM_IDS.map((id) => {
  const f = BY_ID[id];
  if (!f) throw new Error(`mechanism ${id} has no function`);
  return f;
});
