// Reads a counterfactual variant file (`--add FILE`) from disk and checks its form; its `base` variants are read too, relative to it.
import { createHash } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { parseVariant, type ParsedVariant } from '../../core/scenario/variant.js';
import { readInputText } from './read-scenario.js';

/** A variant read from disk, with its hash and the variants its factual world is made of. */
export interface VariantFile {
  parsed: ParsedVariant;
  sha256: string;
  name: string;
  bases: VariantFile[];
}

/** Reads and parses a variant and its bases; throws InputError (file, line, column) when one cannot be used. */
export async function readVariant(file: string, seen: string[] = []): Promise<VariantFile> {
  const text = await readInputText(file);
  const parsed = parseVariant(text, file);
  const path = resolve(file);
  if (seen.includes(path)) throw new RangeError(`variant ${file} is its own base (through ${seen.join(' -> ')})`);
  const bases = await Promise.all(parsed.variant.base.map((b) => readVariant(join(dirname(file), b), [...seen, path])));
  return { parsed, sha256: createHash('sha256').update(text).digest('hex'), name: basename(file), bases };
}

/** The base variants of some variants, deepest first, each once. */
export function basesOf(files: VariantFile[]): VariantFile[] {
  const out: VariantFile[] = [];
  const add = (v: VariantFile) => {
    for (const b of v.bases) {
      add(b);
      if (!out.some((o) => resolve(o.parsed.file) === resolve(b.parsed.file))) out.push(b);
    }
  };
  files.forEach(add);
  return out;
}
