// The shipped scenarios the server offers by name, read once at start-up so that no request ever names a file.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readScenarioText } from '../../core/scenario/read-text.js';

/** One shipped scenario as the API lists it. */
export interface ShippedScenario {
  name: string;
  /** Path relative to the project root, for people reading the list. */
  file: string;
  title: string | null;
  period: { start: string; end: string } | null;
  /** Whether the file passes validation; an invalid file is still listed so that its problems can be seen. */
  valid: boolean;
}

/** The scenarios the server offers, with their texts held in memory. */
export interface Catalogue {
  /** The scenario the app opens with. */
  reference: string;
  /** Set when the reference scenario is missing and a stand-in is offered instead. */
  fallback?: string;
  scenarios: ShippedScenario[];
  /** The text of a shipped scenario, or undefined for any other name. */
  text(name: string): string | undefined;
}

/** The reference scenario's name, and the stand-in offered while it is missing. */
export const REFERENCE = { name: 'sino-soviet', file: 'scenarios/sino-soviet.yaml' } as const;
export const FALLBACK = { name: 'minimal', file: 'test/fixtures/minimal.yaml' } as const;

const NAME = /^[a-z0-9][a-z0-9-]*$/;

/** Reads every `scenarios/*.yaml` and `scenarios/cases/*.yaml` under `root` (plus the test fixture while the reference is missing). */
export async function loadCatalogue(root: string): Promise<Catalogue> {
  const files: { name: string; file: string }[] = [];
  let names: string[] = [];
  try {
    names = (await readdir(join(root, 'scenarios'))).sort();
  } catch {
    // No scenarios folder yet: the fallback below still gives the app something to open.
  }
  let cases: string[] = [];
  try {
    cases = (await readdir(join(root, 'scenarios', 'cases'))).sort();
  } catch {
    // No case library: the top-level scenarios are all there is.
  }
  // The case library is offered too, so that every shipped alliance can be opened by name.
  for (const entry of [...names, ...cases.map((c) => `cases/${c}`)]) {
    const m = /^(?:cases\/)?(.*)\.ya?ml$/.exec(entry);
    if (m && NAME.test(m[1]) && !files.some((f) => f.name === m[1])) files.push({ name: m[1], file: `scenarios/${entry}` });
  }
  let fallback: string | undefined;
  if (!files.some((f) => f.name === REFERENCE.name)) {
    fallback = `${REFERENCE.file} is not there yet; offering ${FALLBACK.file} as "${FALLBACK.name}" instead`;
    files.push({ ...FALLBACK });
  }
  const texts = new Map<string, string>();
  const scenarios: ShippedScenario[] = [];
  for (const f of files) {
    const text = await readFile(join(root, f.file), 'utf8');
    texts.set(f.name, text);
    const parsed = readScenarioText(text, f.file);
    const meta = parsed.ok ? parsed.scenario.meta : null;
    scenarios.push({ ...f, title: meta?.title ?? null, period: meta ? { ...meta.period } : null, valid: parsed.ok });
  }
  return {
    reference: fallback ? FALLBACK.name : REFERENCE.name,
    fallback,
    scenarios,
    // A Map lookup by exact name: a request can only reach a text that was read at start-up.
    text: (name) => texts.get(name),
  };
}

/** A catalogue built from texts in memory, for tests. */
export function catalogueOf(entries: Record<string, string>, reference = Object.keys(entries)[0]): Catalogue {
  const texts = new Map(Object.entries(entries));
  return {
    reference,
    scenarios: Object.entries(entries).map(([name, text]) => {
      const parsed = readScenarioText(text, name);
      const meta = parsed.ok ? parsed.scenario.meta : null;
      return { name, file: `${name}.yaml`, title: meta?.title ?? null, period: meta ? { ...meta.period } : null, valid: parsed.ok };
    }),
    text: (name) => texts.get(name),
  };
}
