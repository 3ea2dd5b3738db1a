// The run's event stream as CSV: scenario events applied (drivers, and the record in replay) and the acts the model chose.
import { ACTS } from '../engine/acts.js';
import type { LogEntry, RunResult } from '../engine/simulate.js';
import { monthLabel } from '../time/month.js';
import { toCsv, type Cell } from './csv.js';

/** A log entry in words and numbers, shared by the CSV and the story. */
export interface DescribedEntry {
  /** Month index from the period's start. */
  month: number;
  date: string;
  origin: 'driver' | 'record' | 'simulated';
  id: string;
  from: string;
  to: string;
  joint: boolean;
  kind: string;
  weis: string;
  goldstein: number | null;
  intensity: number;
  issues: string;
  description: string;
  sources: string[];
}

/** Describes one log entry with the scenario's names, codes and sources. */
export function describeEntry(r: RunResult, e: LogEntry, ordinal: number): DescribedEntry {
  const { model } = r;
  if (e.type === 'simulated') {
    const act = ACTS[e.act];
    const issue = e.issue >= 0 ? model.issueIds[e.issue] : '';
    return {
      month: e.month,
      date: monthLabel(model.start + e.month),
      origin: 'simulated',
      id: `sim-${ordinal + 1}`,
      from: model.actorIds[e.from],
      to: model.actorIds[e.to],
      joint: false,
      kind: e.act,
      weis: act.weis,
      goldstein: act.goldstein,
      intensity: act.goldstein,
      issues: issue,
      description: `${model.actorIds[e.from]} ${act.label} [${e.category}]${issue ? ` (${issue})` : ''}`,
      sources: ['model'],
    };
  }
  const ev = model.scenario.events[e.event];
  return {
    month: e.month,
    date: ev.date,
    origin: e.type,
    id: ev.id,
    from: ev.from,
    to: ev.to ?? '',
    joint: ev.joint,
    kind: ev.category,
    weis: ev.weis ?? '',
    goldstein: ev.goldstein ?? null,
    intensity: ev.intensity,
    issues: ev.issues.join(' '),
    description: ev.description,
    sources: ev.sources,
  };
}

/** Every log entry described, simulated acts numbered in order. */
export function describeLog(r: RunResult): DescribedEntry[] {
  let simulated = 0;
  return r.log.map((e) => describeEntry(r, e, e.type === 'simulated' ? simulated++ : 0));
}

/** The event stream as CSV text, in the order things happened. */
export function eventsCsv(r: RunResult, described: DescribedEntry[] = describeLog(r)): string {
  const rows: Cell[][] = [];
  for (const d of described) {
    rows.push([d.date, d.origin, d.id, d.from, d.to, d.joint, d.kind, d.weis, d.goldstein, d.intensity, d.issues, d.description, d.sources.join(' ')]);
  }
  return toCsv(['date', 'origin', 'id', 'from', 'to', 'joint', 'kind', 'weis', 'goldstein', 'intensity', 'issues', 'description', 'sources'], rows);
}
