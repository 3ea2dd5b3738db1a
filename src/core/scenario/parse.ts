// Turns scenario text (YAML or JSON) into a checked Scenario, or into every located problem it has. No I/O.
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { formatPath, InputError, type Diagnostic } from './diagnostic.js';
import { checkReferences } from './references.js';
import { Scenario } from './schema.js';
import { sourceMap } from './source-map.js';

/** The outcome of reading a scenario: the scenario, or the list of problems. */
export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Parses and checks a scenario document; `file` only names it in messages.
 * @example const r = parseScenario(text, 'scenarios/sino-soviet.yaml'); if (!r.ok) console.log(r.diagnostics);
 */
export function parseScenario(text: string, file: string): ParseResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      diagnostics: doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return { file, line: pos.line, column: pos.col, path: '(document)', code: `yaml.${e.code}`, message: e.message.split('\n')[0] };
      }),
    };
  }
  const map = sourceMap(doc, lines);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    // yaml refuses aliases that would expand without bound (a "billion laughs" document): bad input, not a crash.
    return { ok: false, diagnostics: [{ file, line: 1, column: 1, path: '(document)', code: 'yaml.alias_count', message: (err as Error).message }] };
  }
  const parsed = Scenario.safeParse(data);
  if (!parsed.success) return { ok: false, diagnostics: zodDiagnostics(parsed.error.issues, file, map) };
  const problems = checkReferences(parsed.data);
  if (problems.length > 0) {
    return {
      ok: false,
      diagnostics: problems.map((p) => ({ file, ...map.locate(p.path), path: formatPath(p.path), code: p.code, message: p.message })),
    };
  }
  return { ok: true, scenario: parsed.data };
}

/** Parses a scenario and throws an InputError listing every problem. */
export function loadScenarioText(text: string, file: string): Scenario {
  const result = parseScenario(text, file);
  if (!result.ok) throw new InputError(result.diagnostics);
  return result.scenario;
}

function zodDiagnostics(issues: z.core.$ZodIssue[], file: string, map: ReturnType<typeof sourceMap>): Diagnostic[] {
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
    out.push({ file, ...map.locate(path), path: formatPath(path), code: `schema.${issue.code}`, message: issue.message });
  }
  return out;
}
