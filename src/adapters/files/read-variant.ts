// Reads a counterfactual variant file (`--add FILE`) from disk and checks its form.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { parseVariant, type ParsedVariant } from '../../core/scenario/variant.js';
import { readInputText } from './read-scenario.js';

/** Reads and parses a variant; throws InputError (file, line, column) when it cannot be used. */
export async function readVariant(file: string): Promise<{ parsed: ParsedVariant; sha256: string; name: string }> {
  const text = await readInputText(file);
  return { parsed: parseVariant(text, file), sha256: createHash('sha256').update(text).digest('hex'), name: basename(file) };
}
