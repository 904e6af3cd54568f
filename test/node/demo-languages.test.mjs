// Issue 19, point 4 (loading half): under `npm run demo` (Vite's dev server, modules under
// /src/) the element loads every shipped language it is asked to speak, from /src/locales/.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

process.env.SOCIAL_LINK_DEMO_SIMULATOR = '1';
const dataDir = mkdtempSync(join(tmpdir(), 'slb-demo-'));
process.env.SOCIAL_LINK_DEMO_DATA = dataDir;

let server;
let browser;
let page;
const requested = [];

before(async () => {
  server = await createServer({
    configFile: new URL('../../vite.config.ts', import.meta.url).pathname,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  await server.listen();
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  page = await browser.newPage();
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(`http://127.0.0.1:${server.httpServer.address().port}/`);
  await page.locator('#main [data-network="linkedin"]').first().waitFor();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the demo speaks each shipped language it is switched to, loading its file once', { timeout: 120_000 }, async () => {
  // Each locale's button label, from its source (run in Node by the same dev server).
  const { SHIPPED } = await server.ssrLoadModule('/src/i18n/messages.ts');
  assert.equal(SHIPPED.length, 17);
  for (const tag of SHIPPED) await server.ssrLoadModule(`/src/locales/${tag}.ts`);
  const labels = globalThis.SocialLinkButtonLocales;
  const label = () => page.locator('#main').evaluate((el) => el.shadowRoot.querySelector('[part="label"]').textContent.trim());
  for (const tag of SHIPPED) {
    const expected = labels[tag.toLowerCase()].label;
    await page.locator('#main').evaluate((el, lang) => (el.lang = lang), tag);
    await page.waitForFunction(
      (want) => document.querySelector('#main').shadowRoot.querySelector('[part="label"]').textContent.trim() === want,
      expected,
      { timeout: 8000 },
    ).catch(async () => assert.fail(`${tag}: the label stayed "${await label()}"`));
    assert.equal(requested.filter((path) => path === `/src/locales/${tag}.ts`).length, 1, `${tag} was not asked for once`);
  }
  assert.deepEqual(requested.filter((path) => path.startsWith('/src/i18n/locales/')), []);
});
