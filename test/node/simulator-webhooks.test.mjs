// The simulator sends webhooks as Ayrshare does, to a real webhook handler: registration (a
// profile's hook over the primary's), signed social deliveries on link, unlink and the system
// unlink switch, base64 signatures, the rotation pair, duplicates (one effect) and retries.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAyrshareHandlers, createProfileDirectory } from '../../dist/server.js';
import { createPgliteProfileStore } from '../../dist/server-pglite.js';
import { SIMULATOR_API_KEY, startAyrshareSimulator } from '../../dist/simulator.js';
import { APP, eventually, HOOK_SECRET, openStream, serve } from './live-setup.mjs';
import { database, SECRET } from './profiles-setup.mjs';

const NEW_SECRET = 'whsec-rotated-0123456789abcdef';

describe('simulator webhooks', () => {
  let running, base, directory, profileKey, hookCalls, api;
  before(async () => {
    running = await startAyrshareSimulator();
    running.simulator.configure({ webhookRetryDelaysMs: [20, 20] });
    directory = createProfileDirectory({ apiKey: SIMULATOR_API_KEY, baseUrl: running.apiUrl, store: createPgliteProfileStore({ db: database() }), secret: SECRET });
    profileKey = (await directory.ensure('dana')).profileKey;
    hookCalls = [];
    const handlers = createAyrshareHandlers({
      apiKey: SIMULATOR_API_KEY, baseUrl: running.apiUrl, user: (r) => r.headers.get('x-test-user') ?? undefined, profiles: directory,
      allowedOrigins: [APP], webhook: { secrets: [HOOK_SECRET, NEW_SECRET], onSocialEvent: (event, context) => void hookCalls.push({ event, context }) },
    });
    base = await serve(handlers);
    api = (method, path, body, key) =>
      fetch(`${running.apiUrl}${path}`, {
        method,
        headers: { Authorization: `Bearer ${SIMULATOR_API_KEY}`, 'Content-Type': 'application/json', ...(key ? { 'Profile-Key': key } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
  });
  after(() => running.close());

  const link = async (network) => {
    const session = await (await api('POST', '/profiles/link-sessions', {}, profileKey)).json();
    const token = new URL(session.url).searchParams.get('session');
    const answer = await fetch(`${running.url}/link/connect`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ session: token, network }) });
    assert.equal(answer.status, 200);
  };

  test('registration: https or loopback only, the API key and a known Profile-Key required; GET lists without the secret', async () => {
    assert.equal((await api('POST', '/hook/webhook', { action: 'social', url: 'http://example.com/hook' })).status, 400);
    assert.equal((await api('POST', '/hook/webhook', { action: 'social', url: 'not a url' })).status, 400);
    assert.equal((await api('POST', '/hook/webhook', { action: '../x', url: `${base}/webhook` })).status, 400);
    assert.equal((await api('POST', '/hook/webhook', { action: 'social', url: `${base}/webhook` }, 'no-such-key')).status, 401);
    const anonymous = await fetch(`${running.apiUrl}/hook/webhook`, { method: 'POST', body: '{}' });
    assert.equal(anonymous.status, 401);
    const made = await api('POST', '/hook/webhook', { action: 'social', url: `${base}/webhook`, secret: HOOK_SECRET }, profileKey);
    assert.equal(made.status, 200);
    assert.equal((await made.json()).url, `${base}/webhook`);
    const listed = await (await api('GET', '/hook/webhook', undefined, profileKey)).text();
    assert.ok(listed.includes(`${base}/webhook`) && !listed.includes(HOOK_SECRET));
  });

  test('a link through the linking page reaches the user’s open stream, signed, once', async () => {
    const stream = await openStream(base, 'dana');
    await stream.next('ready');
    await link('instagram');
    assert.deepEqual((await stream.next('status')).data, { type: 'link', platform: 'instagram', source: 'user' });
    await eventually(() => hookCalls.length === 1, 'the host hook heard it');
    assert.equal(hookCalls[0].context.userId, 'dana');
    assert.equal(hookCalls[0].event.refId, (await directory.find('dana')).refId);
    await stream.close();
  });

  test('the system-unlink switch, base64 signatures and duplicate deliveries: one event, source system', async () => {
    running.simulator.configure({ webhookEncoding: 'base64', webhookDuplicate: true });
    const stream = await openStream(base, 'dana');
    await stream.next('ready');
    const before = running.simulator.webhookDeliveries.length;
    running.simulator.configure({ systemUnlink: 'instagram' });
    assert.deepEqual((await stream.next('status')).data, { type: 'unlink', platform: 'instagram', source: 'system' });
    await eventually(() => running.simulator.webhookDeliveries.length >= before + 2, 'both copies delivered');
    const copies = running.simulator.webhookDeliveries.slice(before);
    assert.equal(new Set(copies.map((d) => d.hookId)).size, 1);
    assert.ok(copies.every((d) => d.status === 200));
    assert.equal(hookCalls.length, 2, 'the duplicate had no effect');
    running.simulator.configure({ webhookEncoding: 'hex', webhookDuplicate: false });
    await stream.close();
  });

  test('after a secret rotation, deliveries carry both signatures; a handler knowing either accepts them', async () => {
    assert.equal((await api('POST', '/hook/webhook/secret', { secret: NEW_SECRET }, profileKey)).status, 200);
    const stream = await openStream(base, 'dana');
    await stream.next('ready');
    await link('tiktok');
    assert.deepEqual((await stream.next('status')).data, { type: 'link', platform: 'tiktok', source: 'user' });
    await stream.close();
  });

  test('a delivery lost on its first attempt is retried with the same hookId and has its effect once', async () => {
    running.simulator.configure({ webhookFailFirst: true });
    const before = running.simulator.webhookDeliveries.length;
    const stream = await openStream(base, 'dana');
    await stream.next('ready');
    const unlinked = await api('DELETE', '/profiles/social', { platform: 'tiktok' }, profileKey);
    assert.equal(unlinked.status, 200);
    assert.deepEqual((await stream.next('status')).data, { type: 'unlink', platform: 'tiktok', source: 'user' });
    const attempts = running.simulator.webhookDeliveries.slice(before);
    assert.deepEqual(attempts.map((d) => [d.attempt, d.status]), [[1, 0], [2, 200]]);
    assert.equal(attempts[0].hookId, attempts[1].hookId);
    running.simulator.configure({ webhookFailFirst: false });
    await stream.close();
  });

  test('without its own hook a profile’s events go to the primary’s; DELETE unregisters', async () => {
    assert.equal((await api('DELETE', '/hook/webhook', { action: 'social' }, profileKey)).status, 200);
    assert.equal((await api('DELETE', '/hook/webhook', { action: 'social' }, profileKey)).status, 404);
    const before = running.simulator.webhookDeliveries.length;
    running.simulator.toggle('reddit', profileKey);
    assert.equal(running.simulator.webhookDeliveries.length, before, 'no hook anywhere: nothing sent');
    assert.equal((await api('POST', '/hook/webhook', { action: 'social', url: `${base}/webhook`, secret: NEW_SECRET })).status, 200);
    const stream = await openStream(base, 'dana');
    await stream.next('ready');
    running.simulator.toggle('reddit', profileKey);
    assert.deepEqual((await stream.next('status')).data, { type: 'unlink', platform: 'reddit', source: 'user' });
    await stream.close();
  });
});
