// The reference handlers mounted in node:http, the account lifecycle (networks,
// direct connect, health) and hardening (request bodies, cross-site GETs, redirects).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { describe, test } from 'node:test';
import { toNodeHandler } from '../../dist/server.js';
import { SIMULATOR_API_KEY, SIMULATOR_PROFILE_KEY } from '../../dist/simulator.js';
import { APP, del, get, handlers, post, record, SAME_ORIGIN_FETCH, scripted, sim, upstream } from './handlers-setup.mjs';

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
      const status = await fetch(`${base}/status`, { headers: SAME_ORIGIN_FETCH });
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
