// `npm run screenshots`: starts the demo against the Ayrshare simulator (as the end-to-end test
// does), drives Debian's Chromium and writes the README's pictures to docs/images/. Never
// downloads a browser: CHROME_PATH, else /usr/bin/chromium.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

process.env.SOCIAL_LINK_DEMO_SIMULATOR = '1';
// A fresh demo (Ada signed in, LinkedIn and X linked), whatever the developer's .demo-data/ holds.
const dataDir = await mkdtemp(join(tmpdir(), 'slb-screenshots-'));
process.env.SOCIAL_LINK_DEMO_DATA = dataDir;
const root = new URL('..', import.meta.url);
const out = new URL('docs/images/', root);
await mkdir(out, { recursive: true });

const server = await createServer({
  configFile: new URL('vite.config.ts', root).pathname,
  root: root.pathname,
  logLevel: 'silent',
  server: { host: '127.0.0.1', port: 0, strictPort: false },
});
await server.listen();
const base = `http://127.0.0.1:${server.httpServer.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--font-render-hinting=none'],
  // The popup shot needs a real popup: keep the blocker's default (a click opens one).
  ignoreDefaultArgs: ['--disable-popup-blocking'],
});

/** POSTs a change to the demo's simulator switches from the page (same-origin JSON). */
const simulator = (page, change) =>
  page.evaluate(
    (body) => fetch('/api/demo/simulator', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json()),
    change,
  );

// A phone (docs/phones-and-in-app-browsers.md): Chrome on Android, touch, 360 px wide.
const PHONE = {
  isMobile: true,
  hasTouch: true,
  userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Mobile Safari/537.36',
};

/** A fresh page of the demo at `query`, loaded: every element has read the status. */
async function demo({ width = 900, height = 1000, query = '', scheme = 'light', phone = false } = {}) {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 2, colorScheme: scheme, ...(phone ? PHONE : {}) });
  await page.goto(`${base}/${query}`);
  await simulator(page, { reset: true });
  await page.evaluate(() => Promise.all([...document.querySelectorAll('social-link-button')].map((el) => el.refresh())));
  // Every element shows LinkedIn linked (the seeded state), in any language.
  await page.waitForFunction(
    () => [...document.querySelectorAll('social-link-button')].every((el) => el.shadowRoot?.querySelector('[data-network="linkedin"][data-linked]')),
    null,
    { timeout: 15_000 },
  );
  await page.waitForFunction(() => document.fonts.status === 'loaded');
  // And the brand glyphs, which come as a part of their own (an empty tile until then).
  await page.waitForFunction(() =>
    [...document.querySelectorAll('social-link-button')].every((el) => !el.shadowRoot?.querySelector('[part="icon"] path[d=""]')),
  );
  return page;
}

const panelOf = (page, id) => page.locator(`section:has(#${id})`);
const shot = async (locator, name) => {
  await locator.screenshot({ path: new URL(name, out).pathname, animations: 'disabled' });
  console.log(`docs/images/${name}`);
};

try {
  let page = await demo();
  await shot(panelOf(page, 'default-title'), 'light.png');
  // With one icon's tooltip showing, as a keyboard user sees it.
  await page.locator('section:has(#compact-title) social-link-button').evaluate((el) => el.shadowRoot.querySelector('[role="option"][tabindex="0"]').focus());
  await page.keyboard.press('End');
  await shot(panelOf(page, 'compact-title'), 'compact.png');
  await page.close();

  page = await demo({ query: '?theme=dark', scheme: 'dark' });
  await shot(panelOf(page, 'default-title'), 'dark.png');
  await page.close();

  // A phone: rows with two actions (an expiring LinkedIn) wrap them under the text.
  page = await demo({ width: 360, height: 1400 });
  await simulator(page, { health: { linkedin: 'expiring' } });
  await page.evaluate(() => document.querySelector('#main').refresh());
  await page.locator('#main [data-network="linkedin"][data-health="expiring"]').waitFor();
  await shot(panelOf(page, 'default-title'), 'phone-360.png');
  await page.close();

  page = await demo();
  await simulator(page, { failing: true });
  await page.locator('#refresh').click();
  await page.locator('#main [part="error"]').waitFor();
  await shot(panelOf(page, 'default-title'), 'error.png');
  await page.close();

  page = await demo();
  const popup = page.waitForEvent('popup');
  await page.locator('#main [part="button"]').click();
  const opened = await popup;
  await page.locator('#main [part="hint"]').waitFor();
  await opened.locator('h1').waitFor();
  await page.bringToFront();
  await shot(panelOf(page, 'default-title'), 'popup-open.png');
  await opened.close();
  await page.close();

  page = await demo();
  await simulator(page, { health: { linkedin: 'expiring', instagram: 'needs-reconnect' } });
  await page.evaluate(() => document.querySelector('#main').refresh());
  await page.locator('#main [data-network="instagram"][data-health="needs-reconnect"]').waitFor();
  await page.locator('#main [data-network="linkedin"][data-health="expiring"]').waitFor();
  await shot(panelOf(page, 'default-title'), 'needs-reconnect.png');
  await page.close();

  // Phones: 360 px, touch (44 px controls), light, dark, right to left, and the states.
  const phoneShot = async (name, { query = '', scheme = 'light', health, act } = {}) => {
    page = await demo({ width: 360, height: 1400, query, scheme, phone: true });
    if (health) {
      await simulator(page, { health });
      await page.evaluate(() => document.querySelector('#main').refresh());
      await page.locator('#main [data-health]:not([data-health="healthy"])').first().waitFor();
    }
    await act?.(page);
    await shot(panelOf(page, 'default-title'), name);
    await page.close();
  };
  const unwell = { linkedin: 'expiring', instagram: 'needs-reconnect' };
  await phoneShot('phone-light.png', { health: unwell });
  await phoneShot('phone-dark.png', { query: '?theme=dark', scheme: 'dark', health: unwell });
  await phoneShot('phone-rtl.png', { query: '?lang=ar', health: unwell });
  await phoneShot('phone-de.png', { query: '?lang=de', health: unwell });
  await phoneShot('phone-unlink.png', {
    act: async (page) => {
      await page.locator('#main [data-network="linkedin"] [part="unlink"]').tap();
      await page.locator('#main [part="confirm-unlink"]').waitFor();
    },
  });
  await phoneShot('phone-error.png', {
    act: async (page) => {
      await simulator(page, { failing: true });
      await page.locator('#refresh').tap();
      await page.locator('#main [part="error"]').waitFor();
    },
  });

  // Last: a page whose language cannot load used to freeze (issue 19, point 1); the others are
  // written by then, and a stuck page ends the run with a sentence instead of hanging it.
  const rtl = (async () => {
    page = await demo({ query: '?lang=ar' });
    await shot(panelOf(page, 'default-title'), 'rtl.png');
    await page.close();
  })();
  const stuck = new Promise((_, reject) => {
    setTimeout(() => reject(new Error('rtl.png: the demo in Arabic did not settle within 30 s (does the ar locale load?)')), 30_000).unref();
  });
  await Promise.race([rtl, stuck]);
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
} finally {
  // A frozen page can hold close() up: the process ends after a bounded wait regardless.
  setTimeout(() => process.exit(), 5000).unref();
  await browser.close();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
}
