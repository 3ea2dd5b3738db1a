// Types of build-state.mjs, for the TypeScript that imports it (the benchmarks).

/** The newest modification time of a TypeScript source (tests aside) under `dir`. */
export function newestSource(dir: string): number;

/** True when `root`/dist has a complete build no older than any source under `root`/src. */
export function buildIsCurrent(root: string): boolean;
