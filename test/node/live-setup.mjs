// What the live tests share: handlers with a PGlite profile directory served on loopback, a
// Server-Sent Events reader that parses frames, and signed webhook deliveries.
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { after } from 'node:test';
import { createAyrshareHandlers, toNodeHandler } from '../../dist/server.js';
import { SIMULATOR_API_KEY } from '../../dist/simulator.js';
import { setup, simulatorFetch } from './profiles-setup.mjs';

export const APP = 'https://app.example';
export const HOOK_SECRET = 'whsec-test-0123456789abcdef';
export const SAME_ORIGIN = { 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'cors', 'Sec-Fetch-Dest': 'empty' };

const servers = new Set();
after(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** Serves handlers: /webhook, /events, /unlink, /status. The user is the `X-Test-User` header. */
export async function serve(handlers) {
  const routes = { '/webhook': handlers.webhook, '/events': handlers.events, '/unlink': handlers.unlink, '/status': handlers.profile };
  const server = createServer((req, res) => {
    const handler = routes[new URL(req.url, 'http://x').pathname];
    if (!handler) return void res.writeHead(404).end();
    toNodeHandler(handler)(req, res);
  });
  servers.add(server);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${server.address().port}`;
}

/** A directory on PGlite, handlers over it (user from X-Test-User), served. */
export async function liveServer(options = {}) {
  const world = await setup(options.setup);
  const hookCalls = [];
  const handlers = createAyrshareHandlers({
    apiKey: SIMULATOR_API_KEY,
    baseUrl: 'http://sim.test/api',
    fetch: simulatorFetch(world.sim),
    user: (request) => request.headers.get('x-test-user') ?? undefined,
    profiles: world.directory,
    allowedOrigins: [APP],
    webhook: { secret: HOOK_SECRET, onSocialEvent: (event, context) => void hookCalls.push({ event, context }), ...options.webhook },
    ...options.handlers,
  });
  const base = await serve(handlers);
  return { ...world, handlers, base, hookCalls };
}

/** The headers Ayrshare signs a body with. */
export function signed(body, { secret = HOOK_SECRET, encoding = 'hex', timestamp = Math.floor(Date.now() / 1000), v2 } = {}) {
  const mac = (key) => createHmac('sha256', key).update(body).digest(encoding);
  return {
    'Content-Type': 'application/json',
    'X-Authorization-Content-SHA256': mac(secret),
    ...(v2 ? { 'X-Authorization-Content-SHA256-V2': mac(v2) } : {}),
    ...(timestamp === null ? {} : { "X-Authorization-Timestamp": String(timestamp) }),
  };
}

export function socialBody(fields = {}) {
  return JSON.stringify({
    action: 'social',
    type: 'unlink',
    source: 'system',
    platform: 'instagram',
    title: 'A profile',
    displayName: 'Acme',
    hookId: `hook-${Math.random().toString(36).slice(2)}`,
    created: new Date().toISOString(),
    code: 200,
    ...fields,
  });
}

export const deliver = (base, body, headers = signed(body)) => fetch(`${base}/webhook`, { method: 'POST', body, headers });

/**
 * Opens the events stream; `next(event)` resolves with the next frame of that event type
 * (`status`, `ready`, or `comment` for `: ping`), `close()` ends it.
 */
export async function openStream(base, user, headers = {}, query = '') {
  const aborter = new AbortController();
  const response = await fetch(`${base}/events${query}`, {
    headers: { ...SAME_ORIGIN, ...(user ? { 'X-Test-User': user } : {}), ...headers },
    signal: aborter.signal,
  });
  const frames = [];
  const waiting = [];
  let buffer = '';
  const pump = async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          frames.push(parseFrame(block));
          waiting.splice(0).forEach((wake) => wake());
        }
      }
    } catch {
      // Aborted.
    }
    waiting.splice(0).forEach((wake) => wake());
  };
  const pumping = response.ok ? pump() : Promise.resolve();
  let read = 0;
  return {
    response,
    frames,
    async next(event) {
      for (;;) {
        while (read < frames.length) {
          const frame = frames[read++];
          if (!event || frame.event === event) return frame;
        }
        if (aborter.signal.aborted || (await Promise.race([pumping.then(() => 'done'), new Promise((wake) => waiting.push(wake))])) === 'done') {
          if (read >= frames.length) return undefined;
        }
      }
    },
    async close() {
      aborter.abort();
      await pumping;
    },
  };
}

function parseFrame(block) {
  const frame = { event: 'message', lines: block.split('\n') };
  for (const line of frame.lines) {
    if (line.startsWith(':')) frame.event = 'comment';
    const [, name, value] = /^(\w+): ?(.*)$/.exec(line) ?? [];
    if (name === 'event') frame.event = value;
    if (name === 'id') frame.id = value;
    if (name === 'retry') frame.retry = Number(value);
    if (name === 'data') frame.data = JSON.parse(value);
  }
  if (frame.retry !== undefined && frame.event === 'message') frame.event = 'retry';
  return frame;
}

/** Polls `check` until truthy (bounded): for what another process or connection does. */
export async function eventually(check, what = 'condition') {
  for (let i = 0; i < 1000; i++) {
    const value = await check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`Never happened: ${what}`);
}
