// The simulator speaks Ayrshare's User Profiles API (../shared/AYRSHARE.md, "User profiles"):
// the documented paths and the Node SDK's, keys returned once, unique titles, pagination,
// suspension, per-profile accounts, the 8-deletions-per-second limit and the dropped answer.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SIMULATOR_API_KEY, createAyrshareSimulator, startAyrshareSimulator } from '../../dist/simulator.js';

const BASE = 'http://127.0.0.1:7777/api';

function call(sim, path, { method = 'GET', apiKey = SIMULATOR_API_KEY, profileKey, body } = {}) {
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${apiKey}` };
  if (profileKey) headers['Profile-Key'] = profileKey;
  return sim.fetch(new Request(`${BASE}${path}`, { method, headers, body: body === undefined ? null : JSON.stringify(body) }));
}
const create = async (sim, title, path = '/profiles') => (await call(sim, path, { method: 'POST', body: { title } })).json();

describe('the simulated profiles API', () => {
  test('creates with the key once; a duplicate title (any case) is 400 code 146; the list never shows keys', async () => {
    const sim = createAyrshareSimulator();
    const made = await create(sim, 'Team One');
    assert.equal(made.status, 'success');
    assert.equal(made.title, 'Team One');
    assert.match(made.profileKey, /^sim_pk_/);
    assert.match(made.refId, /^[0-9a-f]{40}$/);
    const duplicate = await call(sim, '/profiles', { method: 'POST', body: { title: 'team one' } });
    assert.equal(duplicate.status, 400);
    assert.deepEqual(await duplicate.json(), { action: 'create', status: 'error', code: 146, message: 'Profile title already exists.' });
    const listing = await (await call(sim, '/profiles?title=Team%20One')).json();
    assert.equal(listing.count, 1);
    assert.deepEqual(Object.keys(listing.profiles[0]).sort(), ['created', 'createdUTC', 'refId', 'status', 'title']);
    assert.ok(!JSON.stringify(listing).includes(made.profileKey));
    assert.equal(sim.calls['POST /api/profiles'], 2);
    assert.equal(sim.calls['GET /api/profiles'], 1);
  });

  test('the new profile works on the existing endpoints with its own accounts', async () => {
    const sim = createAyrshareSimulator();
    const { profileKey } = await create(sim, 'Own accounts');
    const empty = await (await call(sim, '/user', { profileKey })).json();
    assert.equal(empty.activeSocialAccounts, undefined);
    assert.equal(empty.title, 'Own accounts');
    sim.toggle('facebook', profileKey);
    assert.deepEqual((await (await call(sim, '/user', { profileKey })).json()).activeSocialAccounts, ['facebook']);
    assert.deepEqual(sim.linked(), ['linkedin', 'twitter'], 'the seeded profile is untouched');
    const session = await call(sim, '/profiles/link-sessions', { method: 'POST', profileKey, body: {} });
    assert.equal(session.status, 200);
    const listed = await (await call(sim, '/profiles?hasActiveSocialAccounts=true')).json();
    assert.ok(listed.profiles.some((p) => p.title === 'Own accounts' && p.activeSocialAccounts[0] === 'facebook'));
  });

  test('lists by title and refId, exactly, in pages with a cursor', async () => {
    const sim = createAyrshareSimulator();
    const titles = Array.from({ length: 7 }, (_, i) => `Page ${i}`);
    const made = [];
    for (const title of titles) made.push(await create(sim, title));
    const seen = [];
    let cursor;
    do {
      const page = await (await call(sim, `/profiles?limit=3${cursor ? `&cursor=${cursor}` : ''}`)).json();
      assert.ok(page.profiles.length <= 3);
      assert.equal(page.pagination.limit, 3);
      seen.push(...page.profiles.map((p) => p.title));
      cursor = page.pagination.hasMore ? page.pagination.nextCursor : undefined;
    } while (cursor);
    assert.deepEqual(seen.filter((t) => t.startsWith('Page ')), titles);
    assert.deepEqual((await (await call(sim, `/profiles?refId=${made[3].refId}`)).json()).profiles.map((p) => p.title), ['Page 3']);
    assert.equal((await (await call(sim, '/profiles?title=page%203')).json()).count, 0, 'the title filter is exact');
    assert.equal((await call(sim, '/profiles?cursor=!!')).status, 400);
  });

  test('updates with PATCH /profiles (Profile-Key) and PUT /profiles/profile (key in the body)', async () => {
    const sim = createAyrshareSimulator();
    const { profileKey, refId } = await create(sim, 'Before');
    await create(sim, 'Taken');
    const patched = await call(sim, '/profiles', { method: 'PATCH', profileKey, body: { title: 'After', disableSocial: ['tiktok', 'bogus'], topHeader: 'Hi' } });
    assert.deepEqual(await patched.json(), { status: 'success', refId });
    const put = await call(sim, '/profiles/profile', { method: 'PUT', body: { profileKey, hideTopHeader: true } });
    assert.equal(put.status, 200);
    const user = await (await call(sim, '/user', { profileKey })).json();
    assert.equal(user.title, 'After');
    assert.equal((await call(sim, '/profiles', { method: 'PATCH', profileKey, body: { title: 'taken' } })).status, 400);
    assert.equal((await (await call(sim, '/profiles', { method: 'PATCH', profileKey: 'nope', body: {} })).json()).code, 144);
  });

  test('deletes by key, by exact title, and by the SDK path; at most 8 per second', async () => {
    const sim = createAyrshareSimulator();
    const a = await create(sim, 'Delete A');
    const b = await create(sim, 'Delete B', '/profiles/profile');
    const c = await create(sim, 'Delete C');
    assert.deepEqual(await (await call(sim, '/profiles', { method: 'DELETE', profileKey: a.profileKey, body: {} })).json(), { status: 'success', refId: a.refId });
    assert.equal((await call(sim, '/profiles', { method: 'DELETE', body: { title: 'delete b' } })).status, 404, 'case-sensitive');
    assert.equal((await call(sim, '/profiles', { method: 'DELETE', body: { title: 'Delete B' } })).status, 200);
    assert.equal((await call(sim, '/profiles/profile', { method: 'DELETE', body: { profileKey: c.profileKey } })).status, 200);
    assert.equal((await call(sim, '/user', { profileKey: b.profileKey })).status, 401, 'a deleted profile key is dead');
    const many = [];
    for (let i = 0; i < 10; i++) many.push(await create(sim, `Bulk ${i}`));
    const answers = await Promise.all(many.map((p) => call(sim, '/profiles', { method: 'DELETE', profileKey: p.profileKey, body: {} })));
    // Three deletions above fall in the same second, so five more are allowed.
    assert.ok(answers.filter((r) => r.status === 429).length >= 2);
    assert.ok(answers.filter((r) => r.status === 200).length <= 8);
  });

  test('a suspended profile is listed as such and its calls answer 403', async () => {
    const sim = createAyrshareSimulator();
    const { profileKey } = await create(sim, 'Suspended');
    sim.suspend(profileKey);
    assert.equal((await call(sim, '/user', { profileKey })).status, 403);
    assert.equal((await call(sim, '/profiles', { method: 'PATCH', profileKey, body: { topHeader: 'x' } })).status, 403);
    const [listed] = (await (await call(sim, '/profiles?title=Suspended')).json()).profiles;
    assert.equal(listed.status, 'suspended');
    assert.equal(listed.suspended, true);
    sim.suspend(profileKey, false);
    assert.equal((await call(sim, '/user', { profileKey })).status, 200);
  });

  test('checks the API key, and fails with the failing switch', async () => {
    const sim = createAyrshareSimulator();
    assert.equal((await (await call(sim, '/profiles', { apiKey: 'wrong' })).json()).code, 102);
    sim.configure({ failing: true });
    assert.equal((await call(sim, '/profiles', { method: 'POST', body: { title: 'x' } })).status, 500);
    assert.equal((await call(sim, '/profiles?title=x')).status, 500);
  });

  test('dropCreateAnswer "reset" creates the profile and cuts the connection', async () => {
    const running = await startAyrshareSimulator();
    try {
      running.simulator.configure({ dropCreateAnswer: 'reset' });
      const attempt = fetch(`${running.apiUrl}/profiles`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${SIMULATOR_API_KEY}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: 'Dropped' }),
      });
      await assert.rejects(attempt, TypeError);
      const listed = await (await fetch(`${running.apiUrl}/profiles?title=Dropped`, { headers: { Authorization: `Bearer ${SIMULATOR_API_KEY}` } })).json();
      assert.equal(listed.count, 1, 'created although the answer was lost');
      assert.equal(running.simulator.calls['POST /api/profiles'], 1);
      running.simulator.reset();
      assert.deepEqual(running.simulator.calls, {});
      assert.equal(running.simulator.settings.dropCreateAnswer, false);
    } finally {
      await running.close();
    }
  });
});
