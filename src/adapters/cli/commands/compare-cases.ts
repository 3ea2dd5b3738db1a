// `schism compare A.yaml B.yaml ... --out DIR`: the declared explanations compared across a case library, each validated
// leave-one-case-out with its own mechanisms, ranked by the pooled held-out log score, with the per-case breakdown.
// --perturbations is for one file and is not used here.
import type { CmaesResult } from '../../../core/analysis/fitting/cmaes.js';
import { checkCases } from '../../../core/analysis/fitting/fit-cases.js';
import { assembleCompareCases, compareCasesJobs, libraryExplanations, type CompareCasesOptions } from '../../../core/analysis/validation/compare-cases.js';
import { casesComparisonCasesCsv, casesComparisonCsv, casesComparisonReport } from '../../../core/output/cases-report.js';
import { stableJson } from '../../../core/output/stable-json.js';
import { writeFolderAtomic } from '../../files/atomic-write.js';
import { readRegimes } from '../../files/read-regimes.js';
import { asUsage, fitOptionsOf, type AnalysisFlags } from '../analysis-options.js';
import { casesBudgetOf, independentSeries, jobResults, readCases } from '../cases-options.js';
import { UsageError } from '../exit.js';

/** The compare command's own flags besides the analysis budget (--shard and --from are for several files). */
export interface CompareFlags {
  perturbations: string;
  only?: string;
  workers: string;
  shard?: string;
  from?: string[];
  quiet?: boolean;
}

/** Compares the explanations across the case files and writes the ranking and every case's scores (or a shard's jobs). */
export async function compareAcrossCases(files: string[], flags: AnalysisFlags & CompareFlags): Promise<void> {
  const o = fitOptionsOf(flags);
  if (o.parameters) throw new UsageError('--params is for fit: compare fits the parameters of each explanation\'s own mechanisms');
  const b = casesBudgetOf(flags);
  const cases = await readCases(files);
  const declared = asUsage(() => libraryExplanations(cases));
  const only = flags.only?.split(',').map((x) => x.trim());
  for (const id of only ?? []) if (!declared.some((e) => e.id === id)) throw new UsageError(`unknown explanation "${id}" (declared: ${declared.map((e) => e.id).join(', ')})`);
  const options: CompareCasesOptions = {
    seed: b.seed, seeds: b.seeds, restarts: b.restarts, evaluations: b.evaluations, runs: b.runs, regimes: await readRegimes(),
    explanations: only ? declared.filter((e) => only.includes(e.id)) : declared,
  };
  asUsage(() => checkCases(cases, { ...options, window: 'whole' }));
  const jobs = asUsage(() => compareCasesJobs(cases, options)).map((j) => ({ kind: 'compare' as const, ...j }));
  const results = await jobResults<CmaesResult>('compare', cases, options, jobs, flags, b);
  if (!results) return;
  const c = assembleCompareCases(cases, options, results, await independentSeries('compare'));
  await writeFolderAtomic(flags.out, {
    'comparison.json': stableJson(c),
    'comparison.csv': casesComparisonCsv(c),
    'cases.csv': casesComparisonCasesCsv(c),
    'README.md': casesComparisonReport(c),
  });
  process.stdout.write(`ranking across ${cases.length} cases by pooled held-out log score: ${c.ranking.join(' > ')}; outputs in ${flags.out}/\n`);
}
