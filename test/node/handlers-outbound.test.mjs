// What leaves a handler and what a request may cost: only parsed, bounded fields leave it,
// profile matching is linear, the profile GET spends an Ayrshare call only for the app's own
// fetch, the timeout is clamped and networks reach Ayrshare once each. Upstream is a loopback fake.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as server from '../../dist/server.js';
import { fakeUpstream } from './fake-upstream.mjs';
import { APP, del, get, handlers, post, record } from './handlers-setup.mjs';

const LINK = { status: 'success', sessionId: 'ayr_ls_1', url: 'https://profile.ayrshare.com/?session=s', expiresAt: '2030-01-01T00:00:00.000Z' };

async function against(answer, options = {}) {
  const fake = await fakeUpstream(answer);
  return { calls: fake.calls, h: handlers({ baseUrl: fake.baseUrl, ...options }) };
}

describe('only allow-listed, typed, bounded fields leave a handler (point 6)', () => {
  test('an upstream error code passes only as a bounded integer', async () => {
    const cases = [
      ['x'.repeat(10_000), undefined],
      ['<img src=x onerror=alert(1)>', undefined],
      [1e21, undefined],
      [-3, undefined],
      [12.5, undefined],
      [{ nested: 1 }, undefined],
      ['272', 272],
      [999, 999],
    ];
    for (const [code, expected] of cases) {
      const { h } = await against(() => ({ status: 400, body: { status: 'error', code, message: 'upstream words' } }));
      for (const response of [await h.profile(get()), await h.linkUrl(post({ origin: APP })), await h.unlink(del({ platform: 'twitter' }))]) {
        const body = await (await record(response)).json();
        assert.equal(response.status, 502);
        assert.equal(body.code, expected, `code ${String(code).slice(0, 30)}`);
        assert.deepEqual(Object.keys(body).sort(), expected === undefined ? ['message', 'status'] : ['code', 'message', 'status']);
      }
    }
  });

  test('Retry-After is 1..3600 digits: from seconds, an HTTP date or the rate-limit reset, else 60', async () => {
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    const cases = [
      [{ 'Retry-After': '<script>alert(1)</script>' }, (v) => v === '60'],
      [{ 'Retry-After': '99999999999999999999' }, (v) => v === '3600'],
      [{ 'Retry-After': '0' }, (v) => v === '1'],
      [{ 'Retry-After': '45' }, (v) => v === '45'],
      [{ 'Retry-After': inTwoMinutes }, (v) => /^\d+$/.test(v) && Number(v) > 90 && Number(v) <= 120],
      [{ 'Retry-After': 'Thu, 01 Jan 2099 00:00:00 GMT' }, (v) => v === '3600'],
      [{ 'X-RateLimit-Reset': '1e30' }, (v) => v === '60'],
      [{ 'X-RateLimit-Reset': String(Math.floor(Date.now() / 1000) + 7 * 86_400) }, (v) => v === '3600'],
    ];
    for (const [headers, ok] of cases) {
      const { h } = await against(() => ({ status: 429, body: { status: 'error' }, headers }));
      const response = await record(await h.profile(get()));
      assert.equal(response.status, 429);
      const value = response.headers.get('retry-after');
      assert.ok(ok(value), `${JSON.stringify(headers)} → ${value}`);
    }
  });

  test('the link answer is { url, expiresAt } re-serialized from parsed values, nothing else', async () => {
    const cases = [
      [{ ...LINK, title: 'T', token: 'jwt', emailSent: true, extra: 'x'.repeat(5000) }, { url: LINK.url, expiresAt: LINK.expiresAt }],
      [{ ...LINK, expiresAt: 'Tue, 01 Jan 2030 00:00:00 GMT' }, { url: LINK.url, expiresAt: '2030-01-01T00:00:00.000Z' }],
      [{ ...LINK, expiresAt: 'soon <b>bold</b>' }, { url: LINK.url }],
      [{ ...LINK, expiresAt: '+275760-09-13T00:00:00.000Z' }, { url: LINK.url }],
      [{ ...LINK, expiresAt: 1e21 }, { url: LINK.url }],
      [{ ...LINK, url: ' https://profile.ayrshare.com?session=s ' }, { url: LINK.url, expiresAt: LINK.expiresAt }],
      [{ ...LINK, url: 'http://127.0.0.1:4321/link?s=1' }, { url: 'http://127.0.0.1:4321/link?s=1', expiresAt: LINK.expiresAt }],
    ];
    for (const [answer, expected] of cases) {
      const { h } = await against(() => ({ body: answer }));
      const response = await record(await h.linkUrl(post({ origin: APP })));
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), expected);
    }
  });

  test('a link URL that is not https (or loopback http) is 502, never passed on', async () => {
    for (const url of ['javascript:alert(1)', 'http://profile.ayrshare.com/?s=1', 'data:text/html,<script>1</script>', 'https://user:pw@profile.ayrshare.com/', `https://profile.ayrshare.com/?s=${'a'.repeat(9000)}`, 'not a url']) {
      for (const linkMethod of ['link-session', 'generateJWT']) {
        const { h } = await against(() => ({ body: { ...LINK, url } }), { linkMethod, domain: 'acme', privateKey: 'k' });
        const response = await record(await h.linkUrl(post({ origin: APP })));
        assert.equal(response.status, 502, `${linkMethod} ${url.slice(0, 40)}`);
        assert.ok(!(await response.text()).includes(url.slice(0, 20)));
      }
    }
  });

  test('profile entries keep only typed, bounded fields', async () => {
    const { h } = await against(() => ({
      body: {
        activeSocialAccounts: ['twitter', 'linkedin', 'y'.repeat(500), 42],
        displayNames: [
          { platform: 'twitter', username: 'u'.repeat(10_000), displayName: 'Acme', profileUrl: 'javascript:alert(1)', userImage: 'https://img.example/a.png', refreshDaysRemaining: 1e21, refreshRequired: 'soon', id: 'secret-ish', headers: { a: 1 } },
          { platform: 'linkedin', displayName: 'Acme Corp', refreshDaysRemaining: 10, refreshRequired: '2030-01-01', profileUrl: 'https://www.linkedin.com/company/acme' },
        ],
      },
    }));
    const response = await record(await h.profile(get()));
    assert.equal(response.status, 502, 'a non-string id makes the answer unreadable, as the shared schema says');
    const { h: h2 } = await against(() => ({
      body: {
        activeSocialAccounts: ['twitter', 'linkedin', 'y'.repeat(500)],
        displayNames: [
          { platform: 'twitter', username: 'u'.repeat(10_000), displayName: 'Acme', profileUrl: 'javascript:alert(1)', userImage: 'https://img.example/a.png', refreshDaysRemaining: 1e21, refreshRequired: 'soon', id: 'secret-ish', headers: { a: 1 } },
          { platform: 'linkedin', displayName: 'Acme Corp', refreshDaysRemaining: 10, refreshRequired: '2030-01-01', profileUrl: 'https://www.linkedin.com/company/acme' },
        ],
      },
    }));
    assert.deepEqual(await (await record(await h2.profile(get()))).json(), {
      activeSocialAccounts: ['twitter', 'linkedin'],
      displayNames: [
        { platform: 'twitter', displayName: 'Acme', userImage: 'https://img.example/a.png' },
        { platform: 'linkedin', displayName: 'Acme Corp', profileUrl: 'https://www.linkedin.com/company/acme', refreshDaysRemaining: 10, refreshRequired: '2030-01-01T00:00:00.000Z' },
      ],
    });
  });

  test('an Ayrshare answer past 4 MiB is 502 without being read to its end', async () => {
    const big = JSON.stringify({ activeSocialAccounts: ['twitter'], pad: 'x'.repeat(5 * 1024 * 1024) });
    const { h } = await against(() => ({ body: big }));
    assert.equal((await record(await h.profile(get()))).status, 502);
    // No Content-Length and no end: read up to the cap, then cut off (not a 504 after the timeout).
    let written = 0;
    const { h: endless } = await against((call, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"activeSocialAccounts":["twitter"],"pad":"');
      const chunk = 'y'.repeat(64 * 1024);
      const pump = () => {
        while (!res.destroyed && written < 64 * 1024 * 1024 && res.write(chunk)) written += chunk.length;
        if (!res.destroyed && written < 64 * 1024 * 1024) res.once('drain', pump);
      };
      res.on('close', () => res.removeAllListeners('drain'));
      pump();
    }, { timeout: 60_000 });
    assert.equal((await record(await endless.profile(get()))).status, 502);
    assert.ok(written < 16 * 1024 * 1024, `the fake wrote ${written} bytes before we hung up`);
  });
  test('generateJWT with an expiresIn no date can hold answers the url alone, never a 500', async () => {
    for (const expiresIn of [1e20, -1e20]) {
      const { h } = await against(() => ({ body: { status: 'success', url: LINK.url, token: 't' } }), { linkMethod: 'generateJWT', domain: 'acme', privateKey: 'k', expiresIn });
      const response = await record(await h.linkUrl(post({ origin: APP })));
      assert.equal(response.status, 200, String(expiresIn));
      assert.deepEqual(await response.json(), { url: LINK.url });
    }
  });
});

describe('profile matching is linear (point 7)', () => {
  test('100k linked ids and 100k entries: answered, one entry per linked id, ids bounded to 64', async () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => String(i));
    const entries = ids.map((platform) => ({ platform })).reverse();
    const answer = JSON.stringify({ activeSocialAccounts: ids, displayNames: entries });
    assert.ok(answer.length < 4 * 1024 * 1024, 'within the size read');
    const { h } = await against(() => ({ body: answer }));
    const body = await (await record(await h.profile(get()))).json();
    assert.deepEqual(body.activeSocialAccounts, ids.slice(0, 64));
    assert.deepEqual(body.displayNames, ids.slice(0, 64).reverse().map((platform) => ({ platform })));
  });

  test('100k repeats of the 13 networks: each linked id once, its first entry once', async () => {
    const networks = ['bluesky', 'facebook', 'gmb', 'instagram', 'linkedin', 'pinterest', 'reddit', 'snapchat', 'telegram', 'threads', 'tiktok', 'twitter', 'youtube'];
    const active = Array.from({ length: 100_000 }, (_, i) => networks[i % 13]);
    const entries = active.map((platform, i) => (i < 13 ? { platform, username: 'first' } : { platform }));
    const answer = JSON.stringify({ activeSocialAccounts: active, displayNames: entries });
    assert.ok(answer.length < 4 * 1024 * 1024, 'within the size read');
    const { h } = await against(() => ({ body: answer }));
    const body = await (await record(await h.profile(get()))).json();
    assert.deepEqual(body.activeSocialAccounts, networks);
    assert.deepEqual(body.displayNames, networks.map((platform) => ({ platform, username: 'first' })));
  });
});

describe('the profile GET spends an Ayrshare call only for the app\'s own fetch (point 8)', () => {
  const status = (headers) => new Request(`${APP}/api/social/status`, { headers });
  // As the browsers send them; none of these carries an Origin.
  const refused = {
    'same-site <img>': { 'Sec-Fetch-Site': 'same-site', 'Sec-Fetch-Mode': 'no-cors', 'Sec-Fetch-Dest': 'image', Accept: 'image/avif,image/webp,*/*' },
    'same-site prefetch': { 'Sec-Fetch-Site': 'same-site', 'Sec-Fetch-Mode': 'no-cors', 'Sec-Fetch-Dest': 'empty', 'Sec-Purpose': 'prefetch' },
    'same-site no-cors fetch': { 'Sec-Fetch-Site': 'same-site', 'Sec-Fetch-Mode': 'no-cors', 'Sec-Fetch-Dest': 'empty', Accept: 'application/json' },
    'same-site navigation': { 'Sec-Fetch-Site': 'same-site', 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document', 'Sec-Fetch-User': '?1' },
    'cross-site <img>': { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors', 'Sec-Fetch-Dest': 'image' },
    'same-origin <img> (injected markup)': { 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'no-cors', 'Sec-Fetch-Dest': 'image' },
    'no Fetch Metadata and no Origin': {},
    'same-site no-cors fetch that tried to add the marker (browsers drop it, Fetch Metadata stays)': {
      'Sec-Fetch-Site': 'same-site', 'Sec-Fetch-Mode': 'no-cors', 'X-Requested-With': 'social-link-button',
    },
    'cors fetch from a foreign origin': { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'cors' },
    'cors fetch from a sibling subdomain not allowed': { Origin: 'https://blog.app.example', 'Sec-Fetch-Site': 'same-site', 'Sec-Fetch-Mode': 'cors' },
  };
  const accepted = {
    'the element\'s same-origin fetch': { 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'cors', 'Sec-Fetch-Dest': 'empty' },
    'a typed or bookmarked URL': { 'Sec-Fetch-Site': 'none', 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document', 'Sec-Fetch-User': '?1' },
    'a cors fetch from an allowed sibling origin': { Origin: 'https://admin.app.example', 'Sec-Fetch-Site': 'same-site', 'Sec-Fetch-Mode': 'cors' },
    // Plain http off localhost, or Safari before 16.4: no Origin, no Fetch Metadata, but the
    // element's marker, which only a same-origin script can add without an Origin.
    'the element\'s read without Fetch Metadata': { 'X-Requested-With': 'social-link-button', Accept: 'application/json' },
  };

  test('refused with 403 origin-not-allowed, and no call reaches Ayrshare', async () => {
    // No status cache: each accepted read is its own call to Ayrshare.
    const { calls, h } = await against(() => ({ body: { activeSocialAccounts: ['twitter'] } }), {
      allowedOrigins: [APP, 'https://admin.app.example'],
      statusCache: false,
    });
    for (const [what, headers] of Object.entries(refused)) {
      const response = await record(await h.profile(status(headers)));
      assert.equal(response.status, 403, what);
      assert.equal((await response.json()).code, 'origin-not-allowed', what);
    }
    assert.equal(calls.length, 0);
    for (const [what, headers] of Object.entries(accepted)) {
      assert.equal((await record(await h.profile(status(headers)))).status, 200, what);
    }
    assert.equal(calls.length, Object.keys(accepted).length);
  });
});

describe('the timeout option (point 10)', () => {
  const slowly = () => new Promise((resolve) => setTimeout(() => resolve({ body: { activeSocialAccounts: ['twitter'] } }), 50));

  test('out-of-range numbers are clamped: a 50 ms Ayrshare answers', async () => {
    for (const timeout of [2 ** 31, 2 ** 32 - 1, 2 ** 32, 1e300, Infinity, 0, -5]) {
      const { h } = await against(slowly, { timeout });
      const response = await record(await h.profile(get()));
      assert.equal(response.status, 200, `timeout ${timeout}`);
    }
  });

  test('a fraction rounds up to whole milliseconds: a timeout (504), not an error (502)', async () => {
    const { h } = await against(slowly, { timeout: 0.5 });
    assert.equal((await record(await h.profile(get()))).status, 504);
  });

  test('not a number is an Error at createAyrshareHandlers, with a code and what to do', () => {
    for (const timeout of ['10000', NaN, null, {}]) {
      assert.throws(
        () => handlers({ timeout }),
        (error) => error instanceof server.AyrshareOptionError && error.code === 'invalid-option' && /timeout must be a number of milliseconds/.test(error.message),
        String(timeout),
      );
    }
  });
});

describe('networks reach Ayrshare once each (point 17)', () => {
  test('1,400 repeats become one allowedSocial entry per network, the server\'s own list too', async () => {
    const { calls, h } = await against(() => ({ body: LINK }));
    const networks = [...Array(1400).fill('twitter'), 'linkedin', 'twitter', 'linkedin'];
    assert.equal((await record(await h.linkUrl(post({ origin: APP, networks })))).status, 200);
    assert.deepEqual(calls[0].body.allowedSocial, ['twitter', 'linkedin']);
    const { calls: narrowed, h: h2 } = await against(() => ({ body: LINK }), { allowedSocial: ['linkedin', 'linkedin', 'twitter', 'youtube', 'twitter'] });
    assert.equal((await record(await h2.linkUrl(post({ origin: APP, networks })))).status, 200);
    assert.deepEqual(narrowed[0].body.allowedSocial, ['linkedin', 'twitter']);
    assert.equal((await record(await h2.linkUrl(post({ origin: APP })))).status, 200);
    assert.deepEqual(narrowed[1].body.allowedSocial, ['linkedin', 'twitter', 'youtube']);
  });

  test('an unknown id among repeats is still 400 before calling Ayrshare', async () => {
    const { calls, h } = await against(() => ({ body: LINK }));
    const response = await record(await h.linkUrl(post({ origin: APP, networks: [...Array(500).fill('twitter'), 'myspace'] })));
    assert.equal(response.status, 400);
    assert.equal(calls.length, 0);
  });
});
