// The whole state of the app as data: which scenario, which departures from it, which view; written to and read from the URL.

/** Everything that makes a counterfactual and the view of it; a URL holds all of it, so a link restores it. */
export interface Counterfactual {
  /** Shipped scenario id, or `custom` for the one written in the editor (kept in the browser). */
  scenario: string;
  seed: number;
  mode: 'predict' | 'replay';
  /** Mechanisms switched off. */
  off: string[];
  /** Parameter overrides, `mechanism.param` or `rules.param`. */
  params: Record<string, number>;
  /** Scenario events removed. */
  without: string[];
  /** Scenario events moved to another month, id -> `YYYY-MM`. */
  moved: Record<string, string>;
  /** The open tab and the selected event, so that a link opens where it was made. */
  tab: string;
  event: string;
  /** A game of play mode: `role:choice.choice…` (empty: none), so that a class can share a game. */
  play: string;
}

/** Parameters every run starts from when the app is served with a fit's (`schism serve --params`, GET api/parameters). */
export interface StartParameters {
  mechanisms: Record<string, boolean>;
  params: Record<string, number>;
}

/**
 * Where a scenario opens: as written (its own mechanisms switched off stay off), or, when the app is served with a fit's
 * parameters, with the fit's mechanisms and parameters, as the server's own runs start.
 * @example startingState('sino-soviet', 1945, ['wedge'], null).off // ['wedge']
 */
export function startingState(scenario: string, seed: number, scenarioOff: string[], start: StartParameters | null): Counterfactual {
  const base = baseline(scenario, seed);
  if (!start) return { ...base, off: scenarioOff };
  const off = new Set(scenarioOff);
  for (const [m, on] of Object.entries(start.mechanisms)) {
    if (on) off.delete(m);
    else off.add(m);
  }
  return { ...base, off: [...off].sort(), params: { ...start.params } };
}

/** The state before any change: the given scenario as written. */
export function baseline(scenario: string, seed: number): Counterfactual {
  return { scenario, seed, mode: 'predict', off: [], params: {}, without: [], moved: {}, tab: 'timeline', event: '', play: '' };
}

const list = (s: string | null) => (s ? s.split(',').filter(Boolean) : []);
const ID = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Writes the state as a URL fragment (without `#`), leaving out what equals the defaults so that links stay short.
 * @example toHash({ ...baseline('sino-soviet', 1), without: ['E1'] }) // "s=sino-soviet&seed=1&without=E1"
 */
export function toHash(cf: Counterfactual): string {
  const q = new URLSearchParams();
  q.set('s', cf.scenario);
  q.set('seed', String(cf.seed));
  if (cf.mode !== 'predict') q.set('mode', cf.mode);
  if (cf.off.length) q.set('off', [...cf.off].sort().join(','));
  const params = Object.keys(cf.params).sort();
  if (params.length) q.set('p', params.map((k) => `${k}:${cf.params[k]}`).join(','));
  if (cf.without.length) q.set('without', [...cf.without].sort().join(','));
  const moved = Object.keys(cf.moved).sort();
  if (moved.length) q.set('move', moved.map((k) => `${k}:${cf.moved[k]}`).join(','));
  if (cf.tab !== 'timeline') q.set('tab', cf.tab);
  if (cf.event) q.set('ev', cf.event);
  if (cf.play) q.set('play', cf.play);
  return q.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
}

/** Reads a state from a URL fragment (with or without `#`); malformed parts are dropped, never trusted. */
export function fromHash(hash: string, fallback: Counterfactual): Counterfactual {
  const q = new URLSearchParams(hash.replace(/^#/, ''));
  const seed = Number(q.get('seed'));
  const params: Record<string, number> = {};
  for (const pair of list(q.get('p'))) {
    const [key, value] = pair.split(':');
    const v = Number(value);
    if (/^[A-Za-z]+\.[A-Za-z]+$/.test(key ?? '') && value !== undefined && value !== '' && Number.isFinite(v)) params[key] = v;
  }
  const moved: Record<string, string> = {};
  for (const pair of list(q.get('move'))) {
    const [id, month] = pair.split(':');
    if (ID.test(id ?? '') && MONTH.test(month ?? '')) moved[id] = month;
  }
  const scenario = q.get('s');
  return {
    scenario: scenario && /^[A-Za-z0-9_.-]+$/.test(scenario) ? scenario : fallback.scenario,
    seed: Number.isInteger(seed) && seed >= 0 && q.has('seed') ? seed : fallback.seed,
    mode: q.get('mode') === 'replay' ? 'replay' : 'predict',
    off: list(q.get('off')).filter((m) => ID.test(m)),
    params,
    without: list(q.get('without')).filter((id) => ID.test(id)),
    moved,
    tab: q.get('tab') ?? fallback.tab,
    event: ID.test(q.get('ev') ?? '') ? (q.get('ev') as string) : '',
    play: /^[a-z][a-z0-9-]*:[a-z.]*$/.test(q.get('play') ?? '') ? (q.get('play') as string) : '',
  };
}

/** Whether two states make the same run (tab, selection and game aside). */
export function sameRun(a: Counterfactual, b: Counterfactual): boolean {
  const strip = (c: Counterfactual) => toHash({ ...c, tab: 'timeline', event: '', play: '' });
  return strip(a) === strip(b);
}
