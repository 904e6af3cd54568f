// Two server processes on one real PostgreSQL: a webhook posted to A reaches a stream held on
// B (LISTEN/NOTIFY), B replays A's change for a Last-Event-ID, 50 copies of one delivery split
// over both make one change, and a listening connection killed by the server is reconnected
// with nothing lost.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createProfileDirectory } from '../../dist/server.js';
import { createPostgresProfileStore } from '../../dist/server-postgres.js';
import { SIMULATOR_API_KEY, startAyrshareSimulator } from '../../dist/simulator.js';
import { deliver, eventually, HOOK_SECRET, openStream, signed, socialBody } from './live-setup.mjs';
import { DATABASE_URL, postgresAvailable } from './profiles-postgres.mjs';
import { SECRET } from './profiles-setup.mjs';

const CHILD = fileURLToPath(new URL('./live-child.mjs', import.meta.url));

async function child(apiUrl) {
  const proc = spawn(process.execPath, [CHILD], {
    env: { ...process.env, DATABASE_URL, SECRET, HOOK_SECRET, SIMULATOR_API_URL: apiUrl },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  proc.stdout.setEncoding('utf8');
  let out = '';
  const port = await new Promise((resolve, reject) => {
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      const found = /ready (\d+)/.exec(out);
      if (found) resolve(found[1]);
    });
    proc.once('exit', (code) => reject(new Error(`child exited ${code}`)));
  });
  return { proc, base: `http://127.0.0.1:${port}`, stop: async () => (proc.stdin.end(), proc.exitCode === null && (await once(proc, 'exit'))) };
}

if (postgresAvailable('live-processes.test.mjs')) {
  describe('live changes across processes on PostgreSQL', () => {
    let running, store, directory, a, b, db;
    const user = `live-${Date.now().toString(36)}`;
    let refId;
    before(async () => {
      running = await startAyrshareSimulator();
      store = createPostgresProfileStore({ connectionString: DATABASE_URL, max: 4 });
      directory = createProfileDirectory({ apiKey: SIMULATOR_API_KEY, baseUrl: running.apiUrl, store, secret: SECRET });
      refId = (await directory.ensure(user)).refId;
      [a, b] = await Promise.all([child(running.apiUrl), child(running.apiUrl)]);
      db = new pg.Client({ connectionString: DATABASE_URL });
      await db.connect();
    });
    after(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await db?.end();
      await store?.close();
      await running?.close();
    });

    test('a webhook posted to A reaches the stream held on B; B replays it for a Last-Event-ID', async () => {
      const stream = await openStream(b.base, user);
      await stream.next('ready');
      const payload = socialBody({ refId, type: 'unlink', source: 'system', platform: 'instagram' });
      assert.equal((await deliver(a.base, payload)).status, 200);
      const frame = await stream.next('status');
      assert.deepEqual(frame.data, { type: 'unlink', platform: 'instagram', source: 'system' });
      await stream.close();
      const replay = await openStream(b.base, user, { 'Last-Event-ID': String(BigInt(frame.id) - 1n) });
      assert.equal((await replay.next('status')).id, frame.id);
      await replay.close();
    });

    test('50 copies of one delivery split over A and B: one change stored, one event on the stream', async () => {
      const stream = await openStream(a.base, user);
      await stream.next('ready');
      const payload = socialBody({ refId, type: 'link', source: 'user', platform: 'tiktok' });
      const headers = signed(payload);
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => deliver(i % 2 ? a.base : b.base, payload, headers)));
      assert.ok(answers.every((answer) => answer.status === 200));
      const marker = socialBody({ refId, type: 'refresh', source: 'system', platform: 'linkedin' });
      await deliver(b.base, marker);
      assert.deepEqual((await stream.next('status')).data.platform, 'tiktok');
      assert.deepEqual((await stream.next('status')).data.platform, 'linkedin', 'the next event is the marker, not a copy');
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM social_link_changes WHERE subject = $1 AND platform = 'tiktok'`, [user]);
      assert.equal(rows[0].n, 1);
      await stream.close();
    });

    test("B's listening connection killed by the server: it reconnects, and a change made meanwhile still arrives", async () => {
      const stream = await openStream(b.base, user);
      await stream.next('ready');
      const killed = await db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN social_link_changes%' AND pid <> pg_backend_pid()`,
      );
      assert.ok(killed.rows.length >= 2, 'both processes were listening');
      const payload = socialBody({ refId, type: 'unlink', source: 'user', platform: 'reddit' });
      assert.equal((await deliver(a.base, payload)).status, 200);
      assert.deepEqual((await stream.next('status')).data, { type: 'unlink', platform: 'reddit', source: 'user' });
      await eventually(async () => (await db.query(`SELECT 1 FROM pg_stat_activity WHERE query LIKE 'LISTEN social_link_changes%'`)).rows.length >= 2, 'both listen again');
      await stream.close();
    });
  });
}
