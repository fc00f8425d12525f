// Browser tests of workshop mode (src/ui/workshop/): `node --test tests/browser/workshop.test.mjs`
// after `trunk build --release --offline` has filled dist/.
//
// The lessons' texts come from the page itself (the editor after opening an exercise); the
// expectations (which rule is left, on which line) are those of tests/workshop_lessons.rs,
// which runs the same checker natively on the same exercises.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, watch, artifact } from './harness.mjs';

const KEY = 'gocompat.workshop.v1';
let server;
let browser;
before(async () => {
  server = await serveDist();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(t, { scheme = 'light', width = 1440, height = 900, init } = {}) {
  const ctx = await browser.newContext({ viewport: { width, height }, colorScheme: scheme });
  if (init) await ctx.addInitScript(init);
  const page = await ctx.newPage();
  const w = watch(page, server.url.replace(/\/$/, ''));
  t.after(() => ctx.close());
  await page.goto(server.url);
  await page.waitForSelector('#code');
  return { page, w, ctx };
}

async function workshop(page) {
  await page.click('#mode-workshop');
  await page.waitForSelector('#workshop');
}

async function check(page) {
  await page.click('#ws-check');
  await page.waitForSelector('#ws-result[data-state="passed"], #ws-result[data-state="failed"]', { timeout: 15000 });
  return page.$eval('#ws-result', (el) => el.dataset.state);
}

test('loop-variable exercise: Check lists what is left, the fix passes, the tick persists', async (t) => {
  const { page, w } = await open(t);
  const mainCode = await page.$eval('#code', (el) => el.value);
  await workshop(page);
  await page.waitForSelector('#ws-list');
  assert.equal(await page.$eval('#ws-ex-loopvar-closures', (el) => el.dataset.done), 'false');
  await page.click('#ws-ex-loopvar-closures');
  await page.waitForSelector('#ws-exercise[data-exercise="loopvar-closures"]');
  // The focus moves to the exercise (the button pressed is gone).
  await page.waitForFunction(() => document.activeElement?.id === 'ws-title');
  const start = await page.$eval('#code', (el) => el.value);
  assert.match(start, /prints = append\(prints, func\(\) \{ fmt\.Println\(i\) \}\)/);
  // The versions of the exercise are the app's: the findings panel analyses go1.21 → go1.22.
  assert.equal(await check(page), 'failed');
  const left = await page.$$eval('#ws-left li', (els) => els.map((e) => [e.dataset.rule, e.dataset.line, e.textContent]));
  assert.equal(left.length, 1, JSON.stringify(left));
  assert.equal(left[0][0], 'loopvar-closure-capture');
  assert.equal(left[0][1], '8');
  assert.match(left[0][2], /line 8/);
  // The line reference selects line 8 in the editor.
  await page.click('#ws-left .ws-line');
  const sel = await page.$eval('#code', (el) => [document.activeElement === el, el.value.slice(el.selectionStart, el.selectionEnd)]);
  assert.equal(sel[0], true);
  assert.equal(sel[1], start.split('\n')[7]);
  // A hint, then the fix typed into the editor.
  await page.click('#ws-hint');
  assert.equal(await page.$$eval('#ws-hints li', (l) => l.length), 1);
  assert.equal(await page.$eval('#ws-solution', (b) => b.disabled), true, 'the solution waits for the hints');
  const fixed = start.replace('for i := 0; i < 3; i++ {\n', 'for i := 0; i < 3; i++ {\n\t\ti := i\n');
  assert.notEqual(fixed, start);
  await page.fill('#code', fixed);
  assert.equal(await check(page), 'passed');
  await page.waitForSelector('#ws-passed-badge');
  await page.screenshot({ path: artifact('workshop-passed-light-1440.png'), fullPage: false });
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
  assert.deepEqual(stored.done, ['loopvar-closures']);
  await page.click('#ws-back');
  await page.waitForFunction(() => document.activeElement?.id === 'ws-ex-loopvar-closures');
  assert.equal(await page.$eval('#ws-ex-loopvar-closures', (el) => el.dataset.done), 'true');
  assert.match(await page.textContent('#ws-tab-lessons'), /Lessons \(1\/\d+\)/);
  // Leaving the workshop brings the main editor's text back, and the link is not the exercise.
  await page.click('#mode-code');
  assert.equal(await page.$eval('#code', (el) => el.value), mainCode);
  // Progress persists across a reload.
  await page.reload();
  await page.waitForSelector('#code');
  await workshop(page);
  assert.equal(await page.$eval('#ws-ex-loopvar-closures', (el) => el.dataset.done), 'true');
  assert.equal(await page.$eval('#ws-ex-loopvar-address', (el) => el.dataset.done), 'false');
  // Reset progress clears it.
  await page.click('#ws-reset');
  assert.equal(await page.$eval('#ws-ex-loopvar-closures', (el) => el.dataset.done), 'false');
  assert.deepEqual(w.errors, []);
  assert.deepEqual(w.foreign, []);
});

test('go.mod exercise: the go.mod box is part of what Check analyses', async (t) => {
  const { page, w } = await open(t);
  await workshop(page);
  await page.click('#ws-ex-godebug-gomod');
  await page.waitForSelector('#ws-gomod');
  assert.equal(await check(page), 'failed');
  const rules = await page.$$eval('#ws-left li', (els) => els.map((e) => e.dataset.rule));
  assert.ok(rules.includes('panic-nil-runtime-error'), JSON.stringify(rules));
  const gomod = await page.$eval('#ws-gomod', (el) => el.value);
  await page.fill('#ws-gomod', gomod + '\ngodebug panicnil=1\n');
  assert.equal(await check(page), 'passed');
  assert.deepEqual(w.errors, []);
});

test('env exercise: Check reads the env view, the edited listing passes', async (t) => {
  const { page, w } = await open(t);
  await workshop(page);
  await page.click('#ws-ex-env-gosumdb-off');
  await page.waitForSelector('#ws-exercise[data-kind="env"] ~ #env-view, #env-view');
  const text = await page.$eval('#env-input', (el) => el.value);
  assert.match(text, /^GOSUMDB='off'$/m);
  assert.equal(await check(page), 'failed');
  const left = await page.$$eval('#ws-left li', (els) => els.map((e) => [e.dataset.rule ?? null, e.dataset.line ?? null, e.textContent]));
  assert.deepEqual(left[0].slice(0, 2), ['goenv-gosumdb-off', '20']);
  assert.ok(left.some((l) => /git\.corp\.example/.test(l[2])), JSON.stringify(left));
  // The env view itself shows the same problem.
  await page.waitForSelector('#env-problems [data-check="goenv-gosumdb-off"]');
  await page.screenshot({ path: artifact('workshop-env-light-1440.png') });
  await page.click('#ws-left .ws-line');
  const sel = await page.$eval('#env-input', (el) => [document.activeElement === el, el.value.slice(el.selectionStart, el.selectionEnd)]);
  assert.deepEqual(sel, [true, "GOSUMDB='off'"]);
  const fixed = text.replace("GOSUMDB='off'", "GOSUMDB='sum.golang.org'").replace("GOPRIVATE=''", "GOPRIVATE='git.corp.example'");
  await page.fill('#env-input', fixed);
  assert.equal(await check(page), 'passed');
  // Deleting the listing does not pass.
  await page.fill('#env-input', '');
  assert.equal(await check(page), 'failed');
  assert.deepEqual(w.errors, []);
});

test('corrupt or hostile stored progress never breaks the page', async (t) => {
  for (const raw of ['{"done":', 'null', '[1,2]', '{"done":["<img src=x onerror=window.__pwned=1>","loopvar-closures"],"large":"yes","answers":{"a":"<b>x</b>"}}', 'x'.repeat(200000)]) {
    const { page, w } = await open(t, { init: `localStorage.setItem(${JSON.stringify(KEY)}, ${JSON.stringify(raw)})` });
    await workshop(page);
    await page.waitForSelector('#ws-list');
    const done = await page.$$eval('.ws-open[data-done="true"]', (els) => els.map((e) => e.id));
    assert.deepEqual(done, raw.includes('loopvar-closures') ? ['ws-ex-loopvar-closures'] : [], raw.slice(0, 40));
    // An unreadable value is reported once; a readable one keeps what is valid, silently.
    const unreadable = !raw.includes('loopvar-closures');
    assert.equal(await page.$$eval('#ws-storage-note', (l) => l.length), unreadable ? 1 : 0, raw.slice(0, 40));
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.$$eval('#workshop img', (l) => l.length), 0);
    assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-presenter')), null);
    // The page still works: an exercise opens and checks.
    await page.click('#ws-ex-range-int-old-go-line');
    assert.equal(await check(page), 'failed');
    assert.deepEqual(w.errors, [], raw.slice(0, 40));
  }
});

test('large-text toggle scales the workshop and the editor, and persists', async (t) => {
  for (const width of [1440, 360]) {
    const { page, w } = await open(t, { width, height: width === 360 ? 780 : 900 });
    await workshop(page);
    await page.click('#ws-ex-loopvar-address');
    await page.waitForSelector('#ws-goal');
    const size = () => page.$eval('#ws-goal', (el) => parseFloat(getComputedStyle(el).fontSize));
    const lineHeight = () => page.$eval('.workshop .editor .nums', (el) => el.getBoundingClientRect().height);
    const before = [await size(), await lineHeight()];
    await page.click('#ws-large');
    assert.equal(await page.$eval('#ws-large', (b) => b.getAttribute('aria-pressed')), 'true');
    const afterOn = [await size(), await lineHeight()];
    assert.ok(afterOn[0] >= before[0] * 1.2, `${width}px: goal font ${before[0]} → ${afterOn[0]}`);
    assert.ok(afterOn[1] >= before[1] * 1.15, `${width}px: editor ${before[1]} → ${afterOn[1]}`);
    // Nothing overflows the viewport horizontally.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `${width}px: page scrolls sideways by ${overflow}px`);
    await page.screenshot({ path: artifact(`workshop-large-${width}.png`) });
    await page.reload();
    await page.waitForSelector('#code');
    assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-presenter')), 'on');
    await workshop(page);
    await page.click('#ws-large');
    assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-presenter')), null);
    assert.deepEqual(w.errors, []);
  }
});

test('myth-or-fact deck: answer, verdict with evidence, live example in the env view', async (t) => {
  const { page, w } = await open(t);
  await workshop(page);
  await page.click('#ws-tab-myths');
  await page.waitForSelector('#ws-card[data-letter="a"]');
  assert.match(await page.textContent('#ws-claim'), /GODEBUG=stackguard=1073741824/);
  assert.equal(await page.$$eval('#ws-verdict', (l) => l.length), 0, 'the verdict waits for an answer');
  await page.click('#ws-fact');
  await page.waitForSelector('#ws-verdict[data-verdict="myth"]');
  assert.match(await page.textContent('#ws-verdict'), /Myth.*you said fact/);
  const evidence = await page.$$eval('#ws-evidence li', (l) => l.map((e) => e.textContent));
  assert.equal(evidence.length, 4);
  assert.match(evidence[1], /maxstacksize = 1000000000/);
  assert.ok(evidence.every((e) => !e.includes('**') && !e.includes('`')), 'markdown is rendered, not shown');
  assert.ok(await page.$$eval('#ws-evidence code', (l) => l.length) > 0);
  assert.match(await page.textContent('#ws-score'), /0 of 1/);
  await page.screenshot({ path: artifact('workshop-myth-light-1440.png') });
  // Next card, answered right.
  await page.click('#ws-next-card');
  await page.waitForSelector('#ws-card[data-letter="b"]');
  await page.click('#ws-myth');
  await page.waitForSelector('#ws-verdict[data-verdict="myth"]');
  assert.match(await page.textContent('#ws-score'), /1 of 2/);
  await page.click('#ws-prev');
  await page.waitForSelector('#ws-card[data-letter="a"] #ws-verdict');
  // The live example: the env view says stackguard is not a Go setting.
  await page.click('#ws-live');
  await page.waitForSelector('#env-input');
  assert.equal(await page.$eval('#mode-env', (b) => b.getAttribute('aria-pressed')), 'true');
  assert.match(await page.$eval('#env-input', (el) => el.value), /stackguard=1073741824/);
  const foreign = await page.waitForSelector('#godebug-foreign li[data-key="stackguard"]');
  assert.match(await foreign.textContent(), /stackguard=1073741824 is not a Go setting/);
  await page.waitForSelector('#env-problems [data-check="goenv-godebug-stackguard"]');
  // Back to the deck: the answers are kept.
  await workshop(page);
  await page.click('#ws-tab-myths');
  await page.waitForSelector('#ws-verdict');
  assert.deepEqual(w.errors, []);
});

test('screenshots: dark theme and 360 px', async (t) => {
  for (const [scheme, width] of [['dark', 1440], ['dark', 360], ['light', 360]]) {
    const { page, w } = await open(t, { scheme, width, height: width === 360 ? 780 : 900 });
    await workshop(page);
    await page.screenshot({ path: artifact(`workshop-list-${scheme}-${width}.png`), fullPage: true });
    await page.click('#ws-ex-mux-conflict');
    assert.equal(await check(page), 'failed');
    await page.click('#ws-hint');
    await page.screenshot({ path: artifact(`workshop-exercise-${scheme}-${width}.png`) });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `${scheme} ${width}px: page scrolls sideways by ${overflow}px`);
    await page.click('#ws-tab-myths');
    await page.click('#ws-partly');
    await page.screenshot({ path: artifact(`workshop-myth-${scheme}-${width}.png`), fullPage: true });
    assert.deepEqual(w.errors, []);
  }
});
