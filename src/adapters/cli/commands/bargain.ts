// `schism bargain FILE`: forecasts issue bargaining with BDM or KTAB's SMP and writes positions, forecasts and a summary atomically.
import { setFlagsFromString } from 'node:v8';
import type { Command } from 'commander';
import { looksLikeDecide, parseDecideTsv } from '../../../core/bargaining/decide-tsv.js';
import { isScenarioFile, scenarioInput, tableInput, type BargainingInput } from '../../../core/bargaining/input-kinds.js';
import { MODEL_IDS, modelDiagnostics, runBargaining, type BargainOptions, type ModelId } from '../../../core/bargaining/models.js';
import { forecastCsv, positionsCsv, runsCsv, summaryCsv, summaryTable, type IssueRun } from '../../../core/bargaining/report.js';
import { runStream } from '../../../core/random/streams.js';
import { InputError } from '../../../core/scenario/diagnostic.js';
import { writeFolderAtomic } from '../../files/atomic-write.js';
import { checkScenarioText, readInputText } from '../../files/read-scenario.js';
import { asUsage } from '../analysis-options.js';
import { integerOption, UsageError } from '../exit.js';
import { writeStdout } from '../stdout.js';

/**
 * A table read once, and outputs formatted once, run too briefly to repay V8's optimising compiler (TurboFan): the
 * command turns it off for reading inputs below QUICK_INPUT_BELOW bytes and for writing outputs below QUICK_OUTPUT_BELOW
 * position rows, and on for the model, whose loops it pays for many times over (as validate does for small files).
 * On KTAB's 27 × 6 example (4,860 rows) formatting and writing took about 8 ms of CPU less without it; a positions.csv
 * of 100,000 rows formats faster compiled.
 */
const QUICK_INPUT_BELOW = 256 * 1024;
const QUICK_OUTPUT_BELOW = 20_000;

/**
 * V8 flags for the model run: optimising compiler on, on-stack replacement off. The model's loops are small functions
 * called many times (smp.ts), which V8 then optimises once each, instead of optimising a long first call while it runs
 * and then the whole function again: on KTAB's 27 × 6 example 25 compiles became 19, and the model's first run in a
 * fresh process took 77 -> 70 ms of CPU (40 × 1: 106 -> 96 ms; medians of 21 alternating runs). Put back after it.
 */
function modelFlags(on: boolean): void {
  setFlagsFromString(on ? '--no-use-osr' : '--use-osr');
  if (on) setFlagsFromString('--opt');
}

interface BargainFlags {
  model: string;
  rounds?: string;
  seed: string;
  out: string;
  date?: string;
  salienceScale: string;
  shock?: string;
  runs: string;
  rule: string;
  q?: string;
  t?: string;
  stochastic?: boolean;
  maxActors: string;
}

/** Registers the bargain command. */
export function registerBargain(program: Command): void {
  program
    .command('bargain')
    .argument('<file>', 'scenario (YAML/JSON), KTAB SMP CSV, actor table CSV (Actor, Capability, Position, Salience), or decide-format TSV')
    .description('forecast the bargaining over issues with an expected-utility model and write its rounds')
    .option('--model <model>', 'bdm (Bueno de Mesquita, after Scholz et al. 2011) or smp (KTAB Spatial Model of Politics)', 'bdm')
    .option('--rounds <n>', 'rounds (BDM, default 10) or maximum turns (SMP, default 100)')
    .option('--seed <n>', 'seed for stochastic runs (salience shocks, stochastic SMP)', '1')
    .option('--out <dir>', 'output folder', 'runs/bargain')
    .option('--date <YYYY-MM>', 'scenario input: the month whose positions and capabilities are used (default: its start)')
    .option('--salience-scale <n>', 'actor table: saliences are written on 0..n (1 or 100)', '1')
    .option('--shock <p>', 'BDM: each round, redraw each salience uniformly on [0,1] with probability p')
    .option('--runs <n>', 'repeat a stochastic run n times (runs.csv gets every forecast)', '1')
    .option('--rule <rule>', 'BDM variant: scholz (Scholz et al.\'s code) or bdm1994 (pairwise probability, least-move offers)', 'scholz')
    .option('--q <q>', 'BDM: probability Q that the status quo persists (default 1)')
    .option('--t <t>', 'BDM: probability T that a changed status quo moves toward the challenger (default 1)')
    .option('--stochastic', 'SMP: draw each actor\'s new position from the bargains\' probabilities instead of taking the likeliest')
    .option('--max-actors <n>', 'refuse (exit 2) an issue with more actors than this: a bound on compute for scripted use (a round costs about actors squared, the SMP actors cubed)', '1000')
    .action(async (file: string, flags: BargainFlags) => {
      const model = flags.model as ModelId;
      if (!MODEL_IDS.includes(model)) throw new UsageError(`--model takes ${MODEL_IDS.join(' or ')}, not "${flags.model}"`);
      const seed = integerOption('--seed', flags.seed);
      const runs = integerOption('--runs', flags.runs);
      if (runs < 1) throw new UsageError('--runs takes 1 or more');
      if (flags.date !== undefined) {
        // zod loads only when a date is given: a table's forecast needs no scenario schema.
        const { MonthDate } = await import('../../../core/scenario/schema.js');
        if (!MonthDate.safeParse(flags.date).success) throw new UsageError(`--date takes YYYY-MM, not "${flags.date}"`);
      }
      const salienceScale = Number(flags.salienceScale);
      if (salienceScale !== 1 && salienceScale !== 100) throw new UsageError(`--salience-scale takes 1 or 100, not "${flags.salienceScale}"`);
      if (flags.rule !== 'scholz' && flags.rule !== 'bdm1994') throw new UsageError(`--rule takes scholz or bdm1994, not "${flags.rule}"`);
      const shock = flags.shock === undefined ? 0 : unitOption('--shock', flags.shock);
      const options: BargainOptions = {
        rounds: flags.rounds === undefined ? undefined : integerOption('--rounds', flags.rounds),
        bdm: {
          shock,
          probability: flags.rule === 'scholz' ? 'scholz' : 'pairwise',
          offers: flags.rule === 'scholz' ? 'scholz' : 'least-move',
          ...(flags.q !== undefined ? { q: unitOption('--q', flags.q) } : {}),
          ...(flags.t !== undefined ? { t: unitOption('--t', flags.t) } : {}),
        },
        smp: flags.stochastic ? { transitions: 'Stochastic' } : {},
      };
      if (options.rounds === 0) throw new UsageError('--rounds takes 1 or more');
      const inputOptions = { date: flags.date, salienceScale, allowMissingSalience: model === 'bdm' && shock >= 1 };
      // A scenario is read through the scenario cache; the decide exchange-model format (COP21) is read here; the shared
      // input readers keep the three formats the server serves.
      const text = await readInputText(file);
      const quickInput = text.length < QUICK_INPUT_BELOW;
      if (quickInput) setFlagsFromString('--no-opt');
      let input: { kind: BargainingInput['kind'] | 'decide' } & Omit<BargainingInput, 'kind'>;
      if (looksLikeDecide(text)) input = { kind: 'decide', issues: parseDecideTsv(text, file) };
      else if (isScenarioFile(file)) {
        const scenario = await checkScenarioText(text, file);
        input = asUsage(() => scenarioInput(scenario, inputOptions));
      } else input = asUsage(() => tableInput(text, file, inputOptions));
      const maxActors = integerOption('--max-actors', flags.maxActors);
      for (const i of input.issues) {
        const n = i.problem?.actors.length ?? 0;
        if (n > maxActors) throw new UsageError(`${file}: ${i.issue} has ${n} actors, more than --max-actors ${maxActors}; raise it to run a table this large`);
      }
      // A model's objections are bad input, located at the row and column behind each.
      const objections = input.issues.flatMap((i) => (i.problem ? modelDiagnostics(model, i.problem, file).map((d) => ({ ...d, message: `${i.issue}: ${d.message}` })) : []));
      if (objections.length) throw new InputError(objections);
      modelFlags(true);
      const all: IssueRun[][] = [];
      for (let r = 0; r < runs; r++) {
        const rng = runStream(seed, r);
        all.push(input.issues.map((issue) => ({ issue, run: issue.problem ? runBargaining(model, issue.problem, options, rng) : undefined })));
      }
      modelFlags(false);
      const first = all[0];
      // Off first: counting the rows converts the SMP's states to the problem's scales (models.ts), the first output work.
      setFlagsFromString('--no-opt');
      const rows = first.reduce((sum, r) => sum + (r.run ? r.run.rounds.length * r.issue.problem!.actors.length * r.issue.problem!.dimensions.length : 0), 0);
      if (rows >= QUICK_OUTPUT_BELOW) setFlagsFromString('--opt');
      const files: Record<string, string> = {
        'positions.csv': positionsCsv(first),
        'forecast.csv': forecastCsv(first),
        'summary.csv': summaryCsv(first),
      };
      if (runs > 1) {
        files['runs.csv'] = runsCsv(all.flatMap((list, run) => list.flatMap((r) =>
          (r.run ? r.issue.problem!.dimensions.map((d, k) => ({ run, issue: r.issue.issue, dimension: d.id, forecast: r.run!.forecast[k] })) : []))));
      }
      await writeFolderAtomic(flags.out, files);
      const head = `${file}: ${input.kind}${input.date ? ` at ${input.date}` : ''}, model ${model}${runs > 1 ? `, ${runs} runs (first shown)` : ''}`;
      writeStdout(`${head}\n${summaryTable(first)}outputs in ${flags.out}/\n`);
    });
}

function unitOption(name: string, value: string): number {
  const x = Number(value);
  if (!/^\d*\.?\d+$/.test(value) || !(x >= 0 && x <= 1)) throw new UsageError(`${name} takes a number between 0 and 1, not "${value}"`);
  return x;
}
