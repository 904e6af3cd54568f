// End to end: the demo server (Vite + reference handlers + Ayrshare simulator) driven in Debian's
// Chromium by playwright-core, with the popup blocker on.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

process.env.SOCIAL_LINK_DEMO_SIMULATOR = '1';

let server;
let browser;
let page;
let base;

async function simulator(settings) {
  return page.evaluate(
    (body) => fetch('/api/demo/simulator', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json()),
    settings,
  );
}

const events = () => page.evaluate(() => window.__events.splice(0));

/** A raw request to the demo server (headers a browser would not let a page set, like Origin: null). */
function raw(path, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    // A server that stopped answering (the demo used to die on Origin: null) fails the test.
    req.setTimeout(5000, () => req.destroy(new Error(`no answer to ${method} ${path} within 5 s`)));
    req.end(body);
  });
}
const row = (id) => page.locator(`#main [data-network="${id}"]`);

async function waitForEvent(type) {
  const handle = await page.waitForFunction((t) => window.__events.find((e) => e.type === t), type, { timeout: 10_000 });
  return handle.jsonValue();
}

before(async () => {
  server = await createServer({
    configFile: new URL('../../vite.config.ts', import.meta.url).pathname,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  await server.listen();
  base = `http://127.0.0.1:${server.httpServer.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    // Playwright turns the popup blocker off by default; keep it on.
    ignoreDefaultArgs: ['--disable-popup-blocking'],
  });
  page = await browser.newPage();
  await page.goto(base);
  await page.locator('#main [data-network="linkedin"][data-linked]').waitFor();
  await page.evaluate(() => {
    window.__events = [];
    for (const type of ['social-link-open', 'social-link-connect', 'social-link-done', 'social-link-close', 'social-link-change', 'social-link-error', 'social-link-health']) {
      document.querySelector('#main').addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
    }
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('the demo against the Ayrshare simulator', () => {
  test('loads without layout shift (CLS < 0.02 at 1280, 390 and 360 px)', async () => {
    for (const width of [1280, 390, 360]) {
      const fresh = await browser.newPage({ viewport: { width, height: 900 } });
      await fresh.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await fresh.goto(base);
      // Loaded: every element has read the status (the rows stop saying "Checking…").
      await fresh.locator('#main [data-network="linkedin"][data-linked]').waitFor();
      await fresh.waitForFunction(() => ![...document.querySelectorAll('social-link-button')].some((el) => el.shadowRoot?.textContent.includes('Checking…')));
      await fresh.waitForTimeout(300);
      const cls = await fresh.evaluate(() => window.__shifts.reduce((sum, value) => sum + value, 0));
      await fresh.close();
      assert.ok(cls < 0.02, `CLS ${cls} at ${width} px`);
    }
  });

  test('link two networks in the simulator popup, Done: both shown linked', async () => {
    const popupOpened = page.waitForEvent('popup');
    await page.locator('#main [part="button"]').click();
    const popup = await popupOpened;
    await popup.locator('h1', { hasText: 'Link your social accounts' }).waitFor();
    assert.ok(popup.url().startsWith('http://127.0.0.1:'), 'the linking page is the simulator');
    assert.notEqual(new URL(popup.url()).origin, base, 'the linking page is cross-origin');

    for (const network of ['tiktok', 'youtube']) {
      await popup.locator(`li[data-network="${network}"] button.link`).click();
      await popup.locator('#allow').click();
      // connect:success re-reads the status while the popup is still open.
      await row(network).and(page.locator('[data-linked]')).waitFor({ timeout: 10_000 });
    }
    assert.equal(popup.isClosed(), false);
    const closed = popup.waitForEvent('close');
    // Done closes the popup mid-click: that is the point.
    await popup.locator('#done').click().catch((error) => {
      if (!popup.isClosed()) throw error;
    });
    await closed;
    await waitForEvent('social-link-close');
    const seen = await events();
    assert.deepEqual(seen.map((e) => e.type), [
      'social-link-open',
      'social-link-connect',
      'social-link-change',
      'social-link-connect',
      'social-link-change',
      'social-link-done',
      'social-link-close',
    ]);
    assert.deepEqual(seen.at(-1).detail, { completed: true });
    assert.equal(await page.locator('#main').getAttribute('state'), 'idle');
    for (const network of ['linkedin', 'twitter', 'tiktok', 'youtube']) {
      assert.equal(await row(network).getAttribute('data-linked'), '', `${network} linked`);
    }
  });

  test('unlink one', async () => {
    await row('tiktok').locator('[part~="unlink"]').click();
    await row('tiktok').locator('[part~="confirm-unlink"]').click();
    await page.locator('#main [data-network="tiktok"]:not([data-linked])').waitFor();
    const change = await waitForEvent('social-link-change');
    assert.deepEqual(change.detail.removed, ['tiktok']);
    await events();
  });

  test('an expired link gives invalid-response, and the popup is closed', async () => {
    await simulator({ reset: true, expiredLinks: true });
    await page.locator('#main [part="button"]').click();
    const error = await waitForEvent('social-link-error');
    assert.equal(error.detail.code, 'invalid-response');
    await page.locator('#main [part="error"]', { hasText: 'expired' }).waitFor();
    await page.waitForFunction(() => document.querySelector('#main').state === 'idle');
    assert.equal(browser.contexts()[0].pages().length, 1, 'no popup left open');
    await events();
  });

  test('a 429 gives request-failed with status 429', async () => {
    await simulator({ reset: true, rateLimited: true });
    await page.locator('#refresh').click();
    const error = await waitForEvent('social-link-error');
    assert.deepEqual(
      { code: error.detail.code, status: error.detail.status },
      { code: 'request-failed', status: 429 },
    );
    await page.locator('#main [part="error"]', { hasText: 'Too many attempts' }).waitFor();
    await events();
  });

  test('a 500 from Ayrshare gives request-failed, and Try again recovers', async () => {
    await simulator({ reset: true, failing: true });
    await page.locator('#refresh').click();
    const error = await waitForEvent('social-link-error');
    assert.equal(error.detail.code, 'request-failed');
    assert.equal(error.detail.status, 502);
    await simulator({ reset: true });
    await page.locator('#main [part~="retry"]').click();
    await page.locator('#main [part="error"]').waitFor({ state: 'detached' });
    await events();
  });

  test("a row's Link opens only that network (direct connect); an expiring row's Reconnect makes it healthy", async () => {
    await simulator({ reset: true, directConnect: true });
    await page.evaluate(() => document.querySelector('#main').refresh());
    await events();
    const linkOne = async (selector, network) => {
      const popupOpened = page.waitForEvent('popup');
      await page.locator(selector).click();
      const popup = await popupOpened;
      await popup.locator('#consent:not([hidden])').waitFor();
      assert.deepEqual(await popup.locator('li[data-network]').evaluateAll((rows) => rows.map((r) => r.dataset.network)), [network]);
      await popup.locator('#allow').click();
      await popup.locator('#message', { hasText: 'linked' }).waitFor();
      const closed = popup.waitForEvent('close');
      await popup.locator('#done').click().catch((error) => {
        if (!popup.isClosed()) throw error;
      });
      await closed;
      await waitForEvent('social-link-close');
    };

    await linkOne('#main [data-network="bluesky"] [part~="link-network"]', 'bluesky');
    await row('bluesky').and(page.locator('[data-linked]')).waitFor();

    await simulator({ health: { linkedin: 'expiring' } });
    await page.evaluate(() => document.querySelector('#main').refresh());
    await row('linkedin').and(page.locator('[data-health="expiring"]')).waitFor();
    assert.match(await row('linkedin').locator('[part="health"]').textContent(), /Reconnect by/);
    await events();
    await linkOne('#main [data-network="linkedin"] [part~="reconnect"]', 'linkedin');
    await row('linkedin').and(page.locator('[data-health="healthy"]')).waitFor();
    const health = (await events()).find((e) => e.type === 'social-link-health');
    assert.deepEqual(health.detail.changed, ['linkedin']);
    assert.equal(health.detail.health.linkedin.state, 'healthy');
  });

  test("the demo's settings route takes only same-origin JSON", async () => {
    const status = await page.evaluate(() =>
      fetch('/api/demo/simulator', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{"failing":true}' }).then((r) => r.status),
    );
    assert.equal(status, 403);
    assert.equal((await simulator({})).failing, false);
  });

  test('the settings route answers 403 to Origin: null and keeps running; malformed, huge and mistyped bodies are refused or ignored', async () => {
    const json = { 'Content-Type': 'application/json' };
    const nullOrigin = await raw('/api/demo/simulator', { method: 'POST', headers: { ...json, Origin: 'null' }, body: '{"failing":true}' });
    assert.equal(nullOrigin.status, 403);
    for (const origin of ['', 'garbage', 'http://', 'http://[', `${base}.evil.example`, 'https://127.0.0.1']) {
      assert.equal((await raw('/api/demo/simulator', { method: 'POST', headers: { ...json, Origin: origin }, body: '{}' })).status, 403, `Origin: ${origin}`);
    }
    const cases = [
      ['{"failing":', 400],
      ['[1,2,3]', 400],
      ['"failing"', 400],
      ['null', 400],
      ['\u0000\uffff', 400],
      [JSON.stringify({ pad: 'x'.repeat(100_000) }), 413],
      [JSON.stringify({ delayMs: 'slow', failing: 'yes', health: ['linkedin'], toggle: { a: 1 }, reset: 1 }), 200],
      [JSON.stringify({ health: { linkedin: { state: 'expiring' }, nope: 'expiring' }, delayMs: -5 }), 200],
    ];
    for (const [body, status] of cases) {
      const answer = await raw('/api/demo/simulator', { method: 'POST', headers: json, body });
      assert.equal(answer.status, status, `${body.slice(0, 40)} → ${answer.status}`);
      assert.doesNotThrow(() => JSON.parse(answer.body));
    }
    assert.equal((await raw('/api/demo/simulator', { method: 'PUT', headers: json, body: '{}' })).status, 405);
    // Still serving, and nothing was switched on.
    const after = await raw('/api/demo/simulator');
    assert.equal(after.status, 200);
    assert.deepEqual(
      (({ delayMs, failing, health }) => ({ delayMs, failing, health }))(JSON.parse(after.body)),
      { delayMs: 0, failing: false, health: {} },
    );
    assert.equal((await raw('/')).status, 200);
  });

  test('with LinkedIn expiring, two refresh() fire no second social-link-health', async () => {
    await simulator({ reset: true });
    await page.evaluate(() => document.querySelector('#main').refresh());
    await events();
    await simulator({ health: { linkedin: 'expiring' } });
    await page.evaluate(() => document.querySelector('#main').refresh());
    await row('linkedin').and(page.locator('[data-health="expiring"]')).waitFor();
    assert.deepEqual((await events()).filter((e) => e.type === 'social-link-health').map((e) => e.detail.changed), [['linkedin']]);
    await page.waitForTimeout(20);
    for (let i = 0; i < 2; i++) await page.evaluate(() => document.querySelector('#main').refresh());
    assert.deepEqual((await events()).filter((e) => e.type === 'social-link-health'), []);
    await simulator({ reset: true });
  });

  test('direction and colour switches change every element; the language switch offers all 18 languages', async () => {
    const { readdirSync } = await import('node:fs');
    const shipped = readdirSync(new URL('../../src/locales/', import.meta.url)).map((file) => file.replace(/\.ts$/, ''));
    const offered = await page.locator('#lang option').evaluateAll((options) => options.map((o) => o.value));
    assert.deepEqual([...offered].sort(), ['en', ...shipped].sort());
    assert.equal(offered.length, 18);
    const direction = () => page.evaluate(() => [...document.querySelectorAll('social-link-button')].map((el) => getComputedStyle(el.shadowRoot.querySelector('[part~="network"]')).direction));
    await page.selectOption('#dir', 'rtl');
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    assert.deepEqual(await direction(), ['rtl', 'rtl', 'rtl']);
    // Right to left, the icon is at the row's right.
    const icon = await row('linkedin').locator('[part~="icon"]').boundingBox();
    const whole = await row('linkedin').boundingBox();
    assert.ok(icon.x > whole.x + whole.width / 2, 'the icon is not on the right');
    await page.selectOption('#dir', 'ltr');
    assert.deepEqual(await direction(), ['ltr', 'ltr', 'ltr']);
    await page.selectOption('#dir', 'auto');

    const surface = () => row('linkedin').evaluate((li) => getComputedStyle(li).backgroundColor);
    await page.selectOption('#theme', 'dark');
    assert.equal(await surface(), 'rgb(21, 27, 35)');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).colorScheme), 'dark');
    await page.selectOption('#theme', 'light');
    assert.equal(await surface(), 'rgb(255, 255, 255)');
    await page.selectOption('#theme', 'system');
    assert.match(page.url(), /^[^?]*$/, 'the defaults leave the address clean');
  });

  test('no 404s (favicon included) on the demo and the linking page; its buttons are styled', async () => {
    const fresh = await browser.newPage();
    const missing = [];
    fresh.on('response', (answer) => {
      if (answer.status() >= 400) missing.push(`${answer.status()} ${answer.url()}`);
    });
    fresh.on('popup', (popup) => popup.on('response', (answer) => answer.status() >= 400 && missing.push(`${answer.status()} ${answer.url()}`)));
    await fresh.goto(base);
    await fresh.locator('#main [data-network="linkedin"][data-linked]').waitFor();
    const popupOpened = fresh.waitForEvent('popup');
    await fresh.locator('#main [part="button"]').click();
    const popup = await popupOpened;
    await popup.locator('h1', { hasText: 'Link your social accounts' }).waitFor();
    await popup.waitForLoadState('load');
    const style = (selector) => popup.locator(selector).first().evaluate((b) => ({ radius: getComputedStyle(b).borderTopLeftRadius, background: getComputedStyle(b).backgroundColor, height: b.getBoundingClientRect().height }));
    const link = await style('button.link');
    assert.equal(link.radius, '8px');
    assert.ok(link.height >= 36, `Link is ${link.height} px tall`);
    assert.notEqual(link.background, 'rgb(239, 239, 239)', 'the browser default button background');
    assert.equal((await style('#done')).background, 'rgb(9, 105, 218)');
    await popup.close();
    await fresh.waitForFunction(() => document.querySelector('#main').state === 'idle');
    // Browsers ask for the favicon after load: give them the moment they take.
    await fresh.waitForTimeout(300);
    await fresh.close();
    assert.deepEqual(missing, []);
  });

  test('"Direct connect" is off by default and not among the health switches', async () => {
    const fresh = await browser.newPage();
    await fresh.goto(base);
    const box = fresh.locator('#simulator-panel input[name="directConnect"]');
    await fresh.waitForFunction(() => document.querySelector('#simulator-panel input[name="slow"]') && !document.querySelector('#simulator-panel').hidden);
    await simulator({ reset: true });
    await fresh.reload();
    await fresh.locator('#main [data-network="linkedin"][data-linked]').waitFor();
    assert.equal(await box.isChecked(), false);
    assert.equal((await raw('/api/demo/simulator').then((a) => JSON.parse(a.body))).directConnect, false);
    const legend = await box.evaluate((input) => input.closest('fieldset').querySelector('legend').textContent);
    assert.doesNotMatch(legend, /health/i);
    assert.equal(await box.evaluate((input) => input.closest('fieldset').querySelectorAll('input[name^="health:"]').length), 0);
    await fresh.close();
  });

  test('/demo/callback.html opened directly claims nothing and ends no flow', async () => {
    // An element with a flow open must not hear "done" from a page someone merely visited.
    const popupOpened = page.waitForEvent('popup');
    await page.locator('#main [part="button"]').click();
    const popup = await popupOpened;
    await page.waitForFunction(() => document.querySelector('#main').state === 'open');
    await events();
    const visit = await browser.newPage();
    await visit.goto(`${base}/demo/callback.html`);
    await visit.locator('h1').waitFor();
    const text = await visit.locator('main').innerText();
    assert.doesNotMatch(text, /linked/i);
    assert.match(text, /You can close this window/);
    assert.equal(await visit.locator('a', { hasText: 'Return to the demo' }).getAttribute('href'), '/');
    await visit.close();
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => document.querySelector('#main').state), 'open');
    assert.deepEqual((await events()).map((e) => e.type), []);
    const closed = popup.waitForEvent('close');
    await popup.close();
    await closed;
    await waitForEvent('social-link-close');
    await events();
  });
});
