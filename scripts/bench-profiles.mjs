// The profile directory's figures for `npm run bench` (or alone: node scripts/bench-profiles.mjs
// after a build): the concurrency case — 50 simultaneous first ensures for one user from four
// processes on one PostgreSQL, counting the profiles created (must be 1) — and ensure latency
// p50/p95 for 1,000 users on PGlite and on PostgreSQL (scripts/postgres.mjs), against the
// simulator over loopback HTTP. Baselines from the same run: Ayrshare's create call alone, and
// one `SELECT 1`.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { p50p95 } from './bench-stats.mjs';
import { startPostgres } from './postgres.mjs';

const USERS = 1000;
const SECRET = Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 37 + 11) % 256)).toString('base64');
const dist = (file) => new URL(`../dist/${file}`, import.meta.url).href;
// Loaded when measuring, not on import: `npm run bench` imports this before it builds dist/.
let createProfileDirectory, createPgliteProfileStore, createPostgresProfileStore, SIMULATOR_API_KEY, startAyrshareSimulator;
async function load() {
  ({ createProfileDirectory } = await import(dist('server.js')));
  ({ createPgliteProfileStore } = await import(dist('server-pglite.js')));
  ({ createPostgresProfileStore } = await import(dist('server-postgres.js')));
  ({ SIMULATOR_API_KEY, startAyrshareSimulator } = await import(dist('simulator.js')));
}

const ms = (value) => `${value.toFixed(2)} ms`;

async function timed(work) {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** --child: one "server process" of the concurrency case. */
async function child() {
  await load();
  const store = createPostgresProfileStore({ connectionString: process.env.DATABASE_URL, max: 5 });
  const directory = createProfileDirectory({ apiKey: SIMULATOR_API_KEY, baseUrl: process.env.API_URL, store, secret: SECRET });
  await directory.migrate();
  console.log('ready');
  for await (const line of createInterface({ input: process.stdin })) {
    if (line !== 'go') continue;
    const keys = await Promise.all(Array.from({ length: Number(process.env.COUNT) }, () => directory.ensure(process.env.USER_ID).then((p) => p.refId, (e) => e.code)));
    console.log(JSON.stringify(keys));
    break;
  }
  await store.close();
  process.exit(0);
}

async function concurrency(databaseUrl, running) {
  running.simulator.reset();
  const userId = `bench-race-${Date.now()}`;
  const children = [13, 13, 12, 12].map((count) =>
    spawn(process.execPath, [fileURLToPath(import.meta.url), '--child'], {
      env: { ...process.env, DATABASE_URL: databaseUrl, API_URL: running.apiUrl, USER_ID: userId, COUNT: String(count) },
      stdio: ['pipe', 'pipe', 'inherit'],
    }),
  );
  const outputs = children.map((proc) => {
    let out = '';
    proc.stdout.setEncoding('utf8');
    return { proc, ready: new Promise((resolve) => proc.stdout.on('data', (c) => (out += c).includes('ready') && resolve())), out: () => out };
  });
  await Promise.all(outputs.map((o) => o.ready));
  const start = performance.now();
  for (const { proc } of outputs) proc.stdin.write('go\n');
  await Promise.all(outputs.map(({ proc }) => once(proc, 'exit')));
  const elapsed = performance.now() - start;
  const refIds = outputs.flatMap((o) => JSON.parse(o.out().split('\n').find((l) => l.startsWith('[')) ?? '[]'));
  return { created: running.simulator.calls['POST /api/profiles'] ?? 0, answers: refIds.length, distinct: new Set(refIds).size, elapsed };
}

async function latency(name, store, running, ping) {
  running.simulator.reset();
  const directory = createProfileDirectory({ apiKey: SIMULATOR_API_KEY, baseUrl: running.apiUrl, store, secret: SECRET });
  await directory.migrate();
  const run = Date.now().toString(36);
  const first = [];
  const again = [];
  for (let i = 0; i < USERS; i++) first.push(await timed(() => directory.ensure(`${name}-${run}-${i}`)));
  for (let i = 0; i < USERS; i++) again.push(await timed(() => directory.ensure(`${name}-${run}-${i}`)));
  const pings = [];
  for (let i = 0; i < 200; i++) pings.push(await timed(ping));
  return { first, again, pings };
}

export async function measureProfiles() {
  await load();
  const rows = [];
  const row = (what, value, baseline, note = '') => rows.push({ what, value, baseline, note });
  const running = await startAyrshareSimulator();
  const creates = [];
  for (let i = 0; i < 200; i++) {
    creates.push(
      await timed(() =>
        fetch(`${running.apiUrl}/profiles`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${SIMULATOR_API_KEY}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ title: `baseline-${i}` }),
        }).then((r) => r.text()),
      ),
    );
  }
  const createBaseline = `${p50p95(creates)} (Ayrshare create call alone)`;
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite();
  const lite = await latency('pglite', createPgliteProfileStore({ db }), running, () => db.query('SELECT 1'));
  row(`PGlite (in memory): first ensure, ${USERS} users, p50 / p95`, p50p95(lite.first), createBaseline);
  row(`PGlite: ensure of an existing profile, p50 / p95`, p50p95(lite.again), `${p50p95(lite.pings)} (SELECT 1)`);
  await db.close();

  const postgres = await startPostgres();
  if (postgres.url) {
    try {
      const pg = (await import('pg')).default;
      const pool = new pg.Pool({ connectionString: postgres.url, max: 4 });
      const store = createPostgresProfileStore({ pool });
      const server = await latency('postgres', store, running, () => pool.query('SELECT 1'));
      row(`PostgreSQL: first ensure, ${USERS} users, p50 / p95`, p50p95(server.first), createBaseline);
      row('PostgreSQL: ensure of an existing profile, p50 / p95', p50p95(server.again), `${p50p95(server.pings)} (SELECT 1)`);
      await pool.end();
      const race = await concurrency(postgres.url, running);
      row(
        '50 simultaneous first ensures, one user, 4 processes: profiles created',
        String(race.created),
        'must be 1',
        `${race.answers} answers, ${race.distinct} distinct profile; ${ms(race.elapsed)} for all`,
      );
    } finally {
      postgres.stop();
    }
  } else {
    row('PostgreSQL figures', 'not measured', '', postgres.reason);
  }
  await running.close();
  return rows;
}

if (process.argv.includes('--child')) {
  await child();
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const { what, value, baseline, note } of await measureProfiles()) console.log(`| ${what} | ${value} | ${baseline} | ${note} |`);
}
