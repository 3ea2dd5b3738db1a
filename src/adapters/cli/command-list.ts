// Every schism command by name: how to load it, and its help line, so that the command list shows without loading any.
import type { Command } from 'commander';

/** Adds a command, with its options and action, to the program. */
export type Register = (program: Command) => void;

/** A command as the top-level help lists it, and how to load the module that defines it. */
export interface CommandEntry {
  /** What follows the name in the list of commands, as commander would print it (`[options]`, then the arguments). */
  usage: string;
  /** The command's description, the same text its module gives (a test keeps the two equal). */
  about: string;
  load: () => Promise<Register>;
}

/**
 * The commands, each loaded only when it is the one asked for: between them they pull in jsdom, Observable Plot, Hono
 * and piscina, and loading them all made even `schism --help` take most of a CPU-second.
 */
export const COMMANDS: Record<string, CommandEntry> = {
  validate: {
    usage: '[options] <file>',
    about: 'check a scenario file; exit 0 when valid (printing any warnings with their locations), 2 listing every error',
    load: async () => (await import('./commands/validate.js')).registerValidate,
  },
  init: {
    usage: '[options]',
    about: 'write a scenario skeleton for two allies (COW codes) over a period, from COW, ATOP, MID and rivalry data; every placeholder is marked REVIEW',
    load: async () => (await import('./commands/init.js')).registerInit,
  },
  run: {
    usage: '[options] <file>',
    about: 'run a scenario once (drivers only unless --replay) and write its outputs',
    load: async () => (await import('./commands/run.js')).registerRun,
  },
  record: {
    usage: '[options] <file>',
    about: 'write the observed record as monthly, quarterly and yearly series per directed dyad, its turning points, and checks against independent data',
    load: async () => (await import('./commands/record.js')).registerRecord,
  },
  fit: {
    usage: '[options] <files...>',
    about: 'fit the parameters of the enabled mechanisms (CMA-ES, within their priors) to the record over a training window, then score the fit out of sample',
    load: async () => (await import('./commands/fit.js')).registerFit,
  },
  'validate-cases': {
    usage: '[options] <files...>',
    about: 'leave-one-case-out: fit one model on all cases but one, predict the held-out case from its drivers only, score break and series against baselines',
    load: async () => (await import('./commands/validate-cases.js')).registerValidateCases,
  },
  recover: {
    usage: '[options] <file>',
    about: 'simulate records from each explanation with known parameters at the real record\'s sparsity and denser, fit every explanation to each, report the confusion matrix and parameter recovery error',
    load: async () => (await import('./commands/recover.js')).registerRecover,
  },
  compare: {
    usage: '[options] <files...>',
    about: 'fit each declared explanation (its mechanisms only) on the training window, score it out of sample, and re-rank under seeded perturbations of the judgements that reach the model',
    load: async () => (await import('./commands/compare.js')).registerCompare,
  },
  sensitivity: {
    usage: '[options] <file>',
    about: 'Morris elementary-effects screening: which parameters move the first break date most (mu*, sigma)',
    load: async () => (await import('./commands/sensitivity.js')).registerSensitivity,
  },
  schema: {
    usage: '',
    about: 'print the JSON Schema of the scenario file format',
    load: async () => (await import('./commands/schema.js')).registerSchema,
  },
  bargain: {
    usage: '[options] <file>',
    about: 'forecast the bargaining over issues with an expected-utility model and write its rounds',
    load: async () => (await import('./commands/bargain.js')).registerBargain,
  },
  serve: {
    usage: '[options]',
    about: 'serve the web app and the HTTP API (port from --port or PORT, default 8080; host 127.0.0.1 unless --host or HOST)',
    load: async () => (await import('./commands/serve.js')).registerServe,
  },
  ensemble: {
    usage: '[options] <file>',
    about: 'run many seeded predictions on worker threads; per-run rows and summary statistics streamed to disk; resumable',
    load: async () => (await import('./commands/ensemble.js')).registerEnsemble,
  },
  merge: {
    usage: '[options] <dirs...>',
    about: 'merge ensemble shards into one folder, byte-identical to an unsharded run',
    load: async () => (await import('./commands/merge.js')).registerMerge,
  },
  counterfactual: {
    usage: '[options] <file>',
    about: 'compare a counterfactual world with the factual one over paired runs (common random numbers): break dates and cooperation bands',
    load: async () => (await import('./commands/counterfactual.js')).registerCounterfactual,
  },
  report: {
    usage: '[options] <file>',
    about: 'write one offline HTML page with SVG charts: cooperation vs the record and independent data, the value decomposition, the explanations, counterfactual fans, sensitivity',
    load: async () => (await import('./commands/report.js')).registerReport,
  },
};

/**
 * Adds every command as a stand-in that only names and describes it, for the top-level help and the "unknown command"
 * message; nothing is loaded.
 */
export function listCommands(program: Command): void {
  for (const [name, entry] of Object.entries(COMMANDS)) program.command(name).description(entry.about);
  program.configureHelp({
    subcommandTerm: (cmd) => {
      const entry = COMMANDS[cmd.name()];
      return entry ? `${cmd.name()}${entry.usage ? ` ${entry.usage}` : ''}` : `${cmd.name()} ${cmd.usage()}`.trim();
    },
  });
}
