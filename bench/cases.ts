// Cross-case goal, measured (not a test): the leave-one-case-out study on the case library and the reference scenario with
// the default budget of `schism validate-cases`, timed against its limit of 30 minutes on 2 cores, and whether the model
// beats every baseline on mean Brier score and on median break-date error. Opt-in (`npm run bench -- cases`): it is long.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LooStudy } from '../src/core/analysis/validation/leave-one-case-out.js';

/** Runs `schism validate-cases` on scenarios/cases/*.yaml and the reference scenario and prints its verdict and wall time. */
export async function benchCases(): Promise<void> {
  const files = [...readdirSync('scenarios/cases').filter((f) => f.endsWith('.yaml')).sort().map((f) => join('scenarios/cases', f)), 'scenarios/sino-soviet.yaml'];
  const out = join(mkdtempSync(join(tmpdir(), 'schism-bench-cases-')), 'study');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['bin/schism.js', 'validate-cases', ...files, '--seed', '1', '--out', out], { stdio: ['ignore', 'inherit', 'inherit'] });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`validate-cases exited ${r.status}`);
  const study = JSON.parse(readFileSync(join(out, 'study.json'), 'utf8')) as LooStudy;
  const o = study.options;
  process.stdout.write(`${files.length} cases, budget ${o.restarts} restarts x ${o.evaluations} evaluations x ${o.seeds} runs per case, ${o.runs} runs per held-out case, seed ${o.seed}: ${(seconds / 60).toFixed(1)} min (limit 30 min on 2 cores)\n`);
  process.stdout.write('predictor                         mean Brier  median date error (months)  outcomes right\n');
  for (const s of study.summary) process.stdout.write(`${s.label.padEnd(34)}${s.meanBrier.toFixed(3).padStart(10)}${String(s.medianDateError).padStart(28)}${`${s.outcomesRight}/${study.cases.length}`.padStart(16)}\n`);
  process.stdout.write(`goal: the model beats every baseline on mean Brier: ${study.goal.brier ? 'MET' : 'NOT MET'}; on median break-date error: ${study.goal.dateError ? 'MET' : 'NOT MET'}\n`);
}
