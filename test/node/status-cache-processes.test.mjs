// Two server processes on one real PostgreSQL (scripts/postgres.mjs) share one profile's Ayrshare
// budget: however many status reads each makes, the calls reaching the simulator from both
// together stay within it, and none is refused there.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createProfileDirectory } from '../../dist/server.js';
import { createPostgresProfileStore } from '../../dist/server-postgres.js';
import { SIMULATOR_API_KEY, startAyrshareSimulator } from '../../dist/simulator.js';
import { DATABASE_URL, postgresAvailable } from './profiles-postgres.mjs';
import { SECRET } from './profiles-setup.mjs';

const CHILD = fileURLToPath(new URL('./status-cache-child.mjs', import.meta.url));

async function child(env) {
  const proc = spawn(process.execPath, [CHILD], { env: { ...process.env, DATABASE_URL, SECRET, ...env }, stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  proc.stdout.setEncoding('utf8');
  await new Promise((resolve, reject) => {
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('ready\n')) resolve();
    });
    proc.once('exit', (code) => reject(new Error(`child exited ${code} before it was ready`)));
  });
  return {
    go: () => proc.stdin.write('go\n'),
    result: async () => {
      if (proc.exitCode === null) await once(proc, 'exit');
      return JSON.parse(out.split('\n').find((line) => line.startsWith('[')) ?? 'null');
    },
  };
}

if (postgresAvailable('status-cache-processes.test.mjs')) {
  let running;
  let store;
  before(async () => {
    running = await startAyrshareSimulator();
    store = createPostgresProfileStore({ connectionString: DATABASE_URL, max: 2 });
  });
  after(async () => {
    await store.close();
    await running.close();
  });

  test('two processes, 150 reads each, one profile: at most the budget reaches Ayrshare, none refused there', async () => {
    const userId = `budget-${randomUUID()}`;
    const directory = createProfileDirectory({ apiKey: SIMULATOR_API_KEY, baseUrl: running.apiUrl, store, secret: SECRET });
    running.simulator.reset();
    await directory.ensure(userId);
    const env = { SIMULATOR_API_URL: running.apiUrl, USER_ID: userId, COUNT: '150', MAX: '20' };
    const children = await Promise.all([child(env), child(env)]);
    for (const c of children) c.go();
    const answers = (await Promise.all(children.map((c) => c.result()))).flat();
    assert.equal(answers.length, 300);
    assert.equal(running.simulator.calls['GET /api/user'], 20, 'both processes spend from one budget of 20');
    assert.ok(answers.every((a) => a === '200' || a === '200 stale' || a === '429 rate-limited'), [...new Set(answers)].join(', '));
    assert.equal(answers.filter((a) => a === '200').length, 20);
  });
}
