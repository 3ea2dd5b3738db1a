// Turns scenario text (YAML or JSON) into a checked Scenario, or into every located problem it has. No I/O.
import type { z } from 'zod';
import { formatPath, InputError, type Diagnostic } from './diagnostic.js';
import { capDiagnostics, readDocument } from './document.js';
import { knownLocation, originOf, pathKey, rememberOrigin, type TextLocation } from './origin.js';
import { checkReferences } from './references.js';
import { Scenario } from './schema.js';
import type { SourceMap } from './source-map.js';

/** The outcome of reading a scenario: the scenario, or the list of problems. */
export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Parses and checks a scenario document; `file` only names it in messages.
 * @example const r = parseScenario(text, 'scenarios/sino-soviet.yaml'); if (!r.ok) console.log(r.diagnostics);
 */
export function parseScenario(text: string, file: string): ParseResult {
  const read = readDocument(text, file);
  if (!read.ok) return read;
  const { doc, map } = read;
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    // yaml refuses aliases that would expand without bound (a "billion laughs" document): bad input, not a crash.
    return { ok: false, diagnostics: [{ file, line: 1, column: 1, path: '(document)', code: 'yaml.alias_count', message: (err as Error).message }] };
  }
  const parsed = Scenario.safeParse(data);
  if (!parsed.success) return { ok: false, diagnostics: capDiagnostics(zodDiagnostics(parsed.error.issues, file, map)) };
  const problems = checkReferences(parsed.data);
  if (problems.length > 0) {
    return {
      ok: false,
      diagnostics: capDiagnostics(problems.map((p) => ({ file, ...map.locate(p.path), path: formatPath(p.path), code: p.code, message: p.message }))),
    };
  }
  rememberOrigin(parsed.data, { text, file, locate: (path) => map.locate(path) });
  return { ok: true, scenario: parsed.data };
}

/** Parses a scenario and throws an InputError listing every problem. */
export function loadScenarioText(text: string, file: string): Scenario {
  const result = parseScenario(text, file);
  if (!result.ok) throw new InputError(result.diagnostics);
  return result.scenario;
}

/**
 * Locates a path of a parsed scenario in the text it was read from (remembering the answer in its origin); a scenario
 * built otherwise is located at line 1.
 * @example scenarioLocation(scenario, ['actors', 0, 'capability']) // { file: 'x.yaml', line: 12, column: 5 }
 */
export function scenarioLocation(scenario: Scenario, path: readonly (string | number)[]): { file: string } & TextLocation {
  const known = knownLocation(scenario, path);
  if (known) return known;
  const origin = originOf(scenario);
  if (!origin) return { file: '(scenario)', line: 1, column: 1 };
  const read = readDocument(origin.text, origin.file);
  const at = read.ok ? read.map.locate(path) : { line: 1, column: 1 };
  // The located reading now at hand answers every later path too.
  if (read.ok) origin.locate = (p) => read.map.locate(p);
  (origin.known ??= new Map()).set(pathKey(path), at);
  return { file: origin.file, ...at };
}

function zodDiagnostics(issues: z.core.$ZodIssue[], file: string, map: SourceMap): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ file, ...map.locate(path, key), path: formatPath([...path, key]), code: 'schema.unknown_key', message: `unknown field "${key}"` });
      }
      continue;
    }
    if (issue.code === 'invalid_union' && 'note' in issue && issue.note === 'No matching discriminator') {
      out.push({ file, ...map.locate(path), path: formatPath(path), code: 'schema.unknown_type', message: issue.message });
      continue;
    }
    // A refused record key says why in its inner issue; zod's outer message is only "Invalid key in record".
    const message = issue.code === 'invalid_key' && issue.issues[0] ? issue.issues[0].message : issue.message;
    out.push({ file, ...map.locate(path), path: formatPath(path), code: `schema.${issue.code}`, message });
  }
  return out;
}
