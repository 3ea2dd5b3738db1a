// The app: holds the counterfactual (mirrored in the URL), asks the worker for runs, and mounts the views in tabs.
import { SHIPPED, TEMPLATE } from 'virtual:schism-scenarios';
import type { Diagnostic } from '../../core/scenario/diagnostic.js';
import { h, replace } from './dom.js';
import { EngineClient } from './engine-client.js';
import { baseline, fromHash, sameRun, startingState, toHash, type Counterfactual, type StartParameters } from './state/counterfactual.js';
import type { Request, RunView, ScenarioView } from './worker/protocol.js';

/** A tab of the app: mounted once per scenario, told when a new run arrives. */
export interface View {
  id: string;
  label: string;
  mount(el: HTMLElement, app: App): void;
  update?(app: App): void;
}

const CUSTOM_KEY = 'schism.custom-scenario';
/** How many fast runs make the fan behind every counterfactual. */
export const FAN_RUNS = 100;

/** The app's state and the actions views call. */
export class App {
  readonly engine = new EngineClient();
  scenario!: ScenarioView;
  run: RunView | null = null;
  /** The fan of the scenario as written, the line every counterfactual is read against. */
  baselineRun: RunView | null = null;
  cf!: Counterfactual;
  /** A fit's parameters every run starts from, when the server that serves the app was started with them; else null. */
  startParameters: StartParameters | null = null;
  /** The scenario as written, at the current seed and mode: what baselineRun ran. */
  private asWritten!: Counterfactual;
  private baselineKey = '';
  private slow: { client: EngineClient; scenario: string } | null = null;
  private views: View[];
  private panels = new Map<string, HTMLElement>();
  private tabs = new Map<string, HTMLButtonElement>();
  private running = false;
  private queued = false;
  private status!: HTMLElement;
  private alert!: HTMLElement;
  /** Why the last change asked for was refused, shown until the next change. */
  private refusal = '';
  private root: HTMLElement;

  constructor(root: HTMLElement, views: View[]) {
    this.root = root;
    this.views = views;
  }

  /** The shipped scenarios, the reference first. */
  get shipped() {
    return [...SHIPPED].sort((a, b) => (a.id === 'sino-soviet' ? -1 : b.id === 'sino-soviet' ? 1 : 0));
  }

  /** The editor's template for a new scenario. */
  get template() {
    return TEMPLATE;
  }

  /** Starts from the URL: loads its scenario, restores its counterfactual, draws. */
  async start(): Promise<void> {
    this.startParameters = await fetchStartParameters();
    const first = this.shipped[0] ?? TEMPLATE;
    // With no state in the URL the scenario opens as written, with its own seed.
    const wanted = location.hash.length > 1 ? fromHash(location.hash, baseline(first.id, 1)) : undefined;
    await this.loadScenario(wanted?.scenario ?? first.id, wanted, new URLSearchParams(location.hash.slice(1)).has('seed'));
    window.addEventListener('hashchange', () => {
      const next = fromHash(location.hash, this.cf);
      if (toHash(next) === toHash(this.cf)) return;
      if (next.scenario !== this.cf.scenario) void this.loadScenario(next.scenario, next);
      else this.setCf(next, false);
    });
  }

  /** Loads a shipped scenario (or the custom one) and restores the given state on it, or its baseline. */
  async loadScenario(id: string, restore?: Counterfactual, seedGiven = true): Promise<Diagnostic[]> {
    const source = await this.loadRequest(id);
    const reply = await this.engine.ask(source);
    if (!reply.ok) return reply.diagnostics;
    this.scenario = reply.scenario;
    const base = {
      ...this.opening(source.id, reply.scenario),
      // A bargaining scenario has no alliance to run: it opens on its table.
      ...(reply.scenario.alliances.length === 0 ? { tab: 'bargaining' } : {}),
    };
    // A link without a seed runs the scenario's own.
    const tabGiven = new URLSearchParams(location.hash.slice(1)).has('tab');
    this.cf = restore && restore.scenario === source.id ? { ...restore, seed: seedGiven ? restore.seed : base.seed, tab: tabGiven ? restore.tab : base.tab } : base;
    this.asWritten = base;
    if (this.slow) this.slow.scenario = ''; // the custom scenario may have new text under the same id
    this.baselineRun = null;
    this.baselineKey = '';
    this.run = null;
    this.layout();
    this.writeUrl();
    await this.recompute();
    return [];
  }

  /** The request that loads a scenario into a worker: a shipped one comes parsed, its text fetched only when there is nothing parsed. */
  private async loadRequest(id: string): Promise<Extract<Request, { type: 'load' }>> {
    const custom = id === 'custom' ? localStorage.getItem(CUSTOM_KEY) : null;
    const source = custom !== null
      ? { id: 'custom', file: 'custom.yaml', parsed: null, text: () => Promise.resolve(custom) }
      : this.shipped.find((s) => s.id === id) ?? this.shipped[0] ?? TEMPLATE;
    const parsed = source.parsed ?? undefined;
    const text = parsed === undefined ? await source.text() : '';
    return { type: 'load', id: source.id, text, file: source.file, parsed };
  }

  /** A second worker for long jobs (the held-out comparison), so that reruns never wait behind them; it holds the current scenario. */
  async slowEngine(): Promise<EngineClient> {
    if (!this.slow) this.slow = { client: new EngineClient(), scenario: '' };
    if (this.slow.scenario !== this.cf.scenario) {
      await this.slow.client.ask(await this.loadRequest(this.cf.scenario));
      this.slow.scenario = this.cf.scenario;
    }
    return this.slow.client;
  }

  /** Runs a scenario written in the editor: keeps its text in the browser and opens it. */
  async runCustom(text: string): Promise<Diagnostic[]> {
    const check = await this.engine.ask({ type: 'validate', text, file: 'custom.yaml' });
    if (check.diagnostics.length) return check.diagnostics;
    localStorage.setItem(CUSTOM_KEY, text);
    return this.loadScenario('custom');
  }

  /**
   * Leaves an event out of the counterfactual, or puts it back. In predict mode a record event is refused with the reason,
   * as the command line refuses it: the model never reads the record there, so leaving one out would change nothing.
   * @returns whether the change was made
   */
  toggleEvent(id: string, remove: boolean): boolean {
    const e = this.scenario.events.find((x) => x.id === id);
    if (remove && e?.role === 'record' && this.cf.mode === 'predict') {
      this.refusal = `Not removed: ${id} is a record event, an act of the allies that the model must make on its own. Predict mode never reads the record, so leaving it out would change nothing. To suppose the conditions for it never arose, remove the drivers (outside events) behind it; to see it told without it, switch to replay mode.`;
      this.showAlert();
      return false;
    }
    this.setCf({ without: remove ? [...new Set([...this.cf.without, id])] : this.cf.without.filter((x) => x !== id) });
    return true;
  }

  private showAlert(): void {
    const text = [this.refusal, ...(this.run?.warnings ?? []).map((w) => `Changes nothing: ${w}.`)].filter(Boolean).join(' ');
    this.alert.textContent = text;
    this.alert.hidden = text === '';
  }

  /** Changes the state; the URL follows, and the model reruns when the change touches the run. */
  setCf(patch: Partial<Counterfactual>, writeUrl = true): void {
    const before = this.cf;
    if (this.refusal) {
      this.refusal = '';
      this.showAlert();
    }
    this.cf = { ...this.cf, ...patch };
    if (writeUrl) this.writeUrl();
    if (this.cf.tab !== before.tab) this.showTab(this.cf.tab);
    if (!sameRun(before, this.cf)) void this.recompute();
    else for (const v of this.views) if (v.id === this.cf.tab || patch.event !== undefined) v.update?.(this);
  }

  /** Selects an event and shows it on the timeline. */
  select(eventId: string): void {
    this.setCf({ event: eventId, tab: 'timeline' });
    this.tabs.get('timeline')?.focus();
  }

  private writeUrl(): void {
    const hash = `#${toHash(this.cf)}`;
    if (location.hash !== hash) history.replaceState(null, '', hash);
  }

  /**
   * Reruns the current counterfactual: first the recorded run, drawn at once, then the scenario as written at the same seed and
   * mode when that changed, then the fan of runs. Requests made meanwhile are folded into one more pass.
   */
  private async recompute(): Promise<void> {
    if (this.running) {
      this.queued = true;
      return;
    }
    this.running = true;
    this.setStatus('Running…');
    try {
      do {
        this.queued = false;
        const cf = this.cf;
        const reply = await this.engine.ask({ type: 'run', cf, fanRuns: 0 });
        if (this.queued) continue;
        this.accept(reply.run);
        // The line to read a counterfactual against is the scenario as written with the same seed and mode.
        const asWritten = { ...this.asWritten, seed: cf.seed, mode: cf.mode };
        if (toHash(asWritten) !== this.baselineKey) {
          const b = sameRun(asWritten, cf) ? reply.run : (await this.engine.ask({ type: 'run', cf: asWritten, fanRuns: 0 })).run;
          b.fan = (await this.engine.ask({ type: 'fan', cf: asWritten, runs: FAN_RUNS })).fan;
          this.baselineRun = b;
          this.baselineKey = toHash(asWritten);
        }
        if (this.queued) continue;
        const fan = sameRun(asWritten, cf) && this.baselineRun ? this.baselineRun.fan : (await this.engine.ask({ type: 'fan', cf, runs: FAN_RUNS })).fan;
        if (this.queued || !this.run) continue;
        this.run.fan = fan;
        this.accept(this.run);
      } while (this.queued);
    } catch (err) {
      this.setStatus(`Error: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      this.running = false;
    }
  }

  private accept(run: RunView): void {
    this.run = run;
    this.setStatus(`Run ${run.runMs.toFixed(1)} ms${run.fan.runs ? `, fan of ${run.fan.runs} runs ${run.fan.ms.toFixed(0)} ms` : ', fan of runs…'} (in your browser).`);
    this.showAlert();
    document.body.dataset.ready = 'true';
    document.body.dataset.fan = String(run.fan.runs > 0);
    for (const v of this.views) v.update?.(this);
  }

  private setStatus(text: string): void {
    this.status.textContent = text;
  }

  private layout(): void {
    this.panels.clear();
    this.tabs.clear();
    const tablist = h('div', { role: 'tablist', 'aria-label': 'Views', class: 'tabs' });
    const panels = h('div', { class: 'panels' });
    for (const v of this.views) {
      const tab = h('button', {
        type: 'button', role: 'tab', id: `tab-${v.id}`, 'aria-controls': `panel-${v.id}`, 'aria-selected': 'false', tabindex: '-1',
        onclick: () => this.setCf({ tab: v.id }),
        onkeydown: (e: Event) => this.tabKey(e as KeyboardEvent, v.id),
      }, v.label);
      const panel = h('section', { role: 'tabpanel', id: `panel-${v.id}`, 'aria-labelledby': `tab-${v.id}`, hidden: true, class: `panel panel-${v.id}` });
      this.tabs.set(v.id, tab);
      this.panels.set(v.id, panel);
      tablist.append(tab);
      panels.append(panel);
    }
    this.status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' }, 'Loading…');
    this.alert = h('p', { class: 'alert', role: 'alert', hidden: true });
    const picker = h(
      'select',
      { 'aria-label': 'Scenario', onchange: (e: Event) => void this.loadScenario((e.target as HTMLSelectElement).value) },
      this.shipped.map((s) => h('option', { value: s.id, selected: s.id === this.cf.scenario }, s.id)),
      this.cf.scenario === 'custom' ? h('option', { value: 'custom', selected: true }, 'custom (from the editor)') : null,
    );
    const seed = h('input', {
      type: 'number', min: 0, step: 1, value: this.cf.seed, 'aria-label': 'Seed (which chance: the same seed gives the same run)', class: 'seed',
      title: 'The number that fixes chance in the run: the same seed always gives the same run; another seed, another possible world.',
      onchange: (e: Event) => {
        const v = Number((e.target as HTMLInputElement).value);
        if (Number.isInteger(v) && v >= 0) this.setCf({ seed: v });
      },
    });
    const mode = h(
      'select',
      { 'aria-label': 'Mode', title: 'Predict: the model gets only the outside events and must make the allies\' acts itself. Replay: it gets the allies\' recorded acts too (a retelling, not a prediction).', onchange: (e: Event) => this.setCf({ mode: (e.target as HTMLSelectElement).value as Counterfactual['mode'] }) },
      h('option', { value: 'predict', selected: this.cf.mode === 'predict' }, 'predict: the model makes the allies\' acts (drivers only)'),
      h('option', { value: 'replay', selected: this.cf.mode === 'replay' }, 'replay: the record\'s acts are given too'),
    );
    const header = h(
      'header',
      { class: 'top' },
      h('h1', {}, 'schism'),
      h('p', { class: 'scenario-title' }, this.scenario.title, ` · ${this.scenario.start} to ${this.scenario.end}`),
      h('div', { class: 'controls' },
        h('label', {}, 'Scenario ', picker),
        h('label', {}, 'Seed (chance) ', seed),
        h('label', {}, 'Mode ', mode),
        h('button', { type: 'button', onclick: () => void this.copyLink() }, 'Copy link'),
        h('button', { type: 'button', onclick: () => this.reset() }, 'Reset to the scenario'),
        h('button', { type: 'button', class: 'link', onclick: () => this.setCf({ tab: 'guide' }) }, 'Guide for teachers and glossary'),
      ),
      this.status,
      this.alert,
    );
    replace(this.root, h('a', { href: '#main', class: 'skip' }, 'Skip to content'), header, h('main', { id: 'main' }, tablist, panels));
    for (const v of this.views) v.mount(this.panels.get(v.id) as HTMLElement, this);
    this.showTab(this.cf.tab);
  }

  /** Where scenario `id` opens: as written at its own seed, or from the served fit's parameters (startingState). */
  private opening(id: string, scenario: ScenarioView): Counterfactual {
    return startingState(id, scenario.seed, scenario.mechanisms.filter((m) => !m.enabled).map((m) => m.id), this.startParameters);
  }

  private reset(): void {
    const base = this.opening(this.cf.scenario, this.scenario);
    this.setCf({ ...base, tab: this.cf.tab });
    this.layout();
    if (this.run) for (const v of this.views) v.update?.(this);
  }

  private async copyLink(): Promise<void> {
    try {
      await navigator.clipboard.writeText(location.href);
      this.setStatus('Link copied: it restores this counterfactual.');
    } catch {
      this.setStatus(`Link: ${location.href}`);
    }
  }

  private showTab(id: string): void {
    const known = this.panels.has(id) ? id : this.views[0].id;
    for (const [vid, panel] of this.panels) {
      const on = vid === known;
      panel.hidden = !on;
      const tab = this.tabs.get(vid) as HTMLButtonElement;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
    }
    if (this.run) this.views.find((v) => v.id === known)?.update?.(this);
  }

  /** Arrow keys, Home and End move between tabs (the WAI-ARIA tabs pattern). */
  private tabKey(e: KeyboardEvent, id: string): void {
    const ids = this.views.map((v) => v.id);
    const i = ids.indexOf(id);
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: ids.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = ids[(to + ids.length) % ids.length];
    this.setCf({ tab: next });
    this.tabs.get(next)?.focus();
  }
}

/**
 * The parameters runs start from: `schism serve --params` answers start-parameters.json with a fit's values; the build ships
 * it with null, so that on a static host (or the dev server, which has none) the app opens scenarios as written.
 */
async function fetchStartParameters(): Promise<StartParameters | null> {
  try {
    const reply = await fetch('start-parameters.json', { headers: { accept: 'application/json' } });
    if (!reply.ok) return null;
    const body = (await reply.json()) as { parameters?: StartParameters | null };
    const p = body.parameters;
    return p && typeof p.params === 'object' && typeof p.mechanisms === 'object' ? p : null;
  } catch {
    return null;
  }
}
