// Writes a scenario object as YAML text under a comment header, byte-stable for the same object.
import { stringify } from 'yaml';
import type { ScenarioInput } from '../scenario/schema.js';

/** The scenario as YAML, each header line as a `#` comment above it; long strings stay on one line. */
export function scenarioYaml(scenario: ScenarioInput, header: string[]): string {
  const comments = header.map((l) => `# ${l}`.trimEnd()).join('\n');
  return `${comments}\n${stringify(scenario, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}
