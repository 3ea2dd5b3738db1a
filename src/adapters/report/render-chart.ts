// Renders a chart spec to SVG markup in Node with Observable Plot on a jsdom document (the DOM stays out of the core).
import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import type { ChartSpec } from '../../core/report/charts.js';
import type { RenderedChart } from '../../core/output/report-html.js';

let dom: JSDOM | null = null;

/**
 * Renders one chart; Plot returns an SVG, or a figure when the chart has a legend.
 * @example const chart = renderChart(sensitivityChart(morris.rows)); chart.markup.startsWith('<svg')
 */
export function renderChart(spec: ChartSpec): RenderedChart {
  dom ??= new JSDOM('<!doctype html><html><body></body></html>');
  const node = Plot.plot({ width: 900, ...spec.options, document: dom.window.document, ariaLabel: spec.title, ariaDescription: spec.summary });
  return { id: spec.id, title: spec.title, summary: spec.summary, markup: node.outerHTML, table: spec.table };
}
