import { serveDist, launch } from './harness.mjs';
import fs from 'node:fs';
const lines = Number(process.argv[2] || 1000);
const server = await serveDist();
const browser = await launch();
const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
const page = await ctx.newPage();
await page.goto(server.url);
await page.waitForSelector('#worker-state[data-state="ready"]', { timeout: 30000 });
// same file as bench
const { goFile } = await import('/tmp/prof/gofile.mjs');
const text = goFile(lines);
await page.$eval('#code', (ta, text) => { ta.value = text; ta.dispatchEvent(new InputEvent('input', { bubbles: true })); }, text);
await page.waitForFunction(() => document.querySelector('.editor-status').dataset.fresh === 'true', null, { timeout: 60000 });
console.log('findings', await page.textContent('#diag-count'));
const mid = text.split('\n').slice(0, Math.floor(lines / 2)).join('\n').length;
await page.focus('#code');
await page.$eval('#code', (ta, at) => { ta.setSelectionRange(at, at); }, mid);
await page.evaluate(() => { window.__t0 = 0; document.addEventListener('keydown', () => { window.__t0 = performance.now(); }, true); });
await browser.startTracing(page, { path: '/tmp/prof/trace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] });
const times = [];
for (let i = 0; i < 12; i++) {
  const before = await page.$eval('.editor-status', (e) => Number(e.dataset.shownId));
  const done = page.evaluate((before) => new Promise((resolve) => {
    const st = () => document.querySelector('.editor-status');
    const obs = new MutationObserver(() => { if (st().dataset.fresh === 'true' && Number(st().dataset.shownId) > before) { obs.disconnect(); requestAnimationFrame(() => resolve(performance.now() - window.__t0)); } });
    obs.observe(document.querySelector('.editor-pane'), { attributes: true, subtree: true, childList: true });
  }), before);
  await page.keyboard.press(i % 2 ? 'Backspace' : 'x');
  times.push(await done);
}
await browser.stopTracing();
console.log('times', times.map((t) => t.toFixed(1)).join(' '));
console.log('status', await page.textContent('.editor-status'));
await browser.close(); await server.close();
