// End to end in Debian's Chromium: history beside the model, a teacher's role played twice, the bargaining table, and a
// record event refused in predict mode.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSuite, distinctColours, SKIP_WITHOUT_CHROMIUM } from './harness.js';

const skip = SKIP_WITHOUT_CHROMIUM;
const suite = browserSuite();
const open = suite.open;

test('the status chart has the model\'s band and a "what happened" band with its sources, and says how far they agree', { skip, timeout: 120_000 }, async () => {
  const { page, errors } = await open('#tab=why');
  // The tab is drawn for the run, then again when its fan of runs arrives; read and picture it after that last redraw, or
  // the figure can be replaced between finding it and its screenshot.
  await page.waitForSelector('body[data-fan="true"]', { timeout: 60_000 });
  await page.waitForSelector('.panel-why figure.chart svg');
  const status = page.locator('.panel-why figure.chart').first();
  const drawn = await status.locator('svg[role="img"], svg').evaluateAll((svgs) => svgs.map((x) => x.textContent ?? '').join(' '));
  assert.match(drawn, /the model \(this run\)/, 'the model\'s band is labelled');
  assert.match(drawn, /what happened/, 'and the record\'s band beside it');
  assert.match(await status.locator('figcaption').innerText(), /What happened: strained from 1945-01, allied from 1950-02/);
  const notice = await page.locator('.panel-why .model-notice').innerText();
  assert.match(notice, /Model, not history/);
  assert.match(notice, /matches what happened in \d+ of 336 months \(\d+%\)/);
  await page.locator('.history-sources summary').click();
  // The tab redraws whenever a run arrives; the list the reader opened must stay open through that.
  await page.waitForSelector('.history-sources[open] li');
  const sources = await page.locator('.history-sources').innerText();
  assert.match(sources, /1950-02 to 1959-05: allied/);
  assert.match(sources, /Sources: .*Westad/);
  assert.match(sources, /nuclear help withdrawn/);
  assert.ok(await distinctColours(page, await status.screenshot()) > 10);
  assert.deepEqual(errors.filter((e) => !/favicon/.test(e)), []);
  await page.close();
});

/** Plays the open role to its end with one choice every month; returns the verdict table's text. */
async function playThrough(page: Page, choice: string): Promise<string> {
  await page.locator('[data-role="junior-1951"] button.primary').click();
  for (let k = 0; k < 20; k++) {
    await page.waitForSelector('.choices, .outcomes');
    if (await page.locator('.outcomes').count()) break;
    const progress = await page.locator('.progress').innerText();
    assert.match(progress, /Decision \d+ of 6: 1951-0\d/);
    assert.ok(await page.locator('.real-events').count(), 'each month shows what really happened');
    await page.locator(`button[data-choice="${choice}"]`).click();
    await page.waitForFunction((p) => document.querySelector('.progress')?.textContent !== p, progress);
  }
  return page.locator('.outcomes').innerText();
}

test('a teacher\'s role from a scenario file is played to its verdict, and two paths give different outcomes', { skip, timeout: 90_000 }, async () => {
  const { page } = await open('#tab=editor');
  const text = readFileSync('test/fixtures/classroom.yaml', 'utf8');
  await page.waitForFunction(() => !document.querySelector('textarea')?.value.startsWith('Loading'));
  await page.locator('textarea.code').fill(text);
  await page.waitForSelector('#editor-diagnostics .ok');
  await page.getByRole('button', { name: 'Run this scenario' }).click();
  await page.waitForFunction(() => document.querySelector('.scenario-title')?.textContent?.includes('Classroom alliance'));
  await page.locator('#tab-play').click();
  await page.waitForSelector('[data-role="junior-1951"]');
  assert.match(await page.locator('[data-role="junior-1951"]').innerText(), /SMALL.*1951-01 to 1951-06/s);
  // The role offers only the teacher's choices.
  await page.locator('[data-role="junior-1951"] button.primary').click();
  await page.waitForSelector('.choices');
  const offered = await page.locator('.choices button').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-choice')));
  assert.deepEqual(offered, ['aid', 'agree', 'criticise', 'defect', 'force', 'none']);
  await page.getByRole('button', { name: 'Choose another role' }).click();

  const friendly = await playThrough(page, 'aid');
  assert.match(friendly, /What happened\s+allied\s+never/);
  assert.match(await page.locator('.questions').innerText(), /Which of your choices moved the alliance most/);
  await page.getByRole('button', { name: 'Choose another role' }).click();
  const hostile = await playThrough(page, 'force');
  assert.match(hostile, /Your path \(in the model\)\s+\S+\s+1951-01/, 'force in the first month breaks the pact at once');
  assert.notEqual(friendly, hostile, 'the two paths end differently');
  const model = (t: string) => /The model on its own.*/.exec(t)?.[0];
  assert.equal(model(friendly), model(hostile), 'the model\'s own path is the same whatever the class does');
  await page.close();
});

test('the bargaining table: a bargaining scenario opens on it, and editing an actor\'s salience moves the forecast', { skip, timeout: 120_000 }, async () => {
  const { page, errors } = await open('#s=moscow-1949-50');
  await page.waitForSelector('.actor-table');
  assert.equal(await page.locator('#tab-bargaining').getAttribute('aria-selected'), 'true');
  await page.waitForSelector('.forecast-table tr[data-model="smp"] td.forecast');
  const forecasts = () => page.locator('.forecast-table td.forecast').allInnerTexts();
  const before = await forecasts();
  assert.equal(before.length, 2, 'BDM and SMP side by side');
  assert.match(await page.locator('.forecast-table').innerText(), /100\.00/, 'the recorded outcome of the treaty');
  assert.equal(await page.locator('.model-panel figure.chart svg').count(), 2, 'positions by round, one chart per model');
  const salience = page.locator('input.cell[data-actor="STALIN"][data-field="salience"]');
  await salience.fill('0.05');
  await salience.dispatchEvent('change');
  await page.waitForFunction((b) => JSON.stringify([...document.querySelectorAll('.forecast-table td.forecast')].map((x) => x.textContent)) !== b, JSON.stringify(before));
  assert.notDeepEqual(await forecasts(), before);
  assert.ok(await distinctColours(page, await page.screenshot({ fullPage: true })) > 30);
  assert.deepEqual(errors.filter((e) => !/favicon/.test(e)), []);
  await page.close();
});

test('removing a record event in predict mode is refused with the reason, and the run does not change silently', { skip, timeout: 120_000 }, async () => {
  const { page } = await open('#tab=counterfactual');
  await page.locator('.events-cf summary').click();
  const box = page.locator('.events-cf input[data-event="A62"]');
  assert.equal(await box.getAttribute('data-role'), 'record');
  await box.uncheck({ force: true }).catch(() => undefined);
  await page.waitForSelector('.alert:not([hidden])');
  assert.match(await page.locator('.alert').innerText(), /Not removed: A62 is a record event.*Predict mode never reads the record/);
  assert.equal(await box.isChecked(), true);
  assert.doesNotMatch(page.url(), /without=/);
  // A link that carries such a removal is warned about, not run as if it were a counterfactual.
  await page.goto(`${suite.url()}#tab=counterfactual&without=A62`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('.alert:not([hidden])');
  assert.match(await page.locator('.alert').innerText(), /Changes nothing: event "A62" is a record event/);
  await page.close();
});

test('the guide for teachers (docs/teaching.md) is one click from every tab, with its lesson plan and glossary', { skip, timeout: 120_000 }, async () => {
  const { page } = await open('#tab=why');
  await page.getByRole('button', { name: 'Guide for teachers and glossary' }).click();
  await page.waitForSelector('.guide-text');
  const guide = await page.locator('.guide-text').innerText();
  assert.match(guide, /A lesson of 45 minutes/);
  assert.match(guide, /What the model can and cannot say/);
  assert.ok(await page.locator('.guide-text table').count() >= 1, 'the lesson plan is a table');
  assert.ok(await page.locator('#glossary-margin').count(), 'the glossary has an entry for each term');
  assert.ok(await page.getByRole('button', { name: 'Print this guide' }).isVisible());
  await page.close();
});
