// After `profile-key-lost`, an operator restores the key copied from Ayrshare's dashboard: the
// user keeps the accounts linked to that profile, and only the right key is accepted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SIMULATOR_PROFILE_KEY } from '../../dist/simulator.js';
import { listed, setup } from './profiles-setup.mjs';

test('restore stores the dashboard key of a lost profile; wrong or malformed keys are refused', async () => {
  const { sim, directory } = await setup();
  sim.configure({ dropCreateAnswer: 'reset' });
  await assert.rejects(directory.ensure('olga'), { code: 'profile-create-failed' });
  sim.configure({ dropCreateAnswer: false });
  const [orphan] = (await listed(sim)).filter((p) => p.title.startsWith('slb-'));
  const dashboardKey = sim.dashboardKey(orphan.title);
  sim.toggle('facebook', dashboardKey);
  await assert.rejects(directory.ensure('olga'), { code: 'profile-key-lost' });

  // Another user's profile, the seeded one, an unknown key, and garbage.
  await directory.ensure('pia');
  const pias = (await listed(sim)).find((p) => p.title !== orphan.title && p.title.startsWith('slb-'));
  for (const key of [sim.dashboardKey(pias.title), SIMULATOR_PROFILE_KEY, 'sim_pk_unknown']) {
    await assert.rejects(directory.restore('olga', key), (error) => {
      assert.equal(error.code, 'profile-key-mismatch');
      assert.match(error.message, new RegExp(orphan.refId));
      assert.equal(error.message.includes(key), false);
      return true;
    });
  }
  for (const key of ['', 'has space', 'x'.repeat(201), 'line\nbreak', 42, undefined]) {
    await assert.rejects(directory.restore('olga', key), { code: 'invalid-option' });
  }
  await assert.rejects(directory.restore('', dashboardKey), { code: 'invalid-user-id' });

  assert.deepEqual(await directory.restore('olga', dashboardKey), { refId: orphan.refId });
  const profile = await directory.ensure('olga');
  assert.equal(profile.created, false);
  assert.equal(profile.profileKey, dashboardKey);
  assert.equal(profile.refId, orphan.refId);
  assert.deepEqual(sim.linked(profile.profileKey), ['facebook'], 'the linked accounts are kept');
  assert.equal(sim.calls['POST /api/profiles'], 2, 'no profile created for the restore');
  await assert.rejects(directory.restore('olga', dashboardKey), { code: 'invalid-option' });
});

test('restore also fills a user with no row yet, when the key opens the profile titled for them', async () => {
  const first = await setup();
  await first.directory.ensure('quinn');
  const title = (await listed(first.sim)).find((p) => p.title.startsWith('slb-')).title;
  // The directory's database was lost; the profile and its title remain at Ayrshare.
  const again = await setup({ sim: first.sim });
  assert.equal(await again.directory.find('quinn'), undefined);
  const { refId } = await again.directory.restore('quinn', first.sim.dashboardKey(title));
  assert.equal((await again.directory.find('quinn')).refId, refId);
  await assert.rejects(again.directory.restore('ruth', first.sim.dashboardKey(title)), { code: 'profile-key-mismatch' });
});
