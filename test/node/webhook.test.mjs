// The webhook handler: Ayrshare's signed deliveries verified (hex and base64, the rotation
// pair, the timestamp), everything else refused with a bare 401; duplicates, replays and 50
// concurrent copies of one delivery have one effect; the host hook is told once and never holds
// the answer; unknown actions and refIds are acknowledged and ignored.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createAyrshareHandlers } from '../../dist/server.js';
import { SIMULATOR_API_KEY } from '../../dist/simulator.js';
import { APP, deliver, eventually, HOOK_SECRET, liveServer, openStream, signed, socialBody } from './live-setup.mjs';
import { database } from './profiles-setup.mjs';

const OTHER_SECRET = 'whsec-other-fedcba9876543210';

// One database for the file (PGlite starts slowly); each world has its own user.
const db = database();
let worlds = 0;
async function world(options = {}) {
  const user = `alice-${worlds++}`;
  const live = await liveServer({ ...options, setup: { db } });
  const profile = await live.directory.ensure(user);
  const published = [];
  live.directory.changes.subscribeAll((change) => change.subject === user && published.push(change));
  return { ...live, user, refId: profile.refId, published };
}

describe('webhook signatures', async () => {
  const w = await world({ webhook: { secrets: [OTHER_SECRET] } });
  const body = () => socialBody({ refId: w.refId });

  test('a valid hex signature and a valid base64 one are accepted and have their effect', async () => {
    for (const encoding of ['hex', 'base64']) {
      const before = w.hookCalls.length;
      const payload = body();
      const answer = await deliver(w.base, payload, signed(payload, { encoding }));
      assert.equal(answer.status, 200);
      assert.deepEqual(await answer.json(), { status: 'success' });
      assert.equal(w.hookCalls.length, before + 1, encoding);
    }
    const payload = body();
    const urlSafe = signed(payload, { encoding: 'base64url' });
    assert.equal((await deliver(w.base, payload, urlSafe)).status, 200, 'base64url without padding');
  });

  test('either configured secret, in either header (the rotation pair), is accepted', async () => {
    const payload = body();
    assert.equal((await deliver(w.base, payload, signed(payload, { secret: 'not-the-secret-at-all', v2: OTHER_SECRET }))).status, 200);
    const other = body();
    assert.equal((await deliver(w.base, other, signed(other, { secret: HOOK_SECRET, v2: 'not-the-secret-at-all' }))).status, 200);
  });

  test('tampered, wrong-secret, truncated, missing and garbage signatures: a bare 401 and no effect', async () => {
    const before = [w.hookCalls.length, w.published.length];
    const payload = body();
    const good = signed(payload);
    const cases = [
      [payload.replace('instagram', 'facebook'), good],
      [payload, signed(payload, { secret: 'wrong-secret-0123456789' })],
      [payload, { ...good, 'X-Authorization-Content-SHA256': good['X-Authorization-Content-SHA256'].slice(0, 63) }],
      [payload, { ...good, 'X-Authorization-Content-SHA256': `${good['X-Authorization-Content-SHA256']}00` }],
      [payload, { ...good, 'X-Authorization-Content-SHA256': 'z'.repeat(64) }],
      [payload, { ...good, 'X-Authorization-Content-SHA256': '' }],
      [payload, { 'Content-Type': 'application/json', 'X-Authorization-Timestamp': String(Math.floor(Date.now() / 1000)) }],
      [`${payload} `, good],
    ];
    for (const [sent, headers] of cases) {
      const answer = await deliver(w.base, sent, headers);
      assert.equal(answer.status, 401);
      const text = await answer.text();
      assert.deepEqual(JSON.parse(text), { status: 'error', message: 'Unauthorized.' });
      assert.ok(!text.includes(HOOK_SECRET) && !text.includes('instagram'));
    }
    assert.deepEqual([w.hookCalls.length, w.published.length], before);
  });

  test('timestamps: stale, future and malformed refused; seconds and milliseconds within tolerance accepted; absent accepted', async () => {
    const now = Date.now();
    for (const [timestamp, status] of [
      [Math.floor(now / 1000) - 301, 401],
      [Math.floor(now / 1000) + 301, 401],
      ['12abc', 401],
      ['-5', 401],
      [Math.floor(now / 1000) - 200, 200],
      [now, 200],
      [null, 200],
    ]) {
      const payload = body();
      assert.equal((await deliver(w.base, payload, signed(payload, { timestamp }))).status, status, String(timestamp));
    }
  });

  test('requireTimestamp refuses a delivery without one', async () => {
    const strict = await world({ webhook: { requireTimestamp: true } });
    const payload = socialBody({ refId: strict.refId });
    assert.equal((await deliver(strict.base, payload, signed(payload, { timestamp: null }))).status, 401);
    assert.equal((await deliver(strict.base, payload, signed(payload))).status, 200);
  });

  test('oversized bodies are 413 unread; GET is 405; a signed body that is not JSON is 400', async () => {
    const big = socialBody({ refId: w.refId, title: 'x'.repeat(70_000) });
    assert.equal((await deliver(w.base, big, signed(big))).status, 413);
    assert.equal((await fetch(`${w.base}/webhook`)).status, 405);
    for (const garbage of ['not json', '[1,2]', '"social"', 'null', '{"action": 5}', '']) {
      assert.equal((await deliver(w.base, garbage, signed(garbage))).status, 400, garbage);
    }
  });

  test('hostile JSON, signed: acknowledged, nothing published or stored that it names', async () => {
    const before = [w.hookCalls.length, w.published.length];
    for (const hostile of [
      '{"action":"social","__proto__":{"polluted":true},"type":"link","refId":{"$ne":null}}',
      JSON.stringify({ action: 'social', type: 'link', refId: "x'); DROP TABLE social_link_profiles; --", hookId: 'a' }),
      JSON.stringify({ action: 'social', type: ['link'], refId: w.refId }),
      JSON.stringify({ action: 'social', type: 'link', refId: 'r'.repeat(600) }),
      '{"action":"social","type":"link","refId":"' + 'a'.repeat(10) + '","code":"200"}',
      '['.repeat(5000) + ']'.repeat(5000),
    ]) {
      const answer = await deliver(w.base, hostile, signed(hostile));
      assert.ok([200, 400].includes(answer.status), hostile.slice(0, 40));
    }
    assert.equal({}.polluted, undefined);
    assert.deepEqual([w.hookCalls.length, w.published.length], before);
    assert.ok(await w.directory.find(w.user), 'the profiles table is still there');
  });
});

describe('webhook effects', async () => {
  test('a social event publishes one change for its user, and the host hook gets the event and the user id', async () => {
    const w = await world();
    const stream = await openStream(w.base, w.user);
    await stream.next('ready');
    const payload = socialBody({ refId: w.refId, type: 'unlink', source: 'system', platform: 'instagram' });
    assert.equal((await deliver(w.base, payload)).status, 200);
    const frame = await stream.next('status');
    assert.deepEqual(frame.data, { type: 'unlink', platform: 'instagram', source: 'system' });
    assert.equal(w.hookCalls.length, 1);
    assert.equal(w.hookCalls[0].context.userId, w.user);
    assert.equal(w.hookCalls[0].event.platform, 'instagram');
    assert.equal(w.hookCalls[0].event.refId, w.refId);
    await stream.close();
  });

  test('the same hookId delivered again, replayed later, or 50 times at once: one change, one hook call', async () => {
    const w = await world();
    const payload = socialBody({ refId: w.refId, type: 'link', source: 'user' });
    const answers = await Promise.all(Array.from({ length: 50 }, () => deliver(w.base, payload)));
    assert.ok(answers.every((a) => a.status === 200));
    assert.equal((await deliver(w.base, payload)).status, 200);
    assert.equal(w.published.length, 1);
    assert.equal(w.hookCalls.length, 1);
    // No hookId at all: the body itself is the id.
    const anonymous = JSON.stringify({ action: 'social', type: 'refresh', platform: 'linkedin', refId: w.refId });
    await deliver(w.base, anonymous);
    await deliver(w.base, anonymous);
    assert.equal(w.published.length, 2);
  });

  test('a body created longer ago than the hookId record is kept is acknowledged and ignored', async () => {
    const w = await world();
    const payload = socialBody({ refId: w.refId, created: new Date(Date.now() - 72 * 3_600_000).toISOString() });
    assert.equal((await deliver(w.base, payload)).status, 200);
    assert.equal(w.published.length, 0);
  });

  test('unknown actions, unknown refIds and unknown types: 200; only a known refId is published', async () => {
    const w = await world();
    for (const payload of [
      JSON.stringify({ action: 'scheduled', hookId: 'x1', refId: w.refId }),
      JSON.stringify({ action: 'feed', anything: [1, 2, 3] }),
      socialBody({ refId: 'not-a-known-ref-id' }),
    ]) {
      assert.equal((await deliver(w.base, payload)).status, 200);
    }
    assert.equal(w.published.length, 0);
    assert.equal(w.hookCalls.length, 0);
    await deliver(w.base, socialBody({ refId: w.refId, type: 'something-new', platform: 'Not A Network!' }));
    assert.deepEqual(w.published.map(({ type, platform }) => ({ type, platform })), [{ type: 'changed', platform: undefined }]);
  });

  test('a host hook that throws or never settles does not change or hold the answer', async () => {
    const throwing = await world({ webhook: { onSocialEvent: () => { throw new Error('host bug'); } } });
    assert.equal((await deliver(throwing.base, socialBody({ refId: throwing.refId }))).status, 200);
    const rejecting = await world({ webhook: { onSocialEvent: () => Promise.reject(new Error('host bug')) } });
    assert.equal((await deliver(rejecting.base, socialBody({ refId: rejecting.refId }))).status, 200);
    let called = 0;
    const hanging = await world({ webhook: { hookWaitMs: 0, onSocialEvent: () => (called++, new Promise(() => {})) } });
    assert.equal((await deliver(hanging.base, socialBody({ refId: hanging.refId }))).status, 200);
    assert.equal(called, 1);
    assert.equal(hanging.published.length, 1);
  });

  test('when publishing fails the hookId is forgotten: 503, and the retry has its effect', async () => {
    const w = await world();
    let fail = true;
    const hub = w.directory.changes;
    const flaky = { ...hub, publish: (change) => (fail ? Promise.reject(new Error('down')) : hub.publish(change)), subscribe: hub.subscribe, subscribeAll: hub.subscribeAll };
    const h = createAyrshareHandlers({
      apiKey: SIMULATOR_API_KEY, user: () => w.user, profiles: w.directory, allowedOrigins: [APP], changes: flaky, webhook: { secret: HOOK_SECRET },
    });
    const payload = socialBody({ refId: w.refId });
    const request = () => new Request('http://x/webhook', { method: 'POST', body: payload, headers: signed(payload) });
    const first = await h.webhook(request());
    assert.equal(first.status, 503);
    fail = false;
    assert.equal((await h.webhook(request())).status, 200);
    assert.equal(w.published.length, 1);
  });

  test('options are checked when the handlers are made', async () => {
    const base = { apiKey: SIMULATOR_API_KEY, profileKey: () => 'k', allowedOrigins: [APP] };
    for (const webhook of [{}, { secret: 'short' }, { secrets: [HOOK_SECRET, 5] }, { secret: HOOK_SECRET, toleranceSeconds: -1 }, { secret: HOOK_SECRET, keepHookHours: 1 }]) {
      assert.throws(() => createAyrshareHandlers({ ...base, webhook }), /webhook/, JSON.stringify(webhook));
    }
    const none = createAyrshareHandlers(base);
    assert.equal((await none.webhook(new Request('http://x/', { method: 'POST', body: '{}' }))).status, 404);
  });

  test('with profileKey and profileKeyOfRefId, the event reaches that key holder’s stream', async () => {
    const key = 'host-kept-profile-key-123';
    const calls = [];
    const h = createAyrshareHandlers({
      apiKey: SIMULATOR_API_KEY, profileKey: () => key, allowedOrigins: [APP],
      webhook: { secret: HOOK_SECRET, profileKeyOfRefId: (refId) => (refId === 'ref-1' ? key : undefined), onSocialEvent: (e, c) => calls.push(c) },
    });
    const { serve } = await import('./live-setup.mjs');
    const base = await serve(h);
    const stream = await openStream(base, 'anyone');
    await stream.next('ready');
    await deliver(base, socialBody({ refId: 'ref-1', type: 'link', source: 'user', platform: 'tiktok' }));
    assert.deepEqual((await stream.next('status')).data, { type: 'link', platform: 'tiktok', source: 'user' });
    assert.deepEqual(calls, [{ userId: undefined }]);
    await stream.close();
    await eventually(() => true);
  });
});
