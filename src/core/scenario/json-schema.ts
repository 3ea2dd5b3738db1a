// The JSON Schema of the scenario format, derived from the zod schema so the two can never disagree.
import { z } from 'zod';
import { Scenario } from './schema.js';

/** The JSON Schema (draft 2020-12) that editors can use to check scenario files. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Scenario, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { $id: 'https://schism.dev/scenario.schema.json', title: 'schism scenario', ...schema };
}
