// Issue 21, point 6: the demo shows live status. The demo (Vite + reference handlers + Ayrshare
// simulator, opening in demo-setup.mjs) registers its webhook with the simulator at start; two
// tabs of one browser (one cookie, one user) follow each other's unlink and the simulator's
// "system" unlink without any focus or visibility event; a forged delivery is refused.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SIMULATOR_API_KEY } from '../../dist/simulator.js';
import { base, browser, openDemo, raw } from './demo-setup.mjs';

openDemo();

const LIVE_MS = 5000; // a bound on a wait, not a timed assertion
let page; // the first tab
let other; // the second tab, same context (same cookie), never focused after it loaded
let simulatorUrl;

const row = (network) => page.locator(`#main [data-network="${network}"]`);
const simulator = (body) =>
  page.evaluate((b) => fetch('/api/demo/simulator', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(b) }).then((r) => r.json()), body);
const linked = (tab, network) => tab.locator(`#main [data-network="${network}"][data-linked]`).waitFor({ timeout: LIVE_MS });
const unlinked = (tab, network) => tab.locator(`#main [data-network="${network}"]:not([data-linked])`).waitFor({ timeout: LIVE_MS });
const feed = async () => (await page.evaluate(() => fetch('/api/demo/user').then((r) => r.json()))).events.map((e) => e.text);
const simulatorApi = (path) => fetch(`${simulatorUrl}/api${path}`, { headers: { Authorization: `Bearer ${SIMULATOR_API_KEY}` } }).then((r) => r.json());
/** Focus, blur, visibility or page-show events the second tab saw since the last call. */
const wakes = () => other.evaluate(() => window.__wakes.splice(0));
/** The status frames the second tab's own EventSource on /api/social/events received. */
const frames = () => other.evaluate(() => window.__frames.slice());

describe('the demo shows live status', () => {
  before(async () => {
    // Two tabs of one browser: one cookie jar, signed in as Ada (the demo's user switch).
    const context = await browser.newContext();
    page = await context.newPage();
    await page.goto(base);
    await page.evaluate(() => fetch('/api/demo/user', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"user":"demo-ada"}' }));
    await page.reload();
    await page.locator('#main [data-network="linkedin"][data-linked]').waitFor();
    other = await context.newPage();
    await other.goto(base);
    await other.locator('#main [data-network="linkedin"][data-linked]').waitFor();
    await other.evaluate(() => {
      window.__wakes = [];
      for (const type of ['focus', 'blur', 'visibilitychange', 'pageshow', 'online']) {
        window.addEventListener(type, () => window.__wakes.push(type), true);
        document.addEventListener(type, () => window.__wakes.push(type), true);
      }
      window.__frames = [];
      new EventSource('/api/social/events').addEventListener('status', (e) => window.__frames.push(JSON.parse(e.data)));
    });
    // The simulator's origin is the page's allowed host (its linking pages open there).
    simulatorUrl = `http://${await page.locator('#main').getAttribute('allowed-hosts')}`;
    await page.bringToFront();
  });

  after(() => page?.context().close());

  test('the webhook is registered with the simulator at start, with a secret made once in the data folder', async () => {
    const hooks = await simulatorApi('/hook/webhook');
    assert.deepEqual(hooks.webhooks.map((h) => [h.action, h.url]), [['social', `${base}/api/social/webhook`]]);
    const file = join(process.env.SOCIAL_LINK_DEMO_DATA, 'webhook-secret');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.ok(readFileSync(file, 'utf8').trim().length >= 40);
    assert.ok((await feed()).includes(`webhook registered with the simulator: ${base}/api/social/webhook`));
  });

  test('unlink in one tab: the other tab shows it, with no focus or visibility event', async () => {
    await linked(other, 'linkedin');
    await row('linkedin').locator('[part~="unlink"]').click();
    await row('linkedin').locator('[part~="confirm-unlink"]').click();
    await unlinked(page, 'linkedin');
    await unlinked(other, 'linkedin');
    assert.deepEqual(await wakes(), []);
  });

  test('a change behind the app\'s back (simulator link, then "Ayrshare unlinks Instagram (system)") reaches both tabs through the signed webhook', async () => {
    // Through the simulator only (no handler of ours sees it): the webhook is the only news.
    await simulator({ toggle: 'instagram' });
    await Promise.all([linked(page, 'instagram'), linked(other, 'instagram')]);
    await page.locator('#system-unlink').click();
    await Promise.all([unlinked(page, 'instagram'), unlinked(other, 'instagram')]);
    assert.deepEqual(await wakes(), []);
    // Signed and accepted: the handler's onSocialEvent (only after the signature check) wrote it.
    const lines = await feed();
    assert.ok(lines.includes('webhook (signature checked): instagram link for Ada'), lines.join('\n'));
    assert.ok(lines.includes('webhook (signature checked): instagram unlink by Ayrshare (system) for Ada'), lines.join('\n'));
    // The event log shows the pushed change and the server's line.
    await page.locator('#log', { hasText: 'instagram unlink by Ayrshare (system)' }).waitFor({ timeout: LIVE_MS });
    assert.match(await page.locator('#log').innerText(), /social-link-change .*"removed":\["instagram"\]/);
    assert.ok((await frames()).some((f) => f.type === 'unlink' && f.platform === 'instagram' && f.source === 'system'));
  });

  test('the system unlink acts on the signed-in user\'s profile only; hostile values change nothing', async () => {
    const post = (body, cookie = 'demo-user=demo-grace') =>
      raw('/api/demo/simulator', { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie }, body: JSON.stringify(body) });
    // Grace has no profile yet: nothing to unlink, and Ada's X stays.
    assert.equal((await post({ systemUnlink: 'twitter' })).status, 200);
    for (const value of ['myspace', ['twitter'], { twitter: true }, 'TWITTER', '', null, 'x'.repeat(3000)]) {
      assert.equal((await post({ systemUnlink: value }, 'demo-user=demo-ada')).status, 200, JSON.stringify(value).slice(0, 40));
    }
    assert.equal((await post({ systemUnlink: 'twitter', pad: 'x'.repeat(5000) }, 'demo-user=demo-ada')).status, 413);
    const forged = await raw('/api/demo/simulator', { method: 'POST', headers: { 'Content-Type': 'text/plain', Origin: 'http://evil.example' }, body: '{"systemUnlink":"twitter"}' });
    assert.equal(forged.status, 403);
    const state = await page.evaluate(() => fetch('/api/demo/simulator').then((r) => r.json()));
    assert.ok(state.linked.includes('twitter'), JSON.stringify(state.linked));
    await linked(other, 'twitter');
  });

  test('a forged webhook (bad or no signature) is refused with 401 and nothing changes', async () => {
    const [profile] = (await simulatorApi('/profiles?limit=100')).profiles;
    const body = JSON.stringify({ action: 'social', type: 'unlink', source: 'system', platform: 'twitter', refId: profile.refId, hookId: 'forged-1', created: new Date().toISOString(), code: 200 });
    const headers = (signature) => ({ 'Content-Type': 'application/json', 'X-Authorization-Timestamp': String(Math.floor(Date.now() / 1000)), ...(signature ? { 'X-Authorization-Content-SHA256': signature } : {}) });
    const wrong = createHmac('sha256', 'not-the-demo-secret-at-all-0123456789').update(body).digest('hex');
    const before = (await frames()).length;
    for (const signature of [wrong, undefined, 'zz', 'a'.repeat(64), 'x'.repeat(5000)]) {
      const answer = await raw('/api/social/webhook', { method: 'POST', headers: headers(signature), body });
      assert.equal(answer.status, 401, String(signature).slice(0, 20));
    }
    assert.equal((await raw('/api/social/webhook', { method: 'GET' })).status, 405);
    const huge = await raw('/api/social/webhook', { method: 'POST', headers: headers(wrong), body: 'x'.repeat(70 * 1024) });
    assert.equal(huge.status, 413);
    // A real change after the forged ones: once it has arrived, the forged ones would have too.
    await simulator({ toggle: 'youtube' });
    await Promise.all([linked(page, 'youtube'), linked(other, 'youtube')]);
    const since = (await frames()).slice(before);
    assert.ok(since.some((f) => f.platform === 'youtube'), JSON.stringify(since));
    assert.ok(!since.some((f) => f.platform === 'twitter'), JSON.stringify(since));
    await linked(other, 'twitter');
    assert.ok(!(await feed()).some((line) => line.includes('twitter')));
    assert.deepEqual(await wakes(), []);
  });

  test('the events stream refuses other methods and other sites', async () => {
    assert.equal((await raw('/api/social/events', { method: 'POST' })).status, 405);
    assert.equal((await raw('/api/social/events', { headers: { Origin: 'http://evil.example' } })).status, 403);
  });
});
