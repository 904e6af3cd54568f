// The reference handlers against the Ayrshare simulator and against scripted upstream answers:
// the three endpoints and every error mapping (no answer carries a secret: handlers-setup.mjs).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SIMULATOR_API_KEY, SIMULATOR_PRIVATE_KEY, SIMULATOR_PROFILE_KEY } from '../../dist/simulator.js';
import { APP, del, get, handlers, post, record, scripted, sim, upstream } from './handlers-setup.mjs';

describe('linkUrl', () => {
  test('creates a link session with the checked Origin and answers { url, expiresAt } only', async () => {
    sim.simulator.reset();
    const { calls, h } = scripted(() =>
      upstream(200, { status: 'success', sessionId: 'ayr_ls_1', url: 'https://profile.ayrshare.com?session=ayr_ls_1', expiresAt: '2030-01-01T00:00:00.000Z', emailSent: false, title: 'T' }),
      { redirect: 'https://app.example/social/callback', allowedSocial: ['linkedin', 'twitter'], logout: true, expiresIn: 10 },
    );
    const response = await record(await h.linkUrl(post({ origin: APP })));
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { url: 'https://profile.ayrshare.com/?session=ayr_ls_1', expiresAt: '2030-01-01T00:00:00.000Z' });
    assert.equal(calls[0].url, 'https://api.ayrshare.test/api/profiles/link-sessions');
    assert.equal(calls[0].init.method, 'POST');
    assert.equal(calls[0].init.headers.Authorization, `Bearer ${SIMULATOR_API_KEY}`);
    assert.equal(calls[0].init.headers['Profile-Key'], SIMULATOR_PROFILE_KEY);
    assert.deepEqual(calls[0].body, {
      origin: APP,
      redirect: 'https://app.example/social/callback',
      allowedSocial: ['linkedin', 'twitter'],
      logout: true,
      expiresIn: 10,
    });
  });

  test('against the simulator: a 5-minute URL on the simulator\'s own origin', async () => {
    const response = await record(await handlers().linkUrl(post({ origin: APP })));
    const body = await response.json();
    assert.equal(response.status, 200);
    assert.deepEqual(Object.keys(body).sort(), ['expiresAt', 'url']);
    assert.equal(new URL(body.url).origin, sim.url);
    const lifetime = Date.parse(body.expiresAt) - Date.now();
    assert.ok(lifetime > 4.9 * 60_000 && lifetime <= 5 * 60_000, `lifetime ${lifetime}`);
  });

  test('generateJWT where configured: domain, privateKey, profileKey in the body', async () => {
    const { calls, h } = scripted(() => upstream(200, { status: 'success', title: 'T', token: 'jwt', url: 'https://profile.ayrshare.com?domain=acme&jwt=x' }), {
      linkMethod: 'generateJWT',
      domain: 'acme',
      privateKey: SIMULATOR_PRIVATE_KEY,
    });
    const response = await record(await h.linkUrl(post({ origin: APP })));
    const body = await response.json();
    assert.equal(body.url, 'https://profile.ayrshare.com/?domain=acme&jwt=x');
    assert.ok(Date.parse(body.expiresAt) > Date.now());
    assert.equal(calls[0].url, 'https://api.ayrshare.test/api/profiles/generateJWT');
    assert.deepEqual(calls[0].body, { origin: APP, domain: 'acme', privateKey: SIMULATOR_PRIVATE_KEY, profileKey: SIMULATOR_PROFILE_KEY });
    assert.equal(calls[0].init.headers['Profile-Key'], undefined);
  });

  test('generateJWT against the simulator', async () => {
    const h = handlers({ linkMethod: 'generateJWT', domain: 'acme', privateKey: SIMULATOR_PRIVATE_KEY });
    const response = await record(await h.linkUrl(post({ origin: APP })));
    assert.equal(response.status, 200);
    const page = await fetch((await response.json()).url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Link your social accounts/);
    const wrongKey = await record(await handlers({ linkMethod: 'generateJWT', domain: 'acme', privateKey: 'nope-nope' }).linkUrl(post({ origin: APP })));
    assert.equal(wrongKey.status, 502);
    assert.equal((await wrongKey.json()).code, 189);
  });

  test('rejects bad methods, origins and bodies with 4xx, before calling Ayrshare', async () => {
    const { calls, h } = scripted(() => upstream(200, {}));
    const cases = [
      [new Request(`${APP}/x`, { method: 'GET', headers: { Origin: APP } }), 405],
      [post({ origin: 'https://evil.example' }, 'https://evil.example'), 403],
      [post({ origin: APP }, null), 403],
      [post({ origin: APP }, 'null'), 403],
      [post(undefined, APP, '{not json'), 400],
      [post(undefined, APP, '[1]'), 400],
      [post({ origin: 'https://other.example' }), 400],
    ];
    for (const [request, status] of cases) {
      const response = await record(await h.linkUrl(request));
      assert.equal(response.status, status, `${request.method} ${request.headers.get('origin')} → ${response.status}`);
      assert.equal((await response.json()).status, 'error');
    }
    assert.equal((await h.linkUrl(new Request(`${APP}/x`, { method: 'PUT', headers: { Origin: APP } }))).headers.get('allow'), 'POST');
    assert.equal(calls.length, 0);
  });

  test('a function decides allowed origins', async () => {
    const h = handlers({ allowedOrigins: (origin) => origin.endsWith('.example') });
    assert.equal((await record(await h.linkUrl(post({ origin: 'https://b.example' }, 'https://b.example')))).status, 200);
    assert.equal((await record(await h.linkUrl(post({ origin: 'https://b.test' }, 'https://b.test')))).status, 403);
  });

  test('a refused origin is 403 with code origin-not-allowed (the element tells the developer why)', async () => {
    const h = handlers();
    for (const response of [
      await h.linkUrl(post({ origin: 'https://evil.example' }, 'https://evil.example')),
      await h.profile(get('https://evil.example')),
      await h.unlink(del({ platform: 'twitter' }, 'https://evil.example')),
    ]) {
      assert.equal(response.status, 403);
      const body = await record(response).then((r) => r.json());
      assert.equal(body.code, 'origin-not-allowed');
      assert.equal(body.status, 'error');
    }
  });

  test('no signed-in user is 401', async () => {
    const response = await record(await handlers({ profileKey: () => undefined }).linkUrl(post({ origin: APP })));
    assert.equal(response.status, 401);
  });

  test('an answer without url is 502', async () => {
    const { h } = scripted(() => upstream(200, { status: 'success' }));
    assert.equal((await record(await h.linkUrl(post({ origin: APP })))).status, 502);
  });
});

describe('profile', () => {
  test('answers activeSocialAccounts and trimmed displayNames', async () => {
    sim.simulator.reset();
    const response = await record(await handlers().profile(get()));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const body = await response.json();
    assert.deepEqual(body.activeSocialAccounts, ['linkedin', 'twitter']);
    assert.deepEqual(body.displayNames, [
      { platform: 'linkedin', displayName: 'Acme Corp', profileUrl: 'https://www.linkedin.com/company/acme' },
      { platform: 'twitter', username: 'acme', displayName: 'Acme', profileUrl: 'https://x.com/acme' },
    ]);
    assert.deepEqual(Object.keys(body).sort(), ['activeSocialAccounts', 'displayNames']);
  });

  test('nothing linked (activeSocialAccounts missing upstream) is []', async () => {
    const { h } = scripted(() => upstream(200, { displayNames: [], title: 'T', refId: 'r' }));
    assert.deepEqual(await (await record(await h.profile(get()))).json(), { activeSocialAccounts: [], displayNames: [] });
  });

  test('rejects POST and foreign origins; accepts a same-origin fetch without Origin', async () => {
    const h = handlers();
    assert.equal((await record(await h.profile(new Request(APP, { method: 'POST' })))).status, 405);
    assert.equal((await record(await h.profile(get('https://evil.example')))).status, 403);
    assert.equal((await record(await h.profile(get(APP)))).status, 200);
    assert.equal((await record(await h.profile(get()))).status, 200);
  });
});

describe('unlink', () => {
  test('DELETEs /profiles/social with the platform', async () => {
    sim.simulator.reset();
    const response = await record(await handlers().unlink(del({ platform: 'twitter' })));
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'success', platform: 'twitter' });
    assert.deepEqual(sim.simulator.linked(), ['linkedin']);
  });

  test('checks the platform, the method, the origin and the body', async () => {
    const { calls, h } = scripted(() => upstream(200, {}));
    assert.equal((await record(await h.unlink(del({ platform: 'myspace' })))).status, 400);
    assert.equal((await record(await h.unlink(del({})))).status, 400);
    assert.equal((await record(await h.unlink(del(undefined, APP, 'nope')))).status, 400);
    assert.equal((await record(await h.unlink(del({ platform: 'x' })))).status, 400);
    assert.equal((await record(await h.unlink(del({ platform: 'twitter' }, 'https://evil.example')))).status, 403);
    assert.equal((await record(await h.unlink(del({ platform: 'twitter' }, null)))).status, 403);
    assert.equal((await record(await h.unlink(new Request(APP, { method: 'POST', headers: { Origin: APP } })))).status, 405);
    assert.equal(calls.length, 0);
  });
});

describe('Ayrshare errors, mapped', () => {
  const cases = [
    ['HTTP 401 (bad API key)', () => upstream(401, { action: 'authorization', status: 'error', code: 102, message: `API Key ${SIMULATOR_API_KEY} not valid` }), 502],
    ['code 188 (Profile-Key missing)', () => upstream(400, { status: 'error', code: 188, message: 'Profile-Key missing' }), 502],
    ['HTTP 500', () => upstream(500, { status: 'error', message: 'boom' }), 502],
    ['HTTP 503, not JSON', () => upstream(503, '<html>Service Unavailable</html>'), 502],
    ['200 with status "error"', () => upstream(200, { status: 'error', code: 156, message: 'Network not linked' }), 502],
    ['200, not JSON', () => upstream(200, 'oops'), 502],
    ['network error', () => Promise.reject(new TypeError('fetch failed')), 502],
  ];
  for (const [what, answer, status] of cases) {
    test(`${what} → ${status}`, async () => {
      const { h } = scripted(answer);
      for (const handler of [h.profile, h.linkUrl, h.unlink]) {
        const request = handler === h.profile ? get() : handler === h.linkUrl ? post({ origin: APP }) : del({ platform: 'twitter' });
        const response = await record(await handler(request));
        assert.equal(response.status, status);
        const body = await response.json();
        assert.equal(body.status, 'error');
        assert.equal(typeof body.message, 'string');
        // Shown to end users beside a "Try again" button: no second "Try again", no jargon.
        assert.doesNotMatch(body.message, /try again|HTTP|URL|endpoint/i);
      }
    });
  }

  test("Ayrshare's own sentence never reaches the browser (a key in any form stays out); known codes get ours", async () => {
    const quoted = `Profile ${SIMULATOR_PROFILE_KEY.toUpperCase()} / ${SIMULATOR_API_KEY.split('').join('\\n')} is suspended`;
    const { h } = scripted(() => upstream(400, { status: 'error', code: 999, message: quoted }));
    const body = await (await record(await h.profile(get()))).json();
    assert.equal(body.message, 'The social media service couldn’t do that right now.');
    assert.equal(body.code, 999);
    assert.ok(!JSON.stringify(body).toLowerCase().includes(SIMULATOR_PROFILE_KEY.toLowerCase()));
    const { h: reauth } = scripted(() => upstream(400, { status: 'error', code: 272, message: 'X token expired' }));
    assert.equal((await (await reauth.profile(get())).json()).message, 'That account needs reconnecting.');
  });

  test('429 keeps its meaning and gets Retry-After from the rate-limit headers', async () => {
    const { h } = scripted(() => upstream(429, { status: 'error', message: 'Rate limit' }, { 'x-ratelimit-max': '300', 'x-ratelimit-count': '301', 'x-ratelimit-reset': '120' }));
    const response = await record(await h.profile(get()));
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '120');
    const withRetry = scripted(() => upstream(429, {}, { 'retry-after': '30' }));
    assert.equal((await record(await withRetry.h.profile(get()))).headers.get('retry-after'), '30');
    const bare = scripted(() => upstream(429, {}));
    assert.equal((await record(await bare.h.profile(get()))).headers.get('retry-after'), '60');
  });

  test('a slow Ayrshare times out as 504', async () => {
    sim.simulator.reset();
    sim.simulator.settings.delayMs = 1000;
    try {
      const response = await record(await handlers({ timeout: 150 }).profile(get()));
      assert.equal(response.status, 504);
    } finally {
      sim.simulator.settings.delayMs = 0;
    }
  });

  test('the simulator\'s 429, 500 and expired links come through as the element expects', async () => {
    sim.simulator.reset();
    const h = handlers();
    sim.simulator.settings.rateLimited = true;
    const limited = await record(await h.profile(get()));
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    // After a 429 these handlers call nothing for that profile until Ayrshare's window ends
    // (test/node/status-cache.test.mjs): the next cases use fresh handlers.
    assert.equal((await record(await h.linkUrl(post({ origin: APP })))).status, 429);
    sim.simulator.reset();
    sim.simulator.settings.failing = true;
    assert.equal((await record(await handlers().linkUrl(post({ origin: APP })))).status, 502);
    sim.simulator.reset();
    sim.simulator.settings.expiredLinks = true;
    const expired = await (await record(await handlers().linkUrl(post({ origin: APP })))).json();
    assert.ok(Date.parse(expired.expiresAt) < Date.now());
    const page = await fetch(expired.url);
    assert.equal(page.status, 410);
    assert.match(await page.text(), /This link has expired/);
    sim.simulator.reset();
  });
});
