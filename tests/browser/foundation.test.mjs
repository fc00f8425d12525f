// Foundation (issue 2): the served release build shows the range-over-int hazard for
// go1.21, marks its span in the code, and drops it when the version becomes go1.22.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, watch, artifact } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const SNIPPET = `package main

import "fmt"

func main() {
	for i := range 10 {
		fmt.Println(i)
	}
}
`;

test('range over int is flagged under go1.21, marked in the code, and gone under go1.22', async () => {
  const page = await browser.newPage();
  const { foreign, errors } = watch(page, server.url);
  await page.goto(server.url);
  const code = page.locator('#code');
  await code.waitFor();
  await page.selectOption('#from-version', '1.21');
  await code.fill('');
  await code.fill(SNIPPET);
  const item = page.locator('#diagnostics [data-rule="range-over-int-requires-go122"]');
  await item.first().waitFor({ timeout: 15000 });
  assert.match(await item.first().innerText(), /cannot range over 10 \(untyped int constant\): requires go1\.22 or later/);
  const mark = page.locator('mark[data-rule="range-over-int-requires-go122"]');
  await mark.first().waitFor();
  assert.equal((await mark.first().innerText()).trim(), '10');
  await page.screenshot({ path: artifact('foundation-go121.png'), fullPage: true });

  await page.selectOption('#from-version', '1.22');
  await page.waitForFunction(() => !document.querySelector('#diagnostics [data-rule="range-over-int-requires-go122"]'), null, { timeout: 15000 });
  assert.equal(await page.locator('mark[data-rule="range-over-int-requires-go122"]').count(), 0);
  assert.deepEqual(foreign, [], 'no request may leave the page');
  assert.deepEqual(errors, [], 'no page errors');
  await page.close();
});
