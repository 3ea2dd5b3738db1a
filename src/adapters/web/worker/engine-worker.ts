// The Web Worker that runs the pure core in the browser: parses scenarios, runs counterfactuals, fans, explanations and play mode.
import { compareExplanations } from '../../../core/analysis/validation/compare.js';
import { play, resolveRole, rolesOf, verdict, type PlayState } from '../../../core/analysis/views/play.js';
import { compile } from '../../../core/engine/compile.js';
import { writeOutLoops } from '../../../core/engine/fused-run.js';
import { simulateModel } from '../../../core/engine/simulate.js';
import { STATUSES } from '../../../core/engine/state.js';
import { InputError } from '../../../core/scenario/diagnostic.js';
import { readScenarioText } from '../../../core/scenario/read-text.js';
import { Scenario } from '../../../core/scenario/schema.js';
import { monthLabel } from '../../../core/time/month.js';
import type { Counterfactual } from '../state/counterfactual.js';
import { applyCounterfactual, mootRemovals } from './apply-counterfactual.js';
import { bothModels, csvTable, scenarioTable } from './bargain-view.js';
import { scoreExplanations } from './explain.js';
import type { PlayView, Reply, Request } from './protocol.js';
import { fanOfRuns, runView } from './run-view.js';
import { scenarioView, triangleOf } from './scenario-view.js';

// The app's content policy forbids compiling code at run time (no 'unsafe-eval'): runs here keep the engine's closure loop,
// and no refused attempt shows as a policy violation.
writeOutLoops(null);

const scenarios = new Map<string, Scenario>();
/** The editor and the bargaining table show the first few problems of a broken document: one stray quote can make thousands. */
const MAX_DIAGNOSTICS = 10;
const now = () => performance.now();

function scenarioOf(cf: Counterfactual): Scenario {
  const s = scenarios.get(cf.scenario);
  if (!s) throw new Error(`scenario "${cf.scenario}" is not loaded`);
  return s;
}

function modelOf(cf: Counterfactual) {
  const applied = applyCounterfactual(scenarioOf(cf), cf);
  return compile(applied.scenario, applied.options);
}

function handle(req: Request): Reply {
  switch (req.type) {
    case 'load': {
      // A shipped scenario comes parsed at build time; checking it again with the schema is cheap, parsing YAML is not.
      const prepared = req.parsed === undefined ? null : Scenario.safeParse(req.parsed);
      if (prepared?.success) {
        scenarios.set(req.id, prepared.data);
        return { type: 'load', ok: true, scenario: scenarioView(req.id, prepared.data) };
      }
      const parsed = readScenarioText(req.text, req.file);
      if (!parsed.ok) return { type: 'load', ok: false, diagnostics: parsed.diagnostics.slice(0, MAX_DIAGNOSTICS) };
      scenarios.set(req.id, parsed.scenario);
      return { type: 'load', ok: true, scenario: scenarioView(req.id, parsed.scenario) };
    }
    case 'validate': {
      const parsed = readScenarioText(req.text, req.file);
      const all = parsed.ok ? [] : parsed.diagnostics;
      return { type: 'validate', diagnostics: all.slice(0, MAX_DIAGNOSTICS), total: all.length };
    }
    case 'run': {
      const t0 = now();
      const model = modelOf(req.cf);
      const result = simulateModel(model, req.cf.seed, 0);
      const runMs = now() - t0;
      const fan = fanOfRuns(model, req.cf.seed, req.fanRuns, now);
      const view = runView(result, scenarioOf(req.cf), triangleOf(scenarioOf(req.cf)), fan, runMs);
      return { type: 'run', run: { ...view, warnings: mootRemovals(scenarioOf(req.cf), req.cf), totalMs: now() - t0 } };
    }
    case 'fan': {
      const t0 = now();
      const fan = fanOfRuns(modelOf(req.cf), req.cf.seed, req.runs, now);
      return { type: 'fan', fan: { ...fan, ms: now() - t0 } };
    }
    case 'explain':
      return { type: 'explain', scores: scoreExplanations(scenarioOf(req.cf), req.cf, req.sets, req.seeds, now) };
    case 'play': {
      const role = rolesOf(scenarioOf(req.cf)).find((r) => r.id === req.role);
      if (!role) throw new Error(`no play role "${req.role}"`);
      const model = modelOf({ ...req.cf, mode: 'predict' });
      const resolved = resolveRole(model, role);
      const state = play(model, req.cf.seed, resolved, req.choices);
      return { type: 'play', play: playView(state, model) };
    }
    case 'compare': {
      const t0 = now();
      const c = compareExplanations(scenarioOf(req.cf), { ...req.budget, perturbations: 0 });
      return {
        type: 'compare',
        comparison: {
          train: c.options.train,
          test: c.options.test,
          every: c.options.every,
          measure: c.options.measure,
          rows: c.explanations.map((e) => ({
            id: e.id, name: e.name, mechanisms: e.mechanisms, rank: e.rank, rmse: e.outOfSample.model.rmse,
            correlation: e.outOfSample.model.correlation, logScore: e.outOfSample.model.logScore, weight: e.weight,
          })).sort((a, b) => a.rank - b.rank),
          baselines: c.baselines.map((b) => ({ name: b.id === c.strongest ? `${b.label} (strongest)` : b.label, rmse: b.rmse, correlation: b.correlation })),
          ms: now() - t0,
        },
      };
    }
    case 'table': {
      const src = req.source;
      if ('scenario' in src) {
        const s = scenarios.get(src.scenario);
        if (!s) throw new Error(`scenario "${src.scenario}" is not loaded`);
        return { type: 'table', issues: scenarioTable(s, src.date), diagnostics: [] };
      }
      try {
        return { type: 'table', issues: csvTable(src.text, src.file), diagnostics: [] };
      } catch (err) {
        if (err instanceof InputError) return { type: 'table', issues: [], diagnostics: err.diagnostics.slice(0, MAX_DIAGNOSTICS) };
        throw err;
      }
    }
    case 'bargain':
      return { type: 'bargain', answers: bothModels(req.problem, req.seed) };
    case 'bench': {
      const single: number[] = [];
      for (let k = 0; k < req.repeats; k++) {
        const t0 = now();
        simulateModel(modelOf(req.cf), req.cf.seed, k);
        single.push(now() - t0);
      }
      const fan: number[] = [];
      for (let k = 0; k < 5; k++) {
        const t0 = now();
        fanOfRuns(modelOf(req.cf), req.cf.seed + k, req.fanRuns, now);
        fan.push(now() - t0);
      }
      return { type: 'bench', single, fan };
    }
  }
}

function playView(state: PlayState, model: ReturnType<typeof compile>): PlayView {
  const { role } = state;
  const T = model.months;
  const status: { date: string; status: string }[] = [];
  for (let t = role.first; t <= role.last; t++) status.push({ date: monthLabel(model.start + t), status: STATUSES[state.result.status[role.alliance * T + t]] });
  return {
    roleId: role.role.id,
    title: role.role.title,
    brief: role.role.brief,
    actor: model.scenario.actors[role.actor].name,
    partner: model.scenario.actors[role.partner].name,
    actorId: model.actorIds[role.actor],
    partnerId: model.actorIds[role.partner],
    menu: role.menu,
    decisions: state.decisions,
    next: state.next,
    verdict: state.next >= state.decisions.length ? verdict(state, model) : null,
    status,
  };
}

self.onmessage = (e: MessageEvent<{ id: number; req: Request }>) => {
  const { id, req } = e.data;
  let reply: Reply;
  try {
    reply = handle(req);
  } catch (err) {
    reply = { type: 'error', message: err instanceof Error ? err.message : String(err) };
  }
  (self as unknown as Worker).postMessage({ id, reply });
};
