// Shared by the browser tests: a static server for dist/ on 127.0.0.1 (with a request log)
// and a Chromium launched the way this machine needs (Debian /usr/bin/chromium, no downloads).
//
// Zero network, checked in every test: every browser context made through `launch()`
// (`browser.newContext`/`browser.newPage`) or `launchPersistent()` records every request of its
// pages, their workers and service workers (see `track`), and an automatic `afterEach` hook fails
// the test if one of them was stray (see `strayRequests` for the precise rules).
import { afterEach } from 'node:test';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = process.env.GOCOMPAT_DIST || path.resolve(here, '../../dist');
export const ARTIFACTS = path.resolve(here, 'artifacts');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain',
  '.webmanifest': 'application/manifest+json',
};

/** Origin (`http://127.0.0.1:PORT`) → the directory that server serves (see `strayRequests`). */
const SERVED = new Map();

/**
 * Serves DIST on an ephemeral loopback port. `requests` lists every path asked for.
 * `intercept(url, res)`, if given, sees each request first and returns true if it answered it
 * (a test breaking one file, say).
 */
export async function serveDist(dir = DIST, { intercept } = {}) {
  if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error(`no build in ${dir}: run trunk build first`);
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push(url.pathname);
    if (intercept && intercept(url, res)) return;
    let p = path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    if (p.endsWith('/')) p += 'index.html';
    const file = path.join(dir, p);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404); res.end('not found'); return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  SERVED.set(origin, path.resolve(dir));
  return {
    url: `${origin}/`, origin, requests,
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
  };
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A headless Chromium whose contexts and pages are all `track`ed. */
export async function launch() {
  // playwright gives every non-persistent launch a fresh, empty profile directory.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...a) => track(await newContext(...a));
  // browser.newPage makes its own hidden context: track that one too.
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...a) => { const p = await newPage(...a); track(p.context()); return p; };
  return browser;
}

/** `chromium.launchPersistentContext` with this machine's Chromium, `track`ed. */
export async function launchPersistent(dir, options = {}) {
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, ...options,
  });
  return track(ctx);
}

// ---------------------------------------------------------------------------------------------
// The request log and its rules.

const tracked = new WeakSet();
let strays = [];
/** Per frame: the URLs it requested since its last navigation. */
const seenByFrame = new WeakMap();
/** Per service worker: the URLs it requested (its install caches each file once). */
const seenBySw = new WeakMap();
/** Pages whose app said it finished loading (`markLoaded`): no request until they navigate. */
const loadedPages = new WeakSet();

function servedFile(u) {
  const dir = SERVED.get(u.origin);
  if (!dir) return null;
  let p = path.normalize(decodeURIComponent(u.pathname));
  if (p.endsWith('/')) p += 'index.html';
  const file = path.join(dir, p);
  return file.startsWith(dir) && fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
}

function check(r) {
  const url = r.url();
  if (/^(data|blob):/.test(url)) return;
  const stray = (why) => strays.push(`${why}: ${r.method()} ${url} (${r.resourceType()})`);
  let u;
  try { u = new URL(url); } catch { stray('unparsable URL'); return; }
  if (!SERVED.has(u.origin)) { stray('not the app\'s own test server'); return; }
  if (!servedFile(u)) { stray('not a file of the build'); return; }
  const key = u.origin + u.pathname + u.search;
  const sw = r.serviceWorker();
  if (sw) {
    const seen = seenBySw.get(sw) || new Set();
    seenBySw.set(sw, seen);
    if (seen.has(key)) stray('asked for twice by one service worker');
    seen.add(key);
    return;
  }
  const frame = r.frame();
  if (r.isNavigationRequest()) {
    seenByFrame.set(frame, new Set([key]));
    if (frame === frame.page().mainFrame()) loadedPages.delete(frame.page());
    return;
  }
  if (loadedPages.has(frame.page())) { stray('after the app had loaded'); }
  const seen = seenByFrame.get(frame) || new Set();
  seenByFrame.set(frame, seen);
  // The browser itself asks for the page's icon again when the URL changes in the page.
  if (seen.has(key) && !(r.resourceType() === 'other' && /\/favicon[^/]*$/.test(u.pathname))) {
    stray('asked for twice since the page loaded');
  }
  seen.add(key);
}

/**
 * Records every request of `context`'s pages, dedicated workers and service workers. A request is
 * stray (and fails the running test, see the `afterEach` below) if it
 *  - goes anywhere but a server started by `serveDist` in this process (any other origin, any
 *    other scheme than data:/blob:), or
 *  - asks for something that is not a file of the served build (a 404), or
 *  - asks a second time, within one load of a frame (navigation to navigation), for a URL that
 *    frame (or its workers) already asked for (except the page's icon, which Chromium asks for
 *    again when the page changes its URL), or a service worker asks twice for one URL, or
 *  - is not a navigation and comes from a page after `markLoaded(page)` (until it navigates).
 * Navigations (the test's goto/reload/clicks on links, iframes) are allowed to any file of the
 * build. So after the app has loaded, it can only fetch a file of its build it never fetched.
 */
export function track(context) {
  if (tracked.has(context)) return context;
  tracked.add(context);
  context.on('request', (r) => {
    try { check(r); } catch (e) { strays.push(`could not check ${r.url()}: ${e}`); }
  });
  return context;
}

/** From now until its next navigation, any request of `page` is stray. */
export function markLoaded(page) {
  loadedPages.add(page);
}

/** The stray requests recorded since the last call (and forgets them). */
export function takeStrayRequests() {
  const s = strays;
  strays = [];
  return s;
}

/** Throws if a tracked context made a stray request since the last check. */
export function assertNoStrayRequests() {
  const s = takeStrayRequests();
  if (s.length) throw new Error(`stray network requests (the page must not use the network after load):\n  ${s.join('\n  ')}`);
}

// Every test file that imports the harness checks after each test.
afterEach(() => assertNoStrayRequests());

/** Records every request a page makes that does not go to `origin`, and console errors. */
export function watch(page, origin) {
  const foreign = [];
  const errors = [];
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return { foreign, errors };
}

export function artifact(name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}
