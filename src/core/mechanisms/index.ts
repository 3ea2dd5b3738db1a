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

// The order of MECHANISM_IDS, which the switch below follows case by case.
const ORDER = ['security', 'economy', 'standing', 'autonomy', 'ideology', 'bargaining', 'personality', 'wedge', 'nuclear', 'stakes', 'commitment'];
if (ORDER.join() !== MECHANISM_IDS.join()) throw new Error(`mechanismTerm's cases (${ORDER.join()}) do not follow MECHANISM_IDS (${MECHANISM_IDS.join()})`);

/**
 * Mechanism m's unweighted term (m indexes MECHANISM_IDS). Each mechanism has its own call site here: called through one shared
 * site from an array of functions, the month loop paid for a megamorphic call on every term.
 */
export function mechanismTerm(m: number, v: PairView): number {
  switch (m) {
    case 0: return security(v);
    case 1: return economy(v);
    case 2: return standing(v);
    case 3: return autonomy(v);
    case 4: return ideology(v);
    case 5: return bargaining(v);
    case 6: return personality(v);
    case 7: return wedge(v);
    case 8: return nuclear(v);
    case 9: return stakes(v);
    case 10: return commitment(v);
    default: throw new RangeError(`no mechanism ${m}`);
  }
}
