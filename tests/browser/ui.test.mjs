// Browser tests of the web app: `node --test tests/browser/ui.test.mjs` after
// `trunk build --release --offline` has filled dist/ (a debug build works but is ~10x
// slower; the large-paste test may then time out).
// playwright-core drives Debian's /usr/bin/chromium (never `npx playwright install`); every
// test gets a fresh profile directory. dist/ is served by a small in-process static server
// on 127.0.0.1 that also logs every request.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launchPersistent, markLoaded } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = process.env.GOCOMPAT_DIST || path.resolve(here, '../../dist');
const artifacts = path.join(here, 'artifacts');
fs.mkdirSync(artifacts, { recursive: true });

const RANGE_RULE = 'range-over-int-requires-go122';

let server;
let base;
/** While true, the server answers 404 for the worker's script (the fallback test), after
 * `breakWorkerAfter` ms. */
let breakWorker = false;
let breakWorkerAfter = 0;

before(async () => {
  assert.ok(fs.existsSync(path.join(dist, 'index.html')), `build the app first: ${dist}/index.html is missing`);
  server = await serveDist(dist, {
    intercept: (url, res) => {
      if (!(breakWorker && url.pathname === '/worker.js')) return false;
      setTimeout(() => res.writeHead(404).end(), breakWorkerAfter);
      return true;
    },
  });
  base = server.url;
});

after(() => server.close());

/** A fresh browser profile and a page on the app; `requests` logs every request the page makes. */
async function open(t, { hash = '', width = 1440, height = 900, scheme = 'light', waitWorker = true, init = null } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gocompat-chromium-'));
  const ctx = await launchPersistent(dir, { viewport: { width, height }, colorScheme: scheme });
  t.after(async () => { await ctx.close(); fs.rmSync(dir, { recursive: true, force: true }); });
  const requests = [];
  const errors = [];
  ctx.on('request', (r) => requests.push(r.url()));
  const page = ctx.pages()[0] || (await ctx.newPage());
  page.on('pageerror', (e) => errors.push(e.message));
  if (init) await ctx.addInitScript(init);
  const t0 = Date.now();
  await page.goto(base + hash);
  await page.waitForSelector('#diag-count, #env-input', { timeout: 30000 });
  const firstDiagnostics = Number(await page.getAttribute('html', 'data-first-diagnostics-ms')) || Date.now() - t0;
  if (waitWorker) await page.waitForSelector('#worker-state[data-state="ready"]', { timeout: 30000 });
  return { ctx, page, requests, errors, firstDiagnostics };
}

/** Waits until the analysis shown is the one of the text in the editor. */
async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('.editor-status .pending'), null, { timeout: 10000 });
}

async function code(page) {
  return page.$eval('#code', (el) => el.value);
}

const SAMPLE = `package main

import "fmt"

// 中文 😀 — non-ASCII before the finding.
func main() {
	for range 3 {
		fmt.Println("x")
	}
}
`;

/** 50 KB of comment lines: appended to a text, it takes the text over the size the page analyses
 * itself (src/ui/route.rs, 48 KB), so that the worker analyses it. */
const PADDING = Array.from({ length: 1000 }, (_, i) => `// padding line ${String(i).padStart(4, '0')}: this text goes to the worker.`).join('\n') + '\n';

test('defaults: range over int is an error from go1.21 and disappears from go1.22', async (t) => {
  const { page, errors, firstDiagnostics } = await open(t);
  t.diagnostic(`cold load to first diagnostics (performance.now() at the first render): ${firstDiagnostics} ms`);
  assert.equal(await page.$eval('#from-version', (e) => e.value), '1.21');
  assert.equal(await page.$eval('#to-version', (e) => e.value), '1.22');
  const froms = await page.$$eval('#from-version option', (os) => os.map((o) => o.value));
  for (const v of ['1.16', '1.17', '1.18', '1.19', '1.20', '1.21', '1.22', '1.23', '1.24']) assert.ok(froms.includes(v), v);
  assert.match(await code(page), /for i := range 10/);
  await page.waitForSelector(`mark[data-rule="${RANGE_RULE}"]`);
  await page.waitForSelector(`#diagnostics [data-rule="${RANGE_RULE}"]`);
  assert.match(await page.textContent('#diag-count'), /^1 finding$/);
  await page.selectOption('#from-version', '1.22');
  await page.waitForSelector(`mark[data-rule="${RANGE_RULE}"]`, { state: 'detached' });
  assert.equal(await page.$$eval(`#diagnostics [data-rule]`, (l) => l.length), 0);
  assert.match(await page.textContent('#diag-count'), /^0 findings$/);
  assert.match(await page.textContent('#empty-state'), /^\d+ rules for go1\.22 → go1\.22: no hazards\.$/);
  assert.deepEqual(errors, []);
});

test('pasted code is analysed (on the page: a small text): underline, gutter marker and list item', async (t) => {
  const { page } = await open(t);
  await page.fill('#code', SAMPLE);
  await settled(page);
  await page.waitForSelector(`mark[data-rule="${RANGE_RULE}"]`);
  assert.equal(await page.textContent(`mark[data-rule="${RANGE_RULE}"]`), '3');
  assert.match(await page.textContent('.editor-status'), /on the page/);
  assert.equal(await page.$$eval('.gutter .gmark', (l) => l.length), 1);
  const item = await page.textContent(`#diagnostics li[data-rule="${RANGE_RULE}"]`);
  assert.match(item, /line 7:12/);
  // The underline is drawn: the mark has a wavy text decoration.
  const deco = await page.$eval(`mark[data-rule="${RANGE_RULE}"]`, (m) => getComputedStyle(m).textDecorationStyle);
  assert.equal(deco, 'wavy');
});

test('typing keeps every listed finding true: moved, shifted and reworded findings update (the list skips only unchanged ones)', async (t) => {
  const { page } = await open(t);
  await page.fill('#code', SAMPLE);
  await settled(page);
  const item = `#diagnostics li[data-rule="${RANGE_RULE}"]`;
  assert.match(await page.textContent(`${item} .where`), /^line 7:12$/);
  const msg = await page.textContent(`${item} .msg`);
  assert.match(msg, /\b3\b/);
  const typeAt = async (needle, keys) => {
    const at = (await code(page)).indexOf(needle);
    assert.ok(at >= 0, needle);
    await page.focus('#code');
    await page.$eval('#code', (ta, at) => ta.setSelectionRange(at, at), at);
    for (const k of keys) await page.keyboard.press(k);
    await settled(page);
  };
  // Same line, later column: "for range 3" -> "for  range 3".
  await typeAt('range 3', ['Space']);
  assert.match(await page.textContent(`${item} .where`), /^line 7:13$/);
  // A line above: every finding moves down one line.
  await typeAt('func main', ['Enter']);
  assert.match(await page.textContent(`${item} .where`), /^line 8:13$/);
  // The same finding, reworded: 3 -> 31.
  await typeAt('3 {', ['ArrowRight', '1']);
  const reworded = await page.textContent(`${item} .msg`);
  assert.notEqual(reworded, msg);
  assert.match(reworded, /\b31\b/);
  // Its jump still selects its span in the current text.
  await page.click(`${item} .diag-jump`);
  const sel = await page.$eval('#code', (ta) => ta.value.slice(ta.selectionStart, ta.selectionEnd));
  assert.equal(sel, '31');
});

test('clicking a finding selects its span in the textarea (UTF-16 offsets)', async (t) => {
  const { page } = await open(t);
  await page.fill('#code', SAMPLE);
  await settled(page);
  await page.click(`#diagnostics li[data-rule="${RANGE_RULE}"] .diag-jump`);
  const sel = await page.$eval('#code', (el) => [el.selectionStart, el.selectionEnd, document.activeElement === el]);
  const at = SAMPLE.indexOf('range 3') + 'range '.length; // JS strings count UTF-16 units
  assert.deepEqual(sel, [at, at + 1, true]);
  await page.waitForSelector('#popup');
});

test('hover shows the popup with message, why, source link and fix', async (t) => {
  const { page } = await open(t);
  const box = await page.locator(`mark[data-rule="${RANGE_RULE}"]`).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForSelector('#popup');
  const text = await page.textContent('#popup');
  assert.match(text, /cannot range over 10/);
  assert.match(text, /Safe fix/);
  const href = await page.$eval('#popup a', (a) => a.href);
  assert.match(href, /^https:\/\/go\.dev\//);
  await page.screenshot({ path: path.join(artifacts, 'popup-light.png') });
  await page.mouse.move(5, 5);
  await page.waitForSelector('#popup', { state: 'detached' });
});

test('apply a fix gives the expected text; Undo restores the exact text', async (t) => {
  const { page } = await open(t);
  const original = await code(page);
  const li = page.locator(`#diagnostics li[data-rule="${RANGE_RULE}"]`);
  await li.locator('.preview-fix').click();
  const diff = await li.locator('.diff').textContent();
  assert.match(diff, /- \tfor i := range 10 \{/);
  assert.match(diff, /\+ \tfor i := 0; i < 10; i\+\+ \{/);
  await li.locator('.apply-fix').click();
  assert.equal(await code(page), original.replace('for i := range 10 {', 'for i := 0; i < 10; i++ {'));
  await settled(page);
  assert.match(await page.textContent('#diag-count'), /^0 findings$/);
  await page.click('#undo');
  assert.equal(await code(page), original);
  await settled(page);
  assert.match(await page.textContent('#diag-count'), /^1 finding$/);
});

test('apply all safe fixes, then undo', async (t) => {
  const { page } = await open(t);
  const two = 'package main\n\nfunc main() {\n\tfor i := range 3 {\n\t\t_ = i\n\t}\n\tfor j := range 4 {\n\t\t_ = j\n\t}\n}\n';
  await page.fill('#code', two);
  await settled(page);
  assert.match(await page.textContent('#diag-count'), /^2 findings$/);
  await page.click('#apply-all-safe');
  assert.equal(await code(page), two.replace('i := range 3', 'i := 0; i < 3; i++').replace('j := range 4', 'j := 0; j < 4; j++'));
  await page.click('#undo');
  assert.equal(await code(page), two);
});

test('share link round trip in a new page', async (t) => {
  const { page } = await open(t);
  await page.fill('#code', SAMPLE);
  await page.selectOption('#to-version', '1.23');
  await page.waitForFunction(() => location.hash.startsWith('#v=1&z='), null, { timeout: 5000 });
  await page.waitForTimeout(1200); // the URL is written at most once a second
  const url = page.url();
  const other = await open(t, { hash: url.slice(base.length) });
  assert.equal(await code(other.page), SAMPLE);
  assert.equal(await other.page.$eval('#to-version', (e) => e.value), '1.23');
  await other.page.waitForSelector(`mark[data-rule="${RANGE_RULE}"]`);
});

test('hostile or broken links never break the page', async (t) => {
  const bomb = 'v=1&z=' + 'A'.repeat(200000);
  for (const hash of ['#v=1&z=!!!!', '#v=9&z=abc', '#v=1&z=AAAA', '#' + bomb, '#v=1&mode=<script>&z=', '#%E0%A4%A']) {
    const { page, errors } = await open(t, { hash, waitWorker: false });
    await page.waitForSelector('#code');
    assert.deepEqual(errors, [], hash.slice(0, 40));
    assert.match(await code(page), /package main/);
  }
  const { page } = await open(t, { hash: '#v=1&z=!!!!', waitWorker: false });
  assert.match(await page.textContent('.notes'), /This link could not be read/);
});

test('a local draft comes back when the URL has no state', async (t) => {
  const { page } = await open(t);
  await page.fill('#code', SAMPLE);
  await page.waitForTimeout(1300);
  await page.goto(base);
  await page.waitForSelector('#diag-count');
  assert.equal(await code(page), SAMPLE);
  assert.match(await page.textContent('#status'), /Restored your last draft/);
});

test('theme toggle switches and is remembered; screenshots of both themes', async (t) => {
  const { page } = await open(t, { scheme: 'light' });
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await bg();
  await page.screenshot({ path: path.join(artifacts, 'app-light-1440.png') });
  await page.click('#theme-toggle');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  const dark = await bg();
  assert.notEqual(light, dark);
  await page.reload();
  await page.waitForSelector('#diag-count');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  await page.screenshot({ path: path.join(artifacts, 'app-dark-1440.png') });
  const box = await page.locator(`mark[data-rule="${RANGE_RULE}"]`).boundingBox();
  await page.mouse.move(box.x + 2, box.y + box.height / 2);
  await page.waitForSelector('#popup');
  await page.screenshot({ path: path.join(artifacts, 'popup-dark.png') });
  // prefers-color-scheme: dark is followed when nothing was chosen.
  const d = await open(t, { scheme: 'dark', width: 360, height: 740 });
  assert.equal(await d.page.evaluate(() => getComputedStyle(document.body).backgroundColor), dark);
  await d.page.screenshot({ path: path.join(artifacts, 'app-dark-360.png'), fullPage: true });
  const l = await open(t, { scheme: 'light', width: 360, height: 740 });
  await l.page.screenshot({ path: path.join(artifacts, 'app-light-360.png'), fullPage: true });
  const overflow = await l.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal page scroll at 360px (overflow ${overflow}px)`);
});

test('no network request after load', async (t) => {
  const { page, requests } = await open(t);
  await page.waitForSelector('html[data-offline="ready"]', { timeout: 30000 }); // the service worker cached the app
  await page.waitForTimeout(500);
  markLoaded(page); // from here on any request of the page fails the test (harness.mjs)
  const before = requests.length;
  await page.fill('#code', SAMPLE);
  await settled(page);
  await page.selectOption('#from-version', '1.20');
  await page.selectOption('#example', 'mux');
  await page.click('#mode-env');
  await page.click('#mode-code');
  await page.click('#theme-toggle');
  const box = await page.locator('mark').first().boundingBox().catch(() => null);
  if (box) await page.mouse.move(box.x + 1, box.y + 1);
  await page.waitForTimeout(1500);
  assert.deepEqual(requests.slice(before), []);
  assert.ok(requests.every((u) => u.startsWith(base)), 'only the page origin is contacted');
});

test('Tab inserts a tab; Esc then Tab leaves the editor', async (t) => {
  const { page } = await open(t);
  await page.fill('#code', 'package main\n');
  await page.focus('#code');
  await page.$eval('#code', (el) => el.setSelectionRange(el.value.length, el.value.length));
  await page.keyboard.press('Tab');
  assert.equal(await code(page), 'package main\n\t');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'code');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement.id), 'code');
  assert.equal(await code(page), 'package main\n\t');
});

test('examples menu and the go env mode (kept in the URL)', async (t) => {
  const { page } = await open(t);
  await page.selectOption('#example', 'loopvar');
  assert.match(await code(page), /go func\(\)/);
  assert.equal(await page.$eval('#from-version', (e) => e.value), '1.21');
  await page.click('#mode-env');
  await page.waitForSelector('#env-input');
  assert.match(await page.textContent('#env-view .env-empty'), /Paste what/);
  await page.waitForFunction(() => location.hash.includes('mode=env'));
  const url = page.url();
  const other = await open(t, { hash: url.slice(base.length), waitWorker: false });
  await other.page.waitForSelector('#env-input');
  assert.equal(await other.page.getAttribute('#mode-env', 'aria-pressed'), 'true');
});

test('if the worker cannot start, the page says so, and analyses only small texts itself', async (t) => {
  breakWorker = true;
  t.after(() => { breakWorker = false; });
  const { page, errors } = await open(t, { waitWorker: false });
  await page.waitForSelector('#worker-note');
  assert.match(await page.textContent('#worker-note'), /could not start/);
  assert.match(await page.textContent('#worker-note'), /over 48 KB cannot be analysed/);
  assert.match(await page.textContent('#worker-note'), /Reload the page/);
  assert.equal(await page.getAttribute('#worker-state', 'data-state'), 'failed');
  // A small text is analysed on the page.
  await page.fill('#code', SAMPLE);
  await page.waitForSelector(`mark[data-rule="${RANGE_RULE}"]`);
  assert.equal(await page.getAttribute('.editor-status', 'data-analysed-on'), 'page');
  // A large one needs the worker: typing still works and is coloured (the lexer runs on the
  // page), but it is not analysed, and the small text's findings are gone.
  const large = SAMPLE + '\n' + PADDING;
  await page.$eval('#code', (ta, text) => { ta.value = text; ta.dispatchEvent(new InputEvent('input', { bubbles: true })); }, large);
  await page.waitForFunction(() => /Not analysed: code over 48 KB needs the analysis worker/.test(document.querySelector('.editor-status').textContent));
  assert.equal(await code(page), large);
  assert.ok(await page.$$eval('.hl .tok-kw', (l) => l.length) > 0);
  assert.equal(await page.$$eval('mark[data-rule]', (l) => l.length), 0);
  assert.equal(await page.textContent('#diag-count'), 'Not analysed');
  // The go env view does not need the worker: it resolves the paste on the page.
  await page.click('#mode-env');
  await page.fill('#env-input', "GOFLAGS='-mod=mod'\n");
  await page.waitForSelector('#env-table tr[data-var="GOFLAGS"]');
  assert.deepEqual(errors, []);
});

test('a worker that fails with a large text in flight and a small one waiting: the small one is analysed on the page', async (t) => {
  breakWorker = true;
  breakWorkerAfter = 3000;
  t.after(() => { breakWorker = false; breakWorkerAfter = 0; });
  const { page, errors } = await open(t, { waitWorker: false });
  assert.equal(await page.getAttribute('#worker-state', 'data-state'), 'starting');
  const set = (text) => page.$eval('#code', (ta, text) => { ta.value = text; ta.dispatchEvent(new InputEvent('input', { bubbles: true })); }, text);
  // The large text waits for the worker; the small one waits for the large one's reply.
  await set(SAMPLE + PADDING);
  await set(SAMPLE);
  assert.equal(await page.getAttribute('.editor-status', 'data-fresh'), 'false');
  await page.waitForSelector('#worker-note', { timeout: 20000 });
  await page.waitForSelector(`mark[data-rule="${RANGE_RULE}"]`);
  assert.equal(await page.getAttribute('.editor-status', 'data-fresh'), 'true');
  assert.equal(await page.getAttribute('.editor-status', 'data-analysed-on'), 'page');
  assert.match(await page.textContent('#diag-count'), /^\d+ findings?$/);
  assert.deepEqual(errors, []);
});

test('a large paste stays responsive', async (t) => {
  const { page } = await open(t);
  const body = Array.from({ length: 1000 }, (_, i) => `\tfor i${i} := range ${i + 1} {\n\t\t_ = i${i}\n\t}`).join('\n');
  const big = `package main\n\nfunc main() {\n${body}\n}\n`;
  const t0 = Date.now();
  // (page.fill types through execCommand, which is slow on 100 KB in Chromium itself.)
  await page.$eval('#code', (ta, text) => {
    ta.value = text;
    ta.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, big);
  await settled(page);
  await page.waitForFunction(() => document.querySelector('#diag-count').textContent === '1000 findings', null, { timeout: 30000 });
  const analysed = Date.now() - t0;
  // One keystroke at the end of a 3000-line file: time until the next frame is painted.
  const keystroke = await page.evaluate(async () => {
    const ta = document.querySelector('#code');
    const t = performance.now();
    ta.value = ta.value + ' ';
    ta.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t;
  });
  t.diagnostic(`3000 lines, 1000 findings: shown after ${analysed} ms; one keystroke handled in ${keystroke.toFixed(0)} ms`);
  // Only the lines near the visible part are drawn (src/ui/viewport.rs): the rest is padding
  // of the same height, so the textarea and the drawn layer stay aligned.
  const drawn = await page.$$eval('.code-layer .line', (l) => l.length);
  assert.ok(drawn > 40 && drawn < 300, `drawn lines: ${drawn}`);
  const marksTop = await page.$$eval('mark[data-rule]', (l) => l.length);
  assert.ok(marksTop > 0 && marksTop < 200, `marks drawn at the top: ${marksTop}`);
  const heights = await page.evaluate(() => [document.querySelector('.code-layer pre.hl').offsetHeight,
    document.querySelector('#code').offsetHeight, document.querySelector('.gutter .nums').offsetHeight]);
  assert.equal(heights[0], heights[1], `layer and textarea heights: ${heights}`);
  assert.ok(Math.abs(heights[0] - (3005 * 21 + 20)) <= 21, `the layer is as tall as 3,005 lines: ${heights}`);
  assert.ok(Math.abs(heights[2] + 20 - heights[0]) <= 1, `the line numbers are as tall: ${heights}`);
  assert.equal(await page.$$eval('#diagnostics li[data-rule]', (l) => l.length), 100);
  await page.click('.show-all');
  assert.equal(await page.$$eval('#diagnostics li[data-rule]', (l) => l.length), 1000);
  // Scrolling to the end draws the end: the last line's number and the last finding's mark.
  await page.$eval('.editor-scroll', (s) => { s.scrollTop = s.scrollHeight; });
  await page.waitForFunction(() => document.querySelector('.gutter .nums').textContent.trim().endsWith('3005'));
  // (The keystroke above typed a space after the final newline: the last line is ' '.)
  const tail = await page.$$eval('.code-layer .line', (l) => l.slice(-3).map((x) => x.textContent));
  assert.deepEqual(tail, ['\t}', '}', ' ']);
  // Jumping to the first finding (now far above) scrolls back, draws its mark and opens its popup.
  await page.click('#diagnostics li[data-rule] .diag-jump');
  await page.waitForSelector('#popup');
  const mark = await page.$eval('mark.active', (m) => m.textContent);
  assert.equal(mark, '1');
  const inView = await page.$eval('mark.active', (m) => {
    const r = m.getBoundingClientRect(), s = document.querySelector('.editor-scroll').getBoundingClientRect();
    return r.top >= s.top && r.bottom <= s.bottom;
  });
  assert.ok(inView, 'the jumped-to mark is inside the visible part of the editor');
});

test('the caret inside a finding opens its popup (keyboard users); Esc closes it', async (t) => {
  const { page } = await open(t);
  const at = (await code(page)).indexOf('range 10') + 'range '.length + 1;
  await page.focus('#code');
  await page.$eval('#code', (el, at) => el.setSelectionRange(at, at), at);
  await page.keyboard.press('ArrowLeft');
  await page.waitForSelector('#popup');
  assert.match(await page.textContent('#popup'), /cannot range over 10/);
  await page.keyboard.press('Escape');
  await page.waitForSelector('#popup', { state: 'detached' });
});

test('fast typing: stale replies are dropped and the final text is what is shown', async (t) => {
  const { page } = await open(t);
  await page.fill('#code', 'package main\n\nfunc main() {\n\tfor range 1 {\n\t}\n}\n');
  await settled(page);
  await page.focus('#code');
  await page.$eval('#code', (el) => { const i = el.value.indexOf('1 {'); el.setSelectionRange(i + 1, i + 1); });
  await page.keyboard.type('2345', { delay: 30 });
  await settled(page);
  assert.equal(await page.textContent(`mark[data-rule="${RANGE_RULE}"]`), '12345');
  assert.match(await page.textContent(`#diagnostics li[data-rule="${RANGE_RULE}"]`), /12345/);
});

/**
 * An init script: `window.__log` gets, in order, each request the page posts to a worker
 * (`{ req, bytes }`) and the editor's text at each input event (`{ input }`). With
 * `window.__cancel` set, a page script cancels each input after the app heard its beforeinput.
 */
const logWorkerTraffic = () => {
  window.__log = [];
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (m, ...rest) {
    if (typeof m === 'string') window.__log.push({ req: JSON.parse(m), bytes: m.length });
    return post.call(this, m, ...rest);
  };
  document.addEventListener('input', (e) => window.__log.push({ input: e.target.value }), true);
  window.addEventListener('beforeinput', (e) => { if (window.__cancel) e.preventDefault(); });
};

test('a keystroke sends the worker only the edit; its findings are those of the whole text', async (t) => {
  const { page } = await open(t, { init: logWorkerTraffic });
  const funcs = Array.from({ length: 1200 }, (_, i) => `func f${i}() {\n\tfor range 3 {\n\t\tfmt.Println("${i}")\n\t}\n}\n`);
  const text = `package main\n\nimport "fmt"\n\n${funcs.join('\n')}`;
  // (Set at once, as a paste does: page.fill types a long text key by key.)
  await page.$eval('#code', (ta, text) => {
    ta.value = text;
    ta.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, text);
  await settled(page);
  const count = await page.textContent('#diag-count');
  const before = await page.evaluate(() => window.__log.length);
  await page.focus('#code');
  await page.$eval('#code', (el) => { const i = el.value.indexOf('func f600()'); el.setSelectionRange(i, i); });
  for (const key of ['x', 'Backspace', 'Enter', 'Backspace']) {
    await page.keyboard.press(key);
    await settled(page);
  }
  const sent = (await page.evaluate((n) => window.__log.slice(n), before)).filter((e) => e.req);
  assert.ok(text.length > 50000 && sent.length >= 4, `${text.length} bytes, ${sent.length} requests`);
  for (const m of sent) {
    assert.ok(m.bytes < 1000 && m.req.splice, `a keystroke posted ${m.bytes} bytes: ${JSON.stringify(m.req).slice(0, 200)}`);
  }
  // Back at the pasted text, the findings are the ones it had.
  assert.equal(await code(page), text);
  assert.equal(await page.textContent('#diag-count'), count);
});

test('a typed key is sent to the worker from its beforeinput event, once; a cancelled input leaves no stale findings', async (t) => {
  const { page } = await open(t, { init: logWorkerTraffic });
  // (Over the size the page analyses itself.)
  const padded = SAMPLE + PADDING;
  await page.$eval('#code', (ta, text) => { ta.value = text; ta.dispatchEvent(new InputEvent('input', { bubbles: true })); }, padded);
  await settled(page);
  assert.equal(await page.getAttribute('.editor-status', 'data-analysed-on'), 'worker');
  const count = await page.textContent('#diag-count');
  await page.focus('#code');
  await page.$eval('#code', (el) => { const i = el.value.indexOf('func main()'); el.setSelectionRange(i, i); });
  for (const key of ['x', 'Backspace', 'Enter', 'Backspace']) {
    const n = await page.evaluate(() => window.__log.length);
    await page.keyboard.press(key);
    await settled(page);
    const log = await page.evaluate((n) => window.__log.slice(n), n);
    // One request, posted before the input event: the text the key made, not sent again.
    assert.equal(log.length, 2, `${key}: ${JSON.stringify(log).slice(0, 300)}`);
    assert.ok('input' in log[1], `${key}: ${JSON.stringify(log).slice(0, 300)}`);
    assert.equal(log[0].req?.kind, 'analyze', key);
  }
  assert.equal(await code(page), padded);
  assert.equal(await page.textContent('#diag-count'), count);
  // Cancelled: the guess of "y" is analysed, then the editor's own text is, and shown.
  await page.evaluate(() => { window.__cancel = true; });
  const n = await page.evaluate(() => window.__log.length);
  await page.keyboard.press('y');
  await page.waitForFunction((n) => window.__log.length >= n + 2, n);
  await settled(page);
  // Two requests, each under a new id (a follow-up under the guess's id was dropped as not
  // newer than the analysis shown, and sent again).
  const ids = (await page.evaluate((n) => window.__log.slice(n), n)).map((e) => e.req.id);
  assert.equal(ids.length, 2, JSON.stringify(ids));
  assert.ok(ids[1] > ids[0], JSON.stringify(ids));
  assert.equal(await code(page), padded);
  assert.equal(await page.getAttribute('.editor-status', 'data-fresh'), 'true');
  assert.equal(await page.textContent('#diag-count'), count);
});

test('in a small text, a typed key\'s findings are in the DOM by the frame that paints the key (analysed on the page; no worker message)', async (t) => {
  const { page } = await open(t, { init: logWorkerTraffic });
  await page.fill('#code', SAMPLE);
  await settled(page);
  assert.equal(await page.getAttribute('.editor-status', 'data-analysed-on'), 'page');
  await page.focus('#code');
  await page.$eval('#code', (el) => { const i = el.value.indexOf('range 3') + 'range 3'.length; el.setSelectionRange(i, i); });
  // At the first animation frame after each keydown (the frame that paints the typed
  // character): which analysis the editor shows, and the marked text.
  await page.evaluate(() => {
    window.__frames = [];
    document.addEventListener('keydown', () => {
      const status = () => document.querySelector('.editor-status');
      const before = Number(status().dataset.shownId);
      requestAnimationFrame(() => window.__frames.push({
        before, shown: Number(status().dataset.shownId), fresh: status().dataset.fresh,
        marks: [...document.querySelectorAll(`mark[data-rule]`)].map((m) => m.textContent),
      }));
    }, true);
  });
  const n = await page.evaluate(() => window.__log.length);
  const want = [['0', '30'], ['Backspace', '3'], ['5', '35'], ['Backspace', '3']];
  for (const [i, [key]] of want.entries()) {
    await page.keyboard.press(key);
    await page.waitForFunction((k) => window.__frames.length === k, i + 1);
    await settled(page);
  }
  const frames = await page.evaluate(() => window.__frames);
  for (const [i, f] of frames.entries()) {
    assert.ok(f.shown > f.before && f.fresh === 'true', `key ${want[i][0]}: ${JSON.stringify(f)}`);
    assert.deepEqual(f.marks, [want[i][1]], `key ${want[i][0]}`);
  }
  // Nothing went to the worker: only the input events are in the log.
  const log = await page.evaluate((n) => window.__log.slice(n), n);
  assert.ok(log.length === want.length && log.every((e) => 'input' in e), JSON.stringify(log).slice(0, 300));
  assert.equal(await code(page), SAMPLE);
});

test('a text that grows past 48 KB moves to the worker and back to the page, with the same findings', async (t) => {
  const { page } = await open(t);
  const set = (text) => page.$eval('#code', (ta, text) => { ta.value = text; ta.dispatchEvent(new InputEvent('input', { bubbles: true })); }, text);
  const shown = async () => [await page.getAttribute('.editor-status', 'data-analysed-on'),
    await page.$$eval('#diagnostics li[data-rule]', (l) => l.map((e) => e.textContent))];
  await set(SAMPLE);
  await settled(page);
  const [on, small] = await shown();
  assert.equal(on, 'page');
  assert.ok(small.length > 0);
  await set(SAMPLE + PADDING);
  await settled(page);
  const [on2, large] = await shown();
  assert.equal(on2, 'worker');
  assert.deepEqual(large, small);
  // Back under: the page holds an older text than the one shown, so the whole text goes to it.
  await page.focus('#code');
  await page.$eval('#code', (el, n) => el.setSelectionRange(n, el.value.length), SAMPLE.length);
  await page.keyboard.press('Delete');
  await settled(page);
  assert.equal(await code(page), SAMPLE);
  assert.deepEqual(await shown(), ['page', small]);
  assert.equal(await page.getAttribute('.editor-status', 'data-fresh'), 'true');
});

test('every text the editor guesses from a beforeinput event is the text the input makes', async (t) => {
  const { page } = await open(t, { init: logWorkerTraffic });
  // (Over the size the page analyses itself.)
  const start = 'package main\n\nfunc main() {\n\tx := "a😀b e\u0301 中"\n\t_ = x\n}\n' + PADDING;
  await page.$eval('#code', (ta, text) => { ta.value = text; ta.dispatchEvent(new InputEvent('input', { bubbles: true })); }, start);
  await settled(page);
  assert.equal(await page.getAttribute('.editor-status', 'data-analysed-on'), 'worker');
  await page.focus('#code');
  const caret = async (needle, after = 0) => page.$eval('#code', (el, [n, a]) => { const i = el.value.indexOf(n) + a; el.setSelectionRange(i, i); }, [needle, after]);
  const enc = new TextEncoder(), dec = new TextDecoder();
  let guesses = 0, unguessed = 0;
  // [where the caret goes, what is typed]: ASCII, Enter, Tab, Delete, a selection replaced,
  // non-ASCII text, and deletions beside an emoji, a combining accent and a CJK character.
  // `true`: a key beside ASCII text, which must be guessed.
  const steps = [
    [['x :=', 0], 'y', true], [null, 'Backspace', true], [null, 'Enter', true], [null, 'Backspace', true],
    // (Tab is inserted by the app's keydown handler, inside which the guess waits for Yew.)
    [null, 'Tab'], [null, 'Backspace', true], [['x :=', 0], 'Delete', true], [null, 'x', true],
    [['a😀b', 1], 'Shift+ArrowRight'], [null, 'z', true], [null, 'Control+z'],
    [['a😀b', 3], 'Backspace'], [['e\u0301', 2], 'Backspace'], [['中', 1], 'Backspace'], [['中', 0], 'Delete'],
    [['_ = x', 5], 'ü'], [null, 'Backspace'],
  ];
  for (const [at, key, ascii] of steps) {
    if (at) await caret(...at);
    const before = await code(page);
    const n = await page.evaluate(() => window.__log.length);
    if (key.length === 1 && key.charCodeAt(0) > 127) await page.keyboard.insertText(key);
    else await page.keyboard.press(key);
    await settled(page);
    const log = await page.evaluate((n) => window.__log.slice(n), n);
    const input = log.findIndex((e) => 'input' in e);
    const guess = log.slice(0, input < 0 ? log.length : input).find((e) => e.req?.kind === 'analyze');
    assert.ok(guess || !ascii, `${key} at ${JSON.stringify(at)} was not guessed: ${JSON.stringify(log).slice(0, 300)}`);
    if (!guess) { unguessed++; continue; }
    guesses++;
    // The guess as sent: an edit (byte offsets) of the text the page showed before the key.
    const sp = guess.req.splice;
    const b = enc.encode(before);
    const text = sp ? dec.decode(b.slice(0, sp.start)) + guess.req.code + dec.decode(b.slice(sp.end)) : guess.req.code;
    assert.ok(input >= 0, `${key}: guessed ${JSON.stringify(text)} but no input came`);
    assert.equal(text, log[input].input, `${key} at ${JSON.stringify(at)}`);
  }
  // The ASCII keys are guessed; the rest leave it to the input event.
  assert.ok(guesses >= 8 && unguessed >= 3, `${guesses} guessed, ${unguessed} not`);
});

test('Copy link puts the share link on the clipboard; too large a state says so', async (t) => {
  const { ctx, page } = await open(t);
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  await page.fill('#code', SAMPLE);
  await page.click('#copy-link');
  await page.waitForFunction(() => /Link copied/.test(document.querySelector('#status').textContent));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, page.url());
  assert.match(copied, /#v=1&z=/);
  // 200 KB of incompressible text cannot be a link: a clear message, the draft is kept.
  let seed = 7;
  const noise = Array.from({ length: 20000 }, () => { seed = (seed * 1103515245 + 12345) % 2147483648; return 'v' + seed.toString(36); }).join(' ');
  await page.$eval('#code', (ta, text) => { ta.value = text; ta.dispatchEvent(new InputEvent('input', { bubbles: true })); }, `package main\n\n// ${noise}\n`);
  await page.click('#copy-link');
  await page.waitForSelector('#share-error');
  assert.match(await page.textContent('#status'), /Too large to share as a link/);
  assert.equal(new URL(page.url()).hash, '');
});

test('keyboard focus on a finding highlights its span in the editor', async (t) => {
  const { page } = await open(t);
  await page.focus(`#diagnostics li[data-rule="${RANGE_RULE}"] .diag-jump`);
  await page.waitForSelector(`mark.active[data-rule="${RANGE_RULE}"]`);
  const focusVisible = await page.$eval(`#diagnostics li[data-rule="${RANGE_RULE}"] .diag-jump`, (b) => getComputedStyle(b).outlineStyle);
  assert.notEqual(focusVisible, 'none');
});
