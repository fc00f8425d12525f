#!/usr/bin/env node
// Browser benchmark of the built app (not a test: it prints figures, asserts nothing).
//   trunk build --release --offline && node scripts/bench-browser.mjs [--quick]
// Uses tests/browser/harness.mjs (loopback static server for dist/, Debian's Chromium).
//
// Prints:
// 1. Cold load → first diagnostics: median of 5 fresh browser contexts. The figure is the
//    page's `data-first-diagnostics-ms` (performance.now(), i.e. from navigation start, when
//    the first analysis has been rendered into the DOM).
// 2. Keystroke → updated diagnostics, median and p95, at 1,000 and 10,000 lines. The file is
//    real fixture code (tests/fixtures/*/*.go bodies, repeated under one package clause),
//    once with every fixture and once without the syntax-error rule's broken ones.
//    The file ends with a whole fixture (no function cut off at the end: a syntax error in
//    every text would make every keystroke a fresh parse and analysis; until this session's
//    change the file was cut at exactly N lines, mid-function).
//    One character is typed at a time into a line in the middle of the file (a real key
//    press through Chromium's input pipeline), waiting for each to settle. The clock starts
//    at the keydown event and stops at the first animation frame (just before paint) in
//    which the editor shows the analysis of exactly the text in the editor: the status
//    line's `data-fresh` is true and its `data-shown-id` is newer than before the key, so
//    the marks, gutter and findings list are those of the new text. Also printed: the time
//    at which the DOM first holds that analysis (the MutationObserver's callback), before
//    the wait for the display's next frame.
//    For reference, the same keys typed into the same text in a bare page: a textarea and a
//    worker that answers a fixed 2 ms after each key's beforeinput, its answer put in the DOM.
//    Chromium hands a page a worker's message only after the key's own frame (whenever the
//    message came), so even that answer is painted a frame after the typed character. This is
//    why the app analyses a text of up to 48 KB on the page itself (src/ui/route.rs): the
//    1,000-line file (24 KB) is analysed there, the 10,000-line one in the worker.
// 3. The worker's analyzer throughput in wasm: real Go files from the Go 1.22 source tree
//    sent to a fresh worker (the app's own worker.js); MB/s from the worker's own
//    analysis time (`millis`) and from the round trip (JSON both ways included).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launch, DIST } from '../tests/browser/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const quick = process.argv.includes('--quick');

function median(xs) { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; }
function pct(xs, p) { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; }
const f1 = (x) => x.toFixed(1);

/** A Go file of `lines` lines made of the fixtures' code (package and import lines dropped). */
function goFile(lines, valid = false) {
  const dir = path.join(repo, 'tests/fixtures');
  const bodies = [];
  for (const rule of fs.readdirSync(dir).sort()) {
    if (valid && rule === 'syntax-error') continue;
    for (const f of fs.readdirSync(path.join(dir, rule)).filter((n) => n.endsWith('.go')).sort()) {
      const text = fs.readFileSync(path.join(dir, rule, f), 'utf8');
      const kept = [];
      let inImport = false;
      for (const l of text.split('\n')) {
        if (inImport) { if (l.startsWith(')')) inImport = false; continue; }
        if (l.startsWith('import (')) { inImport = true; continue; }
        if (/^(package |import |\/\/go:build|\/\/ want|\/\/go:debug)/.test(l)) continue;
        kept.push(l);
      }
      bodies.push(kept.join('\n'));
    }
  }
  const out = ['package main', '', 'import (', '\t"fmt"', '\t"net/http"', '\t"sync"', '\t"time"', ')', ''];
  // Whole fixture bodies only, up to `lines` lines: a body cut in the middle would leave an
  // unclosed function at the end of the file, a syntax error in every keystroke's text.
  for (let i = 0; ; i++) {
    const body = bodies[i % bodies.length].split('\n');
    if (out.length + body.length > lines) break;
    out.push(...body);
  }
  return out.join('\n') + '\n';
}

async function coldLoads(browser, url, n) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(url);
    await page.waitForSelector('html[data-first-diagnostics-ms]', { timeout: 30000 });
    times.push(Number(await page.getAttribute('html', 'data-first-diagnostics-ms')));
    await ctx.close();
  }
  return times;
}

async function keystrokes(browser, url, lines, keys, valid = false, inBody = false) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(url);
  await page.waitForSelector('#worker-state[data-state="ready"]', { timeout: 30000 });
  const text = goFile(lines, valid);
  await page.$eval('#code', (ta, text) => {
    ta.value = text;
    ta.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, text);
  await page.waitForFunction(() => {
    const s = document.querySelector('.editor-status');
    return s.dataset.fresh === undefined ? !s.querySelector('.pending') : s.dataset.fresh === 'true';
  }, null, { timeout: 60000 });
  const findings = await page.textContent('#diag-count');
  // The caret at the end of the middle line: wherever that falls (in the 10,000-line file
  // with syntax errors, right after a function's closing brace, where a typed character is
  // a new top-level syntax error: the text is then parsed afresh). With `inBody`, at the end
  // of the last statement line inside a function body before it instead.
  const all = text.split('\n');
  let line = Math.floor(lines / 2);
  if (inBody) {
    while (line > 1 && !/^\t+[^\s{}].*[^{}\s]$/.test(all[line - 1])) line--;
  }
  const mid = all.slice(0, line).join('\n').length;
  await page.focus('#code');
  await page.$eval('#code', (ta, at) => { ta.setSelectionRange(at, at); }, mid);
  await page.evaluate(() => {
    window.__bench = { t0: 0, own: null };
    document.addEventListener('keydown', () => {
      const b = window.__bench;
      b.t0 = performance.now();
      b.own = null;
      // The frame that paints the typed character itself (the input is handled before it).
      requestAnimationFrame(() => { b.own = performance.now() - b.t0; });
    }, true);
  });
  const times = [], doms = [], owns = [];
  for (let i = 0; i < keys; i++) {
    const before = await page.$eval('.editor-status', (e) => Number(e.dataset.shownId));
    // (The observer is in place before the key goes: the page may update in the key's own task.)
    await page.evaluate((before) => { window.__done = new Promise((resolve) => {
      const status = () => document.querySelector('.editor-status');
      // Builds before these hooks existed: the "updating…" span appears, then goes.
      let sawPending = false;
      const legacy = () => {
        if (status().querySelector('.pending')) { sawPending = true; return false; }
        return sawPending;
      };
      const ok = () => status().dataset.fresh === undefined ? legacy()
        : status().dataset.fresh === 'true' && Number(status().dataset.shownId) > before;
      // Two times: when the page's DOM holds the new analysis (what the app's own work
      // decides), and the start of the next animation frame, which paints it (that adds the
      // wait for the display's next refresh, on average half a frame: 8.3 ms at 60 Hz).
      const finish = () => {
        const dom = performance.now() - window.__bench.t0;
        requestAnimationFrame(() => resolve({ dom, frame: performance.now() - window.__bench.t0, own: window.__bench.own }));
      };
      const obs = new MutationObserver(() => {
        if (ok()) { obs.disconnect(); finish(); }
      });
      obs.observe(document.querySelector('.editor-pane'), { attributes: true, subtree: true, childList: true });
      setTimeout(() => { obs.disconnect(); resolve(null); }, 20000);
    }); }, before);
    await page.keyboard.press(i % 2 ? 'Backspace' : 'x');
    const ms = await page.evaluate(() => window.__done);
    if (ms === null) { console.log(`  (key ${i}: no update within 20 s)`); continue; }
    times.push(ms.frame);
    doms.push(ms.dom);
    if (ms.own !== null) owns.push(ms.own);
  }
  // Where the app analysed the text ("page" or "worker"; builds before: the worker).
  const on = (await page.getAttribute('.editor-status', 'data-analysed-on')) || 'worker';
  await ctx.close();
  return { times, doms, owns, findings, on };
}

/** The bare reference page (see the top): a textarea and a worker, no app. */
function barePage(dir) {
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><meta charset="utf-8"><title>bare</title>
<textarea id="code" rows="40" cols="120" wrap="off" spellcheck="false" style="font:14px/21px monospace"></textarea>
<p id="status">-</p><script src="bare.js"></script>`);
  fs.writeFileSync(path.join(dir, 'worker.js'), `onmessage = (e) => {
  const t = performance.now();
  while (performance.now() - t < e.data.work) {}
  postMessage(e.data.n);
};`);
  // Per key: when it went down, when its own frame began, when the answer was in the DOM and
  // when the frame after that began (ms after keydown).
  fs.writeFileSync(path.join(dir, 'bare.js'), `const w = new Worker('worker.js');
const ta = document.getElementById('code'), status = document.getElementById('status');
window.__keys = [];
let cur = null;
document.addEventListener('keydown', () => {
  const k = cur = { t0: performance.now(), own: null, dom: null, frame: null };
  window.__keys.push(k);
  requestAnimationFrame(() => { k.own = performance.now() - k.t0; });
}, true);
ta.addEventListener('beforeinput', () => w.postMessage({ n: window.__keys.length, work: 2 }));
w.onmessage = (e) => {
  const k = window.__keys[e.data - 1];
  status.textContent = 'answer ' + e.data;
  k.dom = performance.now() - k.t0;
  requestAnimationFrame(() => { k.frame = performance.now() - k.t0; });
};`);
}

async function bare(browser, text, keys) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gocompat-bare-'));
  barePage(dir);
  const server = await serveDist(dir);
  try {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(server.url);
    await page.$eval('#code', (ta, text) => { ta.value = text; }, text);
    const mid = text.split('\n').slice(0, Math.floor(text.split('\n').length / 2)).join('\n').length;
    await page.focus('#code');
    await page.$eval('#code', (ta, at) => ta.setSelectionRange(at, at), mid);
    for (let i = 0; i < keys; i++) {
      await page.keyboard.press(i % 2 ? 'Backspace' : 'x');
      await page.waitForFunction((n) => window.__keys.length === n && window.__keys[n - 1].frame !== null, i + 1);
    }
    const ks = await page.evaluate(() => window.__keys);
    await ctx.close();
    return { doms: ks.map((k) => k.dom), frames: ks.map((k) => k.frame), owns: ks.map((k) => k.own).filter((x) => x !== null) };
  } finally {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Go files from the Go 1.22 source tree (deterministic sample, no testdata). */
function stdFiles(n) {
  const root = '/usr/share/go-1.22/src';
  if (!fs.existsSync(root)) return [];
  const all = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) { if (e.name !== 'testdata') walk(p); } else if (e.name.endsWith('.go')) all.push(p);
    }
  };
  walk(root);
  const step = Math.max(1, Math.floor(all.length / n));
  return all.filter((_, i) => i % step === 0).slice(0, n);
}

async function throughput(browser, url, files) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(url);
  await page.waitForSelector('#worker-state[data-state="ready"]', { timeout: 30000 });
  const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
  // Builds before the one-module app had a separate worker wasm behind Trunk's loader shim.
  const legacy = fs.existsSync(path.join(DIST, 'worker_loader.js'));
  const r = await page.evaluate(async ({ texts, legacy }) => {
    let w;
    if (legacy) {
      w = new Worker('./worker_loader.js');
    } else {
      // As the page does: a module worker, handed the app's compiled module.
      w = new Worker('./worker.js', { type: 'module' });
      const wasm = document.querySelector('link[rel="preload"][href$=".wasm"]').href;
      w.postMessage(await WebAssembly.compileStreaming(fetch(wasm)));
    }
    const next = () => new Promise((res) => { w.onmessage = (e) => res(JSON.parse(e.data)); });
    let m = await next();
    if (m.kind !== 'ready') throw new Error('worker: ' + JSON.stringify(m));
    const ctx = { go_mod: null, from: null, to: null, toolchain: null, file_name: null };
    let bytes = 0, millis = 0, wall = 0, diags = 0;
    for (let round = 0; round < 2; round++) { // round 0 warms up the wasm tiers
      for (let i = 0; i < texts.length; i++) {
        const t0 = performance.now();
        // (Builds before the env request kind ignore the `kind` field.)
        w.postMessage(JSON.stringify({ kind: 'analyze', id: i + 1, code: texts[i], ctx }));
        m = await next();
        const t1 = performance.now();
        if (m.kind !== 'done') throw new Error('worker: ' + JSON.stringify(m).slice(0, 300));
        if (round === 1) {
          bytes += new TextEncoder().encode(texts[i]).length;
          millis += m.millis; wall += t1 - t0; diags += m.analysis.diagnostics.length;
        }
      }
    }
    w.terminate();
    return { bytes, millis, wall, diags };
  }, { texts, legacy });
  await ctx.close();
  return r;
}

const server = await serveDist();
const browser = await launch();
try {
  console.log(`# gocompat browser benchmark (${DIST}; Chromium headless, loopback)`);
  for (const f of fs.readdirSync(DIST).filter((n) => n.endsWith('.wasm')).sort()) {
    console.log(`wasm ${f}: ${fs.statSync(path.join(DIST, f)).size} B`);
  }
  const cold = await coldLoads(browser, server.url, 5);
  console.log(`cold load -> first diagnostics: median ${f1(median(cold))} ms (runs: ${cold.map(f1).join(', ')})`);
  for (const [lines, keys] of quick ? [[1000, 10], [10000, 4]] : [[1000, 30], [10000, 12]]) {
    // The file with every fixture (the syntax-error rule's broken code included: each
    // keystroke is then a fresh parse and analysis), and without the syntax-error fixtures
    // (unchanged functions keep their findings: src/analyzer/reuse.rs).
    // At 10,000 lines with syntax errors, also typing at the end of a statement in a function
    // body (the middle line is right after a function's `}`).
    for (const [valid, inBody] of lines > 5000 ? [[false, false], [false, true], [true, false]] : [[false, false], [true, false]]) {
      const { times, doms, owns, findings, on } = await keystrokes(browser, server.url, lines, keys, valid, inBody);
      const what = (valid ? ', no syntax errors' : '') + (inBody ? ', typing in a function body' : '') + `, analysed ${on === 'page' ? 'on the page' : 'in the worker'}`;
      console.log(`keystroke -> updated diagnostics at ${lines} lines (${findings}${what}): ` +
        `in the DOM median ${f1(median(doms))} ms, p95 ${f1(pct(doms, 0.95))} ms; ` +
        `painted (next frame) median ${f1(median(times))} ms, p95 ${f1(pct(times, 0.95))} ms (n=${times.length}); ` +
        `the typed character's own frame median ${f1(median(owns))} ms`);
    }
    const f = await bare(browser, goFile(lines), keys);
    console.log(`  for reference, a bare page at ${lines} lines (a textarea; a worker answering 2 ms after the key): ` +
      `in the DOM median ${f1(median(f.doms))} ms, painted median ${f1(median(f.frames))} ms; ` +
      `the typed character's own frame median ${f1(median(f.owns))} ms`);
  }
  const files = stdFiles(quick ? 20 : 60);
  if (files.length) {
    const r = await throughput(browser, server.url, files);
    const mb = r.bytes / 1e6;
    console.log(`worker analyzer in wasm: ${files.length} files of /usr/share/go-1.22/src, ${f1(mb * 1000)} KB, ${r.diags} findings: ` +
      `${f1(mb / (r.millis / 1000))} MB/s analysis, ${f1(mb / (r.wall / 1000))} MB/s round trip (JSON both ways)`);
  } else {
    console.log('worker analyzer in wasm: skipped (no /usr/share/go-1.22/src)');
  }
} finally {
  await browser.close();
  await server.close();
}
