// Hostile and huge input, the Content-Security-Policy, offline use and the zero-network check
// (issue 7), in Chromium: `node --test tests/browser/harden.test.mjs` after
// `trunk build --release --offline` has filled dist/.
//
// Figures (keystroke latency with 10 MB in the editor, ...) are printed as test diagnostics;
// they are measurements, not assertions.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { serveDist, launch, markLoaded, takeStrayRequests, artifact, DIST } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const RANGE_RULE = 'range-over-int-requires-go122';

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

/** Records CSP violations and dialogs from the first script of every page on. */
async function instrument(ctx) {
  await ctx.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`.trim());
    });
  });
}

/** A fresh context and a page on the app (`hash` appended); waits for the worker. */
async function open(t, { hash = '', base = server.url, width = 1440, height = 900, waitWorker = true } = {}) {
  const ctx = await browser.newContext({ viewport: { width, height } });
  t.after(() => ctx.close());
  await instrument(ctx);
  const page = await ctx.newPage();
  const errors = [];
  const dialogs = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  await page.goto(base + hash);
  await page.waitForSelector('#code, #env-input', { timeout: 30000 });
  if (waitWorker) await page.waitForSelector('#worker-state[data-state="ready"]', { timeout: 30000 });
  return { ctx, page, errors, dialogs };
}

/** Puts `text` in the editor the way a paste does (one input event). */
async function paste(page, text) {
  await page.$eval('#code', (ta, text) => {
    ta.value = text;
    ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

async function settled(page, timeout = 20000) {
  await page.waitForFunction(() => !document.querySelector('.editor-status .pending'), null, { timeout });
}

/**
 * Typing latency: one character inserted at the caret (end of the first line) and an input
 * event, until the next frame is painted; median and worst of `n`.
 */
async function keystrokes(page, n = 5) {
  return page.evaluate(async (n) => {
    const ta = document.querySelector('#code');
    const times = [];
    for (let i = 0; i < n; i++) {
      const at = ta.value.indexOf('\n');
      const t = performance.now();
      ta.setRangeText(' ', at, at, 'end');
      ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: ' ' }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      times.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 30));
    }
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(n / 2)], worst: times[n - 1] };
  }, n);
}

/** The longest gap between animation frames over `ms` (how long the tab froze, at worst). */
async function longestFrameGap(page, ms) {
  return page.evaluate((ms) => new Promise((resolve) => {
    let last = performance.now();
    let worst = 0;
    const end = last + ms;
    const tick = (now) => {
      worst = Math.max(worst, now - last);
      last = now;
      if (now < end) requestAnimationFrame(tick); else resolve(worst);
    };
    requestAnimationFrame(tick);
  }), ms);
}

// ---------------------------------------------------------------------------------------------
// The zero-network check itself must be able to fail.

test('the zero-network check catches stray requests (foreign origin, unknown file, after load, twice)', async (t) => {
  const { ctx, page } = await open(t);
  await page.waitForSelector('html[data-offline="ready"]', { timeout: 30000 });
  assert.deepEqual(takeStrayRequests(), [], 'loading the app is not stray');
  markLoaded(page);
  await page.evaluate(async () => {
    await fetch('./sw.js').catch(() => {}); // a file of the build, but after load
    await fetch('./no-such-file.js').catch(() => {}); // not a file of the build
  });
  // A page without the app's CSP, asking another origin and a file twice.
  const other = await ctx.newPage();
  await other.evaluate(async (base) => {
    await fetch('http://127.0.0.1:9/beacon', { mode: 'no-cors' }).catch(() => {});
    await fetch(base + 'worker.js', { mode: 'no-cors' }).catch(() => {});
    await fetch(base + 'worker.js', { mode: 'no-cors' }).catch(() => {});
  }, server.url);
  await page.waitForTimeout(300);
  const strays = takeStrayRequests();
  t.diagnostic(`caught: ${strays.join(' | ')}`);
  const has = (re) => assert.ok(strays.some((s) => re.test(s)), `${re} in ${JSON.stringify(strays)}`);
  has(/^after the app had loaded: GET .*\/sw\.js/);
  has(/^not a file of the build: GET .*\/no-such-file\.js/);
  has(/^not the app's own test server: GET http:\/\/127\.0\.0\.1:9\/beacon/);
  has(/^asked for twice since the page loaded: GET .*\/worker\.js/);
  // (A request the page's service worker passes on to the network is logged for it too.)
  assert.ok(strays.every((s) => /\/(sw\.js|no-such-file\.js|beacon|worker\.js) /.test(s)), 'nothing else');
});

// ---------------------------------------------------------------------------------------------
// Content-Security-Policy.

const SAMPLE = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfor i := range 3 {\n\t\tfmt.Println(i)\n\t}\n}\n';

test('CSP: a strict policy in the page, no violation in normal use, injected script blocked', async (t) => {
  const { page, errors } = await open(t);
  const policy = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
  t.diagnostic(`policy: ${policy}`);
  const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(directives['default-src'], ["'none'"]);
  assert.ok(!directives['script-src'].includes("'unsafe-inline'") && !directives['script-src'].includes("'unsafe-eval'"));
  assert.ok(directives['script-src'].some((s) => s.startsWith("'sha256-")), 'Trunk\'s loader is allowed by its hash');
  assert.deepEqual(directives['connect-src'], ["'self'"]);
  assert.deepEqual(directives['style-src'], ["'self'"]);
  for (const d of ['object-src', 'base-uri', 'form-action']) assert.deepEqual(directives[d], ["'none'"], d);

  // Normal use: every view, a popup (inline style), the env mode, a fix, the theme.
  await paste(page, SAMPLE);
  await settled(page);
  const box = await page.locator(`mark[data-rule="${RANGE_RULE}"]`).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForSelector('#popup');
  await page.click(`#diagnostics li[data-rule="${RANGE_RULE}"] .diag-jump`);
  await page.locator(`#diagnostics li[data-rule="${RANGE_RULE}"] .preview-fix`).click();
  await page.locator(`#diagnostics li[data-rule="${RANGE_RULE}"] .apply-fix`).click();
  await settled(page);
  await page.click('#undo');
  await page.selectOption('#example', 'loopvar');
  await page.click('#theme-toggle');
  await page.click('#mode-env');
  await page.fill('#env-input', "GOFLAGS=''\nGOTOOLCHAIN='auto'\n");
  await page.waitForTimeout(400);
  await page.click('#mode-code');
  await page.waitForSelector('html[data-offline="ready"]', { timeout: 30000 });
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation in normal use');
  assert.deepEqual(errors.filter((e) => !/^Failed to load resource/.test(e)), [], 'no console error');

  // An attacker who got HTML into the page: inline script, inline handler, eval, a beacon.
  const result = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__pwned = "script"';
    document.body.append(s);
    const d = document.createElement('div');
    d.innerHTML = '<img src="data:," onerror="window.__pwned = \'handler\'">';
    document.body.append(d);
    let fetchBlocked = false;
    try { await fetch('https://example.com/collect'); } catch { fetchBlocked = true; }
    await new Promise((r) => setTimeout(r, 200));
    return { pwned: window.__pwned ?? null, fetchBlocked, csp: window.__csp };
  });
  t.diagnostic(`violations when injecting: ${result.csp.join(' | ')}`);
  assert.equal(result.pwned, null, 'no injected script ran');
  assert.ok(result.fetchBlocked, 'a request to another origin is blocked');
  for (const d of ['script-src-elem', 'script-src-attr', 'connect-src']) {
    assert.ok(result.csp.some((v) => v.startsWith(d + ' ')), `${d} reported in ${JSON.stringify(result.csp)}`);
  }
});

test('CSP: every generated HTML page has the policy, and each inline script is allowed by its hash', async () => {
  const pages = [];
  const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (p.endsWith('.html')) pages.push(p); } };
  walk(DIST);
  assert.ok(pages.length >= 1);
  const { createHash } = await import('node:crypto');
  for (const p of pages) {
    const html = fs.readFileSync(p, 'utf8');
    const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
    assert.ok(m, `${p} has a CSP`);
    for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
      if (/\bsrc\s*=/.test(attrs)) continue;
      const h = createHash('sha256').update(body, 'utf8').digest('base64');
      assert.ok(m[1].includes(`'sha256-${h}'`), `${path.relative(DIST, p)}: inline script allowed`);
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Hostile share links.

const deflate = (obj) => zlib.deflateRawSync(Buffer.from(JSON.stringify(obj))).toString('base64url');
const PAYLOADS = [
  '<img src=x onerror="alert(1);window.__pwned=1">',
  '<script>alert(2);window.__pwned=2</script>',
  'javascript:alert(3)',
  '"><svg onload="alert(4);window.__pwned=4">',
  "'><iframe srcdoc=\"<script>parent.__pwned=5</script>\">",
];

test('a link whose code has CRLF or CR line ends: the editor holds LF, and a click on a finding selects its span', async (t) => {
  // Comment lines first, so that a carriage return before the finding would move it.
  const code = '// a\r\n// b\r// c\r\npackage main\r\n\r\nfunc main() {\r\n\tfor range 3 {\r\n\t}\r\n}\r\n';
  const { page, errors } = await open(t, { hash: '#v=1&z=' + deflate({ code }) });
  await settled(page);
  const lf = code.replace(/\r\n?/g, '\n');
  assert.equal(await page.$eval('#code', (el) => el.value), lf);
  await page.click(`#diagnostics li[data-rule="${RANGE_RULE}"] .diag-jump`);
  const sel = await page.$eval('#code', (el) => [el.selectionStart, el.selectionEnd]);
  const at = lf.indexOf('range 3') + 'range '.length;
  assert.deepEqual(sel, [at, at + 1]);
  assert.match(await page.textContent(`#diagnostics li[data-rule="${RANGE_RULE}"]`), /line 7:12/);
  assert.deepEqual(errors, []);
});

test('hostile share links: a clear message or the text as text, never a script', async (t) => {
  const valid = deflate({ code: SAMPLE });
  const broken = [
    ['oversized', 'v=1&z=' + 'A'.repeat(200000), /is 200006 characters long/],
    ['truncated', 'v=1&z=' + valid.slice(0, Math.floor(valid.length / 2)), /damaged|not valid base64url/],
    ['truncated at a base64 boundary', 'v=1&z=' + valid.slice(0, 4 * Math.floor(valid.length / 8)), /damaged \(cut short or not compressed by gocompat\)\. The page/],
    ['wrong version', 'v=2&z=' + valid, /format version "2"; this build reads version 1/],
    ['corrupt deflate', 'v=1&z=' + Buffer.from('not deflate at all, just bytes \x00\xff').toString('base64url'), /damaged \(cut short or not compressed by gocompat\)\. The page/],
    ['bad base64', 'v=1&z=!!*(', /not valid base64url/],
    ['not JSON', 'v=1&z=' + zlib.deflateRawSync(Buffer.from('<html>')).toString('base64url'), /./],
    ['state bomb', 'v=1&z=' + zlib.deflateRawSync(Buffer.alloc(8 << 20, 32)).toString('base64url'), /larger than 1 MB when unpacked\. The page/],
  ];
  for (const [name, hash, why] of broken) {
    const { page, errors, dialogs } = await open(t, { hash: '#' + hash, waitWorker: false });
    await page.waitForSelector('.notes .note', { timeout: 10000 });
    const note = await page.textContent('.notes');
    assert.match(note, /This link could not be read: .*The page opened without it\./, name);
    assert.match(note, why, name);
    assert.match(await page.$eval('#code', (e) => e.value), /package main/, `${name}: the page still works`);
    assert.deepEqual(errors, [], name);
    assert.deepEqual(dialogs, [], name);
    t.diagnostic(`${name}: ${note.replace(/Dismiss$/, '').slice(0, 160)}`);
  }

  // HTML and script in every field, and in the fragment's plain mode parameter.
  for (const payload of PAYLOADS) {
    for (const state of [{ code: payload, gomod: payload, from: payload, to: payload }, { env: payload, mode: 'env' }, { mode: payload }]) {
      const hash = `#v=1${state.mode === payload ? `&mode=${encodeURIComponent(payload)}` : ''}&z=${deflate(state)}`;
      const { page, errors, dialogs } = await open(t, { hash, waitWorker: false });
      await page.waitForTimeout(300);
      const label = `${JSON.stringify(state).slice(0, 60)}`;
      if (state.code) {
        assert.equal(await page.$eval('#code', (e) => e.value), payload, `${label}: the code is the text`);
        assert.equal(await page.$eval('#gomod', (e) => e.value), payload, `${label}: go.mod is the text`);
        assert.match(await page.textContent('.notes'), /names Go version .* which this page does not offer; using 1\.21/, label);
        assert.equal(await page.$eval('#from-version', (e) => e.value), '1.21');
      }
      if (state.env) assert.equal(await page.$eval('#env-input', (e) => e.value), payload, `${label}: env is the text`);
      if (!state.env) assert.equal(await page.getAttribute('#mode-code', 'aria-pressed'), 'true', `${label}: unknown mode → code`);
      const injected = await page.evaluate(() => ({
        pwned: window.__pwned ?? null,
        csp: window.__csp,
        elements: [...document.querySelectorAll('body img, body svg[onload], body iframe, body script, [onerror], [onload]')]
          .map((e) => e.outerHTML.slice(0, 80)),
        links: [...document.querySelectorAll('a[href^="javascript:" i]')].length,
      }));
      assert.deepEqual(injected, { pwned: null, csp: [], elements: [], links: 0 }, label);
      assert.deepEqual(dialogs, [], label);
      assert.deepEqual(errors, [], label);
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Huge and hostile input in the editor.

test('a 10 MB paste: every character kept, a clear message, the tab stays responsive', async (t) => {
  const { page, errors } = await open(t);
  const unit = 'package main\n\nfunc main() {\n' + Array.from({ length: 200 }, (_, i) => `\tfor i${i} := range ${i + 1} {\n\t\t_ = i${i}\n\t}`).join('\n') + '\n}\n';
  const t0 = Date.now();
  const len = await page.evaluate((unit) => {
    let s = '';
    while (s.length < 10 * 1024 * 1024) s += unit;
    const ta = document.querySelector('#code');
    ta.value = s;
    ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    return s.length;
  }, unit);
  await page.waitForSelector('#large-input', { timeout: 180000 });
  const shown = Date.now() - t0;
  const gap = await longestFrameGap(page, 3000);
  await settled(page, 300000);
  const analysed = Date.now() - t0;
  const note = await page.textContent('#large-input');
  assert.match(note, /^Large input: 10\.0 MB in [\d]+ lines\. Above 512 KB the editor shows plain text/);
  assert.match(note, /Only the first 2\.0 MB are analysed: the rest \(8\.0 MB\) is kept in the editor but not checked\./);
  assert.match(await page.textContent('main'), /only the first 2097\d+ bytes \(up to line \d+\) were analysed/);
  // Nothing is lost: the editor holds every byte and line; its textarea the lines around
  // the view (Chromium lays out a textarea's whole text on every keystroke).
  const lines = unit.split('\n').length - 1;
  const units = Math.ceil(10 * 1024 * 1024 / unit.length);
  assert.equal(await page.getAttribute('#code', 'data-bytes'), String(len), 'nothing is lost from the editor');
  assert.equal(await page.getAttribute('#code', 'data-lines'), String(units * lines + 1));
  const held = await page.$eval('#code', (e) => e.value);
  assert.ok(held.length < 200000 && unit.startsWith(held.slice(0, unit.length)), 'the textarea holds the first lines');
  assert.equal(await page.$$eval('.code-layer .line', (l) => l.length), 0, 'no per-line DOM for huge text');
  assert.match(await page.textContent('#share-error'), /Too large to share as a link: .* Not kept as a draft in this browser/);
  const k = await keystrokes(page, 1);
  assert.equal(await page.getAttribute('#code', 'data-bytes'), String(len + 1));
  // Scrolled to the end: the textarea holds the last lines, in their place.
  await page.$eval('.editor-scroll', (e) => { e.scrollTop = e.scrollHeight; });
  await page.waitForFunction(() => Number(document.querySelector('#code').dataset.firstLine) > 800000);
  assert.ok(unit.endsWith((await page.$eval('#code', (e) => e.value)).slice(-unit.length)), 'the last lines');
  const box = await page.$eval('#code', (e) => {
    const r = e.getBoundingClientRect(), s = document.querySelector('.editor-scroll').getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, viewTop: s.top, viewBottom: s.bottom };
  });
  assert.ok(box.top <= box.viewTop && box.bottom >= box.viewBottom, `the held lines cover the view: ${JSON.stringify(box)}`);
  // Typed there: in its place in the whole text.
  await page.focus('#code');
  await page.$eval('#code', (e) => e.setSelectionRange(e.value.length, e.value.length));
  await page.keyboard.type('// end');
  await page.waitForFunction((n) => document.querySelector('#code').dataset.bytes === String(n), len + 7);
  await settled(page, 300000);
  // A click on a finding selects its code in the plain editor.
  await page.click(`#diagnostics li[data-rule="${RANGE_RULE}"] .diag-jump`);
  const sel = await page.$eval('#code', (e) => e.value.slice(e.selectionStart, e.selectionEnd));
  assert.equal(sel, '1');
  await page.screenshot({ path: artifact('harden-10mb.png') });
  t.diagnostic(`10 MB paste (${len} chars): note shown after ${shown} ms, analysis shown after ${analysed} ms, longest frame gap in the 3 s after the paste ${gap.toFixed(0)} ms; keystroke to paint: median ${k.median.toFixed(0)} ms, worst ${k.worst.toFixed(0)} ms`);
  assert.deepEqual(errors, []);
});

test('the plain editor: the caret and the keys move past the lines its textarea holds', async (t) => {
  const { page, errors } = await open(t);
  // 30,000 numbered lines (about 870 KB: the plain editor).
  const text = Array.from({ length: 30000 }, (_, i) => `// line ${i + 1} of a long file`).join('\n') + '\n';
  await paste(page, text);
  await page.waitForSelector('#large-input');
  await settled(page, 60000);
  const held = () => page.$eval('#code', (e) => ({ first: Number(e.dataset.firstLine), lines: e.value.split('\n').length }));
  const caretLine = () => page.$eval('#code', (e) => Number(e.dataset.firstLine) + e.value.slice(0, e.selectionStart).split('\n').length - 1);
  const h0 = await held();
  assert.equal(h0.first, 1);
  assert.ok(h0.lines > 500 && h0.lines < 3000, `holds ${h0.lines} lines`);
  // The caret on the last held line: a key there holds the lines after it, and Down
  // arrows go on into them.
  await page.focus('#code');
  await page.waitForTimeout(100);
  await page.$eval('#code', (e) => { const at = e.value.lastIndexOf('\n') + 1; e.setSelectionRange(at, at); });
  const before = await held();
  const from = await caretLine();
  assert.equal(from, before.first + before.lines - 1, 'the caret is on the last held line');
  await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  assert.equal(await caretLine(), from + 3, 'the caret went on, three lines down');
  const after = await held();
  assert.ok(after.first + after.lines - 1 > from + 200, `lines after the caret are held: ${JSON.stringify(after)}`);
  // Typed there: in its place in the text.
  await page.keyboard.type('X');
  await settled(page, 60000);
  const line = await page.$eval('#code', (e) => e.value.split('\n')[e.value.slice(0, e.selectionStart).split('\n').length - 1]);
  assert.equal(line, `/X/ line ${from + 3} of a long file`, "typed one column in (the Right arrow)");
  assert.equal(await page.getAttribute('#code', 'data-bytes'), String(text.length + 1));
  // Ctrl+End: the end of the text (not of the held lines); Page Up goes back past them.
  await page.keyboard.press('Control+End');
  await page.waitForFunction(() => Number(document.querySelector('#code').dataset.firstLine) > 20000);
  assert.equal(await caretLine(), 30001);
  // The caret on the first held line: Up arrows go on into the lines before it.
  await page.$eval('#code', (e) => e.setSelectionRange(0, 0));
  const top = await caretLine();
  assert.ok(top > 20000, `the first held line: ${top}`);
  await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
  assert.equal(await caretLine(), top - 3, 'the caret went on, three lines up');
  await page.keyboard.press('Control+Home');
  await page.waitForFunction(() => Number(document.querySelector('#code').dataset.firstLine) === 1);
  assert.equal(await caretLine(), 1);
  assert.deepEqual(errors, []);
});

const HOSTILE = [
  ['100,000-deep (', 'package main\n\nvar x = ' + '('.repeat(100000) + '1' + ')'.repeat(100000) + '\n', { note: /nests deeper than \d+ syntax levels \(from line 3\)/, on: 'worker' }],
  ['100,000-deep {', 'package main\n\nfunc main() ' + '{'.repeat(100000) + '}'.repeat(100000) + '\n', { note: /nests deeper than \d+ syntax levels \(from line 3\)/, on: 'worker' }],
  // (Small enough for the page to analyse itself, on its own thread: src/ui/route.rs.)
  ['24,000-deep ( on the page', 'package main\n\nvar x = ' + '('.repeat(24000) + '1' + ')'.repeat(24000) + '\n', { note: /nests deeper than \d+ syntax levels \(from line 3\)/, on: 'page' }],
  ['24,000-deep { on the page', 'package main\n\nfunc main() ' + '{'.repeat(24000) + '}'.repeat(24000) + '\n', { note: /nests deeper than \d+ syntax levels \(from line 3\)/, on: 'page' }],
  ['1 MB single line', 'package main\n\nvar s = "' + 'x'.repeat(1 << 20) + '"; func main() { for range 3 {} }\n', { large: /^Large input: 1\.0 MB in 4 lines/, finding: /line 3:1048\d+/ }],
  ['NUL bytes', 'package main\n\x00\nfunc main() {\n\tfor range 3 {\n\t}\n}\n', { on: 'page', finding: /line 4:12/, syntax: /(invalid NUL character[\s\S]*line 2:1)|(line 2:1[\s\S]*invalid NUL character)/ }],
  ['lone surrogates (what a browser has instead of invalid UTF-8)', 'package main\n\n// \ud800 \udfff\nfunc main() {\n\tfor range 3 {\n\t}\n}\n', { finding: /line 5:12/ }],
  ['CRLF line ends', 'package main\r\n\r\nfunc main() {\r\n\tfor range 3 {\r\n\t}\r\n}\r\n', { finding: /line 4:12/, noSyntax: true }],
  ['a BOM', '\ufeffpackage main\n\nfunc main() {\n\tfor range 3 {\n\t}\n}\n', { finding: /line 4:12/, noSyntax: true }],
];

for (const [name, text, want] of HOSTILE) {
  test(`hostile input: ${name}: no crash, a clear result, responsive`, async (t) => {
    const { page, errors } = await open(t);
    const t0 = Date.now();
    await paste(page, text);
    await settled(page, 30000);
    const ms = Date.now() - t0;
    const k = await keystrokes(page, 3);
    await settled(page, 30000);
    assert.equal(await page.getAttribute('#worker-state', 'data-state'), 'ready', 'the worker survived');
    const value = await page.$eval('#code', (e) => e.value);
    // The textarea keeps the text (a textarea's value always has LF line ends) and the typing.
    const lf = text.replace(/\r\n/g, '\n');
    assert.equal(value, lf.replace('\n', '   \n'));
    if (want.note) assert.match(await page.textContent('main'), want.note);
    if (want.large) assert.match(await page.textContent('#large-input'), want.large);
    if (want.on) assert.equal(await page.getAttribute('.editor-status', 'data-analysed-on'), want.on);
    if (want.finding) assert.match(await page.textContent(`#diagnostics li[data-rule="${RANGE_RULE}"]`), want.finding);
    if (want.syntax) assert.match(await page.textContent('#diagnostics li[data-rule="syntax-error"]'), want.syntax);
    if (want.noSyntax) assert.equal(await page.$$eval('#diagnostics li[data-rule="syntax-error"]', (l) => l.length), 0);
    t.diagnostic(`${name}: analysis shown after ${ms} ms; keystroke to paint median ${k.median.toFixed(0)} ms, worst ${k.worst.toFixed(0)} ms`);
    assert.deepEqual(errors, []);
  });
}

// ---------------------------------------------------------------------------------------------
// Offline, and a new build replacing the old one.

test('offline: after one visit the page reloads and analyses without a network; a new build replaces the old cache', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gocompat-sw-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.cpSync(DIST, dir, { recursive: true });
  const own = await serveDist(dir);
  t.after(() => own.close());
  const version = () => fs.readFileSync(path.join(dir, 'sw.js'), 'utf8').match(/const VERSION = '([0-9a-f]+)'/)[1];
  const v1 = version();
  const { ctx, page, errors } = await open(t, { base: own.url });
  await page.waitForSelector('html[data-offline="ready"]', { timeout: 30000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
  const cacheNames = () => page.evaluate(() => caches.keys());
  assert.deepEqual(await cacheNames(), [`gocompat:${own.url}:${v1}`]);

  // A new build (here: one file changed, sw.js written again by the real post-build step)
  // replaces the old cache: the new cache holds the changed file's new copy.
  fs.appendFileSync(path.join(dir, 'sw-register.js'), '// build 2\n');
  const r = spawnSync('bash', [path.join(repo, 'scripts/post_build.d/90-service-worker.sh')], { env: { ...process.env, ROOT: repo, STAGING: dir }, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const v2 = version();
  assert.notEqual(v2, v1);
  await page.reload();
  await page.waitForSelector('#code');
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((reg) => reg.update()));
  // (Polled from here: waitForFunction does not await a predicate's promise.)
  const want = [`gocompat:${own.url}:${v2}`];
  for (let i = 0; JSON.stringify(await cacheNames()) !== JSON.stringify(want); i++) {
    assert.ok(i < 100, `caches ${JSON.stringify(await cacheNames())}, want ${want}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const cached = await page.evaluate(async () => {
    const c = await caches.open((await caches.keys())[0]);
    const keys = (await c.keys()).map((q) => q.url);
    const hit = keys.find((u) => u.endsWith('/sw-register.js'));
    return `${keys.length} ${hit}\n` + (await (await c.match(hit)).text());
  });
  assert.match(cached, /\/\/ build 2\n$/, `the new cache holds the old copy (${cached.split('\n')[0]})`);

  // Offline: the page reloads (from the new build's cache) and analyses.
  await ctx.setOffline(true);
  await page.reload();
  await page.waitForSelector('#worker-state[data-state="ready"]', { timeout: 30000 });
  await paste(page, SAMPLE);
  await settled(page);
  await page.waitForSelector(`#diagnostics li[data-rule="${RANGE_RULE}"]`);
  assert.match(await page.textContent(`#diagnostics li[data-rule="${RANGE_RULE}"]`), /line 6:17/);
  // A navigation to another path of the app, offline, gets the app too.
  await page.goto(own.url + '?from=offline');
  await page.waitForSelector('#code');
  assert.deepEqual(errors.filter((e) => !/^Failed to load resource/.test(e)), []);
  t.diagnostic(`cache ${v1} replaced by ${v2}`);
});
