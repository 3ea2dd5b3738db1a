// A disk cache of checked scenarios keyed by the file's bytes and the checking code, so that a scenario already found
// valid is not parsed again (the YAML parse is most of a command's start). Every failure only means a cache miss.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { TextLocation } from '../../core/scenario/origin.js';
import type { Scenario } from '../../core/scenario/schema.js';
import { packageRoot } from './package-root.js';

/** Entries kept; older ones are removed when a new one is written (each is about the size of its scenario). */
const MAX_ENTRIES = 64;
/** Bumped when the entry format changes. */
const FORMAT = 'schism-scenario-cache-1';

/** Where entries go: $XDG_CACHE_HOME/schism, else node_modules/.cache/schism in the package; none if caching is off. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.SCHISM_NO_CACHE === '1') return undefined;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'schism');
  try {
    return join(packageRoot(), 'node_modules', '.cache', 'schism');
  } catch {
    return undefined;
  }
}

let fingerprint: string | undefined;

/**
 * What the checked scenario depends on besides the text: the core's code (names, sizes and times of its files, from
 * src/ or dist/, whichever runs) and the parsing libraries' versions. Any change to them is a new key, so an entry
 * is never used with code that might judge the file differently.
 */
function codeFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const parts: string[] = [FORMAT];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const s = statSync(path);
        parts.push(`${path}:${s.size}:${s.mtimeMs}`);
      }
    }
  };
  walk(fileURLToPath(new URL('../../core/', import.meta.url)));
  for (const lib of ['yaml', 'js-yaml', 'zod']) {
    try {
      parts.push(`${lib}:${JSON.parse(readFileSync(join(packageRoot(), 'node_modules', lib, 'package.json'), 'utf8')).version}`);
    } catch {
      parts.push(`${lib}:?`);
    }
  }
  fingerprint = parts.join('\n');
  return fingerprint;
}

// node:crypto (about 2 ms of CPU to load) is required when a key is first needed: a bargain over a table never needs one.
const requireBuiltin = createRequire(import.meta.url);

/** The entry's name for this text. */
function keyOf(text: string): string {
  const { createHash } = requireBuiltin('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(codeFingerprint()).update('\0').update(text).digest('hex');
}

/** A cache entry: the checked scenario, and locations of paths in its text found so far (for located warnings). */
export interface CachedScenario {
  scenario: Scenario;
  locations: Record<string, TextLocation>;
}

/**
 * The checked scenario stored for exactly this text and this code, or undefined (no entry, caching off, or anything
 * unreadable).
 */
export function cachedScenario(text: string, dir = cacheDir()): CachedScenario | undefined {
  if (!dir) return undefined;
  try {
    const key = keyOf(text);
    const entry = JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as { key?: string } & Partial<CachedScenario>;
    return entry.key === key && entry.scenario ? { scenario: entry.scenario, locations: entry.locations ?? {} } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Stores a scenario that checked valid, written to a temporary file and renamed into place so that a reader never sees
 * half an entry. A scenario that JSON would not give back exactly is not stored. Failures are ignored.
 */
export function storeScenario(text: string, scenario: Scenario, locations: Record<string, TextLocation> = {}, dir = cacheDir()): void {
  if (!dir) return;
  try {
    const key = keyOf(text);
    const body = JSON.stringify({ key, scenario, locations });
    if (!isDeepStrictEqual(JSON.parse(body).scenario, scenario)) return;
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `.${key}.${process.pid}.tmp`);
    writeFileSync(tmp, body);
    renameSync(tmp, join(dir, `${key}.json`));
    prune(dir);
  } catch {
    // A cache that cannot be written is only slower.
  }
}

/** Removes the oldest entries past MAX_ENTRIES. */
function prune(dir: string): void {
  const entries = readdirSync(dir).filter((n) => n.endsWith('.json'));
  if (entries.length <= MAX_ENTRIES) return;
  const byAge = entries.map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs })).sort((a, b) => a.t - b.t);
  for (const { n } of byAge.slice(0, entries.length - MAX_ENTRIES)) rmSync(join(dir, n), { force: true });
}
