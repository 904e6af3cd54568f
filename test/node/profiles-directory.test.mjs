// The profile directory against the simulator and a PGlite store: one profile per user, created
// on first ensure and never by a look-up, recovered after a lost answer, deleted on request,
// keys encrypted at rest and kept out of logs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inspect } from 'node:util';
import { createProfileDirectory } from '../../dist/server.js';
import { SIMULATOR_API_KEY } from '../../dist/simulator.js';
import { listed, OTHER_SECRET, SECRET, setup, simulatorFetch } from './profiles-setup.mjs';

const user = async (sim, profileKey) =>
  (await sim.fetch(new Request('http://sim.test/api/user', { headers: { Authorization: `Bearer ${SIMULATOR_API_KEY}`, 'Profile-Key': profileKey } }))).json();

describe('the profile directory', () => {
  test('ensure creates one profile on first call and returns it after; its key works at Ayrshare', async () => {
    const { sim, directory, events } = await setup();
    const first = await directory.ensure('user-1');
    assert.equal(first.created, true);
    const again = await directory.ensure('user-1');
    assert.equal(again.created, false);
    assert.equal(again.profileKey, first.profileKey);
    assert.equal(again.refId, first.refId);
    assert.equal(sim.calls['POST /api/profiles'], 1);
    const profile = await user(sim, first.profileKey);
    assert.equal(profile.refId, first.refId);
    assert.match(profile.title, /^slb-[0-9a-f]{32}$/, 'an opaque title, never the user id');
    assert.deepEqual(events, [{ type: 'profile-created', userId: 'user-1', refId: first.refId }]);
    const [other] = [await directory.ensure('user-2')];
    assert.notEqual(other.profileKey, first.profileKey);
    assert.equal((await listed(sim)).filter((p) => p.title.startsWith('slb-')).length, 2);
  });

  test('the linking page header is the host text, or hidden; never the user id', async () => {
    const sent = [];
    const { sim, directory } = await setup({
      directory: {
        topHeader: (id) => ({ ann: 'Ann Smith', bob: '\u0007bell', cy: 'x'.repeat(101) })[id],
        fetch: (url, init) => {
          if (init.method === 'POST') sent.push(JSON.parse(init.body));
          return sim.fetch(new Request(url, init));
        },
      },
    });
    for (const id of ['ann', 'bob', 'cy']) await directory.ensure(id);
    assert.deepEqual(sent.map(({ title, ...rest }) => [title.startsWith('slb-') && !title.includes('ann'), rest]), [
      [true, { topHeader: 'Ann Smith' }],
      [true, { hideTopHeader: true }],
      [true, { hideTopHeader: true }],
    ]);
    const throwing = await setup({ sim, db: undefined, directory: { topHeader: () => { throw new Error('no name'); } } });
    assert.equal((await throwing.directory.ensure('dee')).created, true);
  });

  test('fifty ensures at once in one process make one POST and return one key', async () => {
    const { sim, directory } = await setup();
    const all = await Promise.all(Array.from({ length: 50 }, () => directory.ensure('busy')));
    assert.equal(sim.calls['POST /api/profiles'], 1);
    assert.equal(new Set(all.map((p) => p.profileKey)).size, 1);
  });

  test('two directories on one store (two servers) racing: one POST, one key', async () => {
    const a = await setup();
    const b = await setup({ sim: a.sim, db: a.db });
    const all = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).directory.ensure('shared')));
    assert.equal(a.sim.calls['POST /api/profiles'], 1);
    assert.equal(new Set(all.map((p) => p.profileKey)).size, 1);
  });

  test('find, findByRefId, touch and unusedSince never create', async () => {
    const { sim, directory } = await setup();
    assert.equal(await directory.find('nobody'), undefined);
    await directory.touch('nobody');
    assert.equal(await directory.findByRefId('0123abcd'), undefined);
    assert.equal(await directory.findByRefId('a b; DROP'), undefined);
    assert.equal(sim.calls['POST /api/profiles'], undefined);
    const made = await directory.ensure('carol');
    const found = await directory.findByRefId(made.refId);
    assert.equal(found.userId, 'carol');
    assert.equal(found.profileKey, made.profileKey);
    assert.deepEqual((await directory.unusedSince(new Date(Date.now() - 60_000))).map((p) => p.userId), []);
    const unused = await directory.unusedSince(new Date(Date.now() + 60_000));
    assert.deepEqual(unused.map((p) => [p.userId, p.refId]), [['carol', made.refId]]);
    assert.ok(unused[0].lastUsedAt instanceof Date);
  });

  test('the key is not enumerable: logging or serialising a result does not show it', async () => {
    const { directory } = await setup();
    const made = await directory.ensure('private');
    const found = await directory.find('private');
    for (const shown of [JSON.stringify(made), inspect(made), JSON.stringify(found), inspect(found, { depth: 5 }), `${Object.values(found)}`]) {
      assert.equal(shown.includes(made.profileKey), false, shown);
    }
    assert.match(made.profileKey, /^sim_pk_/);
  });

  test('keys are encrypted at rest, bound to their user', async () => {
    const { db, directory } = await setup();
    const made = await directory.ensure('dave');
    await directory.ensure('erin');
    const { rows } = await db.query('SELECT * FROM social_link_profiles');
    assert.equal(JSON.stringify(rows).includes(made.profileKey), false);
    assert.equal(JSON.stringify(rows).includes(made.profileKey.slice(7)), false);
    // A row's key copied onto another user does not decrypt.
    await db.query(`UPDATE social_link_profiles SET key_cipher = (SELECT key_cipher FROM social_link_profiles WHERE user_id = 'dave') WHERE user_id = 'erin'`);
    await assert.rejects(directory.find('erin'), (error) => error.code === 'profile-key-undecryptable' && !error.message.includes(SECRET));
    assert.equal((await directory.find('dave')).profileKey, made.profileKey);
  });

  test('rotation: the first secret encrypts, all decrypt, reencrypt moves rows to the newest', async () => {
    const old = await setup();
    const made = await Promise.all(['r1', 'r2', 'r3'].map((id) => old.directory.ensure(id)));
    const both = await setup({ sim: old.sim, db: old.db, directory: { secret: undefined, secrets: [OTHER_SECRET, SECRET] } });
    assert.equal((await both.directory.find('r2')).profileKey, made[1].profileKey);
    const onlyNew = await setup({ sim: old.sim, db: old.db, directory: { secret: OTHER_SECRET } });
    await assert.rejects(onlyNew.directory.find('r1'), (error) => error.code === 'profile-key-undecryptable' && /reencrypt/.test(error.message));
    assert.deepEqual(await both.directory.reencrypt({ batch: 2 }), { rewritten: 3, undecryptable: 0 });
    assert.deepEqual(await both.directory.reencrypt(), { rewritten: 0, undecryptable: 0 });
    for (const [i, id] of ['r1', 'r2', 'r3'].entries()) assert.equal((await onlyNew.directory.find(id)).profileKey, made[i].profileKey);
    await assert.rejects(old.directory.find('r1'), { code: 'profile-key-undecryptable' });
  });

  test('delete removes the profile at Ayrshare and here; the next ensure creates a new one', async () => {
    const { sim, directory, events } = await setup();
    const made = await directory.ensure('frank');
    assert.deepEqual(await directory.delete('frank'), { deleted: true, refId: made.refId });
    assert.equal((await user(sim, made.profileKey)).code, 188, 'the old key is dead at Ayrshare');
    assert.equal(await directory.find('frank'), undefined);
    assert.deepEqual(await directory.delete('frank'), { deleted: false });
    assert.equal(events.at(-1).type, 'profile-deleted');
    const again = await directory.ensure('frank');
    assert.notEqual(again.profileKey, made.profileKey);
  });

  test('deleting twelve users stays under Ayrshare\'s 8 deletions per second', async () => {
    const { sim, directory } = await setup();
    const ids = Array.from({ length: 12 }, (_, i) => `bulk-${i}`);
    for (const id of ids) await directory.ensure(id);
    const results = await Promise.all(ids.map((id) => directory.delete(id)));
    assert.ok(results.every((r) => r.deleted));
    assert.equal((await listed(sim)).filter((p) => p.title.startsWith('slb-')).length, 0);
  });

  test('Ayrshare failing: profile-create-failed with a retry time; the retry makes one profile', async () => {
    const { sim, directory } = await setup();
    sim.configure({ failing: true });
    await assert.rejects(directory.ensure('gina'), (error) => error.code === 'profile-create-failed' && error.retryAfter > 0);
    sim.configure({ failing: false });
    const made = await directory.ensure('gina');
    assert.equal(made.created, true);
    assert.equal((await listed(sim)).filter((p) => p.title.startsWith('slb-')).length, 1);
  });

  test('a lost create answer: the next ensure finds the unlinked profile, deletes and recreates it', async () => {
    const { sim, directory, events } = await setup();
    sim.configure({ dropCreateAnswer: 'reset' });
    await assert.rejects(directory.ensure('hank'), { code: 'profile-create-failed' });
    const [orphan] = (await listed(sim)).filter((p) => p.title.startsWith('slb-'));
    sim.configure({ dropCreateAnswer: false });
    const made = await directory.ensure('hank');
    const now = (await listed(sim)).filter((p) => p.title.startsWith('slb-'));
    assert.equal(now.length, 1);
    assert.equal(now[0].title, orphan.title);
    assert.notEqual(made.refId, orphan.refId);
    assert.equal(events.at(-1).type, 'profile-recreated');
  });

  test('a lost create answer and accounts linked since: profile-key-lost with the refId, never a second profile', async () => {
    const { sim, directory } = await setup();
    sim.configure({ dropCreateAnswer: 'reset' });
    await assert.rejects(directory.ensure('ivy'), { code: 'profile-create-failed' });
    sim.configure({ dropCreateAnswer: false });
    const [orphan] = (await listed(sim)).filter((p) => p.title.startsWith('slb-'));
    sim.toggle('facebook', sim.dashboardKey(orphan.title));
    for (let i = 0; i < 2; i++) {
      await assert.rejects(directory.ensure('ivy'), (error) => {
        assert.equal(error.code, 'profile-key-lost');
        assert.equal(error.refId, orphan.refId);
        assert.match(error.message, new RegExp(orphan.refId));
        return true;
      });
    }
    await assert.rejects(directory.find('ivy'), { code: 'profile-key-lost' });
    assert.equal(sim.calls['POST /api/profiles'], 1);
    // The operator's way out: delete the user's entry (and its profile, by title).
    assert.deepEqual(await directory.delete('ivy'), { deleted: true, refId: orphan.refId });
    assert.equal((await directory.ensure('ivy')).created, true);
    assert.equal((await listed(sim)).filter((p) => p.title.startsWith('slb-')).length, 1);
  });

  test('an app prefix keeps two apps on one Ayrshare account apart', async () => {
    const { sim, directory } = await setup({ directory: { title: 'acme' } });
    await directory.ensure('same-id');
    const other = createProfileDirectory({ apiKey: SIMULATOR_API_KEY, baseUrl: 'http://sim.test/api', store: (await setup({ sim })).store, secret: SECRET, fetch: simulatorFetch(sim) });
    await other.ensure('same-id');
    const titles = (await listed(sim)).map((p) => p.title).filter((t) => t !== 'Acme workspace').sort();
    assert.equal(titles.length, 2);
    assert.match(titles[0], /^acme-/);
    assert.match(titles[1], /^slb-/);
  });
});
