// The Ayrshare simulator behaves like Ayrshare where the handlers and the element rely on it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  SIMULATOR_API_KEY,
  SIMULATOR_PRIVATE_KEY,
  SIMULATOR_PROFILE_KEY,
  createAyrshareSimulator,
} from '../../dist/simulator.js';

const BASE = 'http://127.0.0.1:7777';

function call(sim, path, { method = 'GET', apiKey = SIMULATOR_API_KEY, profileKey = SIMULATOR_PROFILE_KEY, body } = {}) {
  const headers = { 'Content-Type': 'application/json' };
  if (apiKey) headers.Authorization = `Bearer ${apiKey}`;
  if (profileKey) headers['Profile-Key'] = profileKey;
  return sim.fetch(new Request(`${BASE}/api${path}`, { method, headers, body: body === undefined ? null : JSON.stringify(body) }));
}

describe('the simulator API', () => {
  test('checks the API key (401, code 102) and the Profile-Key (401, code 188)', async () => {
    const sim = createAyrshareSimulator();
    const noKey = await call(sim, '/user', { apiKey: 'wrong' });
    assert.equal(noKey.status, 401);
    assert.equal((await noKey.json()).code, 102);
    const noProfile = await call(sim, '/user', { profileKey: null });
    assert.equal(noProfile.status, 401);
    assert.deepEqual(
      Object.keys(await noProfile.json()).sort(),
      ['action', 'code', 'message', 'status'],
    );
    assert.equal((await (await call(sim, '/user', { profileKey: 'unknown' })).json()).code, 188);
  });

  test('GET /user is seeded with LinkedIn and X, and omits activeSocialAccounts when none', async () => {
    const sim = createAyrshareSimulator();
    const user = await (await call(sim, '/user')).json();
    assert.deepEqual(user.activeSocialAccounts, ['linkedin', 'twitter']);
    assert.equal(user.displayNames[0].platform, 'linkedin');
    for (const platform of ['linkedin', 'twitter']) {
      await call(sim, '/profiles/social', { method: 'DELETE', body: { platform } });
    }
    const empty = await (await call(sim, '/user')).json();
    assert.equal('activeSocialAccounts' in empty, false);
  });

  test('DELETE /profiles/social answers 200 even when not linked; unknown platforms 400', async () => {
    const sim = createAyrshareSimulator();
    assert.equal((await call(sim, '/profiles/social', { method: 'DELETE', body: { platform: 'tiktok' } })).status, 200);
    assert.equal((await call(sim, '/profiles/social', { method: 'DELETE', body: { platform: 'myspace' } })).status, 400);
  });

  test('link sessions: 5 minutes, a URL on its own origin, inspectable and revocable', async () => {
    const sim = createAyrshareSimulator();
    const answer = await (await call(sim, '/profiles/link-sessions', { method: 'POST', body: { origin: 'https://app.example' } })).json();
    assert.equal(answer.status, 'success');
    // Like Ayrshare: the URL carries a bearer token; the sessionId is a separate hex id.
    assert.match(answer.sessionId, /^[0-9a-f]{24}$/);
    assert.equal(new URL(answer.url).origin, BASE);
    assert.match(new URL(answer.url).searchParams.get('session'), /^ayr_ls_/);
    assert.notEqual(new URL(answer.url).searchParams.get('session'), answer.sessionId);
    const lifetime = Date.parse(answer.expiresAt) - Date.now();
    assert.ok(lifetime > 299_000 && lifetime <= 300_000);
    const page = await sim.fetch(new Request(answer.url));
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy'), /frame-ancestors 'none'/);
    const text = await page.text();
    assert.match(text, /data-origin="https:\/\/app.example"/);
    assert.doesNotMatch(text, /<script>/);
    const inspected = await (await call(sim, `/profiles/link-sessions/${answer.sessionId}`)).json();
    assert.equal(inspected.state, 'active');
    assert.equal(inspected.useCount, 1);
    await call(sim, `/profiles/link-sessions/${answer.sessionId}`, { method: 'DELETE' });
    assert.equal((await sim.fetch(new Request(answer.url))).status, 410);
  });

  test('generateJWT checks the private key (code 189) and answers { status, title, token, url }', async () => {
    const sim = createAyrshareSimulator();
    const bad = await call(sim, '/profiles/generateJWT', { method: 'POST', profileKey: null, body: { domain: 'acme', privateKey: 'x', profileKey: SIMULATOR_PROFILE_KEY } });
    assert.equal((await bad.json()).code, 189);
    const good = await (await call(sim, '/profiles/generateJWT', { method: 'POST', profileKey: null, body: { domain: 'acme', privateKey: SIMULATOR_PRIVATE_KEY, profileKey: SIMULATOR_PROFILE_KEY } })).json();
    assert.deepEqual(Object.keys(good).sort(), ['status', 'title', 'token', 'url']);
    assert.equal(new URL(good.url).searchParams.get('jwt'), good.token);
  });

  test('300 requests per 5 minutes per profile, with x-ratelimit headers, then 429', async () => {
    const sim = createAyrshareSimulator();
    let last;
    for (let i = 0; i < 300; i++) last = await call(sim, '/user');
    assert.equal(last.status, 200);
    assert.equal(last.headers.get('x-ratelimit-max'), '300');
    assert.equal(last.headers.get('x-ratelimit-count'), '300');
    const over = await call(sim, '/user');
    assert.equal(over.status, 429);
    assert.ok(Number(over.headers.get('x-ratelimit-reset')) > 0);
  });

  test('linking: connecting a network through the page adds it; an expired session cannot', async () => {
    const sim = createAyrshareSimulator();
    const { url } = await (await call(sim, '/profiles/link-sessions', { method: 'POST', body: {} })).json();
    const token = new URL(url).searchParams.get('session');
    await sim.fetch(new Request(url));
    const connect = (session) =>
      sim.fetch(new Request(`${BASE}/link/connect`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ session, network: 'tiktok' }) }));
    assert.equal((await connect(token)).status, 200);
    assert.deepEqual(sim.linked(), ['linkedin', 'twitter', 'tiktok']);
    sim.settings.expiredLinks = true;
    const expired = await (await call(sim, '/profiles/link-sessions', { method: 'POST', body: {} })).json();
    assert.equal((await sim.fetch(new Request(expired.url))).status, 410);
    assert.equal((await connect(new URL(expired.url).searchParams.get('session'))).status, 410);
    assert.equal((await connect('ayr_ls_nope')).status, 404);
  });

  test('the failure switches: failing, rate-limited (slow is covered by the handlers\' 504)', async () => {
    const sim = createAyrshareSimulator();
    sim.settings.failing = true;
    assert.equal((await call(sim, '/user')).status, 500);
    sim.reset();
    sim.settings.rateLimited = true;
    assert.equal((await call(sim, '/user')).status, 429);
    sim.reset();
    assert.equal((await call(sim, '/user')).status, 200);
  });
});

test('the settings route takes only same-origin JSON (not a form, not a page elsewhere)', async () => {
  const sim = createAyrshareSimulator();
  const settings = (headers, body = '{"failing":true}') =>
    sim.fetch(new Request(`${BASE}/__simulator/settings`, { method: 'POST', headers, body }));
  assert.equal((await settings({ 'Content-Type': 'application/x-www-form-urlencoded' }, 'failing=true')).status, 403);
  assert.equal((await settings({ 'Content-Type': 'application/json', Origin: 'https://evil.example' })).status, 403);
  assert.equal(sim.settings.failing, false);
  assert.equal((await settings({ 'Content-Type': 'application/json', Origin: BASE })).status, 200);
  assert.equal(sim.settings.failing, true);
});

test('an expiring account keeps one relink date, fixed when the switch is turned on (issue 19, point 18)', async () => {
  const sim = createAyrshareSimulator();
  sim.configure({ health: { linkedin: 'expiring' } });
  const read = async () => (await (await call(sim, '/user')).json()).displayNames.find((a) => a.platform === 'linkedin');
  const first = await read();
  await new Promise((resolve) => setTimeout(resolve, 20));
  const second = await read();
  assert.equal(typeof first.refreshRequired, 'string');
  assert.equal(second.refreshRequired, first.refreshRequired);
  assert.equal(second.refreshDaysRemaining, 10);
  const days = (Date.parse(first.refreshRequired) - Date.now()) / 86_400_000;
  assert.ok(days > 9.9 && days <= 10, `${days} days`);
  // Turning it on again keeps the date; healthy then expiring starts a new one.
  sim.configure({ health: { linkedin: 'expiring' } });
  assert.equal((await read()).refreshRequired, first.refreshRequired);
  sim.configure({ health: { linkedin: 'healthy' } });
  assert.equal('refreshRequired' in (await read()), false);
});

test('configure ignores wrong types and out-of-range values', () => {
  const sim = createAyrshareSimulator();
  for (const changes of [
    { delayMs: Number.NaN },
    { delayMs: '5000' },
    { delayMs: Infinity },
    { failing: 'yes', rateLimited: 1, expiredLinks: null, directConnect: {} },
    { health: ['linkedin'] },
    { health: 'expiring' },
    { health: { linkedin: 'dead', myspace: 'expiring', __proto__: { x: 1 } } },
    { toggle: { id: 'tiktok' } },
    { reset: 'true' },
    { webhookEncoding: 'utf8', webhookDuplicate: 'yes', webhookFailFirst: 1, webhookRetryDelaysMs: [-1, 5] },
    { webhookRetryDelaysMs: Array(10).fill(1), webhookRotationGraceMs: -5, systemUnlink: 'myspace' },
    { webhookRetryDelaysMs: '5000', webhookRotationGraceMs: 1e12, systemUnlink: ['instagram'] },
  ]) {
    sim.configure(changes);
  }
  assert.deepEqual({ ...sim.settings }, { delayMs: 0, failing: false, rateLimited: false, expiredLinks: false, directConnect: true, health: {}, dropCreateAnswer: false,
    webhookEncoding: 'hex', webhookDuplicate: false, webhookFailFirst: false, webhookRetryDelaysMs: [5000, 30_000], webhookRotationGraceMs: 86_400_000,
  });
  assert.deepEqual(sim.linked(), ['linkedin', 'twitter']);
  sim.configure({ delayMs: 1e9 });
  assert.equal(sim.settings.delayMs, 60_000);
});

test('directConnect can start off (the demo), and reset() returns to that', () => {
  const sim = createAyrshareSimulator({ directConnect: false });
  assert.equal(sim.settings.directConnect, false);
  sim.configure({ directConnect: true });
  sim.reset();
  assert.equal(sim.settings.directConnect, false);
});
