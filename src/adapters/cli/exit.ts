// Exit codes of the schism command and the error for a bad command-line value.

/** Exit codes: 0 done, 2 bad input (file, value or usage), 1 internal failure. */
export const EXIT = { ok: 0, internal: 1, input: 2 } as const;

/** A bad option value or combination; the CLI prints it and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The largest seed: the random streams take 32 bits, and a larger seed would silently alias a smaller one. */
export const MAX_SEED = 0xffffffff;

/** Parses a non-negative integer option, or throws a UsageError naming the option; seeds are refused past 2^32 - 1. */
export function integerOption(name: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${name} takes a whole number, not "${value}"`);
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new UsageError(`${name} takes a whole number up to ${Number.MAX_SAFE_INTEGER}, not ${value}`);
  if (name === '--seed' && n > MAX_SEED) throw new UsageError(`--seed takes a whole number up to ${MAX_SEED} (2^32 - 1), not ${value}: the generators take 32 bits, so a larger seed would repeat a smaller one`);
  return n;
}
