// Live changes for `npm run bench` (or alone: node scripts/bench-live.mjs after a build):
// webhook → Server-Sent Event latency, p50/p95 over 200 deliveries, from a signed delivery
// posted to server process A until the event arrives on a stream held on process B, both on
// one PostgreSQL (scripts/postgres.mjs; PGlite in one process when there is no PostgreSQL).
// Baseline from the same run: the stream on the process that got the webhook.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { p50p95 } from './bench-stats.mjs';
import { startPostgres } from './postgres.mjs';

const ROUNDS = 200;
const HOOK_SECRET = 'bench-webhook-secret-0123456789';
const SECRET = Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 37 + 11) % 256)).toString('base64');
const USER = 'bench-user';
const dist = (file) => new URL(`../dist/${file}`, import.meta.url).href;

/** Handlers over a directory on `store`, served on loopback; resolves its base URL. */
async function serveHandlers(store, apiUrl) {
  const { createAyrshareHandlers, createProfileDirectory, toNodeHandler } = await import(dist('server.js'));
  const { SIMULATOR_API_KEY } = await import(dist('simulator.js'));
  const directory = createProfileDirectory({ apiKey: SIMULATOR_API_KEY, baseUrl: apiUrl, store, secret: SECRET });
  const handlers = createAyrshareHandlers({
    apiKey: SIMULATOR_API_KEY, baseUrl: apiUrl, user: () => USER, profiles: directory, allowedOrigins: ['https://app.example'], webhook: { secret: HOOK_SECRET },
  });
  const server = createServer((req, res) => toNodeHandler(req.url.startsWith('/events') ? handlers.events : handlers.webhook)(req, res));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${server.address().port}`, directory, server };
}

/** --child: one server process on PostgreSQL. */
async function child() {
  const { createPostgresProfileStore } = await import(dist('server-postgres.js'));
  const { base } = await serveHandlers(createPostgresProfileStore({ connectionString: process.env.DATABASE_URL, max: 5 }), process.env.API_URL);
  console.log(`ready ${base}`);
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
}

async function spawnChild(env) {
  const proc = spawn(process.execPath, [fileURLToPath(import.meta.url), '--child'], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'] });
  proc.stdout.setEncoding('utf8');
  let out = '';
  const base = await new Promise((resolve, reject) => {
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      const found = /ready (\S+)/.exec(out);
      if (found) resolve(found[1]);
    });
    proc.once('exit', (code) => reject(new Error(`bench child exited ${code}`)));
  });
  return { base, stop: async () => (proc.stdin.end(), proc.exitCode === null && (await once(proc, 'exit'))) };
}

/** A stream reader: `nextStatus()` resolves at the next `event: status` frame. */
async function stream(base) {
  const response = await fetch(`${base}/events`, { headers: { 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'cors' } });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async nextStatus() {
      for (;;) {
        const at = buffer.indexOf('event: status');
        if (at >= 0) {
          const end = buffer.indexOf('\n\n', at);
          if (end >= 0) return void (buffer = buffer.slice(end + 2));
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('The stream ended.');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    close: () => reader.cancel(),
  };
}

async function latencies(from, to, refId) {
  const events = await stream(to);
  const times = [];
  for (let i = 0; i < ROUNDS; i++) {
    const body = JSON.stringify({ action: 'social', type: i % 2 ? 'link' : 'unlink', source: 'user', platform: 'instagram', refId, hookId: `bench-${Date.now()}-${i}`, created: new Date().toISOString() });
    const headers = { 'Content-Type': 'application/json', 'X-Authorization-Content-SHA256': createHmac('sha256', HOOK_SECRET).update(body).digest('hex') };
    const start = performance.now();
    const [answer] = await Promise.all([fetch(`${from}/webhook`, { method: 'POST', body, headers }), events.nextStatus()]);
    times.push(performance.now() - start);
    await answer.arrayBuffer();
  }
  await events.close();
  return times;
}

const entry = (what, times, baseline, why) => ({ what, value: p50p95(times), baseline, note: why ? `p50 / p95; ${why}` : 'p50 / p95' });

export async function measureLive() {
  const { SIMULATOR_API_KEY, startAyrshareSimulator } = await import(dist('simulator.js'));
  const running = await startAyrshareSimulator();
  const postgres = await startPostgres().catch((error) => ({ reason: error.message }));
  const rows = [{ section: 'Live changes: signed webhook → Server-Sent Event' }];
  try {
    if (postgres.url) {
      const { createPostgresProfileStore } = await import(dist('server-postgres.js'));
      const { createProfileDirectory } = await import(dist('server.js'));
      const store = createPostgresProfileStore({ connectionString: postgres.url, max: 2 });
      const directory = createProfileDirectory({ apiKey: SIMULATOR_API_KEY, baseUrl: running.apiUrl, store, secret: SECRET });
      const { refId } = await directory.ensure(USER);
      const [a, b] = await Promise.all([0, 1].map(() => spawnChild({ DATABASE_URL: postgres.url, API_URL: running.apiUrl })));
      const same = await latencies(b.base, b.base, refId);
      const across = await latencies(a.base, b.base, refId);
      rows.push(entry('Webhook to process A → event on B (PostgreSQL LISTEN/NOTIFY)', across, `same process: ${p50p95(same)}`));
      await Promise.all([a.stop(), b.stop()]);
      await store.close();
    } else {
      const { createPgliteProfileStore } = await import(dist('server-pglite.js'));
      const served = await serveHandlers(createPgliteProfileStore(), running.apiUrl);
      const { refId } = await served.directory.ensure(USER);
      const times = await latencies(served.base, served.base, refId);
      rows.push(entry('Webhook → event, one process (PGlite; no PostgreSQL here)', times, '', `${postgres.reason}`));
      served.server.closeAllConnections();
      served.server.close();
    }
  } finally {
    postgres.stop?.();
    await running.close();
  }
  return rows;
}

if (process.argv.includes('--child')) await child();
else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const row of await measureLive()) console.log(row.section ?? `${row.what}: ${row.value} (${row.note}) ${row.baseline}`);
  process.exit(0);
}
