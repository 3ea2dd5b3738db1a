// Tests of chart rendering in Node: Plot on jsdom gives labelled SVG markup, the same bytes every time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sensitivityChart } from '../../core/report/charts.js';
import { renderChart } from './render-chart.js';

test('a chart spec renders to SVG with its title and summary as ARIA label and description, deterministically', () => {
  const spec = sensitivityChart([{ key: 'rules.noise', min: 0, max: 2, muStar: 3, mu: 1, sigma: 2 }]);
  const a = renderChart(spec);
  const b = renderChart(spec);
  assert.match(a.markup, /^<svg[^>]*aria-label="Which parameters move the break date most \(Morris screening\)"/);
  assert.match(a.markup, /aria-description="mu\*: mean absolute change/);
  assert.match(a.markup, />rules\.noise</);
  assert.equal(a.markup, b.markup);
  assert.deepEqual(a.table, spec.table);
});
