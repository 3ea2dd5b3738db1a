// Training and test windows written as years (`1880-1887`) or months (`1880-01..1887-06`), checked against the scenario's period.
import type { Scenario } from '../../scenario/schema.js';
import { monthIndex, monthLabel } from '../../time/month.js';

/** A window of whole months, first and last month index inclusive. */
export interface Window {
  first: number;
  last: number;
}

/**
 * Parses `YYYY-YYYY`, `YYYY` or `YYYY-MM..YYYY-MM`; throws a RangeError that names the bad text.
 * @example parseWindow('1880-1887') // { first: 1880*12, last: 1887*12 + 11 }
 */
export function parseWindow(text: string): Window {
  let m = /^(\d{4})(?:-(\d{4}))?$/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2] ?? m[1]);
    if (b < a) throw new RangeError(`window "${text}" ends before it starts`);
    return { first: a * 12, last: b * 12 + 11 };
  }
  m = /^(\d{4}-(?:0[1-9]|1[0-2]))\.\.(\d{4}-(?:0[1-9]|1[0-2]))$/.exec(text);
  if (m) {
    const w = { first: monthIndex(m[1]), last: monthIndex(m[2]) };
    if (w.last < w.first) throw new RangeError(`window "${text}" ends before it starts`);
    return w;
  }
  throw new RangeError(`a window is written YYYY-YYYY or YYYY-MM..YYYY-MM, not "${text}"`);
}

/** Throws a RangeError unless the window lies inside the scenario's period. */
export function checkWindow(scenario: Scenario, w: Window, what: string): Window {
  const start = monthIndex(scenario.meta.period.start);
  const end = monthIndex(scenario.meta.period.end);
  if (w.first < start || w.last > end) {
    throw new RangeError(`${what} ${formatWindow(w)} is outside the scenario's period ${scenario.meta.period.start}..${scenario.meta.period.end}`);
  }
  return w;
}

/**
 * The training window: the one given (e.g. by --train), else the scenario's `meta.training`, else the first third of the
 * period (whole months), so that a scenario of any period can be fitted without naming one.
 * @example trainingWindow(scenario) // 1880-01..1886-12 for a period 1880-01..1900-12
 */
export function trainingWindow(scenario: Scenario, text?: string): Window {
  if (text !== undefined) return checkWindow(scenario, parseWindow(text), 'the training window');
  const declared = scenario.meta.training;
  if (declared) {
    const w = { first: monthIndex(declared.start), last: monthIndex(declared.end) };
    if (w.last < w.first) throw new RangeError(`the scenario's training window ${formatWindow(w)} ends before it starts`);
    return checkWindow(scenario, w, 'the scenario\'s training window (meta.training)');
  }
  const start = monthIndex(scenario.meta.period.start);
  const months = monthIndex(scenario.meta.period.end) - start + 1;
  return { first: start, last: start + Math.max(1, Math.floor(months / 3)) - 1 };
}

/** `YYYY-MM..YYYY-MM`. */
export function formatWindow(w: Window): string {
  return `${monthLabel(w.first)}..${monthLabel(w.last)}`;
}
