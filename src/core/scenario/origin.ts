// Where a checked scenario came from (its text and file), kept apart from the parser so that recording it loads nothing heavy.
import type { Scenario } from './schema.js';

/** A line and column in a scenario's text. */
export interface TextLocation {
  line: number;
  column: number;
}

/** A scenario's source, and the locations of paths already found in it (the scenario cache keeps them). */
export interface ScenarioOrigin {
  text: string;
  file: string;
  /** Locations by pathKey(path), found earlier: a located warning need not parse the text again. */
  known?: Map<string, TextLocation>;
  /**
   * Locates a path with the parse that checked the scenario, while it is at hand (saves parsing the text again); may
   * answer undefined for a path it cannot place exactly as the located reader would, which then parses the text.
   */
  locate?: (path: readonly (string | number)[]) => TextLocation | undefined;
}

const origins = new WeakMap<Scenario, ScenarioOrigin>();

/** Records where a checked scenario was read from. */
export function rememberOrigin(scenario: Scenario, origin: ScenarioOrigin): void {
  origins.set(scenario, origin);
}

/** Where a scenario was read from, if it was read from text. */
export function originOf(scenario: Scenario): ScenarioOrigin | undefined {
  return origins.get(scenario);
}

/** The key of a path in ScenarioOrigin.known. */
export function pathKey(path: readonly (string | number)[]): string {
  return JSON.stringify(path);
}

/**
 * Where a path of a scenario read from text is, found without parsing the text again: from the locations known, or
 * through the origin's locator (the answer is remembered). Undefined when neither can tell.
 * @example knownLocation(scenario, ['events', 51, 'role']) // { file: 'x.yaml', line: 2132, column: 11 }
 */
export function knownLocation(scenario: Scenario, path: readonly (string | number)[]): ({ file: string } & TextLocation) | undefined {
  const origin = origins.get(scenario);
  if (!origin) return undefined;
  const key = pathKey(path);
  let at = origin.known?.get(key);
  if (!at) {
    at = origin.locate?.(path);
    if (!at) return undefined;
    (origin.known ??= new Map()).set(key, at);
  }
  return { file: origin.file, ...at };
}
