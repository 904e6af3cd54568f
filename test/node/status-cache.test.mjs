// The status cache and the per-profile Ayrshare budget (issue 21, point 2), through the real
// handlers against the simulator on loopback (calls counted where they arrive) or a scripted
// upstream, with a clock the tests move instead of waiting.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { createMemoryChangeHub } from '../../dist/server.js';
import { SIMULATOR_PROFILE_KEY } from '../../dist/simulator.js';
import { APP, del, get, handlers, post, record, scripted, sim, upstream } from './handlers-setup.mjs';

const USER = 'GET /api/user';
const reads = () => sim.simulator.calls[USER] ?? 0;
const keySubject = (key) => `key:${createHash('sha256').update(key).digest('hex')}`;

/** A clock the test moves. */
function clock(start = Date.now()) {
  let at = start;
  return { now: () => at, advance: (ms) => (at += ms) };
}

function fresh(statusCache = {}, options = {}) {
  sim.simulator.reset();
  const time = clock();
  const changes = createMemoryChangeHub();
  return { time, changes, h: handlers({ statusCache: { now: time.now, ...statusCache }, changes, ...options }) };
}

test('1,000 status reads for one profile in a simulated 5 minutes: Ayrshare calls stay within the budget, none refused upstream', async () => {
  // freshMs 0: every read would ask Ayrshare, so the budget alone holds them back.
  const { time, h } = fresh({ freshMs: 0 });
  const statuses = {};
  let stale = 0;
  for (let i = 0; i < 1000; i++) {
    const response = await record(await h.profile(get(APP)));
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    if (response.headers.get('x-social-link-stale') === '1') stale++;
    const body = await response.json();
    assert.deepEqual(Object.keys(body).sort(), ['activeSocialAccounts', 'displayNames']);
    time.advance(300);
  }
  assert.equal(reads(), 240, 'the default budget: 240 per 5 minutes');
  assert.deepEqual(statuses, { 200: 1000 }, 'past the budget, the last answer, marked stale; no 429 from Ayrshare');
  assert.equal(stale, 760);
});

test('1,000 reads with the default freshness: one Ayrshare call per 30 s', async () => {
  const { time, h } = fresh();
  for (let i = 0; i < 1000; i++) {
    const response = await h.profile(get(APP));
    assert.equal(response.status, 200);
    if (i === 1) assert.equal(response.headers.get('age'), '0');
    time.advance(300);
  }
  assert.equal(reads(), 10);
});

test('200 concurrent reads: one Ayrshare call, one answer for all', async () => {
  const { h } = fresh();
  sim.simulator.settings.delayMs = 100;
  try {
    const answers = await Promise.all(Array.from({ length: 200 }, async () => (await record(await h.profile(get(APP)))).text()));
    assert.equal(reads(), 1);
    assert.equal(new Set(answers).size, 1);
  } finally {
    sim.simulator.settings.delayMs = 0;
  }
});

test('a published change for the subject drops its answer: the next read asks Ayrshare once', async () => {
  const { changes, h } = fresh();
  const before = await (await h.profile(get(APP))).json();
  await h.profile(get(APP));
  assert.equal(reads(), 1);
  sim.simulator.toggle('linkedin');
  await changes.publish({ subject: 'someone-else', type: 'link' });
  assert.deepEqual(await (await h.profile(get(APP))).json(), before, 'another subject’s change drops nothing');
  await changes.publish({ subject: keySubject(SIMULATOR_PROFILE_KEY), type: 'link', platform: 'linkedin' });
  const after = await (await h.profile(get(APP))).json();
  assert.notEqual(after.activeSocialAccounts.includes('linkedin'), before.activeSocialAccounts.includes('linkedin'));
  await h.profile(get(APP));
  assert.equal(reads(), 2);
});

test('this server’s own unlink and link-url drop the answer; a link keeps answers barely fresh while it may complete', async () => {
  const { time, h } = fresh();
  const before = await (await h.profile(get(APP))).json();
  const linked = before.activeSocialAccounts[0];
  assert.equal((await h.unlink(del({ platform: linked }))).status, 200);
  assert.ok(!(await (await h.profile(get(APP))).json()).activeSocialAccounts.includes(linked));
  assert.equal(reads(), 2);
  assert.equal((await h.linkUrl(post({ origin: APP }))).status, 200);
  await h.profile(get(APP));
  assert.equal(reads(), 3);
  sim.simulator.toggle('reddit');
  time.advance(2500);
  assert.ok((await (await h.profile(get(APP))).json()).activeSocialAccounts.includes('reddit'), 'the element’s re-read after the flow sees the link');
  time.advance(6 * 60_000);
  await h.profile(get(APP));
  time.advance(2500);
  await h.profile(get(APP));
  assert.equal(reads(), 5, 'a link’s lifetime later, the usual freshness again');
});

test('a change while a call is in flight: its older answer is not kept as fresh, and later reads do not join it', async () => {
  const changes = createMemoryChangeHub();
  const pending = [];
  const { calls, h } = scripted(() => new Promise((resolve) => pending.push(resolve)), { changes });
  const answer = (accounts) => upstream(200, { activeSocialAccounts: accounts, displayNames: [] });
  const until = async (count) => {
    for (let i = 0; pending.length < count; i++) {
      if (i > 400) throw new Error(`waited for ${count} calls, ${pending.length} came`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const first = h.profile(get(APP));
  await until(1);
  await changes.publish({ subject: keySubject(SIMULATOR_PROFILE_KEY), type: 'unlink', platform: 'twitter' });
  const second = h.profile(get(APP));
  await until(2);
  pending[0](answer(['twitter']));
  pending[1](answer([]));
  assert.deepEqual((await (await first).json()).activeSocialAccounts, ['twitter'], 'asked before the change');
  assert.deepEqual((await (await second).json()).activeSocialAccounts, []);
  assert.deepEqual((await (await h.profile(get(APP))).json()).activeSocialAccounts, []);
  assert.equal(calls.length, 2);
  // The same when the old answer settles first.
  await changes.publish({ subject: keySubject(SIMULATOR_PROFILE_KEY), type: 'link' });
  const third = h.profile(get(APP));
  await until(3);
  await changes.publish({ subject: keySubject(SIMULATOR_PROFILE_KEY), type: 'link' });
  const fourth = h.profile(get(APP));
  await until(4);
  pending[2](answer(['old']));
  assert.deepEqual((await (await third).json()).activeSocialAccounts, ['old']);
  pending[3](answer(['new']));
  assert.deepEqual((await (await fourth).json()).activeSocialAccounts, ['new']);
  assert.deepEqual((await (await h.profile(get(APP))).json()).activeSocialAccounts, ['new']);
  assert.equal(calls.length, 4);
});
