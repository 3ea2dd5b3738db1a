// Reads a scenario file from disk and checks it; the only place the CLI touches scenario files.
import { readFileSync } from 'node:fs';
import { InputError } from '../../core/scenario/diagnostic.js';
import { knownLocation, originOf, pathKey, rememberOrigin, type TextLocation } from '../../core/scenario/origin.js';
import type { Scenario } from '../../core/scenario/schema.js';
import { cachedScenario, storeScenario } from './scenario-cache.js';

/**
 * Reads and validates a scenario; throws InputError (with file, line, column) when it cannot be used. A file already
 * found valid comes from the scenario cache; only otherwise are the parsers (js-yaml and zod, then yaml if need be) loaded and run.
 */
export async function readScenario(file: string): Promise<{ scenario: Scenario; text: string }> {
  const text = await readInputText(file);
  return { scenario: await checkScenarioText(text, file), text };
}

/** Checks scenario text already read, through the scenario cache; throws InputError like readScenario. */
export async function checkScenarioText(text: string, file: string): Promise<Scenario> {
  const cached = cachedScenario(text);
  if (cached) {
    rememberOrigin(cached.scenario, { text, file, known: new Map(Object.entries(cached.locations)) });
    return cached.scenario;
  }
  // The quick reading (js-yaml) accepts most files; only a file it hands over loads yaml, whose located reading finds
  // every problem with its line and column (and decides alone whatever the quick one would not promise to read alike).
  const { quickScenario } = await import('../../core/scenario/fast-parse.js');
  let scenario = quickScenario(text, file);
  if (!scenario) {
    const { loadScenarioText } = await import('../../core/scenario/parse.js');
    scenario = loadScenarioText(text, file);
  }
  storeScenario(text, scenario);
  return scenario;
}

/**
 * Locates paths of a scenario that readScenario returned. Paths located before come from the cache; the others parse
 * the text once, and their locations are added to the cache for next time.
 * @example const [at] = await locateInScenario(scenario, [['events', 51, 'role']]);
 */
export async function locateInScenario(scenario: Scenario, paths: readonly (readonly (string | number)[])[]): Promise<({ file: string } & TextLocation)[]> {
  const origin = originOf(scenario);
  const learnt = paths.some((p) => !origin?.known?.has(pathKey(p)));
  // Paths known, or placed by the quick reading's locator, need no parser; only the others load yaml.
  const found = paths.map((p) => knownLocation(scenario, p));
  if (found.some((at) => !at)) {
    const { scenarioLocation } = await import('../../core/scenario/parse.js');
    for (const [i, p] of paths.entries()) found[i] ??= scenarioLocation(scenario, p);
  }
  if (learnt && origin?.known) storeScenario(origin.text, scenario, Object.fromEntries(origin.known));
  return found as ({ file: string } & TextLocation)[];
}

/** Reads an input file as UTF-8, turning a missing or unreadable file into an InputError. */
export async function readInputText(file: string): Promise<string> {
  try {
    // Synchronous: an input is a few kB read once, and the thread pool's round trip cost a short command more than the read.
    return readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
    throw new InputError([{ file, line: 1, column: 1, path: '(document)', code: 'file.unreadable', message: reason }]);
  }
}
