// Browser tests of the go env view (src/ui/env_view.rs): `node --test tests/browser/env.test.mjs`
// after `trunk build --release --offline` has filled dist/.
//
// The expectations are the core's own answers: for each pasted text the test runs
// `cargo run -q -- env --format json FILE` on the same text, so the page must show what the
// core says (format, version, every variable's status, every problem).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launch, watch, artifact } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const SAMPLES = path.join(repo, 'data/knowledge/goenv-samples');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gocompat-env-test-'));

/** The core's report for `text` (the CLI exits 1 when it finds problems: not a failure). */
function coreReport(text, name) {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  const r = spawnSync('cargo', ['run', '-q', '--', 'env', '--format', 'json', file], { cwd: repo, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.ok(r.status === 0 || r.status === 1, `gocompat env ${name}: exit ${r.status}\n${r.stderr}`);
  return JSON.parse(r.stdout).report;
}

/** Leading provenance lines of a sample (`# …`, `REM …`, blank) removed: what a user pastes. */
function stripProvenance(text) {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && /^\s*(#|REM\b|$)/.test(lines[i])) i++;
  return lines.slice(i).join('\n');
}

let server;
let browser;
before(async () => {
  server = await serveDist();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function openEnv(t, { scheme = 'light', width = 1360, height = 900 } = {}) {
  const ctx = await browser.newContext({ viewport: { width, height }, colorScheme: scheme });
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  const page = await ctx.newPage();
  const w = watch(page, server.url.replace(/\/$/, ''));
  t.after(() => ctx.close());
  await page.goto(server.url);
  await page.click('#mode-env');
  await page.waitForSelector('#env-input');
  return { page, w };
}

/** Types `text` into the env view and waits for the debounced result for exactly that text. */
async function paste(page, text) {
  await page.fill('#env-input', text);
  const len = await page.$eval('#env-input', (e) => e.value.length);
  await page.waitForSelector(`#env-view[data-analyzed-len="${len}"][data-pending="false"]`, { timeout: 15000 });
}

async function shown(page) {
  return page.evaluate(() => ({
    format: document.querySelector('#env-format')?.textContent,
    minor: Number(document.querySelector('#env-version')?.dataset.minor),
    version: document.querySelector('#env-version')?.textContent,
    rows: [...document.querySelectorAll('#env-table tbody tr[data-var]')].map((r) => [r.dataset.var, r.dataset.status]),
    checks: [...document.querySelectorAll('#env-problems [data-check]')].map((li) => ({
      id: li.dataset.check, severity: li.dataset.severity,
      fix: li.querySelector('.env-fix-cmd')?.textContent ?? null,
      text: li.textContent,
    })),
    count: document.querySelector('#env-problem-count')?.textContent,
    godebugRows: document.querySelectorAll('#godebug-table tbody tr').length,
  }));
}

function assertMatchesCore(s, core, label) {
  assert.equal(s.format, core.format, `${label}: format`);
  assert.equal(s.minor, core.minor, `${label}: version`);
  const want = core.vars.map((v) => [v.name, v.status]);
  assert.deepEqual(s.rows, want, `${label}: every variable with the core's status`);
  assert.deepEqual(s.checks.map((c) => c.id), core.findings.map((f) => f.id), `${label}: problems`);
  core.findings.forEach((f, i) => {
    assert.equal(s.checks[i].severity, f.severity, `${label}: ${f.id} severity`);
    assert.equal(s.checks[i].fix, f.fix ? f.fix.command : null, `${label}: ${f.id} fix command`);
    // Shown as text; `code` spans become <code> elements (their backticks are not shown).
    const plain = f.message.replaceAll('**', '').replaceAll('`', '');
    assert.ok(s.checks[i].text.includes(plain), `${label}: ${f.id} message`);
  });
  assert.ok(s.godebugRows > 10, `${label}: GODEBUG table has rows`);
}

test('every goenv sample, as stored and without its provenance comments, shows what the core says', async (t) => {
  const { page, w } = await openEnv(t);
  const names = fs.readdirSync(SAMPLES).filter((n) => n.endsWith('.txt')).sort();
  assert.equal(names.length, 6);
  const timings = [];
  for (const name of names) {
    const stored = fs.readFileSync(path.join(SAMPLES, name), 'utf8');
    for (const [variant, text] of [['stored', stored], ['stripped', stripProvenance(stored)]]) {
      const core = coreReport(text, `${variant}-${name}`);
      await paste(page, text);
      const s = await shown(page);
      assertMatchesCore(s, core, `${name} (${variant})`);
      timings.push(Number(await page.getAttribute('#env-view', 'data-ms')));
      if (!name.includes('changed')) assert.ok(s.rows.length >= 30, `${name}: full listing`);
    }
  }
  // The whole computation (report + upgrade + GODEBUG) on the page, per paste.
  t.diagnostic(`env computation on the page: max ${Math.max(...timings)} ms, median ${timings.sort((a, b) => a - b)[timings.length >> 1]} ms`);
  // Spot checks that do not depend on the CLI: what the samples are.
  await paste(page, fs.readFileSync(path.join(SAMPLES, 'windows-amd64-go1.22.txt'), 'utf8'));
  let s = await shown(page);
  assert.match(s.format, /^Windows cmd\.exe/);
  assert.equal(s.minor, 22);
  assert.equal(await page.textContent('#env-os'), 'windows/amd64');
  await paste(page, fs.readFileSync(path.join(SAMPLES, 'linux-amd64-go1.15.txt'), 'utf8'));
  s = await shown(page);
  assert.match(s.format, /double quotes/);
  assert.equal(s.minor, 15);
  assert.equal(await page.getAttribute('#env-table tr[data-var="GOPROXY"]', 'data-status'), 'default');
  assert.deepEqual(w.errors, []);
  assert.deepEqual(w.foreign, []);
});

const CONTAINER = fs.readFileSync(path.join(here, 'env-container.txt'), 'utf8');

test('a broken container paste: HOME unset, GOSUMDB=off, GO111MODULE=off, GODEBUG=stackguard', async (t) => {
  for (const scheme of ['light', 'dark']) {
    const { page, w } = await openEnv(t, { scheme });
    await paste(page, CONTAINER);
    const s = await shown(page);
    assertMatchesCore(s, coreReport(CONTAINER, 'container.txt'), `container (${scheme})`);
    const by = Object.fromEntries(s.checks.map((c) => [c.id, c]));
    assert.ok(by['goenv-no-home'], 'HOME unset is reported');
    assert.equal(by['goenv-no-home'].severity, 'error');
    assert.equal(by['goenv-gosumdb-off'].fix, 'go env -u GOSUMDB');
    assert.equal(by['goenv-go111module-off'].fix, 'go env -u GO111MODULE');
    assert.ok(by['goenv-godebug-stackguard'].text.includes('is not a Go setting'));
    // The GODEBUG section says plainly that stackguard is not a Go setting.
    const foreign = await page.textContent('#godebug-foreign li[data-key="stackguard"]');
    assert.match(foreign, /stackguard=1 is not a Go setting/);
    assert.equal(await page.$('#godebug-table tr[data-setting="stackguard"]'), null);
    assert.equal(await page.getAttribute('#env-table tr[data-var="GOSUMDB"]', 'data-status'), 'changed');
    // The live region carries the problem count.
    assert.equal(await page.getAttribute('#env-problem-count', 'aria-live'), 'polite');
    assert.match(s.count, /^4 problems: 1 error, 2 warnings, 1 note\.$/);
    // Version detection and its basis.
    assert.match(s.version, /go1\.19 \(go1\.19\.8\)/);
    assert.match(await page.textContent('#env-version + .basis'), /GOVERSION/);
    // Upgrade section: detected go1.19 → the page's To (go1.22).
    assert.match(await page.textContent('#env-upgrade-h'), /go1\.19 → go1\.22/);
    await page.selectOption('#env-upgrade-from', 'page');
    await page.waitForFunction(() => /go1\.21 → go1\.22/.test(document.querySelector('#env-upgrade-h')?.textContent));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: artifact(`env-container-${scheme}.png`), fullPage: true });
    assert.deepEqual(w.errors, []);
    assert.deepEqual(w.foreign, []);
  }
});

test('the Copy button copies the fix command (clipboard API, and the fallback without it)', async (t) => {
  const { page, w } = await openEnv(t);
  await paste(page, CONTAINER);
  await page.click('#env-problems [data-check="goenv-gosumdb-off"] .env-copy');
  await page.waitForFunction(() => /Copied/.test(document.querySelector('#env-copy-status').textContent));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'go env -u GOSUMDB');
  // No clipboard API (or it refuses): the hidden-textarea fallback.
  await page.evaluate(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => ({ writeText: () => Promise.reject(new Error('denied')) }), configurable: true });
  });
  await page.click('#env-problems [data-check="goenv-go111module-off"] .env-copy');
  await page.waitForFunction(() => /GO111MODULE/.test(document.querySelector('#env-copy-status').textContent));
  const status = await page.textContent('#env-copy-status');
  assert.match(status, /^Copied: go env -u GO111MODULE$/, status);
  assert.equal(await page.$('textarea[aria-hidden="true"]'), null, 'the fallback textarea is removed');
  assert.deepEqual(w.errors, []);
});

test('filters, unrecognised lines, text-only rendering', async (t) => {
  const { page, w } = await openEnv(t);
  const text = CONTAINER + "this line is not go env\nGOFLAGS='<img src=x onerror=\"window.pwned=1\">'\n";
  await paste(page, text);
  const all = await page.$$eval('#env-table tbody tr', (rs) => rs.length);
  await page.check('#env-changed-only');
  const changed = await page.$$eval('#env-table tbody tr', (rs) => rs.map((r) => r.dataset.status));
  assert.ok(changed.length > 0 && changed.length < all, `${changed.length} of ${all}`);
  await page.uncheck('#env-changed-only');
  await page.check('#env-problems-only');
  const probs = await page.$$eval('#env-table tbody tr', (rs) => rs.map((r) => [r.dataset.var, r.dataset.problem]));
  assert.ok(probs.length > 0 && probs.every(([, p]) => p === 'true'), JSON.stringify(probs));
  assert.ok(probs.some(([v]) => v === 'GOSUMDB'));
  await page.uncheck('#env-problems-only');
  assert.equal(await page.$$eval('#env-table tbody tr', (rs) => rs.length), all);
  // The unrecognised line is listed with its number, never dropped.
  const n = text.split('\n').indexOf('this line is not go env') + 1;
  assert.equal(await page.textContent(`#env-unrecognised li[data-line="${n}"] code`), 'this line is not go env');
  // User text is text.
  assert.equal(await page.$('#env-view img'), null);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.match(await page.textContent('#env-table tr[data-var="GOFLAGS"] td.val'), /<img src=x/);
  // Accessibility: table headers and labelled controls.
  assert.ok(await page.$$eval('#env-table thead th[scope="col"]', (h) => h.length) >= 6);
  assert.ok(await page.$('label[for="env-input"]'));
  assert.deepEqual(w.errors, []);
});

test('a full sample, screenshots in both themes', async (t) => {
  for (const scheme of ['light', 'dark']) {
    const { page } = await openEnv(t, { scheme });
    await paste(page, stripProvenance(fs.readFileSync(path.join(SAMPLES, 'linux-amd64-go1.22.txt'), 'utf8')));
    await page.screenshot({ path: artifact(`env-linux-go1.22-${scheme}.png`), fullPage: true });
  }
});

test('a 360px screen: no horizontal page scroll (wide tables scroll in their own box)', async (t) => {
  const { page } = await openEnv(t, { width: 360, height: 740 });
  await paste(page, CONTAINER);
  const { sw, cw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }));
  assert.ok(sw <= cw, `page is ${sw}px wide in a ${cw}px viewport`);
});

test("the GODEBUG table uses the page's go.mod and the pasted GODEBUG, as the core resolves them", async (t) => {
  const { page, w } = await openEnv(t);
  const gomod = 'module example.com/m\n\ngo 1.21\n';
  await page.click('details.gomod > summary');
  await page.fill('#gomod', gomod);
  const text = "GOVERSION='go1.23.5'\nGODEBUG='httpmuxgo121=0,stackguard=1'\n";
  await paste(page, text);
  const modFile = path.join(tmp, 'go.mod');
  fs.writeFileSync(modFile, gomod);
  const r = spawnSync('cargo', ['run', '-q', '--', 'godebug', '--go-mod', modFile, '--env', 'httpmuxgo121=0,stackguard=1',
    '--toolchain', '1.23.5', '--format', 'json'], { cwd: repo, encoding: 'utf8' });
  const core = JSON.parse(r.stdout);
  assert.equal(await page.textContent('#godebug-default'), core.default_godebug);
  const rows = await page.$$eval('#godebug-table tbody tr', (rs) => Object.fromEntries(rs.map((r) => [r.dataset.setting, r.dataset.builtin])));
  assert.equal(Object.keys(rows).length, core.settings.length, 'one row per setting');
  for (const s of core.settings) assert.equal(rows[s.name], String(s.source.kind === 'built_in'), s.name);
  const mux = await page.textContent('#godebug-table tr[data-setting="httpmuxgo121"]');
  assert.match(mux, /GODEBUG environment; overrides 1 from go 1\.21 \(go\.mod line 3\)/);
  assert.match(await page.textContent('#godebug-foreign'), /stackguard=1 is not a Go setting/);
  assert.match(await page.textContent('#env-godebug .hint'), /go1\.23\.5.*the page's go\.mod.*GODEBUG=httpmuxgo121=0,stackguard=1 from the paste/);
  assert.deepEqual(w.errors, []);
});
