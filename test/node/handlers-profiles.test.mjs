// The handlers with `user` + `profiles`: one Ayrshare profile per signed-in user, created on
// the first link only, against the simulator on loopback and a PGlite store in memory.
import { PGlite } from '@electric-sql/pglite';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AyrshareOptionError, createAyrshareHandlers, createProfileDirectory } from '../../dist/server.js';
import { createPgliteProfileStore } from '../../dist/server-pglite.js';
import { SIMULATOR_API_KEY } from '../../dist/simulator.js';
import { APP, del, get, post, record, sim } from './handlers-setup.mjs';
import { SECRET, database } from './profiles-setup.mjs';

const CREATES = 'POST /api/profiles';

function wired({ store, user = () => 'user-1', events = [] } = {}) {
  sim.simulator.reset();
  const profiles = createProfileDirectory({
    apiKey: SIMULATOR_API_KEY,
    baseUrl: sim.apiUrl,
    store: store ?? createPgliteProfileStore({ db: database() }),
    secret: SECRET,
    onEvent: (event) => events.push(event),
  });
  const handlers = createAyrshareHandlers({ apiKey: SIMULATOR_API_KEY, user, profiles, allowedOrigins: [APP], baseUrl: sim.apiUrl });
  return { handlers, profiles, events };
}
const sent = () => Object.values(sim.simulator.calls).reduce((a, b) => a + b, 0);

test('the first link creates exactly one profile and answers a linking URL for it; the second reuses it', async () => {
  const { handlers, profiles, events } = wired();
  const first = await record(await handlers.linkUrl(post({ origin: APP })));
  assert.equal(first.status, 200);
  const { url } = await first.json();
  assert.match(url, /[?&]session=/);
  assert.equal(sim.simulator.calls[CREATES], 1);
  assert.deepEqual(events.map((e) => e.type), ['profile-created']);
  const found = await profiles.find('user-1');
  const second = await record(await handlers.linkUrl(post({ origin: APP })));
  assert.equal(second.status, 200);
  assert.equal(sim.simulator.calls[CREATES], 1);
  assert.equal((await profiles.find('user-1')).refId, found.refId);
});

test('a status read for a new user calls no Ayrshare and creates nothing; unlink then is a 200 with nothing to do', async () => {
  const { handlers, profiles } = wired({ user: () => 'newcomer' });
  const status = await record(await handlers.profile(get(APP)));
  assert.equal(status.status, 200);
  assert.deepEqual(await status.json(), { activeSocialAccounts: [], displayNames: [] });
  const unlinked = await record(await handlers.unlink(del({ platform: 'facebook' })));
  assert.equal(unlinked.status, 200);
  assert.deepEqual(await unlinked.json(), { status: 'success', platform: 'facebook' });
  assert.equal(sent(), 0);
  assert.equal(await profiles.find('newcomer'), undefined);
});

test('after a link, the status read asks Ayrshare with that user’s own profile', async () => {
  const { handlers, profiles } = wired({ user: () => 'linker' });
  assert.equal((await handlers.linkUrl(post({ origin: APP }))).status, 200);
  const { profileKey } = await profiles.find('linker');
  sim.simulator.toggle('linkedin', profileKey);
  const status = await record(await handlers.profile(get(APP)));
  assert.deepEqual((await status.json()).activeSocialAccounts, ['linkedin']);
});

test('20 concurrent first links for one user create one profile', async () => {
  const { handlers } = wired({ user: () => 'eager' });
  const answers = await Promise.all(Array.from({ length: 20 }, () => handlers.linkUrl(post({ origin: APP })).then(record)));
  assert.deepEqual(answers.map((a) => a.status), Array(20).fill(200));
  assert.equal(sim.simulator.calls[CREATES], 1);
});

test('malformed user ids answer 400 with invalid-user-id, and nothing is created', async () => {
  for (const id of ['', 'x'.repeat(10_240), 'user\u0000one', 'line\nbreak']) {
    const { handlers } = wired({ user: () => id });
    const answer = await record(await handlers.linkUrl(post({ origin: APP })));
    assert.equal(answer.status, 400, JSON.stringify(id.slice(0, 20)));
    assert.equal((await answer.json()).code, 'invalid-user-id');
    assert.equal((await record(await handlers.profile(get(APP)))).status, 400);
    assert.equal(sim.simulator.calls[CREATES], undefined);
  }
});

test('no signed-in user answers 401', async () => {
  const { handlers } = wired({ user: () => undefined });
  assert.equal((await record(await handlers.linkUrl(post({ origin: APP })))).status, 401);
  assert.equal((await record(await handlers.profile(get(APP)))).status, 401);
  assert.equal(sent(), 0);
});

test('a store that fails answers 503 with Retry-After, and no profile is created', async () => {
  // Its own instance: the shared ones are closed once more when the file ends.
  const db = new PGlite();
  const store = createPgliteProfileStore({ db });
  await db.close();
  const { handlers } = wired({ store });
  for (const answer of [await handlers.linkUrl(post({ origin: APP })), await handlers.profile(get(APP))]) {
    await record(answer);
    assert.equal(answer.status, 503);
    assert.match(answer.headers.get('Retry-After'), /^\d+$/);
    assert.equal((await answer.json()).code, 'profiles-unavailable');
  }
  assert.equal(sim.simulator.calls[CREATES], undefined);
});

test('Ayrshare refusing to create answers 502 with Retry-After and the code', async () => {
  const { handlers } = wired({ user: () => 'unlucky' });
  sim.simulator.configure({ failing: true });
  const answer = await record(await handlers.linkUrl(post({ origin: APP })));
  assert.equal(answer.status, 502);
  assert.match(answer.headers.get('Retry-After'), /^\d+$/);
  const body = await answer.json();
  assert.equal(body.code, 'profile-create-failed');
  assert.equal(body.status, 'error');
});

test('a stored key that no longer decrypts answers 500 with a sentence for the user and the code, never the key', async () => {
  const db = database();
  const { handlers, profiles } = wired({ store: createPgliteProfileStore({ db }), user: () => 'rotated' });
  assert.equal((await handlers.linkUrl(post({ origin: APP }))).status, 200);
  const { profileKey } = await profiles.find('rotated');
  const other = createProfileDirectory({
    apiKey: SIMULATOR_API_KEY,
    baseUrl: sim.apiUrl,
    store: createPgliteProfileStore({ db }),
    secret: '5f1d2c3b4a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0a1',
  });
  const broken = createAyrshareHandlers({ apiKey: SIMULATOR_API_KEY, user: () => 'rotated', profiles: other, allowedOrigins: [APP], baseUrl: sim.apiUrl });
  const answer = await record(await broken.profile(get(APP)));
  assert.equal(answer.status, 500);
  const text = await answer.text();
  assert.ok(!text.includes(profileKey));
  assert.deepEqual(JSON.parse(text), {
    status: 'error',
    message: 'Linking accounts isn’t working on this site right now. Please contact support.',
    code: 'profile-key-undecryptable',
  });
});

test('profileKey, or user with profiles: both or neither is an AyrshareOptionError saying so', () => {
  const profiles = createProfileDirectory({ apiKey: SIMULATOR_API_KEY, store: createPgliteProfileStore({ db: database() }), secret: SECRET });
  const base = { apiKey: SIMULATOR_API_KEY, allowedOrigins: [APP] };
  assert.throws(() => createAyrshareHandlers({ ...base, profileKey: () => 'k', user: () => 'u', profiles }), (e) => e instanceof AyrshareOptionError && /not both/.test(e.message));
  assert.throws(() => createAyrshareHandlers(base), (e) => e instanceof AyrshareOptionError && /user with profiles/.test(e.message));
  assert.throws(() => createAyrshareHandlers({ ...base, user: () => 'u' }), (e) => e instanceof AyrshareOptionError && /user needs profiles/.test(e.message));
});

test('deleting a user’s profile drops their cached status: the next read says nothing is linked', async () => {
  const { handlers, profiles } = wired({ user: () => 'leaver' });
  // Made without a linking URL (whose lifetime keeps reads uncached), so reads are cached.
  const { profileKey } = await profiles.ensure('leaver');
  sim.simulator.toggle('instagram', profileKey);
  assert.deepEqual((await (await handlers.profile(get(APP))).json()).activeSocialAccounts, ['instagram']);
  const before = sim.simulator.calls['GET /api/user'];
  assert.deepEqual((await (await handlers.profile(get(APP))).json()).activeSocialAccounts, ['instagram']);
  assert.equal(sim.simulator.calls['GET /api/user'], before, 'the second read came from the cache');
  assert.equal((await profiles.delete('leaver')).deleted, true);
  const after = await record(await handlers.profile(get(APP)));
  assert.equal(after.status, 200);
  assert.deepEqual(await after.json(), { activeSocialAccounts: [], displayNames: [] });
});
