// The events handler over real HTTP (toNodeHandler): the opening frames, a user's changes and
// nobody else's, Last-Event-ID replay, the per-user bound, heartbeats, the checks every read
// passes, and 1,000 connect/disconnect cycles that leave no subscriber behind.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createHash } from 'node:crypto';
import { createAyrshareHandlers, createMemoryChangeHub } from '../../dist/server.js';
import { SIMULATOR_API_KEY } from '../../dist/simulator.js';
import { APP, eventually, liveServer, openStream, SAME_ORIGIN, serve } from './live-setup.mjs';

const unlinkAs = (base, user, platform = 'instagram') =>
  fetch(`${base}/unlink`, {
    method: 'DELETE',
    headers: { 'Content-Type': 'application/json', Origin: APP, 'X-Test-User': user },
    body: JSON.stringify({ platform }),
  });

describe('events', async () => {
  const w = await liveServer({ handlers: { events: { maxStreamsPerUser: 3, heartbeatMs: 1000 } } });
  await w.directory.ensure('alice');
  await w.directory.ensure('bob');
  await w.directory.ensure('carol');

  test('opens with retry and ready, as an uncached, unbuffered event stream', async () => {
    const stream = await openStream(w.base, 'alice');
    assert.equal(stream.response.status, 200);
    assert.equal(stream.response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    assert.equal(stream.response.headers.get('cache-control'), 'no-store');
    assert.equal(stream.response.headers.get('x-accel-buffering'), 'no');
    assert.equal((await stream.next()).retry, 3000);
    assert.deepEqual((await stream.next()).data, {});
    assert.equal(stream.frames[1].event, 'ready');
    assert.equal((await stream.next('comment')).lines[0], ': ping');
    await stream.close();
  });

  test("an unlink in one tab reaches the user's other tab, and no other user's stream", async () => {
    const [aliceTab, bobTab] = [await openStream(w.base, 'alice'), await openStream(w.base, 'bob')];
    await aliceTab.next('ready');
    await bobTab.next('ready');
    assert.equal((await unlinkAs(w.base, 'alice', 'linkedin')).status, 200);
    const frame = await aliceTab.next('status');
    assert.deepEqual(frame.data, { type: 'unlink', platform: 'linkedin', source: 'user' });
    assert.match(frame.id, /^\d+$/);
    await unlinkAs(w.base, 'bob', 'twitter');
    assert.deepEqual((await bobTab.next('status')).data, { type: 'unlink', platform: 'twitter', source: 'user' }, "bob's first event is his own");
    assert.ok(!JSON.stringify(aliceTab.frames).includes('twitter'));
    await Promise.all([aliceTab.close(), bobTab.close()]);
  });

  test('Last-Event-ID (header or query) replays what was missed; an unknown or too-old id sends "changed"', async () => {
    const first = await w.directory.changes.publish({ subject: 'alice', type: 'link', platform: 'tiktok', source: 'user' });
    await w.directory.changes.publish({ subject: 'bob', type: 'link', platform: 'reddit', source: 'user' });
    const second = await w.directory.changes.publish({ subject: 'alice', type: 'unlink', platform: 'tiktok', source: 'system' });
    const byHeader = await openStream(w.base, 'alice', { 'Last-Event-ID': String(Number(first.id) - 1) });
    assert.deepEqual([(await byHeader.next('status')).id, (await byHeader.next('status')).id], [first.id, second.id]);
    const byQuery = await openStream(w.base, 'alice', {}, `?lastEventId=${first.id}`);
    const replayed = await byQuery.next('status');
    assert.deepEqual([replayed.id, replayed.data], [second.id, { type: 'unlink', platform: 'tiktok', source: 'system' }]);
    await Promise.all([byHeader.close(), byQuery.close()]);
    for (const unknown of ['999999999', 'abc', '1'.repeat(40), '']) {
      const stream = await openStream(w.base, 'alice', { 'Last-Event-ID': unknown });
      const frame = await stream.next('status');
      assert.deepEqual([frame.id, frame.data], [undefined, { type: 'changed' }], unknown);
      await stream.close();
    }
  });

  test('past maxStreamsPerUser a new stream is 429 with Retry-After; closing one lets the next in; other users are not counted', async () => {
    const open = [await openStream(w.base, 'carol'), await openStream(w.base, 'carol'), await openStream(w.base, 'carol')];
    for (const stream of open) await stream.next('ready');
    const refused = await openStream(w.base, 'carol');
    assert.equal(refused.response.status, 429);
    assert.equal(refused.response.headers.get('retry-after'), '30');
    const bob = await openStream(w.base, 'bob');
    assert.equal(bob.response.status, 200);
    await open[0].close();
    const admitted = await eventually(async () => {
      const next = await openStream(w.base, 'carol');
      if (next.response.status === 200) return next;
      await next.close();
    }, 'a stream is admitted after one closed');
    await Promise.all([admitted, bob, ...open.slice(1)].map((s) => s.close()));
  });

  test('not signed in: 401; a foreign Origin: 403; a read without Origin or Fetch Metadata: 403; POST: 405', async () => {
    assert.equal((await fetch(`${w.base}/events`, { headers: SAME_ORIGIN })).status, 401);
    assert.equal((await fetch(`${w.base}/events`, { headers: { Origin: 'https://evil.example', 'X-Test-User': 'alice' } })).status, 403);
    assert.equal((await fetch(`${w.base}/events`, { headers: { 'X-Test-User': 'alice' } })).status, 403);
    assert.equal((await fetch(`${w.base}/events`, { method: 'POST', headers: { Origin: APP, 'X-Test-User': 'alice' } })).status, 405);
    const cross = await openStream(w.base, 'alice', { Origin: APP });
    assert.equal(cross.response.status, 200, 'an allowed Origin may open it');
    await cross.close();
  });
});

test('1,000 connect/disconnect cycles leave no subscriber and no open stream; with profileKey, subjects are hashes', async () => {
  const hub = createMemoryChangeHub();
  const key = 'a-host-profile-key-0123456789';
  const handlers = createAyrshareHandlers({ apiKey: SIMULATOR_API_KEY, profileKey: () => key, allowedOrigins: [APP], changes: hub, events: { maxStreamsPerUser: 5 } });
  // The status cache listens to every change for as long as the handlers live: streams come on top.
  const baseline = hub.subscriberCount();
  const base = await serve(handlers);
  for (let round = 0; round < 100; round++) {
    const streams = await Promise.all(Array.from({ length: 10 }, () => openStream(base, 'x').catch((error) => ({ error }))));
    await Promise.all(streams.map((s) => s.close?.()));
  }
  await eventually(() => hub.subscriberCount() === baseline, 'every stream subscriber gone');
  // All five slots are free again: nothing counted a stream that ended.
  const last = await Promise.all(Array.from({ length: 5 }, () => openStream(base, 'x')));
  assert.deepEqual(last.map((s) => s.response.status), [200, 200, 200, 200, 200]);
  for (const s of last) await s.next('ready');
  const change = await hub.publish({ subject: `key:${createHash('sha256').update(key).digest('hex')}`, type: 'refresh', platform: 'linkedin' });
  for (const s of last) assert.equal((await s.next('status')).id, change.id);
  assert.ok(!change.subject.includes(key));
  await Promise.all(last.map((s) => s.close()));
  await eventually(() => hub.subscriberCount() === baseline, 'every stream subscriber gone');
});

