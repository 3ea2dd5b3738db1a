// The files of `schism record`: tidy CSVs of the record's series, its turning points and its agreement with independent data, and a summary.
import type { Agreement } from '../analysis/record/independent.js';
import { recordSeriesRows, type RecordSeries } from '../analysis/record/record.js';
import { turningPointRules, type TurningPointRule } from '../analysis/record/turning-points.js';
import type { Scenario } from '../scenario/schema.js';
import { monthLabel } from '../time/month.js';
import { toCsv } from './csv.js';
import { formatNumber } from './number.js';

/** Every file of the record folder, by name. */
export function recordFiles(scenario: Scenario, record: RecordSeries, agreement: Agreement, dataFound: string[]): Record<string, string> {
  const rules = turningPointRules(scenario);
  const series = (every: 'month' | 'quarter' | 'year') =>
    toCsv(['period', 'from', 'to', 'goldstein', 'intensity', 'acts'], recordSeriesRows(record, every).map((r) => [r.period, r.from, r.to, r.goldstein, r.intensity, r.acts]));
  const tps = toCsv(
    ['id', 'label', 'date', 'event', 'from', 'to', 'rule'],
    record.turningPoints.map((p) => [p.id, p.label, p.month === null ? '' : monthLabel(p.month), p.event ?? '', p.from ?? '', p.to ?? '', ruleText(rules, p.id)]),
  );
  const agreementCsv = toCsv(['check', 'value', 'note'], agreement.rows.map((r) => [r.check, r.value, r.note]));
  const copdab = toCsv(['year', 'dyad', 'copdab', 'record_goldstein', 'record_intensity'], agreement.copdabYearly.map((r) => [r.year, r.dyad, r.copdab, r.goldstein, r.intensity]));
  const mie = toCsv(['year', 'pair', 'mie_events', 'mie_force', 'record_clashes'], agreement.mieYearly.map((r) => [r.year, r.pair, r.mieEvents, r.mieForce, r.recordClashes]));
  return {
    'record-monthly.csv': series('month'),
    'record-quarterly.csv': series('quarter'),
    'record-yearly.csv': series('year'),
    'turning-points.csv': tps,
    'agreement.csv': agreementCsv,
    'copdab-yearly.csv': copdab,
    'mie-yearly.csv': mie,
    'README.md': summary(scenario, record, agreement, dataFound),
  };
}

/** A rule in words, for the turning-point table. */
function ruleText(rules: TurningPointRule[], id: string): string {
  const r = rules.find((x) => x.id === id)?.record;
  if (!r) return '';
  const parts = [
    r.weis ? `WEIS ${r.weis.join('/')}` : '',
    r.category ? `category ${r.category.join('/')}` : '',
    r.about ? `about ${r.about.join('/')}` : '',
    r.maxIntensity !== undefined ? `intensity <= ${r.maxIntensity}` : '',
  ].filter(Boolean);
  return `first record act between allies with ${r.weis && r.category ? parts.slice(0, 2).join(' or ') + (parts.length > 2 ? `, ${parts.slice(2).join(', ')}` : '') : parts.join(', ')}`;
}

function summary(scenario: Scenario, record: RecordSeries, agreement: Agreement, dataFound: string[]): string {
  const acts = record.dyads.reduce((s, d) => s + d.count.reduce((a, b) => a + b, 0), 0);
  const lines = [
    `# The observed record: ${scenario.meta.title}`,
    '',
    `${record.dyads.length} directed dyads, ${acts} acts counted (a joint act counts once each way) from ${scenario.meta.period.start} to ${scenario.meta.period.end}.`,
    'Alliance dyads count the allies\' record events; other dyads count drivers too (a third power\'s acts are drivers).',
    `Acts without a Goldstein weight (counted in intensity only): ${record.missingGoldstein}.`,
    '',
    '## Files',
    '- `record-monthly.csv`, `record-quarterly.csv`, `record-yearly.csv`: period, from, to, summed Goldstein weight, summed judged intensity, number of acts.',
    '- `turning-points.csv`: the record\'s turning points, each located by the stated rule.',
    '- `agreement.csv`, `copdab-yearly.csv`, `mie-yearly.csv`: the record against independent data.',
    '',
    '## Turning points (by rule)',
    '',
    '| turning point | date | event | rule |',
    '|---|---|---|---|',
    ...record.turningPoints.map((p) => `| ${p.label} | ${p.month === null ? 'not in the record' : monthLabel(p.month)} | ${p.event ?? ''} | ${ruleText(turningPointRules(scenario), p.id)} |`),
    '',
    '## Agreement with independent data',
    '',
    'The judged intensities encode the consensus story of the split, so agreement of the record with them is circular; these',
    'checks set the record beside data coded by others, for other purposes.',
    '',
    dataFound.length ? `Data read: ${dataFound.map((f) => `\`${f}\``).join(', ')}.` : 'No independent data found: the checks were skipped.',
    '',
    '| check | value | note |',
    '|---|---|---|',
    ...agreement.rows.map((r) => `| ${r.check} | ${typeof r.value === 'number' ? formatNumber(r.value) : (r.value ?? 'n/a')} | ${r.note} |`),
    '',
  ];
  return lines.join('\n');
}
