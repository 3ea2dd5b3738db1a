// Text alternatives for charts: a one-line summary read first, and the chart's data as a table inside a disclosure.
import { h } from '../dom.js';

let counter = 0;

/**
 * Wraps a chart with its summary (linked as its accessible description) and a table of the data behind it.
 * @example chartWithText(plotSvg, 'PRC value falls below its outside option in 1958.', ['Year', 'Value'], rows)
 */
export function chartWithText(chart: Element, summary: string, headers: string[], rows: (string | number)[][], caption = 'Data behind the chart'): HTMLElement {
  const id = `chart-summary-${++counter}`;
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-describedby', id);
  return h(
    'figure',
    { class: 'chart' },
    chart,
    h('figcaption', { id }, summary),
    h('details', { class: 'data' }, h('summary', {}, `${caption} (table, ${rows.length} rows)`), dataTable(headers, rows)),
  );
}

/** A plain data table with a header row. */
export function dataTable(headers: string[], rows: (string | number)[][]): HTMLTableElement {
  return h(
    'table',
    { class: 'data-table' },
    h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c) => h('td', {}, typeof c === 'number' ? c.toFixed(3).replace('-', '−') : c))))),
  );
}
