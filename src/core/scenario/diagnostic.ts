// A problem found in a scenario, located by file, line, column and path, as tools and people both read it.

/** A located problem in an input document. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  /** Path to the offending value, e.g. `events[3].sources[0]`. */
  path: string;
  code: string;
  message: string;
}

/** Renders a path array as `a.b[3].c`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${key}` : key;
  }
  return out || '(document)';
}

/** Renders a diagnostic as `file:line:column: path: message`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.path}: ${d.message}`;
}

/** Thrown when an input cannot be used; carries every diagnostic found. */
export class InputError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'InputError';
    this.diagnostics = diagnostics;
  }
}

/**
 * True for an InputError, including one thrown by another copy of this module: the bargain command's single-script
 * build (dist/cli/bargain.cjs) loads the scenario parsers as separate ES modules, whose InputError is a class of its own.
 */
export function isInputError(err: unknown): err is InputError {
  return err instanceof InputError || (err instanceof Error && err.name === 'InputError' && Array.isArray((err as Partial<InputError>).diagnostics));
}
