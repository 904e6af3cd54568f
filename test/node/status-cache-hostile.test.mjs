// The status cache and budget under hostile use: many distinct subjects, callers that leave,
// an Ayrshare that fails, times out or refuses with 429, a budget spent by links and unlinks,
// the budget in the profile store (PGlite) and a store that fails, and bad options.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AyrshareOptionError, createAyrshareHandlers, createMemoryChangeHub, createProfileDirectory } from '../../dist/server.js';
import { createPgliteProfileStore } from '../../dist/server-pglite.js';
import { SIMULATOR_API_KEY } from '../../dist/simulator.js';
import { APP, del, get, handlers, post, record, scripted, sim, upstream } from './handlers-setup.mjs';
import { SECRET, database } from './profiles-setup.mjs';

const USER = 'GET /api/user';
const reads = () => sim.simulator.calls[USER] ?? 0;
const clock = (at = Date.now()) => ({ now: () => at, advance: (ms) => (at += ms) });
const linked = (accounts) => upstream(200, { activeSocialAccounts: accounts, displayNames: [] });
const withKey = (key) => new Request(`${APP}/api/social/status`, { headers: { Origin: APP, 'X-Key': key } });

test('many distinct subjects: memory stays bounded (least recently read go first), each still answered', async () => {
  const { calls, h } = scripted(() => linked(['twitter']), { profileKey: (request) => request.headers.get('x-key') ?? undefined, statusCache: { maxSubjects: 50 } });
  for (let i = 0; i < 300; i++) assert.equal((await h.profile(withKey(`key-${i}`))).status, 200);
  assert.equal(calls.length, 300);
  await h.profile(withKey('key-299'));
  await h.profile(withKey('key-250'));
  assert.equal(calls.length, 300, 'the recent ones are still held');
  await h.profile(withKey('key-0'));
  assert.equal(calls.length, 301, 'the oldest was let go');
});

test('callers that leave: the shared call goes on and is kept for the others', async () => {
  sim.simulator.reset();
  sim.simulator.settings.delayMs = 150;
  try {
    const h = handlers();
    const leaving = Array.from({ length: 20 }, () => new AbortController());
    const answers = leaving.map((controller) => h.profile(new Request(get(APP), { signal: controller.signal })));
    const staying = h.profile(get(APP));
    for (const controller of leaving) controller.abort();
    assert.deepEqual(new Set((await Promise.all(answers)).map((r) => r.status)), new Set([499]));
    assert.equal((await record(await staying)).status, 200);
    assert.equal(reads(), 1);
    // Everybody left this time: the answer is still kept.
    sim.simulator.reset();
    const h2 = handlers();
    const alone = new AbortController();
    const gone = h2.profile(new Request(get(APP), { signal: alone.signal }));
    alone.abort();
    assert.equal((await gone).status, 499);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal((await h2.profile(get(APP))).status, 200);
    assert.equal(reads(), 1);
  } finally {
    sim.simulator.settings.delayMs = 0;
  }
});

test('failures are not kept: a 500, a timeout and an unreadable answer are followed by a new call', async () => {
  // As fetch does, the slow answer gives up when the call's signal (its timeout) aborts.
  const slow = (init) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => resolve(linked(['late'])), 2000);
      init.signal.addEventListener('abort', () => reject(init.signal.reason, clearTimeout(timer)));
    });
  const script = [() => upstream(500, { status: 'error' }), slow, () => upstream(200, 'not json'), () => linked(['twitter'])];
  const { calls, h } = scripted((url, init) => script[Math.min(calls.length - 1, script.length - 1)](init), { timeout: 100 });
  assert.equal((await record(await h.profile(get(APP)))).status, 502);
  assert.equal((await record(await h.profile(get(APP)))).status, 504);
  assert.equal((await record(await h.profile(get(APP)))).status, 502);
  assert.deepEqual((await (await h.profile(get(APP))).json()).activeSocialAccounts, ['twitter']);
  assert.deepEqual((await (await h.profile(get(APP))).json()).activeSocialAccounts, ['twitter']);
  assert.equal(calls.length, 4);
});

test('Ayrshare answers 429 anyway (another app spends the profile): stale answers, no call until its window ends', async () => {
  sim.simulator.reset();
  const time = clock();
  const h = handlers({ statusCache: { now: time.now } });
  const first = await (await h.profile(get(APP))).json();
  time.advance(31_000);
  sim.simulator.settings.rateLimited = true;
  const stale = await record(await h.profile(get(APP)));
  assert.equal(stale.status, 200);
  assert.equal(stale.headers.get('x-social-link-stale'), '1');
  assert.equal(stale.headers.get('age'), '31');
  assert.deepEqual(await stale.json(), first, 'the body as ever: the element reads it unchanged');
  assert.equal(reads(), 2);
  for (let i = 0; i < 20; i++) {
    time.advance(10_000);
    assert.equal((await h.profile(get(APP))).headers.get('x-social-link-stale'), '1');
  }
  const unlinked = await record(await h.unlink(del({ platform: 'twitter' })));
  assert.equal(unlinked.status, 429);
  assert.equal((await unlinked.json()).code, 'rate-limited');
  assert.equal(reads(), 2, 'never retried into the window');
  assert.equal(Object.values(sim.simulator.calls).reduce((a, b) => a + b), 2);
  sim.simulator.settings.rateLimited = false;
  time.advance(5 * 60_000);
  const again = await h.profile(get(APP));
  assert.equal(again.headers.get('x-social-link-stale'), null);
  assert.equal(reads(), 3);
});

test('past the budget with no answer to fall back on: 429 rate-limited with Retry-After, without calling Ayrshare', async () => {
  sim.simulator.reset();
  const time = clock();
  const changes = createMemoryChangeHub();
  const h = handlers({ statusCache: { now: time.now, budget: { max: 3 } }, changes });
  assert.equal((await h.linkUrl(post({ origin: APP }))).status, 200);
  assert.equal((await h.unlink(del({ platform: 'twitter' }))).status, 200);
  assert.equal((await h.profile(get(APP))).status, 200);
  const sent = Object.values(sim.simulator.calls).reduce((a, b) => a + b);
  assert.equal(sent, 3, 'a link, an unlink and a read: each spends from the budget');
  const refusedLink = await record(await h.linkUrl(post({ origin: APP })));
  assert.equal(refusedLink.status, 429);
  assert.equal((await h.unlink(del({ platform: 'facebook' }))).status, 429);
  const refused = await record(await h.profile(get(APP)));
  assert.equal(refused.status, 429);
  const body = await refused.json();
  assert.deepEqual([body.status, body.code], ['error', 'rate-limited']);
  const retry = Number(refused.headers.get('retry-after'));
  assert.ok(retry >= 300 && retry <= 330, `Retry-After ${retry}`);
  assert.equal(Object.values(sim.simulator.calls).reduce((a, b) => a + b), 3);
  time.advance(retry * 1000);
  assert.equal((await h.profile(get(APP))).status, 200);
});

function withProfiles(store, statusCache) {
  sim.simulator.reset();
  const profiles = createProfileDirectory({ apiKey: SIMULATOR_API_KEY, baseUrl: sim.apiUrl, store, secret: SECRET });
  return createAyrshareHandlers({ apiKey: SIMULATOR_API_KEY, user: () => 'budget-user', profiles, allowedOrigins: [APP], baseUrl: sim.apiUrl, statusCache });
}

test('with profiles, the budget lives in the store: two handler sets on one database share it', async () => {
  const db = database();
  const time = clock();
  const settings = { now: time.now, freshMs: 0, budget: { max: 10 } };
  const a = withProfiles(createPgliteProfileStore({ db }), settings);
  const b = createAyrshareHandlers({
    apiKey: SIMULATOR_API_KEY,
    user: () => 'budget-user',
    profiles: createProfileDirectory({ apiKey: SIMULATOR_API_KEY, baseUrl: sim.apiUrl, store: createPgliteProfileStore({ db }), secret: SECRET }),
    allowedOrigins: [APP],
    baseUrl: sim.apiUrl,
    statusCache: settings,
  });
  assert.equal((await a.linkUrl(post({ origin: APP }))).status, 200);
  for (let i = 0; i < 40; i++) assert.equal((await (i % 2 ? a : b).profile(get(APP))).status, 200);
  assert.equal(reads(), 9, 'one link and nine reads: ten in the window, for both together');
  const { rows } = await db.query('SELECT subject, sum(used)::int AS used FROM social_link_budget GROUP BY subject');
  assert.deepEqual(rows, [{ subject: 'budget-user', used: 10 }]);
});

test('a store that fails its budget: reads go on with this process’s budget', async () => {
  const store = createPgliteProfileStore({ db: database() });
  store.spendBudget = async () => {
    throw new Error('connection refused');
  };
  const h = withProfiles(store, { freshMs: 0, budget: { max: 5 } });
  assert.equal((await h.linkUrl(post({ origin: APP }))).status, 200);
  const statuses = [];
  for (let i = 0; i < 10; i++) statuses.push((await h.profile(get(APP))).status);
  assert.deepEqual(new Set(statuses), new Set([200]));
  assert.equal(reads(), 4, 'the in-process budget still holds');
});

test('bad statusCache options are refused when the handlers are made', () => {
  for (const statusCache of ['yes', null, 5, { freshMs: -1 }, { freshMs: 1.5 }, { staleMs: Infinity }, { maxSubjects: 0 }, { budget: { max: 0 } }, { budget: { max: '240' } }, { budget: { windowMs: 5 } }, { budget: null }, { now: 5 }]) {
    assert.throws(() => handlers({ statusCache }), AyrshareOptionError, JSON.stringify(statusCache));
  }
  for (const statusCache of [undefined, false, {}, { freshMs: 0, staleMs: 0, budget: { max: 1, windowMs: 10 } }]) handlers({ statusCache });
});
