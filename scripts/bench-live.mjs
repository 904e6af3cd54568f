// Live changes for `npm run bench` (or alone: node scripts/bench-live.mjs after a build):
// webhook → Server-Sent Event latency, p50/p95 over 200 deliveries (and to the element on a page: 50), from a signed delivery
// posted to server process A until the event arrives on a stream held on process B, both on
// one PostgreSQL (scripts/postgres.mjs; PGlite in one process when there is no PostgreSQL).
// Baseline from the same run: the stream on the process that got the webhook.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { p50p95 } from './bench-stats.mjs';
import { builtPart } from './parts.mjs';
import { startPostgres } from './postgres.mjs';

const ROUNDS = 200;
const ELEMENT_ROUNDS = 50;
const HOOK_SECRET = 'bench-webhook-secret-0123456789';
const SECRET = Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 37 + 11) % 256)).toString('base64');
const USER = 'bench-user';
const dist = (file) => new URL(`../dist/${file}`, import.meta.url).href;
const SCRIPT = fileURLToPath(new URL('../dist/social-link-button.iife.js', import.meta.url));
const PAGE = `<!doctype html><meta charset="utf-8"><script src="/social-link-button.iife.js"></script>
<social-link-button profile-endpoint="/status" events-endpoint="/events" networks="instagram linkedin"></social-link-button>`;

/** Handlers over a directory on `store`, served on loopback; resolves its base URL. */
async function serveHandlers(store, apiUrl) {
  const { createAyrshareHandlers, createProfileDirectory, toNodeHandler } = await import(dist('server.js'));
  const { SIMULATOR_API_KEY } = await import(dist('simulator.js'));
  const directory = createProfileDirectory({ apiKey: SIMULATOR_API_KEY, baseUrl: apiUrl, store, secret: SECRET });
  const handlers = createAyrshareHandlers({
    apiKey: SIMULATOR_API_KEY, baseUrl: apiUrl, user: () => USER, profiles: directory, allowedOrigins: ['https://app.example'], webhook: { secret: HOOK_SECRET },
  });
  const routes = { '/events': handlers.events, '/status': handlers.profile, '/webhook': handlers.webhook };
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    // The page the element measurement opens: the script-tag file and one element, same origin.
    if (path === '/') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE);
    if (path === '/social-link-button.iife.js') return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(SCRIPT));
    // Its parts beside it: the events stream (events-endpoint) and the brand glyphs.
    const part = builtPart(path);
    if (part) return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(part);
    toNodeHandler(routes[path] ?? handlers.webhook)(req, res);
  });
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

/** Posts a signed `social` webhook, as Ayrshare does, to `base`. */
function deliver(base, refId, type, round = Math.random()) {
  const body = JSON.stringify({ action: 'social', type, source: 'user', platform: 'instagram', refId, hookId: `bench-${Date.now()}-${round}`, created: new Date().toISOString() });
  const headers = { 'Content-Type': 'application/json', 'X-Authorization-Content-SHA256': createHmac('sha256', HOOK_SECRET).update(body).digest('hex') };
  return fetch(`${base}/webhook`, { method: 'POST', body, headers });
}

/**
 * Webhook to `from` → the element on a page served by `to` shows the change: Instagram is
 * linked or unlinked at the simulator, the delivery posted, and the time taken until the page's
 * element fires social-link-change (its stream told it, it re-read the status through the cache
 * the webhook dropped). Read back through DevTools, which adds its own round trip.
 */
async function elementLatencies(from, to, refId, toggle) {
  const { chromium } = await import('playwright-core');
  const { findChrome } = await import('./find-chrome.mjs');
  const browser = await chromium.launch({ executablePath: findChrome(), args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'] });
  const page = await browser.newPage();
  await page.goto(`${to}/`);
  await page.waitForFunction(() => document.querySelector('social-link-button')?.shadowRoot?.querySelector('[data-network="instagram"]'));
  const times = [];
  try {
    for (let i = 0; i < ELEMENT_ROUNDS; i++) {
      await page.evaluate(() => {
        const el = document.querySelector('social-link-button');
        window.changed = new Promise((resolve) => el.addEventListener('social-link-change', resolve, { once: true }));
      });
      const linked = toggle();
      const start = performance.now();
      const seen = page.evaluate(() => window.changed.then(() => true));
      await (await deliver(from, refId, linked ? 'link' : 'unlink', i)).arrayBuffer();
      // Bounded: an element that never hears the change (no stream) fails the bench, not hangs it.
      await Promise.race([seen, new Promise((_, reject) => setTimeout(() => reject(new Error('bench-live: the element did not show the change within 10 s')), 10_000).unref())]);
      times.push(performance.now() - start);
    }
  } finally {
    await browser.close();
  }
  return times;
}

async function latencies(from, to, refId) {
  const events = await stream(to);
  const times = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    const [answer] = await Promise.all([deliver(from, refId, i % 2 ? 'link' : 'unlink'), events.nextStatus()]);
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
      const { profileKey } = await directory.ensure(USER);
      const toggle = () => (running.simulator.toggle('instagram', profileKey), running.simulator.linked(profileKey).includes('instagram'));
      const element = await elementLatencies(a.base, b.base, refId, toggle);
      rows.push(entry('Webhook to process A → element on a page of B shows it (Chromium)', element, 'includes the re-read of the status: B → simulator'));
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
