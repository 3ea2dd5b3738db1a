// Reads the parameters a fit found (a `schism fit` folder or its fit.json), for --params on run, ensemble, counterfactual, report and serve.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { mechanismSwitches } from '../../core/analysis/fitting/fit.js';
import type { ParameterSettings } from '../../core/analysis/fitting/apply-parameters.js';
import { InputError } from '../../core/scenario/diagnostic.js';

/** A fit's mechanisms and parameters, as fit.json holds them (under `fit`, or at the top level). */
interface FitLike {
  mechanisms: string[];
  parameters: { key: string; fitted: number }[];
}

/**
 * The settings of the fit at `path`: a folder holding fit.json, or the JSON file itself. A missing or ill-formed file is an
 * InputError located in that file (exit 2).
 */
export async function readFitParameters(path: string): Promise<ParameterSettings & { file: string }> {
  let file = path;
  try {
    if ((await stat(path)).isDirectory()) file = join(path, 'fit.json');
  } catch {
    // Not there: reported below as the file that cannot be read.
  }
  const fail = (message: string): never => {
    throw new InputError([{ file, line: 1, column: 1, path: '(document)', code: 'params.unreadable', message }]);
  };
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    return fail(`--params: cannot read a fit's parameters here (${(err as Error).message})`);
  }
  const root = json as { fit?: unknown };
  const fit = (root && typeof root === 'object' && 'fit' in root ? root.fit : json) as Partial<FitLike>;
  const good = Array.isArray(fit?.mechanisms) && Array.isArray(fit?.parameters)
    && fit.parameters.every((p) => typeof p?.key === 'string' && typeof p?.fitted === 'number' && Number.isFinite(p.fitted));
  if (!good) return fail('--params: not a fit (fit.json with "mechanisms" and "parameters" [{ key, fitted }])');
  const { mechanisms, parameters } = fit as FitLike;
  return { mechanisms: mechanismSwitches(mechanisms), params: Object.fromEntries(parameters.map((p) => [p.key, p.fitted])), file };
}
