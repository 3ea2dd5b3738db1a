// `schism report FILE --out DIR`: one offline HTML page with the record, the fit, the explanations, the counterfactuals and the sensitivity.
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { compareExplanations, type Comparison } from '../../../core/analysis/validation/compare.js';
import { compareWorlds } from '../../../core/analysis/counterfactuals/counterfactual.js';
import { buildWorld, type World } from '../../../core/analysis/counterfactuals/counterfactual-world.js';
import { fitSettings, type FitResult } from '../../../core/analysis/fitting/fit.js';
import { morrisScreening, type MorrisRow } from '../../../core/analysis/fitting/morris.js';
import { compile } from '../../../core/engine/compile.js';
import { counterfactualSummary } from '../../../core/output/counterfactual.js';
import { formatNumber } from '../../../core/output/number.js';
import { reportHtml, type ReportSection } from '../../../core/output/report-html.js';
import { cooperationChart, copdabChart, decompositionChart, mieChart, sensitivityChart } from '../../../core/report/charts.js';
import { cooperationData, decompositionData } from '../../../core/report/report-data.js';
import { comparisonTable, counterfactualCharts } from '../../../core/report/report-tables.js';
import { SCHISM_VERSION } from '../../../core/version.js';
import { writeFolderAtomic } from '../../files/atomic-write.js';
import { DATA_DIR, INDEPENDENT_PARTS, loadStateData } from '../../files/read-state-data.js';
import { readScenario } from '../../files/read-scenario.js';
import { basesOf, readVariant, type VariantFile } from '../../files/read-variant.js';
import { renderChart } from '../../report/render-chart.js';
import { integerOption, UsageError } from '../exit.js';
import { addParamsOption, applyParamsOption } from '../params-option.js';

interface ReportFlags {
  out: string;
  seed?: string;
  runs: string;
  decompositionRuns: string;
  fit?: string;
  params?: string;
  compare?: string;
  compareEvaluations: string;
  sensitivity?: string;
  trajectories: string;
  counterfactual?: string[];
  counterfactuals?: string;
  data?: string;
  quiet?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Registers the report command. */
export function registerReport(program: Command): void {
  const command = program
    .command('report')
    .argument('<file>', 'scenario file (YAML or JSON)')
    .description('write one offline HTML page with SVG charts: cooperation vs the record and independent data, the value decomposition, the explanations, counterfactual fans, sensitivity')
    .option('--out <dir>', 'output folder (report.html)', 'runs/report')
    .option('--seed <n>', 'master seed (default: the scenario\'s meta.seed)')
    .option('--runs <n>', 'runs behind the cooperation bands and each counterfactual', '200')
    .option('--decomposition-runs <n>', 'fully recorded runs averaged in the value decomposition', '20')
    .option('--fit <dir>', 'a `schism fit` output folder: simulate with its fitted parameters (default: the scenario\'s values)')
    .option('--compare <dir>', 'a `schism compare` output folder to show (default: a quick comparison is computed here)')
    .option('--compare-evaluations <n>', 'loss evaluations per explanation when the comparison is computed here', '40')
    .option('--sensitivity <dir>', 'a `schism sensitivity` output folder to show (default: a quick screening is computed here)')
    .option('--trajectories <n>', 'Morris trajectories when the screening is computed here', '4')
    .option('--counterfactual <file>', 'a variant file to show as a counterfactual (repeatable)', collect)
    .option('--counterfactuals <dir>', 'a folder of variant files (default: counterfactuals/<scenario name>/ beside the scenario)')
    .option('--data <dir>', 'folder of the independent series', DATA_DIR)
    .option('--quiet', 'no progress messages');
  addParamsOption(command)
    .action(async (file: string, flags: ReportFlags) => {
      const say = (s: string) => flags.quiet || process.stderr.write(`${s}\n`);
      const runs = integerOption('--runs', flags.runs);
      const decoRuns = integerOption('--decomposition-runs', flags.decompositionRuns);
      if (runs < 1 || decoRuns < 1) throw new UsageError('--runs and --decomposition-runs must be at least 1');
      const scenario = await applyParamsOption((await readScenario(file)).scenario, flags.params);
      const seed = flags.seed === undefined ? scenario.meta.seed : integerOption('--seed', flags.seed);
      const fit = flags.fit ? await readJson<{ fit: FitResult }>(join(flags.fit, 'fit.json'), '--fit') : null;
      const settings = fit ? fitSettings(fit.fit) : { mechanisms: {}, params: {} };
      const model = compile(scenario, { mode: 'predict', ...settings });
      const sections: ReportSection[] = [];

      say('report: cooperation against the record and the independent series');
      const { data } = await loadStateData(flags.data, INDEPENDENT_PARTS);
      const coop = cooperationData(scenario, model, data, { runs, seed });
      sections.push({
        id: 'record', heading: 'Simulated cooperation against the record and independent data',
        paragraphs: [
          fit ? `Simulated with the parameters fitted on ${fit.fit.train} (${fit.fit.mechanisms.join(', ')}); predictions from drivers only, the record never read.` : flags.params ? `Simulated with the parameters of ${flags.params} (--params); predictions from drivers only, the record never read.` : 'Simulated with the scenario\'s own parameter values (no --fit or --params given); predictions from drivers only, the record never read.',
          'The judged intensities encode the consensus story, so the record\'s agreement with independent data (COPDAB, MIE, the rivalry onset, the formal alliance years) is reported separately below.',
        ],
        charts: [cooperationChart(coop), copdabChart(coop.agreement), mieChart(coop.agreement)].filter((c) => c !== null).map(renderChart),
        tables: [{ caption: 'Agreement of the record with independent data', table: { columns: ['check', 'value', 'note'], rows: coop.agreement.rows.map((r) => [r.check, typeof r.value === 'number' ? Number(formatNumber(r.value)) : r.value, r.note]) } }],
      });

      say('report: the alliance-value decomposition');
      sections.push({
        id: 'decomposition', heading: 'The alliance value decomposed by mechanism',
        paragraphs: ['Each member values the alliance as a sum of mechanism terms; the engine records every term, so the decomposition is exact, not estimated.'],
        charts: [renderChart(decompositionChart(decompositionData(model, { runs: decoRuns, seed })))],
        tables: [],
      });

      let comparison: Comparison | null = null;
      if (flags.compare) comparison = await readJson<Comparison>(join(flags.compare, 'comparison.json'), '--compare');
      else if (scenario.explanations.length > 0) {
        say('report: a quick comparison of the explanations (pass --compare DIR to show a full one)');
        comparison = asUsage(() => compareExplanations(scenario, { evaluations: integerOption('--compare-evaluations', flags.compareEvaluations), restarts: 1, seeds: 4, runs: 20, perturbations: 1 }));
      }
      const best = comparison?.explanations.find((e) => e.id === comparison.ranking[0]);
      if (comparison) sections.push({
        id: 'explanations', heading: 'Rival explanations compared',
        paragraphs: [
          `Each explanation is its declared set of mechanisms, fitted on ${comparison.options.train} and scored out of sample on ${comparison.options.test} (${comparison.options.every}ly ${comparison.options.measure} series, ${comparison.options.evaluations} evaluations per restart, ${comparison.options.restarts} restart(s)${flags.compare ? '' : '; a quick budget computed by the report: run schism compare for the full one'}).`,
          `Best by held-out log score: ${best ? `${best.name} (evidence weight ${formatNumber(best.weight)})` : 'none'}. Same winner under ±1 perturbations of the judged intensities: ${comparison.stability.sameWinner === null ? 'not tested' : formatNumber(comparison.stability.sameWinner)}. Whatever wins is reported as found.`,
        ],
        charts: [],
        tables: [{ caption: 'Explanations, best first, and the naive baselines', table: comparisonTable(comparison) }],
      });

      const variants = await counterfactualFiles(file, flags);
      const cfCharts = [];
      const cfNotes: string[] = [];
      for (const [k, v] of variants.entries()) {
        say(`report: counterfactual ${k + 1}/${variants.length}, ${v.parsed.variant.title}`);
        const factual = withSettings(buildWorld(scenario, { variants: basesOf([v]).map((b) => b.parsed) }), settings);
        const world = withSettings(buildWorld(scenario, { variants: [v.parsed] }, factual), settings);
        const r = compareWorlds(compile(factual.scenario, factual.compile), compile(world.scenario, world.compile), { runs, seed });
        const { charts } = counterfactualCharts(`cf-${k + 1}`, v.parsed.variant.title, r);
        cfCharts.push(...charts.map(renderChart));
        for (const w of counterfactualSummary(r).warnings as string[]) {
          // Written on the page, beside the charts, and on stderr even with --quiet: a degenerate world must not pass unseen.
          cfNotes.push(`Warning, ${v.parsed.variant.title}: ${w}.`);
          process.stderr.write(`warning: ${v.parsed.variant.title}: ${w}\n`);
        }
        if (v.parsed.variant.description) cfNotes.push(`${v.parsed.variant.title}: ${v.parsed.variant.description}`);
      }
      if (variants.length) {
        sections.push({
          id: 'counterfactuals', heading: 'Counterfactuals',
          paragraphs: ['Each counterfactual is a variant file compared with its factual world (the scenario, plus the variant\'s base when it names one) over paired runs with the same random numbers. In predict mode record events are never read, so a counterfactual that only removed one would change nothing; these variants change drivers or take record acts as given inputs, and say what that can and cannot mean:', ...cfNotes],
          charts: cfCharts,
          tables: [],
        });
      }

      let morris: MorrisRow[];
      if (flags.sensitivity) morris = await readMorris(join(flags.sensitivity, 'morris.csv'));
      else {
        say('report: a quick Morris screening (pass --sensitivity DIR to show a full one)');
        morris = asUsage(() => morrisScreening(scenario, { trajectories: integerOption('--trajectories', flags.trajectories), runs: 10, seed })).rows;
      }
      sections.push({
        id: 'sensitivity', heading: 'Sensitivity of the break date',
        paragraphs: [flags.sensitivity ? 'From the schism sensitivity output given.' : `A quick screening computed by the report (${flags.trajectories} trajectories, 10 runs per point); run schism sensitivity for a fuller one.`],
        charts: [renderChart(sensitivityChart(morris))],
        tables: [],
      });

      const html = reportHtml(`${scenario.meta.title}: report`, [
        `schism ${SCHISM_VERSION}; scenario ${basename(file)}; seed ${seed}; ${runs} runs per ensemble. Every number on this page comes from the runs described; none is set by hand.`,
        'The page is self-contained: charts are inline SVG (Observable Plot), each with its data as a table; nothing is fetched.',
      ], sections);
      await writeFolderAtomic(flags.out, { 'report.html': html });
      process.stdout.write(`report written to ${flags.out}/report.html (${sections.length} sections, ${sections.reduce((s, x) => s + x.charts.length, 0)} charts)\n`);
    });
}

function asUsage<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError(err.message);
    throw err;
  }
}

async function readJson<T>(path: string, option: string): Promise<T> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (err) {
    throw new UsageError(`${option}: cannot read ${path} (${(err as Error).message})`);
  }
}

async function readMorris(path: string): Promise<MorrisRow[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UsageError(`--sensitivity: cannot read ${path} (${(err as Error).message})`);
  }
  const rows = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.map((r) => ({ key: r.parameter, min: Number(r.min), max: Number(r.max), muStar: Number(r.mu_star), mu: Number(r.mu), sigma: Number(r.sigma) }));
}

/** The fitted settings under a world's own: the world's changes win. */
function withSettings(w: World, s: { mechanisms: Record<string, boolean>; params: Record<string, number> }): World {
  return { ...w, compile: { ...w.compile, mechanisms: { ...s.mechanisms, ...w.compile.mechanisms }, params: { ...s.params, ...w.compile.params } } };
}

/** The counterfactual variant files to show: those named, else the folder's, leaving out files that serve only as another's base. */
async function counterfactualFiles(file: string, flags: ReportFlags): Promise<VariantFile[]> {
  let names = flags.counterfactual ?? [];
  if (names.length === 0) {
    const dir = flags.counterfactuals ?? join(dirname(file), 'counterfactuals', basename(file, extname(file)));
    if (!existsSync(dir)) return [];
    names = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f));
  }
  const read = await Promise.all(names.map((f) => readVariant(f).catch((err: unknown) => {
    throw err instanceof RangeError ? new UsageError(err.message) : err;
  })));
  const bases = new Set(basesOf(read).map((b) => resolve(b.parsed.file)));
  return read.filter((v) => !bases.has(resolve(v.parsed.file)));
}
