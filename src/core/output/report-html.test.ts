// Tests of the report page: text escaped, a table behind every chart, nothing that would fetch from a network.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportHtml } from './report-html.js';

test('the page escapes text, gives each chart its table and refers to nothing outside itself', () => {
  const html = reportHtml('A <b>title</b>', ['intro & more'], [
    {
      id: 's1', heading: 'Section "one"', paragraphs: ['x < y'], tables: [{ caption: 'T', table: { columns: ['a'], rows: [[1]] } }],
      charts: [{ id: 'c1', title: 'Chart', summary: 'what it shows', markup: '<svg role="img"></svg>', table: { columns: ['year', 'value'], rows: [[1950, 0.5], [1951, null]] } }],
    },
  ]);
  assert.match(html, /^<!doctype html>/);
  assert.match(html, /<title>A &lt;b&gt;title&lt;\/b&gt;<\/title>/);
  assert.match(html, /<p>x &lt; y<\/p>/);
  assert.match(html, /<a href="#s1">Section &quot;one&quot;<\/a>/);
  assert.match(html, /<figure id="c1"[^>]*>\n<h3 id="c1-title">Chart<\/h3>\n<svg role="img"><\/svg>\n<figcaption>what it shows<\/figcaption>\n<details><summary>The data of this chart as a table<\/summary><table>/);
  assert.match(html, /<tr><td class="n">1951<\/td><td><\/td><\/tr>/, 'numbers align right; a missing value is an empty cell');
  assert.doesNotMatch(html, /<script|<link|src=|https?:\/\//);
});
