// The embeddable widget: a plain host page on another origin (http://localhost:<port>) loads
// widget.js from the app's server (http://127.0.0.1:<port>) and embeds two examples. Checks
// that both render their own findings, size themselves, do not interfere, link to the
// playground with their state, and that hostile messages change nothing.
// Run after `trunk build --offline` (debug or release) has filled dist/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serveDist, artifact } from './harness.mjs';

const LOOPVAR = 'loopvar-closure-capture';
const RANGE = 'range-over-int-requires-go122';

const LOOP_CODE = `package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for _, name := range []string{"ada", "grace", "ken"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println("hello,", name)
		}()
	}
	wg.Wait()
}
`;
const RANGE_CODE = `package main

import "fmt"

func main() {
	for i := range 3 {
		fmt.Println(i)
	}
}
`;
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
// Docs indent their code: widget.js removes the common indentation.
const indent = (s) => s.split('\n').map((l) => (l ? '    ' + l : l)).join('\n');

let app;
let host;
let hostUrl;

function hostPage(widgetSrc) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Some Go documentation</title>
<style>
  body { font: 16px/1.5 Georgia, serif; max-width: 820px; margin: 24px auto; padding: 0 16px; }
  @media (prefers-color-scheme: dark) { body { background: #16181c; color: #ddd; } a { color: #8cf; } }
</style></head>
<body>
<h1>Loops in Go 1.22</h1>
<p>Each iteration now has its own variable:</p>
<pre id="w1" data-gocompat data-from="1.21" data-to="1.22" data-readonly>
${esc(indent(LOOP_CODE))}</pre>
<p>And integers can be ranged over:</p>
<div id="w2" data-gocompat data-from="go1.21" data-to="1.23" data-theme="dark">${esc(RANGE_CODE)}</div>
<p>The end.</p>
<script src="${widgetSrc}"></script>
<script src="${widgetSrc}" async></script>
</body></html>`;
}

before(async () => {
  app = await serveDist();
  host = http.createServer((req, res) => {
    if (new URL(req.url, 'http://x').pathname !== '/') { res.writeHead(204).end(); return; } // favicon
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPage(`${app.url}widget.js`));
  });
  await new Promise((r) => host.listen(0, '127.0.0.1', r));
  // Another origin than the app's: a host name instead of the address, another port.
  hostUrl = `http://localhost:${host.address().port}/`;
});

after(async () => {
  await app.close();
  await new Promise((r) => host.close(r));
});

async function browser(t, { scheme = 'light', width = 1100, height = 900 } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gocompat-embed-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width, height }, colorScheme: scheme,
  });
  t.after(async () => { await ctx.close(); fs.rmSync(dir, { recursive: true, force: true }); });
  const errors = [];
  const foreign = [];
  const workers = [];
  ctx.on('request', (r) => {
    const u = r.url();
    if (new URL(u).pathname.endsWith('/worker.js')) workers.push(u);
    if (!u.startsWith(app.url) && !u.startsWith(hostUrl) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  const page = ctx.pages()[0] || (await ctx.newPage());
  page.on('pageerror', (e) => errors.push(`host: ${e.message}`));
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
  page.on('console', (m) => { if (m.type() === 'error' || (m.type() === 'warning' && /gocompat/i.test(m.text()))) errors.push(`console: ${m.text()}`); });
  return { ctx, page, errors, foreign, workers };
}

/** Opens the host page; returns both widgets' iframes, frames and boxes, settled. */
async function openHost(t, opts) {
  const b = await browser(t, opts);
  const { page } = b;
  await page.goto(hostUrl);
  await page.waitForFunction(() => document.querySelectorAll('.gocompat-widget iframe').length >= 2, null, { timeout: 15000 });
  const widgets = [];
  for (const sel of ['#w1', '#w2']) {
    const box = page.locator(`.gocompat-widget:has(+ ${sel})`);
    const iframe = box.locator('iframe');
    const frame = await (await iframe.elementHandle()).contentFrame();
    await frame.waitForSelector('#diag-count', { timeout: 60000 });
    // A snippet is analysed on the page: an embed starts no worker for it.
    await frame.waitForSelector('#worker-state[data-state="idle"]', { timeout: 60000 });
    await frame.waitForFunction(() => !document.querySelector('.editor-status .pending'), null, { timeout: 20000 });
    widgets.push({ box, iframe, frame });
  }
  // Both have reported their height.
  await page.waitForFunction(() => [...document.querySelectorAll('.gocompat-widget iframe')].every((f) => f.hasAttribute('data-gocompat-height')), null, { timeout: 15000 })
    .catch(async (e) => {
      const dump = await page.$$eval('iframe', (l) => l.map((f) => [f.src.slice(-90), f.style.height, f.getAttribute('data-gocompat-height')]));
      for (const w of widgets) dump.push(await w.frame.evaluate(() => [location.hash.slice(-90), document.documentElement.getBoundingClientRect().height, innerHeight]));
      throw new Error(`${e.message}\n${JSON.stringify(dump, null, 1)}`);
    });
  return { ...b, widgets };
}

const rules = (frame) => frame.$$eval('#diagnostics li[data-rule]', (l) => l.map((e) => e.dataset.rule));
const heightOf = (iframe) => iframe.evaluate((f) => f.getBoundingClientRect().height);
const codeOf = (frame) => frame.$eval('#code', (e) => e.value);

/** Asserts that a widget's iframe is as tall as its content. The size travels from the
 * widget to the host page by postMessage and the host then sets the iframe's height, so a
 * change of content (findings arriving, text growing) is followed by the frame a moment
 * later: wait up to 10 s for the two to agree, then assert on what is there. */
async function assertFitsContent(frame) {
  await frame.waitForFunction(() => Math.abs(document.documentElement.getBoundingClientRect().height - innerHeight) <= 1, null, { timeout: 10000 })
    .catch(() => {});
  const [content, inner] = await frame.evaluate(() => [document.documentElement.getBoundingClientRect().height, innerHeight]);
  assert.ok(Math.abs(content - inner) <= 1, `content ${content} in a frame of ${inner}`);
}

/** A full-page screenshot: the viewport is made as tall as the page first, because the
 * browser does not paint cross-origin frames scrolled out of view. */
async function shoot(page, widgets, name) {
  const size = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.min(height + 40, 4000) });
  for (const w of widgets) {
    await w.frame.waitForFunction(() => Math.abs(document.documentElement.getBoundingClientRect().height - innerHeight) <= 1, null, { timeout: 10000 });
  }
  await page.waitForTimeout(200);
  await page.screenshot({ path: artifact(name), fullPage: true });
  await page.setViewportSize(size);
}

test('two widgets on a host page of another origin render their own findings and sizes', async (t) => {
  const { page, widgets: [w1, w2], errors, foreign } = await openHost(t);

  // Exactly two widgets although widget.js ran twice, and again after init().
  await page.evaluate(() => window.GoCompatWidget.init());
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.gocompat-widget').count(), 2);
  assert.equal(await page.locator('iframe').count(), 2);
  assert.deepEqual(await page.$$eval('[data-gocompat]', (l) => l.map((e) => [e.id, e.hidden, e.dataset.gocompatState])),
    [['w1', true, 'done'], ['w2', true, 'done']]);
  // One namespace, frozen; no other global.
  assert.equal(await page.evaluate(() => Object.isFrozen(window.GoCompatWidget) && window.GoCompatWidget.version), '1');

  // The iframes: sandboxed, lazy, titled, on the app's origin, state in the fragment.
  for (const w of [w1, w2]) {
    const a = await w.iframe.evaluate((f) => ({ sandbox: f.getAttribute('sandbox'), loading: f.getAttribute('loading'), title: f.title, src: f.src }));
    assert.equal(a.sandbox, 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
    assert.equal(a.loading, 'lazy');
    assert.ok(a.title.length > 10);
    assert.ok(a.src.startsWith(`${app.url}embed.html#v=1&z=`), a.src);
    assert.match(a.src, new RegExp(`&origin=${encodeURIComponent(hostUrl.slice(0, -1))}`));
  }

  // Each shows its code (dedented, entities decoded) and its own findings.
  assert.equal(await codeOf(w1.frame), LOOP_CODE);
  assert.equal(await codeOf(w2.frame), RANGE_CODE);
  assert.ok((await rules(w1.frame)).includes(LOOPVAR), String(await rules(w1.frame)));
  assert.ok(!(await rules(w1.frame)).includes(RANGE));
  assert.deepEqual(await rules(w2.frame), [RANGE]);
  assert.deepEqual([await w1.frame.$eval('#from-version', (e) => e.value), await w1.frame.$eval('#to-version', (e) => e.value)], ['1.21', '1.22']);
  assert.deepEqual([await w2.frame.$eval('#from-version', (e) => e.value), await w2.frame.$eval('#to-version', (e) => e.value)], ['1.21', '1.23']);

  // Themes: w2 asked for dark; w1 follows the system (light here).
  assert.equal(await w2.frame.getAttribute('html', 'data-theme'), 'dark');
  assert.equal(await w1.frame.getAttribute('html', 'data-theme'), null);
  const bg = (f) => f.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(await bg(w1.frame), await bg(w2.frame));

  // Auto-height: each iframe is as tall as its content (no inner scroll), not the default, and they differ.
  const h1 = await heightOf(w1.iframe);
  const h2 = await heightOf(w2.iframe);
  t.diagnostic(`heights: loopvar widget ${h1} px, range widget ${h2} px`);
  // The height is the one the widget reported (not widget.js's guess from the line count).
  assert.equal(h1, Number(await w1.iframe.getAttribute('data-gocompat-height')));
  assert.equal(h2, Number(await w2.iframe.getAttribute('data-gocompat-height')));
  assert.ok(Math.abs(h1 - h2) > 20, `${h1} vs ${h2}`);
  for (const w of [w1, w2]) await assertFitsContent(w.frame);

  // The read-only widget says so and hides the fix buttons.
  assert.equal(await w1.frame.$eval('#code', (e) => e.readOnly), true);
  assert.equal(await w2.frame.$eval('#code', (e) => e.readOnly), false);
  assert.equal(await w1.frame.isVisible('#readonly-badge'), true);
  assert.equal(await w1.frame.isVisible('#apply-all-safe'), false);
  assert.equal(await w2.frame.isVisible('#apply-all-safe'), true);

  await shoot(page, [w1, w2], 'embed-host-light.png');
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
});

test('editing one widget changes neither the other nor its address; its link carries the edit', async (t) => {
  const { page, widgets: [w1, w2], errors, workers } = await openHost(t);
  const h2 = await heightOf(w2.iframe);
  const src2 = await w2.frame.evaluate(() => location.href);
  assert.deepEqual(workers, [], 'no widget started a worker for its snippet');

  // The read-only one refuses typing.
  await w1.frame.click('#code');
  await page.keyboard.type('x := 1\n');
  assert.equal(await codeOf(w1.frame), LOOP_CODE);

  // The editable one: the range loop becomes a three-clause loop plus a long comment block.
  const edited = RANGE_CODE.replace('for i := range 3 {', 'for i := 0; i < 3; i++ {') + '\n'.repeat(12) + '// end\n';
  await w2.frame.fill('#code', edited);
  await w2.frame.waitForFunction(() => !document.querySelector('.editor-status .pending'), null, { timeout: 20000 });
  await w2.frame.waitForSelector(`#diagnostics li[data-rule="${RANGE}"]`, { state: 'detached' });
  assert.match(await w2.frame.textContent('#diag-count'), /^0 findings$/);
  assert.match(await w2.frame.textContent('.editor-status'), /on the page/);
  // It resized itself to the new content.
  await page.waitForFunction(([h]) => {
    const f = document.querySelectorAll('.gocompat-widget iframe')[1];
    return Math.abs(f.getBoundingClientRect().height - h) > 20;
  }, [h2], { timeout: 10000 });
  await assertFitsContent(w2.frame);

  // Code over 48 KB goes to a worker, which the widget starts then.
  const big = RANGE_CODE + Array.from({ length: 1000 }, (_, i) => `// padding line ${String(i).padStart(4, '0')}: this text goes to the worker.`).join('\n') + '\n';
  await w2.frame.$eval('#code', (ta, text) => { ta.value = text; ta.dispatchEvent(new InputEvent('input', { bubbles: true })); }, big);
  await w2.frame.waitForSelector('#worker-state[data-state="ready"]', { timeout: 30000 });
  await w2.frame.waitForFunction(() => document.querySelector('.editor-status').dataset.fresh === 'true', null, { timeout: 20000 });
  assert.equal(await w2.frame.getAttribute('.editor-status', 'data-analysed-on'), 'worker');
  assert.ok((await rules(w2.frame)).includes(RANGE));
  assert.equal(workers.length, 1, JSON.stringify(workers));
  await w2.frame.fill('#code', edited);
  await w2.frame.waitForSelector(`#diagnostics li[data-rule="${RANGE}"]`, { state: 'detached' });

  // The other widget is untouched.
  assert.equal(await codeOf(w1.frame), LOOP_CODE);
  assert.ok((await rules(w1.frame)).includes(LOOPVAR));
  // The address is kept (the playground would rewrite it within a second).
  await page.waitForTimeout(1300);
  assert.equal(await w2.frame.evaluate(() => location.href), src2);

  // The link inside the edited widget carries the edited state to the playground.
  const inner2 = await w2.frame.$eval('#open-playground', (a) => [a.href, a.target, a.rel]);
  assert.ok(inner2[0].startsWith(`${app.url}#v=1&z=`), inner2[0]);
  assert.deepEqual(inner2.slice(1), ['_blank', 'noopener']);
  const pg = await page.context().newPage();
  await pg.goto(inner2[0]);
  await pg.waitForSelector('#diag-count', { timeout: 60000 });
  assert.equal(await pg.$eval('#code', (e) => e.value), edited);
  assert.equal(await pg.$eval('#to-version', (e) => e.value), '1.23');
  await pg.close();
  assert.deepEqual(errors, []);
});

test('"Open in playground" below the widget opens the playground with the same code and versions', async (t) => {
  const { page, widgets: [w1] } = await openHost(t);
  const outer = await w1.box.locator('a.gocompat-open').evaluate((a) => [a.href, a.target, a.rel, a.textContent]);
  assert.ok(outer[0].startsWith(`${app.url}#v=1&z=`), outer[0]);
  assert.deepEqual(outer.slice(1), ['_blank', 'noopener', 'Open in playground']);
  const [popup] = await Promise.all([page.waitForEvent('popup'), w1.box.locator('a.gocompat-open').click()]);
  await popup.waitForSelector('#diag-count', { timeout: 60000 });
  assert.equal(await popup.$eval('#code', (e) => e.value), LOOP_CODE);
  assert.deepEqual([await popup.$eval('#from-version', (e) => e.value), await popup.$eval('#to-version', (e) => e.value)], ['1.21', '1.22']);
  await popup.waitForSelector(`#diagnostics li[data-rule="${LOOPVAR}"]`);
  // The playground is not sandboxed (allow-popups-to-escape-sandbox): it can store its draft.
  assert.equal(await popup.evaluate(() => { localStorage.setItem('probe', '1'); return localStorage.getItem('probe'); }), '1');
});

test('hostile messages are ignored, valid ones are clamped', async (t) => {
  const { page, widgets: [w1, w2], errors } = await openHost(t);
  const before = [await heightOf(w1.iframe), await heightOf(w2.iframe)];
  const snapshot = async () => [await codeOf(w1.frame), await codeOf(w2.frame), await rules(w1.frame), await rules(w2.frame),
    await w1.frame.$eval('#to-version', (e) => e.value), await w2.frame.$eval('#to-version', (e) => e.value)];
  const state0 = await snapshot();

  // 1. The host page (wrong source, wrong origin) fakes height messages to itself.
  await page.evaluate(() => {
    for (const id of ['gocompat-1', 'gocompat-2']) window.postMessage({ type: 'gocompat:height', id, height: 3333 }, '*');
  });
  // 2. Widget 2's window (right origin, wrong source) claims to be widget 1.
  await w2.frame.evaluate(() => parent.postMessage({ type: 'gocompat:height', id: 'gocompat-1', height: 3333 }, '*'));
  // 3. Widget 1's window (right source) with malformed data.
  await w1.frame.evaluate(() => {
    const bad = [
      { type: 'gocompat:height', id: 'gocompat-1', height: '3333' },
      { type: 'gocompat:height', id: 'gocompat-1', height: 3333, extra: true },
      { type: 'gocompat:height', id: 'gocompat-1', height: NaN },
      { type: 'gocompat:height', id: 'gocompat-1', height: Infinity },
      { type: 'gocompat:height', id: 'gocompat-2', height: 3333 },
      { type: 'gocompat:size', id: 'gocompat-1', height: 3333 },
      { type: 'gocompat:height', id: '__proto__', height: 3333 },
      ['gocompat:height', 'gocompat-1', 3333],
      'gocompat:height',
      null,
    ];
    for (const m of bad) parent.postMessage(m, '*');
  });
  // 4. Messages into the iframes: set-code-like commands, garbage, a fake height.
  await page.evaluate(() => {
    const msgs = [
      { type: 'gocompat:set-code', code: 'package evil\n' },
      { type: 'set-code', code: 'package evil\n' },
      { code: 'package evil\n', from: '1.16', to: '1.24' },
      { type: 'gocompat:height', id: 'gocompat-1', height: 200 },
      'v=1&z=AAAA',
      JSON.stringify({ id: 1, code: 'package evil', ctx: {} }),
      new ArrayBuffer(8),
      42,
    ];
    for (const f of document.querySelectorAll('.gocompat-widget iframe')) for (const m of msgs) f.contentWindow.postMessage(m, '*');
  });
  await page.waitForTimeout(800);
  assert.deepEqual([await heightOf(w1.iframe), await heightOf(w2.iframe)], before);
  assert.deepEqual(await snapshot(), state0);
  assert.deepEqual(errors, []);

  // A well-formed message from the right window is accepted, and clamped.
  await w1.frame.evaluate(() => parent.postMessage({ type: 'gocompat:height', id: 'gocompat-1', height: 1e9 }, '*'));
  await page.waitForFunction(() => document.querySelector('.gocompat-widget iframe').getBoundingClientRect().height === 4000);
  await w1.frame.evaluate(() => parent.postMessage({ type: 'gocompat:height', id: 'gocompat-1', height: -5 }, '*'));
  await page.waitForFunction(() => document.querySelector('.gocompat-widget iframe').getBoundingClientRect().height === 120);
});

test('dark host page and a 360 px wide screen', async (t) => {
  const { page, widgets: [w1, w2], errors } = await openHost(t, { scheme: 'dark' });
  // w1 follows the system: dark here.
  const bg = (f) => f.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(await bg(w1.frame), await bg(w2.frame));
  await shoot(page, [w1, w2], 'embed-host-dark.png');
  await page.setViewportSize({ width: 360, height: 800 });
  for (const w of [w1, w2]) {
    // A frame out of view is not laid out by the browser until it is scrolled into view.
    await w.iframe.scrollIntoViewIfNeeded();
    await w.frame.waitForFunction(() => Math.abs(document.documentElement.getBoundingClientRect().height - innerHeight) <= 1, null, { timeout: 10000 })
      .catch(() => {});
    const [content, inner, sw, cw] = await w.frame.evaluate(() => [document.documentElement.getBoundingClientRect().height, innerHeight,
      document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(Math.abs(content - inner) <= 1, `content ${content} in a frame of ${inner}`);
    assert.ok(sw <= cw, `horizontal overflow: ${sw} > ${cw}`);
  }
  await shoot(page, [w1, w2], 'embed-host-360.png');
  assert.deepEqual(errors, []);
});

test('embed.html opened directly: bad parameters are noted, the playground draft is not touched', async (t) => {
  const { page, errors } = await browser(t);
  await page.goto(`${app.url}embed.html#from=1.99&to=1.23&theme=neon&height=12&id=a%20b&origin=*&mode=shell&colour=red`);
  await page.waitForSelector('#diag-count', { timeout: 60000 });
  const notes = await page.$$eval('.notes .note', (l) => l.map((e) => e.textContent));
  assert.equal(notes.length, 7, notes.join('\n'));
  assert.ok(notes.some((n) => n.includes('"1.99"')));
  assert.ok(notes.some((n) => n.includes('"colour"')));
  assert.equal(await page.$eval('#to-version', (e) => e.value), '1.23');
  assert.equal(await page.$eval('#from-version', (e) => e.value), '1.21');
  // The playground's default example, analysed; the embed layout (no header).
  await page.waitForSelector(`#diagnostics li[data-rule="${RANGE}"]`);
  assert.equal(await page.locator('header.topbar').count(), 0);
  assert.equal(await page.title(), 'gocompat — Go upgrade check (embedded example)');
  // Editing writes neither the playground's draft nor the address.
  const url = page.url();
  await page.evaluate(() => localStorage.setItem('gocompat.draft.v1', '{"code":"package draft\\n"}'));
  await page.fill('#code', 'package main\n\nfunc main() {}\n');
  await page.waitForSelector('#empty-state', { timeout: 20000 });
  await page.waitForTimeout(1300);
  assert.equal(await page.evaluate(() => localStorage.getItem('gocompat.draft.v1')), '{"code":"package draft\\n"}');
  assert.equal(page.url(), url);
  assert.deepEqual(errors, []);
});

test('embed.html in go env mode from a hand-written code parameter', async (t) => {
  const { page, errors } = await browser(t);
  const env = "GO111MODULE='off'\nGOFLAGS='-mod=mod'\n";
  await page.goto(`${app.url}embed.html#mode=env&to=1.22&readonly=1&code=${encodeURIComponent(env)}`);
  await page.waitForSelector('#env-input', { timeout: 60000 });
  assert.equal(await page.$eval('#env-input', (e) => e.value), env);
  await page.waitForSelector('#env-table tr[data-var="GO111MODULE"]', { timeout: 20000 });
  assert.equal(await page.locator('.notes .note').count(), 0);
  assert.equal(await page.locator('#code').count(), 0);
  // Its playground link carries the env text and the mode.
  const href = await page.$eval('#open-playground', (a) => a.href);
  assert.ok(href.startsWith(`${app.url}#v=1&mode=env&z=`), href);
  const pg = await page.context().newPage();
  await pg.goto(href);
  await pg.waitForSelector('#env-input', { timeout: 60000 });
  assert.equal(await pg.$eval('#env-input', (e) => e.value), env);
  assert.deepEqual(errors, []);
});
