// `schism validate-cases FILES --out DIR`: leave-one-case-out validation of one model across a case library, with baselines.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { checkCases } from '../../../core/analysis/fitting/fit-cases.js';
import { assembleLoo, looJobs, type LooOptions } from '../../../core/analysis/validation/leave-one-case-out.js';
import { looCsv, looReport, looSummaryCsv } from '../../../core/output/cases-report.js';
import { formatNumber } from '../../../core/output/number.js';
import { stableJson } from '../../../core/output/stable-json.js';
import { writeFolderAtomic } from '../../files/atomic-write.js';
import { readRegimes } from '../../files/read-regimes.js';
import type { CasesJobResult } from '../../workers/cases-job.js';
import { casesJobsOnWorkers } from '../../workers/cases-pool.js';
import { asUsage } from '../analysis-options.js';
import { casesBudgetOf, progress, readCases, shardJobs, withCasesOptions, type CasesFlags } from '../cases-options.js';
import { UsageError } from '../exit.js';

/** Registers the validate-cases command. */
export function registerValidateCases(program: Command): void {
  withCasesOptions(
    program
      .command('validate-cases')
      .argument('<files...>', 'case scenario files (at least two)')
      .description('leave-one-case-out: fit one model on all cases but one, predict the held-out case from its drivers only, score break and series against baselines')
      .option('--out <dir>', 'output folder', 'runs/validate-cases')
      .option('--from <dirs...>', 'put together the shard folders written with --shard, instead of computing'),
    { seeds: '4', restarts: '2', evaluations: '300', runs: '100' },
  ).action(async (files: string[], flags: CasesFlags & { from?: string[] }) => {
    const b = casesBudgetOf(flags);
    const cases = await readCases(files);
    const options: LooOptions = { seed: b.seed, seeds: b.seeds, restarts: b.restarts, evaluations: b.evaluations, runs: b.runs, regimes: await readRegimes() };
    asUsage(() => checkCases(cases, { ...options, window: 'whole' }));
    const jobs = asUsage(() => looJobs(cases, options)).map((j) => ({ kind: 'loo' as const, ...j }));
    const started = Date.now();
    let results: CasesJobResult[];
    if (flags.from) {
      results = [];
      for (const dir of flags.from) results.push(...(JSON.parse(await readFile(join(dir, 'jobs.json'), 'utf8')) as { results: CasesJobResult[] }).results);
      if (results.length !== jobs.length) throw new UsageError(`the shards hold ${results.length} jobs, the study has ${jobs.length}: give every shard, in order`);
    } else {
      const { jobs: mine, from } = shardJobs(jobs, b.shard);
      results = await casesJobsOnWorkers(cases, options, mine, b.workers, progress('validate-cases', mine.length, flags.quiet));
      if (b.shard) {
        await writeFolderAtomic(flags.out, { 'jobs.json': stableJson({ shard: `${b.shard.index}/${b.shard.count}`, from, results }) });
        process.stdout.write(`shard ${b.shard.index}/${b.shard.count}: jobs ${from}..${from + mine.length - 1} of ${jobs.length} in ${flags.out}/jobs.json\n`);
        return;
      }
    }
    const study = assembleLoo(cases, options, results);
    await writeFolderAtomic(flags.out, {
      'study.json': stableJson(study),
      'cases.csv': looCsv(study),
      'summary.csv': looSummaryCsv(study),
      'README.md': looReport(study),
    });
    const m = study.summary[0];
    if (!flags.quiet) process.stderr.write(`validate-cases: ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    process.stdout.write(
      `held out ${cases.length} cases: model mean Brier ${formatNumber(m.meanBrier)}, median break-date error ${formatNumber(m.medianDateError)} months; ` +
        `beats every baseline on Brier: ${study.goal.brier ? 'yes' : 'no'}, on date error: ${study.goal.dateError ? 'yes' : 'no'}; outputs in ${flags.out}/\n`,
    );
  });
}
