// End to end in Debian's Chromium: the reference scenario drawn, a counterfactual kept in the URL, the editor's located errors, a round of play.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserSuite, distinctColours, serveWithSchism, SKIP_WITHOUT_CHROMIUM, watchErrors } from './harness.js';

const skip = SKIP_WITHOUT_CHROMIUM;
const suite = browserSuite();
const open = suite.open;

test('loading draws the reference scenario: every event on the timeline, charts with text alternatives, no errors under the CSP', { skip, timeout: 120_000 }, async () => {
  const { page, errors } = await open();
  assert.match(await page.locator('.scenario-title').innerText(), /Sino-Soviet/);
  const circles = await page.locator('svg.timeline circle.event').count();
  assert.ok(circles >= 100, `${circles} events drawn`);
  assert.ok(await page.locator('svg.timeline rect.act').count() > 0, 'the model\'s own acts are drawn on the third lane');
  assert.ok(await distinctColours(page, await page.screenshot()) > 50, 'the timeline screenshot is not blank');

  // Arrow keys walk the timeline; the selected event's description and sources appear.
  await page.locator('svg.timeline').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => location.hash.includes('ev='));
  assert.match(await page.locator('.event-details').innerText(), /Sources/);

  // The tabs follow the WAI-ARIA pattern: arrow keys move between them, and the URL follows.
  await page.locator('#tab-timeline').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.activeElement?.id === 'tab-why' && location.hash.includes('tab=why'));
  assert.equal(await page.locator('#tab-why').getAttribute('aria-selected'), 'true');
  await page.waitForSelector('.panel-why figure.chart svg');
  assert.ok(await page.locator('.panel-why figure.chart').count() >= 4, 'status, two members and cooperation');
  assert.ok(await page.locator('.panel-why figure.chart figcaption').first().innerText());
  assert.ok(await page.locator('.panel-why details.data table').count() >= 4, 'each chart has a data table');
  assert.ok(await distinctColours(page, await page.screenshot({ fullPage: true })) > 100, 'the charts are drawn');

  await page.locator('#tab-triangle').click();
  await page.waitForSelector('.tri-cell');
  assert.equal(await page.locator('.tri-cell').count(), 28, 'one triangle per year, 1945-1972');
  const configs = await page.locator('.tri-config').allInnerTexts();
  assert.ok(configs.every((c) => /ménage à trois|romantic triangle|stable marriage|unit veto|too few events to tell/.test(c)));
  assert.equal(await page.locator('.tri-cell .tri-shape.model').count(), 28, 'the model\'s triangle in every year');
  assert.equal(await page.locator('.tri-cell .tri-shape.record').count(), 28, 'and the one the scenario\'s events give beside it');
  assert.match(await page.locator('.panel-triangle .agreement').innerText(), /same shape: \d+ of the \d+ years/);
  assert.deepEqual(errors.filter((e) => !/favicon/.test(e)), []);
  await page.close();
});

test('an engine worker that cannot load is said on the page, not waited for', { skip, timeout: 120_000 }, async () => {
  const page = await suite.context().newPage();
  await page.route('**/engine-worker-*.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(suite.url());
  await page.waitForFunction(() => /schism could not start: the engine could not run in this browser/.test(document.body.textContent ?? ''), undefined, { timeout: 60_000 });
  assert.equal(await page.locator('body[data-ready="true"]').count(), 0);
  await page.close();
});

test('a counterfactual lives in the URL: a slider moved by keyboard updates it, and reloading restores it', { skip, timeout: 150_000 }, async () => {
  const { page } = await open('#tab=counterfactual');
  const before = await page.locator('[data-testid="first-break"]').innerText();
  const slider = page.locator('input[data-key="rules.activity"]');
  await slider.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => /p=rules\.activity:0\.45/.test(location.hash), undefined, { timeout: 10_000 });
  await page.waitForFunction(() => document.querySelector('.panel-counterfactual')?.textContent?.includes('(rules.activity) = 0.45'));
  const after = await page.locator('[data-testid="first-break"]').innerText();
  const link = page.url();
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  assert.equal(page.url(), link);
  assert.equal(await page.locator('input[data-key="rules.activity"]').inputValue(), '0.45');
  assert.equal(await page.locator('[data-testid="first-break"]').innerText(), after, 'the same counterfactual runs to the same result');
  assert.match(await page.locator('.panel-counterfactual').innerText(), /\(rules\.activity\) = 0\.45/);
  // Removing an event is part of the state too.
  await page.locator('.events-cf summary').click();
  const first = page.locator('.events-cf input[type="checkbox"][data-role="driver"]').first();
  const id = await first.getAttribute('data-event');
  await first.uncheck();
  await page.waitForFunction((e) => location.hash.includes(`without=${e}`), id);
  assert.ok(typeof before === 'string');
  assert.ok(await distinctColours(page, await page.screenshot()) > 30);
  await page.close();
});

test('the editor shows a schema error inline at its line and column, and a valid scenario runs at once', { skip, timeout: 120_000 }, async () => {
  const { page } = await open('#tab=editor');
  const area = page.locator('textarea.code');
  await page.getByRole('button', { name: 'New from template' }).click();
  await page.waitForFunction(() => document.querySelector('textarea')?.value.includes('title: Minimal alliance'));
  const text = await area.inputValue();
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('period: { start: "1950-01"')) + 1;
  assert.ok(line > 0);
  const broken = text.replace('start: "1950-01"', 'start: "1950-13"');
  await area.fill(broken);
  const column = lines[line - 1].indexOf('"1950-01"') + 1;
  await page.waitForSelector('.diagnostics li');
  const listed = await page.locator('.diagnostics').innerText();
  assert.match(listed, new RegExp(`:${line}:${column} meta\\.period\\.start: a month is written YYYY-MM`));
  assert.equal(await page.locator('.gutter .ln.err').first().innerText(), `⚠ ${line}`);
  assert.match(await page.locator('.layer .inline-msg').first().innerText(), new RegExp(`${line}:${column} meta\\.period\\.start`));
  assert.ok(await distinctColours(page, await page.screenshot()) > 30);
  // Fix it and run it: the app now shows the new scenario.
  await area.fill(text.replace('title: Minimal alliance', 'title: My own alliance'));
  await page.waitForSelector('#editor-diagnostics .ok');
  await page.getByRole('button', { name: 'Run this scenario' }).click();
  await page.waitForFunction(() => document.querySelector('.scenario-title')?.textContent?.includes('My own alliance'));
  assert.match(page.url(), /s=custom/);
  await page.close();
});

test('play mode: Mao in Moscow chooses three acts and sees his path beside history and the model\'s choice', { skip, timeout: 120_000 }, async () => {
  const { page } = await open('#tab=play');
  await page.locator('[data-role="mao-moscow"] button.primary').click();
  await page.waitForSelector('.choices');
  assert.match(await page.locator('.progress').innerText(), /Decision 1 of 3: 1949-12/);
  for (const c of ['demand', 'agree', 'consult']) {
    await page.locator(`button[data-choice="${c}"]`).click();
    await page.waitForFunction((n) => !document.querySelector('.progress') || !document.querySelector('.progress')?.textContent?.includes(`Decision ${n} `), ['demand', 'agree', 'consult'].indexOf(c) + 1);
  }
  await page.waitForSelector('.play-table');
  assert.equal(await page.locator('.play-table tbody tr').count(), 3);
  const table = await page.locator('.play-table').innerText();
  assert.match(table, /makes a demand/);
  assert.match(table, /margin/);
  assert.match(await page.locator('.verdict').innerText(), /rule would have in \d of 3 months/);
  assert.match(await page.locator('.outcomes').innerText(), /What happened/);
  assert.ok(await distinctColours(page, await page.screenshot({ fullPage: true })) > 30);
  // The game is in the link: reloading it brings back the same comparison.
  assert.match(page.url(), /play=mao-moscow:demand\.agree\.consult/);
  await page.reload();
  await page.waitForSelector('.play-table');
  assert.equal(await page.locator('.play-table').innerText(), table);
  await page.close();
});

test('served by `schism serve --params` under its security headers, the app draws the reference scenario from the fit\'s parameters with no error', { skip, timeout: 90_000 }, async () => {
  const server = await serveWithSchism(['--params', 'test/fixtures/fit-params.json']);
  try {
    const page = await suite.context().newPage();
    const errors = watchErrors(page);
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await page.waitForSelector('body[data-fan="true"]', { timeout: 30_000 });
    assert.ok(await page.locator('svg.timeline circle.event').count() >= 100);
    // The fit's parameters are where the scenario opens, in the URL a link copies, and said above the results.
    assert.match(page.url(), /p=rules\.activity:0\.42/);
    await page.locator('#tab-why').click();
    assert.match(await page.locator('.panel-why .model-notice').first().innerText(), /serve --params/);
    assert.deepEqual(errors, []);
    // The API beside it refuses a change that cannot affect a prediction: no silent 200.
    const moot = await page.request.post(`${server.url}api/run`, { data: { name: 'sino-soviet', without: ['A62'] } });
    assert.equal(moot.status(), 422);
    assert.match(await moot.text(), /no_effect.*A62.*record event/);
    await page.close();
  } finally {
    await server.close();
  }
});
