// `schism fit A.yaml B.yaml ... --out DIR`: one set of mechanism parameters and rules fitted across cases on each case's
// training window (restarts on worker threads or shards), then each case scored out of sample with its naive baselines.
import { assembleCasesFit, caseWindow, casesFitJobs, checkCases, type CasesFitOptions } from '../../../core/analysis/fitting/fit-cases.js';
import { mechanismSwitches } from '../../../core/analysis/fitting/fit.js';
import { formatWindow } from '../../../core/analysis/record/window.js';
import { scoreOutOfSample } from '../../../core/analysis/validation/out-of-sample.js';
import { casesFitOutOfSampleCsv, casesFitSummary, casesOutOfSampleSummary } from '../../../core/output/cases-report.js';
import { parametersCsv } from '../../../core/output/fit-report.js';
import { formatNumber } from '../../../core/output/number.js';
import { stableJson } from '../../../core/output/stable-json.js';
import type { CmaesResult } from '../../../core/analysis/fitting/cmaes.js';
import { writeFolderAtomic } from '../../files/atomic-write.js';
import { asUsage, fitOptionsOf, type AnalysisFlags } from '../analysis-options.js';
import { casesBudgetOf, jobResults, readCases, type CasesFlags } from '../cases-options.js';
import { UsageError } from '../exit.js';

/** Fits one parameter set across the case files and writes the shared fit and each case's out-of-sample scores. */
export async function fitAcrossCases(files: string[], flags: AnalysisFlags & CasesFlags & { from?: string[] }): Promise<void> {
  const o = fitOptionsOf(flags);
  if (o.parameters) throw new UsageError('--params is for a fit of one file: a fit across cases moves every shared mechanism parameter and rule');
  if (flags.test !== undefined) throw new UsageError('--test is for a fit of one file: each case is tested after its own training window');
  const b = casesBudgetOf(flags);
  const cases = await readCases(files);
  const options: CasesFitOptions = { window: 'training', every: o.every, measure: o.measure, seed: b.seed, seeds: b.seeds, restarts: b.restarts, evaluations: b.evaluations };
  asUsage(() => checkCases(cases, options));
  const results = await jobResults<CmaesResult>('fit', cases, options, casesFitJobs(options).map((restart) => ({ kind: 'fit' as const, restart })), flags, b);
  if (!results) return;
  const fit = assembleCasesFit(cases, options, results);
  const settings = { mechanisms: mechanismSwitches(fit.mechanisms), params: Object.fromEntries(fit.parameters.map((p) => [p.key, p.fitted])) };
  const outOfSample = cases.map((c) => ({
    name: c.name,
    ...asUsage(() => scoreOutOfSample(c.scenario, settings, { train: formatWindow(caseWindow(c.scenario, 'training')), every: o.every, measure: o.measure, runs: b.runs, seed: b.seed + 1 })),
  }));
  await writeFolderAtomic(flags.out, {
    'fit.json': stableJson({ fit, outOfSample }),
    'parameters.csv': parametersCsv(fit),
    'cases.csv': casesFitOutOfSampleCsv(fit, outOfSample),
    'README.md': `${casesFitSummary(fit)}\n${casesOutOfSampleSummary(outOfSample)}`,
  });
  const beaten = outOfSample.filter((x) => x.model.logScore > x.baselines.find((bl) => bl.id === x.strongest)!.logScore).length;
  process.stdout.write(
    `fitted ${fit.parameters.length} shared parameters across ${cases.length} cases (${fit.simulations} simulations): loss ${formatNumber(fit.loss)} (defaults ${formatNumber(fit.startLoss)}); ` +
      `out of sample the model beats the strongest naive baseline on log score in ${beaten} of ${cases.length} cases; outputs in ${flags.out}/\n`,
  );
}
