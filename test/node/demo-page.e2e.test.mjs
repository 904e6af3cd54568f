// End to end: the demo server's settings route, its health, direction, colour and language
// switches, its assets and its callback page (opening: demo-setup.mjs).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { base, browser, events, openDemo, page, raw, row, simulator, waitForEvent } from './demo-setup.mjs';

openDemo();

describe('the demo server and page around the flow', () => {
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
