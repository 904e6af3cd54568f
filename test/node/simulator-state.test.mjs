// The simulator keeps its profiles on disk when given a `stateFile` (issue 20, point 9): a
// restarted simulator still opens the keys it handed out, with their linked accounts; deletions
// stay deleted; a damaged file stops it with a clear message; and `configure` acts on the
// profile it is given (the demo's switches on the signed-in user's profile).
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { SIMULATOR_API_KEY, SIMULATOR_PROFILE_KEY, createAyrshareSimulator, startAyrshareSimulator } from '../../dist/simulator.js';

const folder = mkdtempSync(join(tmpdir(), 'slb-sim-state-'));
after(() => rmSync(folder, { recursive: true, force: true }));
let n = 0;
const freshFile = () => join(folder, `state-${++n}`, 'simulator.json');

async function call(base, path, { method = 'GET', profileKey, body } = {}) {
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${SIMULATOR_API_KEY}` };
  if (profileKey) headers['Profile-Key'] = profileKey;
  const answer = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: answer.status, body: await answer.json() };
}

/** Links `network` to `profileKey` through the linking page, as a user's consent does. */
async function linkThroughPage(running, profileKey, network) {
  const { body } = await call(running.apiUrl, '/profiles/link-sessions', { method: 'POST', profileKey, body: {} });
  const session = new URL(body.url).searchParams.get('session');
  assert.equal((await fetch(body.url)).status, 200);
  const answer = await fetch(`${running.url}/link/connect`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ session, network }),
  });
  assert.equal(answer.status, 200);
}

describe('the simulator with a stateFile', () => {
  test('a restarted simulator knows the created profiles, their keys, refIds and linked accounts', async () => {
    const stateFile = freshFile();
    const first = await startAyrshareSimulator({ stateFile });
    const made = await call(first.apiUrl, '/profiles', { method: 'POST', body: { title: 'Grace' } });
    assert.equal(made.status, 200);
    const { profileKey, refId } = made.body;
    await linkThroughPage(first, profileKey, 'tiktok');
    first.simulator.toggle('bluesky', profileKey);
    const seeded = await call(first.apiUrl, '/user', { profileKey: SIMULATOR_PROFILE_KEY });
    await first.close();

    const second = await startAyrshareSimulator({ stateFile });
    try {
      const user = await call(second.apiUrl, '/user', { profileKey });
      assert.equal(user.status, 200);
      assert.deepEqual({ refId: user.body.refId, title: user.body.title, linked: user.body.activeSocialAccounts }, { refId, title: 'Grace', linked: ['tiktok', 'bluesky'] });
      const again = await call(second.apiUrl, '/user', { profileKey: SIMULATOR_PROFILE_KEY });
      assert.equal(again.body.refId, seeded.body.refId);
      assert.deepEqual(again.body.displayNames, seeded.body.displayNames);
      // Nothing was created anew: the list holds the seeded profile and Grace's, once each.
      const listed = await call(second.apiUrl, '/profiles');
      assert.deepEqual(listed.body.profiles.map((p) => p.title).sort(), ['Acme workspace', 'Grace']);
    } finally {
      await second.close();
    }
  });

  test('a deleted profile stays deleted; the file is owner-only and no temporary file is left', async () => {
    const stateFile = freshFile();
    const sim = createAyrshareSimulator({ stateFile });
    const made = await (await sim.fetch(new Request('http://sim.test/api/profiles', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${SIMULATOR_API_KEY}` },
      body: JSON.stringify({ title: 'Linus' }),
    }))).json();
    assert.ok(JSON.parse(readFileSync(stateFile, 'utf8')).profiles.some((p) => p.profileKey === made.profileKey), 'on disk before the answer was read');
    const removed = await sim.fetch(new Request('http://sim.test/api/profiles', {
      method: 'DELETE',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${SIMULATOR_API_KEY}`, 'Profile-Key': made.profileKey },
      body: '{}',
    }));
    assert.equal(removed.status, 200);
    const restarted = createAyrshareSimulator({ stateFile });
    assert.equal(restarted.dashboardKey('Linus'), undefined);
    assert.deepEqual(restarted.linked(), ['linkedin', 'twitter']);
    assert.equal(statSync(stateFile).mode & 0o777, 0o600);
    assert.deepEqual(readdirSync(join(stateFile, '..')), ['simulator.json']);
  });

  test('twenty concurrent creations all survive a restart', async () => {
    const stateFile = freshFile();
    const running = await startAyrshareSimulator({ stateFile });
    const made = await Promise.all(
      Array.from({ length: 20 }, (_, i) => call(running.apiUrl, '/profiles', { method: 'POST', body: { title: `user ${i}` } })),
    );
    await running.close();
    const restarted = createAyrshareSimulator({ stateFile });
    for (const [i, answer] of made.entries()) assert.equal(restarted.dashboardKey(`user ${i}`), answer.body.profileKey);
  });

  test('a damaged or foreign state file stops the simulator with a message naming it, and is left as it was', () => {
    const cases = [
      '{"format":1,"profiles":[',
      '',
      'null',
      '[]',
      JSON.stringify({ format: 2, profiles: [] }),
      JSON.stringify({ format: 1, profiles: [{ profileKey: 'k', title: 't', refId: 'r', created: 'c', accounts: [{ platform: 'myspace', displayName: 'x', id: 'i', created: 'c' }] }] }),
      JSON.stringify({ format: 1, profiles: [{ profileKey: 'has space', title: 't', refId: 'r', created: 'c', accounts: [] }] }),
      JSON.stringify({ format: 1, profiles: [{ profileKey: 'k', title: 'x'.repeat(501), refId: 'r', created: 'c', accounts: [] }] }),
    ];
    for (const content of cases) {
      const stateFile = freshFile();
      createAyrshareSimulator({ stateFile }); // makes the folder
      writeFileSync(stateFile, content);
      assert.throws(() => createAyrshareSimulator({ stateFile }), (error) => error.message.includes(stateFile) && /delete it/.test(error.message), content.slice(0, 60));
      assert.equal(readFileSync(stateFile, 'utf8'), content);
    }
  });
});

describe('configure on a given profile', () => {
  test('toggle and health act on the profile named, the others untouched', async () => {
    const sim = createAyrshareSimulator({ profileKeys: ['first', 'second'] });
    sim.configure({ toggle: 'youtube' }, 'second');
    sim.configure({ health: { instagram: 'needs-reconnect' } }, 'second');
    assert.deepEqual(sim.linked('second'), ['youtube', 'instagram']);
    assert.deepEqual(sim.linked('first'), ['linkedin', 'twitter']);
    // Without a key: the first profile, as before.
    sim.configure({ toggle: 'youtube' });
    assert.deepEqual(sim.linked(), ['linkedin', 'twitter', 'youtube']);
    // An unknown key changes no profile.
    sim.configure({ toggle: 'tiktok', health: { facebook: 'expiring' } }, 'nobody');
    assert.deepEqual([sim.linked('first'), sim.linked('second')], [['linkedin', 'twitter', 'youtube'], ['youtube', 'instagram']]);
  });

  test('reset: "settings" turns the switches off and keeps every profile', async () => {
    const sim = createAyrshareSimulator({ directConnect: false });
    const made = await (await sim.fetch(new Request('http://sim.test/api/profiles', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${SIMULATOR_API_KEY}` },
      body: JSON.stringify({ title: 'Ada' }),
    }))).json();
    sim.configure({ toggle: 'threads', failing: true, delayMs: 500, directConnect: true, health: { linkedin: 'expiring' } }, made.profileKey);
    sim.configure({ reset: 'settings' });
    assert.deepEqual({ ...sim.settings }, { ...createAyrshareSimulator({ directConnect: false }).settings });
    assert.deepEqual([sim.settings.failing, sim.settings.delayMs, sim.settings.directConnect, sim.settings.health], [false, 0, false, {}]);
    assert.deepEqual(sim.linked(made.profileKey), ['threads', 'linkedin']);
    assert.equal(sim.dashboardKey('Ada'), made.profileKey);
    assert.equal(sim.calls['POST /api/profiles'], 1, 'the call counts are kept too');
  });
});
