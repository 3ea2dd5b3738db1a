// A scenario variant: a counterfactual world written as a small file (events added, drivers removed, record acts taken as given, parameters set), checked like a scenario.
import { z } from 'zod';
import { formatPath, InputError, type Diagnostic } from './diagnostic.js';
import { capDiagnostics, readDocument } from './document.js';
import { Event, EventDate, Id, notPrototypeKey, PROTOTYPE_KEY_MESSAGE, RecordKey } from './schema.js';
import type { SourceMap } from './source-map.js';

/** The variant file format. Added events must be drivers: predict mode never reads record events. */
export const Variant = z.strictObject({
  variant: z.literal(1).describe('format version'),
  title: z.string().min(1),
  description: z.string().optional().describe('what the counterfactual supposes and what it can and cannot mean in the model'),
  base: z.array(z.string().min(1)).default([]).describe('variant files (paths relative to this one) that make the factual world this counterfactual is compared with'),
  without: z.array(Id).default([]).describe('ids of driver events that do not happen'),
  drivers: z.array(Id).default([]).describe('ids of record events taken as given inputs (forced to happen) instead of left to the model'),
  move: z.record(RecordKey, EventDate).default({}).describe('events taken as given inputs at another date: id: YYYY-MM or YYYY-MM-DD'),
  set: z.record(z.string().refine(notPrototypeKey, PROTOTYPE_KEY_MESSAGE), z.number().min(-1e6).max(1e6)).default({}).describe('parameter overrides, "mechanism.param" or "rules.param"'),
  events: z.array(Event).default([]).describe('driver events added to the scenario'),
});

/** A parsed variant, with the means to locate its values for error messages. */
export interface ParsedVariant {
  file: string;
  variant: Variant;
  map: SourceMap;
}
export type Variant = z.infer<typeof Variant>;

/**
 * Parses a variant file's text; throws InputError with file, line, column and path for every problem of form.
 * @example const v = parseVariant(text, 'variants/no-secret-speech.yaml');
 */
export function parseVariant(text: string, file: string): ParsedVariant {
  const read = readDocument(text, file);
  if (!read.ok) throw new InputError(read.diagnostics);
  const { doc, map } = read;
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    throw new InputError([{ file, line: 1, column: 1, path: '(document)', code: 'yaml.alias_count', message: (err as Error).message }]);
  }
  const parsed = Variant.safeParse(data);
  if (!parsed.success) {
    throw new InputError(capDiagnostics(
      parsed.error.issues.map((issue): Diagnostic => {
        const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        if (issue.code === 'unrecognized_keys') {
          const key = issue.keys[0];
          return { file, ...map.locate(path, key), path: formatPath([...path, key]), code: 'schema.unknown_key', message: `unknown field "${issue.keys.join('", "')}"` };
        }
        return { file, ...map.locate(path), path: formatPath(path), code: `schema.${issue.code}`, message: issue.message };
      }),
    ));
  }
  const problems: Diagnostic[] = [];
  parsed.data.events.forEach((e, i) => {
    if (e.role !== 'driver') {
      const path = ['events', i, 'role'];
      problems.push({ file, ...map.locate(path), path: formatPath(path), code: 'variant.record_event', message: 'an added event must be a driver: predict mode never reads record events, so an added record event would change nothing' });
    }
  });
  if (problems.length) throw new InputError(problems);
  return { file, variant: parsed.data, map };
}
