// End to end: linking, unlinking and the flow's failures in the demo against the Ayrshare
// simulator, driven in Chromium with the popup blocker on (opening: demo-setup.mjs).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { base, browser, events, openDemo, page, row, simulator, waitForEvent } from './demo-setup.mjs';

openDemo();

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

  test('a 500 from Ayrshare gives request-failed, with Try again; the page recovers on its own when Ayrshare does', async () => {
    await simulator({ reset: true, failing: true });
    await page.locator('#refresh').click();
    const error = await waitForEvent('social-link-error');
    assert.equal(error.detail.code, 'request-failed');
    assert.equal(error.detail.status, 502);
    await page.locator('#main [part~="retry"]').waitFor();
    // The demo's switch publishes a change; the page's events stream re-reads without a click.
    await simulator({ reset: true });
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
  // Last: after Ayrshare's 429 the backend stops calling Ayrshare for this profile until the
  // window Ayrshare names ends (never retrying into a 429), so later tests would meet it.
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
});
