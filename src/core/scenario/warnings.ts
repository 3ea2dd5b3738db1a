// Semantic mistakes a valid scenario can still hold: a driver between the allies, a record event with no ally in it, a Goldstein
// weight that contradicts its WEIS code, a threat from one's own partner. Warnings, not errors: each may be meant.
import type { ReferenceProblem } from './references.js';
import type { Scenario } from './schema.js';

/** How far a stated Goldstein weight may sit from the table's before it is called a contradiction (the table has one decimal). */
const GOLDSTEIN_TOLERANCE = 0.05;

/**
 * Lists the warnings of a checked scenario, each with the path of the value it concerns. `goldstein` is the WEIS -> Goldstein
 * table (data/weis-goldstein); without it the weights are not checked.
 * @example scenarioWarnings(scenario, new Map([['195', -7]]))
 */
export function scenarioWarnings(s: Scenario, goldstein?: ReadonlyMap<string, number>): ReferenceProblem[] {
  const out: ReferenceProblem[] = [];
  const allied = (a: string, b: string) => a !== b && s.alliances.some((al) => al.members.includes(a) && al.members.includes(b));
  const members = new Set(s.alliances.flatMap((al) => al.members));
  s.events.forEach((e, i) => {
    const at = ['events', i];
    if (e.to !== undefined && e.role === 'driver' && allied(e.from, e.to)) {
      out.push({ path: [...at, 'role'], code: 'warn.driver_between_allies', message: `a driver between the allies ${e.from} and ${e.to}: their acts toward each other are record events, which the model must generate` });
    }
    if (e.role === 'record' && !members.has(e.from) && (e.to === undefined || !members.has(e.to))) {
      out.push({ path: [...at, 'role'], code: 'warn.record_without_ally', message: `a record event with no member of an alliance (${e.from}${e.to ? ` -> ${e.to}` : ''}): record events are the allies' acts or a response to one; this reads as a driver` });
    }
    const table = e.weis !== undefined ? goldstein?.get(e.weis) : undefined;
    if (table !== undefined && e.goldstein !== undefined && Math.abs(table - e.goldstein) > GOLDSTEIN_TOLERANCE) {
      out.push({ path: [...at, 'goldstein'], code: 'warn.goldstein', message: `Goldstein weight ${e.goldstein} contradicts WEIS ${e.weis}, whose weight is ${table}` });
    }
    e.effects.forEach((f, j) => {
      if (f.type === 'threat' && allied(f.from, f.to)) {
        out.push({ path: [...at, 'effects', j], code: 'warn.threat_from_partner', message: `a threat from ${f.from} to its own ally ${f.to}: threats stand for third powers' hostility; a partner's hostility is a relation or a record act` });
      }
    });
  });
  return out;
}
