// The reference handlers against the Ayrshare simulator and against scripted upstream answers:
// every error mapping, and no secret in any answer.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { createAyrshareHandlers, toNodeHandler } from '../../dist/server.js';
import {
  SIMULATOR_API_KEY,
  SIMULATOR_PRIVATE_KEY,
  SIMULATOR_PROFILE_KEY,
  startAyrshareSimulator,
} from '../../dist/simulator.js';

const APP = 'https://app.example';
const SECRETS = [SIMULATOR_API_KEY, SIMULATOR_PROFILE_KEY, SIMULATOR_PRIVATE_KEY];

/** Every answer the browser gets, to check none carries a secret. */
const seen = [];
async function record(response) {
  const body = await response.clone().text();
  const headers = [...response.headers].map(([k, v]) => `${k}: ${v}`).join('\n');
  seen.push(`${response.status}\n${headers}\n${body}`);
  return response;
}

const post = (body, origin = APP, raw) =>
  new Request(`${APP}/api/social/link-url`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(origin ? { Origin: origin } : {}) },
    body: raw ?? JSON.stringify(body),
  });
const get = (origin) => new Request(`${APP}/api/social/status`, { headers: origin ? { Origin: origin } : {} });
const del = (body, origin = APP, raw) =>
  new Request(`${APP}/api/social/unlink`, {
    method: 'DELETE',
    headers: { 'Content-Type': 'application/json', ...(origin ? { Origin: origin } : {}) },
    body: raw ?? JSON.stringify(body),
  });

let sim;
before(async () => {
  sim = await startAyrshareSimulator();
});
after(async () => {
  await sim.close();
  for (const text of seen) for (const secret of SECRETS) assert.ok(!text.includes(secret), `a secret leaked:\n${text}`);
});

function handlers(options = {}) {
  return createAyrshareHandlers({
    apiKey: SIMULATOR_API_KEY,
    profileKey: () => SIMULATOR_PROFILE_KEY,
    allowedOrigins: [APP],
    baseUrl: sim.apiUrl,
    ...options,
  });
}

/** Handlers whose upstream answers are scripted: `answer(url, init)` returns a Response. */
function scripted(answer, options = {}) {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push({ url: String(url), init, body: init.body ? JSON.parse(init.body) : undefined });
    return answer(String(url), init);
  };
  return { calls, h: handlers({ fetch, baseUrl: 'https://api.ayrshare.test/api', ...options }) };
}

const upstream = (status, body, headers = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

describe('linkUrl', () => {
  test('creates a link session with the checked Origin and answers { url, expiresAt } only', async () => {
    sim.simulator.reset();
    const { calls, h } = scripted(() =>
      upstream(200, { status: 'success', sessionId: 'ayr_ls_1', url: 'https://profile.ayrshare.com?session=ayr_ls_1', expiresAt: '2030-01-01T00:00:00.000Z', emailSent: false, title: 'T' }),
      { redirect: 'https://app.example/social/callback', allowedSocial: ['linkedin', 'twitter'], logout: true, expiresIn: 10 },
    );
    const response = await record(await h.linkUrl(post({ origin: APP })));
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { url: 'https://profile.ayrshare.com?session=ayr_ls_1', expiresAt: '2030-01-01T00:00:00.000Z' });
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
    assert.equal(body.url, 'https://profile.ayrshare.com?domain=acme&jwt=x');
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

  test('rejects POST and foreign origins; accepts a same-origin GET without Origin', async () => {
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
    sim.simulator.reset();
    sim.simulator.settings.failing = true;
    assert.equal((await record(await h.linkUrl(post({ origin: APP })))).status, 502);
    sim.simulator.reset();
    sim.simulator.settings.expiredLinks = true;
    const expired = await (await record(await h.linkUrl(post({ origin: APP })))).json();
    assert.ok(Date.parse(expired.expiresAt) < Date.now());
    const page = await fetch(expired.url);
    assert.equal(page.status, 410);
    assert.match(await page.text(), /This link has expired/);
    sim.simulator.reset();
  });
});

describe('toNodeHandler', () => {
  test('mounts the handlers in node:http', async () => {
    sim.simulator.reset();
    const h = handlers({ allowedOrigins: (origin) => origin.startsWith('http://127.0.0.1:') });
    const routes = { '/link-url': h.linkUrl, '/status': h.profile, '/unlink': h.unlink };
    const server = createServer((req, res) => {
      const route = routes[req.url];
      if (route) return toNodeHandler(route)(req, res);
      res.statusCode = 404;
      res.end();
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${server.address().port}`;
    try {
      const status = await fetch(`${base}/status`);
      assert.equal(status.status, 200);
      assert.deepEqual((await status.json()).activeSocialAccounts, ['linkedin', 'twitter']);
      const link = await fetch(`${base}/link-url`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: base },
        body: JSON.stringify({ origin: base }),
      });
      assert.equal(link.status, 200);
      assert.equal(new URL((await link.json()).url).origin, sim.url);
      const unlink = await fetch(`${base}/unlink`, {
        method: 'DELETE',
        headers: { 'Content-Type': 'application/json', Origin: base },
        body: JSON.stringify({ platform: 'linkedin' }),
      });
      assert.equal(unlink.status, 200);
      assert.deepEqual(sim.simulator.linked(), ['twitter']);
      const big = await fetch(`${base}/unlink`, {
        method: 'DELETE',
        headers: { 'Content-Type': 'application/json', Origin: base },
        body: 'x'.repeat(100_000),
      });
      // Too large is 413 (it used to pass a bad body on, answered 400).
      assert.equal(big.status, 413);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('account lifecycle (issue 9): networks, one network, direct connect, health', () => {
  const linkingPageNetworks = async (url) => {
    const page = await (await fetch(url)).text();
    return {
      networks: [...page.matchAll(/<li data-network="([a-z]+)"/g)].map((m) => m[1]),
      connect: /data-connect="([a-z]+)"/.exec(page)?.[1],
    };
  };

  test('the element\'s networks reach Ayrshare as allowedSocial, narrowed by the server\'s own list', async () => {
    sim.simulator.reset();
    const { calls, h } = scripted(() => upstream(200, { status: 'success', sessionId: 'abc', url: 'https://profile.ayrshare.com?session=t' }), {
      allowedSocial: ['linkedin', 'twitter', 'facebook'],
    });
    await h.linkUrl(post({ origin: APP, networks: ['twitter', 'facebook', 'tiktok'] }));
    assert.deepEqual(calls[0].body.allowedSocial, ['twitter', 'facebook']);
    await h.linkUrl(post({ origin: APP, networks: ['twitter'], network: 'linkedin' }));
    assert.deepEqual(calls[1].body.allowedSocial, ['linkedin']);
    assert.equal(calls[1].body.mode, undefined, 'no direct connect unless configured');
    const refused = await record(await h.linkUrl(post({ origin: APP, network: 'tiktok' })));
    assert.equal(refused.status, 400, 'a network the server does not offer');
    assert.equal(calls.length, 2);
  });

  test('ids are validated: unknown networks are 400, before calling Ayrshare', async () => {
    const { calls, h } = scripted(() => upstream(200, { url: 'https://profile.ayrshare.com?x' }));
    for (const body of [{ origin: APP, network: 'myspace' }, { origin: APP, networks: ['x', 'constructor'] }, { origin: APP, networks: 'twitter' }, { origin: APP, network: 7 }]) {
      assert.equal((await record(await h.linkUrl(post(body)))).status, 400, JSON.stringify(body));
    }
    assert.equal(calls.length, 0);
  });

  test('against the simulator: the linking page offers only the element\'s networks', async () => {
    sim.simulator.reset();
    const h = handlers();
    const answer = await (await record(await h.linkUrl(post({ origin: APP, networks: ['youtube', 'tiktok'] })))).json();
    assert.deepEqual((await linkingPageNetworks(answer.url)).networks, ['youtube', 'tiktok']);
  });

  test('one network with directConnect: mode "connect" + network; the page links just that one', async () => {
    sim.simulator.reset();
    const h = handlers({ directConnect: true });
    const answer = await (await record(await h.linkUrl(post({ origin: APP, network: 'tiktok' })))).json();
    assert.deepEqual(await linkingPageNetworks(answer.url), { networks: ['tiktok'], connect: 'tiktok' });
  });

  test('without the Max Pack (Ayrshare refuses connect mode) it falls back to the page with only that network', async () => {
    sim.simulator.reset();
    sim.simulator.configure({ directConnect: false });
    const h = handlers({ directConnect: true });
    const response = await record(await h.linkUrl(post({ origin: APP, network: 'linkedin' })));
    assert.equal(response.status, 200);
    assert.deepEqual(await linkingPageNetworks((await response.json()).url), { networks: ['linkedin'], connect: undefined });
    const { calls, h: scriptedHandlers } = scripted(
      (url, init) => (JSON.parse(init.body).mode === 'connect' ? upstream(403, { status: 'error', code: 403, message: 'Max Pack required' }) : upstream(200, { url: 'https://profile.ayrshare.com?session=t' })),
      { directConnect: true },
    );
    assert.equal((await scriptedHandlers.linkUrl(post({ origin: APP, network: 'linkedin' }))).status, 200);
    assert.deepEqual(calls.map((c) => [c.body.mode, c.body.network, c.body.allowedSocial]), [
      ['connect', 'linkedin', ['linkedin']],
      [undefined, undefined, ['linkedin']],
    ]);
    sim.simulator.reset();
  });

  test('the simulator\'s sessionId is not the bearer token in the URL', async () => {
    sim.simulator.reset();
    const created = await fetch(`${sim.apiUrl}/profiles/link-sessions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${SIMULATOR_API_KEY}`, 'Profile-Key': SIMULATOR_PROFILE_KEY, 'Content-Type': 'application/json' },
      body: JSON.stringify({ origin: APP }),
    }).then((r) => r.json());
    const token = new URL(created.url).searchParams.get('session');
    assert.match(created.sessionId, /^[0-9a-f]{24}$/);
    assert.notEqual(created.sessionId, token);
    assert.ok(!created.url.includes(created.sessionId));
    const inspect = (id) =>
      fetch(`${sim.apiUrl}/profiles/link-sessions/${id}`, { headers: { Authorization: `Bearer ${SIMULATOR_API_KEY}`, 'Profile-Key': SIMULATOR_PROFILE_KEY } });
    assert.equal((await inspect(created.sessionId)).status, 200);
    assert.equal((await inspect(token)).status, 404, 'the token is not an id');
  });

  test('health switches show in /user and pass through the profile handler', async () => {
    sim.simulator.reset();
    sim.simulator.configure({ health: { linkedin: 'expiring', instagram: 'needs-reconnect' } });
    const body = await (await record(await handlers().profile(get()))).json();
    assert.ok(body.activeSocialAccounts.includes('instagram'), 'an unhealthy network is linked first');
    const entry = (id) => body.displayNames.find((d) => d.platform === id);
    assert.equal(entry('linkedin').refreshDaysRemaining, 10);
    assert.ok(Date.parse(entry('linkedin').refreshRequired) > Date.now());
    assert.equal(entry('instagram').refreshRequired, true);
    assert.equal(entry('twitter').refreshRequired, undefined);
    sim.simulator.reset();
  });
});

describe('hardening (issue 13)', () => {
  test('calls to Ayrshare never follow a redirect (it would carry the keys elsewhere)', async () => {
    const { calls, h } = scripted(() => upstream(200, { activeSocialAccounts: [] }));
    await h.profile(get());
    await h.linkUrl(post({ origin: APP }));
    await h.unlink(del({ platform: 'twitter' }));
    assert.ok(calls.length >= 3);
    for (const call of calls) assert.equal(call.init.redirect, 'error', call.url);
  });

  test('a real redirect from "Ayrshare" is refused: 502, and the redirect target sees nothing', async () => {
    let leaked = 0;
    const target = createServer((req, res) => {
      leaked++;
      res.end('{}');
    });
    await new Promise((resolve) => target.listen(0, '127.0.0.1', resolve));
    const redirecting = createServer((req, res) => {
      res.statusCode = 307;
      res.setHeader('Location', `http://127.0.0.1:${target.address().port}/steal`);
      res.end();
    });
    await new Promise((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    try {
      const h = handlers({ baseUrl: `http://127.0.0.1:${redirecting.address().port}/api` });
      assert.equal((await record(await h.profile(get()))).status, 502);
      assert.equal(leaked, 0);
    } finally {
      redirecting.close();
      target.close();
    }
  });
});

test('the profile GET refuses a cross-site request that carries no Origin (quota-burning <img> GETs)', async () => {
  const h = handlers();
  const crossSite = new Request(`${APP}/api/social/status`, { headers: { 'Sec-Fetch-Site': 'cross-site' } });
  const response = await record(await h.profile(crossSite));
  assert.equal(response.status, 403);
  assert.equal((await response.json()).code, 'origin-not-allowed');
  const sameOrigin = new Request(`${APP}/api/social/status`, { headers: { 'Sec-Fetch-Site': 'same-origin' } });
  assert.equal((await record(await h.profile(sameOrigin))).status, 200);
});

describe('request bodies (issue 13)', () => {
  test('bodies over 16 KiB (or maxBodyBytes) are 413 before Ayrshare is called', async () => {
    const { calls, h } = scripted(() => upstream(200, { url: 'https://profile.ayrshare.com?x' }));
    const big = JSON.stringify({ origin: APP, pad: 'x'.repeat(17 * 1024) });
    assert.equal((await record(await h.linkUrl(post(undefined, APP, big)))).status, 413);
    const { h: small } = scripted(() => upstream(200, {}), { maxBodyBytes: 100 });
    assert.equal((await record(await small.unlink(del(undefined, APP, JSON.stringify({ platform: 'twitter', pad: 'y'.repeat(200) }))))).status, 413);
    assert.equal(calls.length, 0);
  });

  test('the signed-in user is checked before the body is read', async () => {
    const h = handlers({ profileKey: () => undefined });
    // A body that never ends: reading it first would hang.
    const endless = new ReadableStream({ pull: () => new Promise(() => {}) });
    const request = new Request(`${APP}/api/social/link-url`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: APP },
      body: endless,
      duplex: 'half',
    });
    assert.equal((await record(await h.linkUrl(request))).status, 401);
  });

  test('the Node adapter answers an oversized body 413 with Connection: close, without hanging', async () => {
    const server = createServer(toNodeHandler(handlers().linkUrl));
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { request } = await import('node:http');
      const answer = await new Promise((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: server.address().port, method: 'POST', path: '/', headers: { 'Content-Type': 'application/json', Origin: APP } },
          (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode, connection: res.headers.connection }));
          },
        );
        req.on('error', (error) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
        req.end(JSON.stringify({ origin: APP, pad: 'z'.repeat(200 * 1024) }));
      });
      assert.deepEqual(answer, { status: 413, connection: 'close' });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
