// The bargaining task of a compute worker: an input (scenario or CSV) and a model (BDM or SMP) in, rounds and forecasts out.
import { parseBargainingInput } from '../../core/bargaining/input.js';
import { modelDiagnostics, runBargaining, type BargainOptions } from '../../core/bargaining/models.js';
import { runStream } from '../../core/random/streams.js';
import { InputError } from '../../core/scenario/diagnostic.js';
import { ApiError } from './api-error.js';
import type { BargainRequest, BargainResponse } from './api-schemas.js';

/** What the worker needs: the input's text, the name it goes by (its extension tells scenario from CSV), and the options. */
export interface BargainTask {
  text: string;
  file: string;
  options: Omit<BargainRequest, 'scenario' | 'name' | 'format'>;
  /** Most actors an issue may have (a bound on compute: a round costs about actors squared, the SMP actors cubed). */
  maxActors?: number;
}

const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 || 0 : x);

/** Runs the model on every issue of the input; unusable input is the client's error with its diagnostics. */
export function bargain({ text, file, options: o, maxActors = Number.POSITIVE_INFINITY }: BargainTask): BargainResponse {
  let input;
  try {
    input = parseBargainingInput(text, file, { date: o.date, salienceScale: o.salienceScale, allowMissingSalience: o.model === 'bdm' && o.shock >= 1 });
  } catch (err) {
    if (err instanceof InputError) throw new ApiError('invalid_scenario', `${file} cannot be read for bargaining`, { diagnostics: err.diagnostics });
    if (err instanceof RangeError) throw new ApiError('unsuitable_input', err.message, { problems: [err.message] });
    throw err;
  }
  const crowded = input.issues.filter((i) => (i.problem?.actors.length ?? 0) > maxActors);
  if (crowded.length) {
    const message = `${crowded[0].issue} has ${crowded[0].problem!.actors.length} actors; the server bargains over at most ${maxActors}`;
    throw new ApiError('unsuitable_input', message, { problems: [message], limit: maxActors });
  }
  const located = input.issues.flatMap((i) => (i.problem ? modelDiagnostics(o.model, i.problem, file).map((d) => ({ ...d, message: `${i.issue}: ${d.message}` })) : []));
  if (located.length) throw new ApiError('unsuitable_input', `the ${o.model} model cannot take this input`, { problems: located.map((d) => d.message), diagnostics: located });
  const options: BargainOptions = {
    rounds: o.rounds,
    bdm: {
      shock: o.shock,
      probability: o.rule === 'scholz' ? 'scholz' : 'pairwise',
      offers: o.rule === 'scholz' ? 'scholz' : 'least-move',
      ...(o.q !== undefined ? { q: o.q } : {}),
      ...(o.t !== undefined ? { t: o.t } : {}),
    },
    smp: o.stochastic ? { transitions: 'Stochastic' } : {},
  };
  // One stream for the whole request, as `schism bargain` draws its first run: the same seed gives the same answer.
  const rng = runStream(o.seed, 0);
  return {
    model: o.model,
    kind: input.kind,
    ...(input.date ? { date: input.date } : {}),
    issues: input.issues.map((i) => {
      const base = { issue: i.issue, ...(i.statusQuo !== undefined ? { statusQuo: i.statusQuo } : {}) };
      if (!i.problem) return { ...base, skipped: i.skipped ?? 'no problem to run', actors: [], dimensions: [], forecast: [], forecastByRound: [], rounds: [], stop: 'skipped' };
      const run = runBargaining(o.model, i.problem, options, rng);
      return {
        ...base,
        actors: i.problem.actors.map((a) => a.id),
        dimensions: i.problem.dimensions.map((d) => ({ id: d.id, name: d.name, low: d.low, high: d.high })),
        forecast: run.forecast.map(round),
        forecastByRound: run.forecastByRound.map((r) => r.map(round)),
        rounds: run.rounds.map((t) => t.map((a) => a.map(round))),
        stop: run.stop,
      };
    }),
  };
}
