// Exit codes of the schism command and the error for a bad command-line value.

/** Exit codes: 0 done, 2 bad input (file, value or usage), 1 internal failure. */
export const EXIT = { ok: 0, internal: 1, input: 2 } as const;

/** A bad option value or combination; the CLI prints it and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Parses a non-negative integer option, or throws a UsageError naming the option. */
export function integerOption(name: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${name} takes a whole number, not "${value}"`);
  return Number(value);
}
