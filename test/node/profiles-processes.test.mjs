// Several server processes on one real PostgreSQL (scripts/postgres.mjs): fifty simultaneous
// first ensures from four processes make exactly one profile, and a process killed after
// Ayrshare created a profile but before its key was stored leaves nothing lost.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createProfileDirectory } from '../../dist/server.js';
import { createPostgresProfileStore } from '../../dist/server-postgres.js';
import { SIMULATOR_API_KEY, startAyrshareSimulator } from '../../dist/simulator.js';
import { DATABASE_URL, postgresAvailable } from './profiles-postgres.mjs';
import { SECRET } from './profiles-setup.mjs';

const CHILD = fileURLToPath(new URL('./profiles-child.mjs', import.meta.url));
const hash = (key) => createHash('sha256').update(key).digest('hex');

/** A child process running the directory; resolves once it has migrated. */
async function child(env) {
  const proc = spawn(process.execPath, [CHILD], {
    env: { ...process.env, DATABASE_URL, SECRET, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  proc.stdout.setEncoding('utf8');
  const ready = new Promise((resolve, reject) => {
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('ready\n')) resolve();
    });
    proc.once('exit', (code) => reject(new Error(`child exited ${code} before it was ready`)));
  });
  await ready;
  return {
    proc,
    go: () => proc.stdin.write('go\n'),
    result: async () => {
      if (proc.exitCode === null) await once(proc, 'exit');
      return JSON.parse(out.split('\n').find((line) => line.startsWith('[')) ?? 'null');
    },
  };
}

/** Polls `check` until it is truthy (bounded), for what another process does. */
async function waitFor(check, ms = 20_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error('waitFor: timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

if (postgresAvailable('profiles-processes.test.mjs')) {
  describe('profiles across processes on PostgreSQL', () => {
    let running;
    let store;
    let directory;
    const events = [];
    before(async () => {
      running = await startAyrshareSimulator();
      store = createPostgresProfileStore({ connectionString: DATABASE_URL, max: 4 });
      directory = createProfileDirectory({ apiKey: SIMULATOR_API_KEY, baseUrl: running.apiUrl, store, secret: SECRET, onEvent: (e) => events.push(e) });
      await directory.migrate();
    });
    after(async () => {
      await store.close();
      await running.close();
    });
    const profiles = async () =>
      (await (await fetch(`${running.apiUrl}/profiles?limit=100`, { headers: { Authorization: `Bearer ${SIMULATOR_API_KEY}` } })).json()).profiles.filter(
        (p) => p.title.startsWith('slb-'),
      );

    test('fifty simultaneous first ensures from four processes: one POST /api/profiles, one key for all', async () => {
      running.simulator.reset();
      const userId = `race-${randomUUID()}`;
      const children = await Promise.all([13, 13, 12, 12].map((count) => child({ SIMULATOR_API_URL: running.apiUrl, USER_ID: userId, COUNT: String(count) })));
      for (const c of children) c.go();
      const results = (await Promise.all(children.map((c) => c.result()))).flat();
      assert.equal(results.length, 50);
      assert.equal(running.simulator.calls['POST /api/profiles'], 1);
      const mine = await directory.find(userId);
      assert.deepEqual(new Set(results), new Set([hash(mine.profileKey)]));
    });

    test('a process killed between creation and storage: the next ensure deletes the unlinked profile and recreates it', async () => {
      running.simulator.reset();
      running.simulator.configure({ dropCreateAnswer: 'hang' });
      const userId = `crash-${randomUUID()}`;
      const doomed = await child({ SIMULATOR_API_URL: running.apiUrl, USER_ID: userId, LEASE_MS: '1500' });
      doomed.go();
      const [orphan] = await waitFor(async () => (await profiles()).length === 1 && profiles());
      doomed.proc.kill('SIGKILL');
      await once(doomed.proc, 'exit');
      running.simulator.configure({ dropCreateAnswer: false });
      const made = await directory.ensure(userId);
      assert.equal(made.created, true);
      const now = await profiles();
      assert.equal(now.length, 1);
      assert.equal(now[0].title, orphan.title);
      assert.notEqual(now[0].refId, orphan.refId);
      assert.equal(now[0].refId, made.refId);
      assert.equal(events.at(-1).type, 'profile-recreated');
    });

    test('a process killed between creation and storage, accounts linked since: profile-key-lost, never a second profile', async () => {
      running.simulator.reset();
      running.simulator.configure({ dropCreateAnswer: 'hang' });
      const userId = `lost-${randomUUID()}`;
      const doomed = await child({ SIMULATOR_API_URL: running.apiUrl, USER_ID: userId, LEASE_MS: '1500' });
      doomed.go();
      const [orphan] = await waitFor(async () => (await profiles()).length === 1 && profiles());
      doomed.proc.kill('SIGKILL');
      await once(doomed.proc, 'exit');
      running.simulator.configure({ dropCreateAnswer: false });
      running.simulator.toggle('linkedin', running.simulator.dashboardKey(orphan.title));
      await assert.rejects(directory.ensure(userId), (error) => error.code === 'profile-key-lost' && error.refId === orphan.refId);
      assert.equal(running.simulator.calls['POST /api/profiles'], 1);
      assert.equal((await profiles()).length, 1);
    });
  });
}
