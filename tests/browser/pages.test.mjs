// Browser tests of the generated rule pages (`gocompat site`, written into dist/rules/ by
// scripts/post_build.d/20-rule-pages.sh): `node --test tests/browser/pages.test.mjs` after a
// trunk build.
//
// The expected rules and go env checks are read from the source tree (every `declare_rule!`
// id under src/rules/<family>/ and every "goenv-..." id in src/goenv/checks.rs), not from
// the generator, so a rule missing from the pages fails here. Every rule page must exist,
// its "Open in playground" link for the bad example must load the app with exactly the
// example's code and show a finding of that rule, and the link for the good example must
// show none. Every go env check's example must show that check in the go env view.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launch, watch, artifact } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');

function ruleIdsFromSource() {
  const ids = [];
  const rules = path.join(repo, 'src/rules');
  for (const fam of fs.readdirSync(rules)) {
    const dir = path.join(rules, fam);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.rs'))) {
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      const m = /declare_rule!\s*\{[\s\S]*?\bid:\s*"([^"]+)"/.exec(src);
      if (m) ids.push(m[1]);
    }
  }
  return ids.sort();
}

function envIdsFromSource() {
  const src = fs.readFileSync(path.join(repo, 'src/goenv/checks.rs'), 'utf8');
  return [...new Set([...src.matchAll(/"(goenv-[a-z0-9-]+)"/g)].map((m) => m[1]))].sort();
}

const RULES = ruleIdsFromSource();
const ENV_CHECKS = envIdsFromSource();

let server;
let browser;
let origin;
before(async () => {
  server = await serveDist();
  origin = server.url.replace(/\/$/, '');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function newPage(t, opts = {}) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', ...opts });
  t.after(() => ctx.close());
  const page = await ctx.newPage();
  return { page, w: watch(page, origin) };
}

/** Findings of the app's code view once its (synchronous first) analysis is on screen. */
async function findingRules(page) {
  await page.waitForSelector('#diag-heading', { timeout: 20000 });
  const more = await page.$('button.show-all');
  if (more) await more.click();
  return page.$$eval('#diagnostics li.diag', (lis) => lis.map((li) => li.dataset.rule));
}

test('the index lists every rule and every go env check; the playground links to it', async (t) => {
  assert.ok(RULES.length > 40, `rules found in the source: ${RULES.length}`);
  assert.ok(ENV_CHECKS.length > 30, `go env checks found in the source: ${ENV_CHECKS.length}`);
  const { page, w } = await newPage(t);
  const res = await page.goto(`${server.url}rules/index.html`);
  assert.equal(res.status(), 200);
  const listed = await page.$$eval('li.rule', (lis) => lis.map((li) => li.dataset.rule).sort());
  assert.deepEqual(listed, RULES);
  for (const id of RULES) assert.ok(await page.$(`li.rule a[href="${id}.html"]`), `index links ${id}`);
  const checks = await page.$$eval('li.check', (lis) => lis.map((li) => li.dataset.check).sort());
  assert.deepEqual(checks, ENV_CHECKS);
  assert.equal(await page.$$eval('script', (s) => s.length), 0, 'no script on the page');
  // The playground's header links here, and the index links back.
  await page.goto(server.url);
  await page.click('#rules-link');
  await page.waitForURL(/\/rules\/index\.html$/);
  assert.equal(await page.textContent('h1'), 'Rules');
  await page.click('header .brand');
  await page.waitForSelector('#diag-heading');
  assert.deepEqual(w.errors, []);
  assert.deepEqual(w.foreign, []);
});

/** The state a playground link carries (`#v=1&...&z=base64url(raw deflate(JSON))`, src/share.rs). */
function decodeState(href) {
  const z = new URL(href).hash.slice(1).split('&').find((p) => p.startsWith('z='))?.slice(2);
  return JSON.parse(zlib.inflateRawSync(Buffer.from(z, 'base64url')).toString('utf8'));
}

/** Opens a share-state link on the app already open in `page` by changing only the fragment
 *  (the app loads a new fragment on hashchange), as back/forward or a pasted link do. */
async function openByHash(page, href) {
  await page.evaluate((h) => { window.location.hash = h; }, new URL(href).hash);
}

/** Waits until the code view shows the analysis of exactly `code`. */
async function codeSettled(page, code) {
  await page.waitForFunction((c) => {
    const ta = document.querySelector('#code');
    return ta && ta.value === c && document.querySelector('#diag-heading') && !document.querySelector('.editor-status .pending');
  }, code, { timeout: 20000 });
}

test('every rule page exists and its examples open in the playground with the right finding', async (t) => {
  const { page, w } = await newPage(t);
  const problems = [];
  // Every page exists; its examples and links, in page order.
  const examples = [];
  for (const id of RULES) {
    const res = await page.goto(`${server.url}rules/${id}.html`);
    if (res.status() !== 200) { problems.push(`${id}: rule page status ${res.status()}`); continue; }
    assert.equal(await page.textContent('#rule-id'), id);
    const ex = await page.$$eval('figure.example', (figs) => figs.map((f) => ({
      kind: f.querySelector('a.play')?.dataset.example,
      href: f.querySelector('a.play')?.href,
      code: f.querySelector('pre code').textContent,
      toolchain: (/toolchain go(\S+)/.exec(f.querySelector('.versions').textContent) || [])[1] || null,
    })));
    if (!ex.some((e) => e.kind === 'bad') || !ex.some((e) => e.kind === 'good')) problems.push(`${id}: needs a bad and a good example`);
    for (const e of ex) examples.push({ id, ...e });
  }
  // A reader follows the first link from its page: a full load of the app.
  await page.goto(`${server.url}rules/${examples[0].id}.html`);
  await Promise.all([page.waitForURL(/\/index\.html#v=1&/), page.click('a.play[data-example="bad"]')]);
  // Then every example, each on the open app by its fragment.
  for (const [i, ex] of examples.entries()) {
    if (i > 0) await openByHash(page, ex.href);
    try {
      await codeSettled(page, ex.code);
    } catch {
      problems.push(`${ex.id} (${ex.kind}): the editor does not show the example`);
      continue;
    }
    const found = await findingRules(page);
    if (ex.toolchain) {
      const pinned = (await page.$('#pinned')) ? await page.textContent('#pinned') : '';
      if (!pinned.includes(`go${ex.toolchain}`)) problems.push(`${ex.id} (${ex.kind}): toolchain ${ex.toolchain} not shown: ${pinned}`);
    } else if (await page.$('#pinned')) {
      problems.push(`${ex.id} (${ex.kind}): a toolchain is shown although the example sets none`);
    }
    if (ex.kind === 'bad' && !found.includes(ex.id)) problems.push(`${ex.id}: bad example shows ${JSON.stringify(found)}`);
    if (ex.kind === 'good' && found.includes(ex.id)) problems.push(`${ex.id}: good example shows the rule's finding`);
  }
  assert.ok(examples.length >= 2 * RULES.length);
  assert.deepEqual(problems, []);
  assert.deepEqual(w.errors, []);
  assert.deepEqual(w.foreign, []);
});

test('every go env check example opens in the go env view with that check', async (t) => {
  const { page, w } = await newPage(t);
  await page.goto(`${server.url}rules/index.html`);
  const links = await page.$$eval('li.check', (lis) => lis.map((li) => ({
    id: li.dataset.check, href: li.querySelector('a.play')?.href,
  })));
  assert.equal(links.length, ENV_CHECKS.length);
  const problems = [];
  // The first by following the link, the rest by fragment on the open app.
  await Promise.all([page.waitForURL(/\/index\.html#v=1&mode=env&/), page.click(`li.check[data-check="${links[0].id}"] a.play`)]);
  for (const [i, { id, href }] of links.entries()) {
    if (!href) { problems.push(`${id}: no playground link`); continue; }
    if (i > 0) await openByHash(page, href);
    const paste = decodeState(href).env;
    try {
      await page.waitForFunction((text) => {
        const v = document.querySelector('#env-view');
        const input = document.querySelector('#env-input');
        return v && input && input.value === text && v.dataset.pending === 'false' && document.querySelector('#env-problem-count');
      }, paste, { timeout: 20000 });
    } catch {
      problems.push(`${id}: the go env view did not show the example`);
      continue;
    }
    const shown = await page.$$eval('#env-problems li.env-problem', (lis) => lis.map((li) => li.dataset.check));
    if (!shown.includes(id)) problems.push(`${id}: the example shows ${JSON.stringify(shown)}`);
  }
  assert.deepEqual(problems, []);
  assert.deepEqual(w.errors, []);
  assert.deepEqual(w.foreign, []);
});

test('screenshots: index and a rule page, light and dark, 360 px and 1280 px', async (t) => {
  for (const scheme of ['light', 'dark']) {
    for (const width of [360, 1280]) {
      const { page } = await newPage(t, { colorScheme: scheme, viewport: { width, height: 800 } });
      await page.goto(`${server.url}rules/index.html`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `index overflows ${overflow}px at ${width}px`);
      await page.screenshot({ path: artifact(`rules-index-${scheme}-${width}.png`) });
      await page.goto(`${server.url}rules/tls-rsa-kex-suites-not-default.html`);
      const o2 = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(o2 <= 0, `rule page overflows ${o2}px at ${width}px`);
      await page.screenshot({ path: artifact(`rules-page-${scheme}-${width}.png`), fullPage: width === 360 });
    }
  }
});
