// Reads a scenario file from disk and checks it; the only place the CLI touches scenario files.
import { readFile } from 'node:fs/promises';
import { InputError } from '../../core/scenario/diagnostic.js';
import { loadScenarioText } from '../../core/scenario/parse.js';
import type { Scenario } from '../../core/scenario/schema.js';

/** Reads and validates a scenario; throws InputError (with file, line, column) when it cannot be used. */
export async function readScenario(file: string): Promise<{ scenario: Scenario; text: string }> {
  const text = await readInputText(file);
  return { scenario: loadScenarioText(text, file), text };
}

/** Reads an input file as UTF-8, turning a missing or unreadable file into an InputError. */
export async function readInputText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
    throw new InputError([{ file, line: 1, column: 1, path: '(document)', code: 'file.unreadable', message: reason }]);
  }
}
