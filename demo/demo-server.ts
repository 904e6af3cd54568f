// The demo's backend, mounted in Vite's dev server: the reference handlers
// (`social-link-button/server`) in front of either the Ayrshare simulator (default) or the real
// Ayrshare (when AYRSHARE_API_KEY and AYRSHARE_PROFILE_KEY are set, e.g. in .env).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createAyrshareHandlers, toNodeHandler } from '../src/entries/server.js';
import {
  SIMULATOR_API_KEY,
  SIMULATOR_PROFILE_KEY,
  startAyrshareSimulator,
  type RunningSimulator,
} from '../src/simulator/simulator.js';

export interface DemoEnv {
  AYRSHARE_API_KEY?: string;
  AYRSHARE_PROFILE_KEY?: string;
  /** Optional: use the legacy generateJWT with these. */
  AYRSHARE_PRIVATE_KEY?: string;
  AYRSHARE_DOMAIN?: string;
  /** Optional: "1" when the account has the Max Pack (direct connect for one network). */
  AYRSHARE_DIRECT_CONNECT?: string;
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export interface DemoBackend {
  /** Where the element may open linking pages (its `allowed-hosts`). */
  linkHosts: string;
  /** A sentence for the console. */
  description: string;
  middleware: Middleware;
  close(): Promise<void>;
}

// The demo runs on loopback: any loopback page may ask for a linking URL.
const loopbackOrigin = (origin: string) => /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(origin);

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

// The settings route's body: a few switches, so a small bound (a larger body is refused, not read).
const MAX_SETTINGS_BYTES = 4096;

class BodyError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** The request's JSON object, or a BodyError (413 too large, 400 not a JSON object). */
async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_SETTINGS_BYTES) throw new BodyError(413, `The settings body is over ${MAX_SETTINGS_BYTES} bytes.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_SETTINGS_BYTES) throw new BodyError(413, `The settings body is over ${MAX_SETTINGS_BYTES} bytes.`);
    chunks.push(chunk as Buffer);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new BodyError(400, 'The settings body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BodyError(400, 'The settings body must be a JSON object.');
  return body as Record<string, unknown>;
}

/** Same-origin JSON only (the demo page's own fetch): not a form, a sandboxed page (`Origin: null`) or a page elsewhere. */
function sameOriginJson(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  const json = (req.headers['content-type'] ?? '').startsWith('application/json');
  // Compared as text: an Origin that is not a URL ("null", garbage) is simply not ours.
  return json && (origin === undefined || origin === `http://${req.headers.host ?? ''}`);
}

export async function createDemoBackend(env: DemoEnv): Promise<DemoBackend> {
  // SOCIAL_LINK_DEMO_SIMULATOR=1 forces the simulator (the end-to-end test sets it).
  const forceSimulator = process.env.SOCIAL_LINK_DEMO_SIMULATOR === '1';
  const real = !forceSimulator && Boolean(env.AYRSHARE_API_KEY && env.AYRSHARE_PROFILE_KEY);
  let simulator: RunningSimulator | undefined;
  // Direct connect starts off, as on most plans (no Max Pack): the demo's switch turns it on.
  if (!real) simulator = await startAyrshareSimulator({ directConnect: false });

  const useJwt = Boolean(env.AYRSHARE_PRIVATE_KEY && env.AYRSHARE_DOMAIN);
  const handlers = createAyrshareHandlers({
    apiKey: real ? env.AYRSHARE_API_KEY! : SIMULATOR_API_KEY,
    // A real app looks the Profile Key up from the signed-in user's session.
    profileKey: () => (real ? env.AYRSHARE_PROFILE_KEY : SIMULATOR_PROFILE_KEY),
    allowedOrigins: loopbackOrigin,
    // Marked, so the callback page tells a finished flow from a visit (it claims nothing then).
    redirect: (request) => `${new URL(request.url).origin}/demo/callback.html?from=linking`,
    ...(simulator ? { baseUrl: simulator.apiUrl } : {}),
    // A row's Link or Reconnect opens that network directly where Ayrshare allows it (Max Pack),
    // else the page offering only that network.
    directConnect: !real || env.AYRSHARE_DIRECT_CONNECT === '1',
    ...(useJwt ? { linkMethod: 'generateJWT' as const, privateKey: env.AYRSHARE_PRIVATE_KEY, domain: env.AYRSHARE_DOMAIN } : {}),
  });
  const routes: Record<string, Middleware> = {
    '/api/social/link-url': toNodeHandler(handlers.linkUrl),
    '/api/social/status': toNodeHandler(handlers.profile),
    '/api/social/unlink': toNodeHandler(handlers.unlink),
  };

  const middleware: Middleware = (req, res, next) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = routes[path];
    if (route) return route(req, res, next);
    if (path === '/api/demo/simulator') {
      if (!simulator) return sendJson(res, 404, { message: 'The demo is using the real Ayrshare.' });
      const running = simulator;
      void (async () => {
        if (req.method === 'POST') {
          if (!sameOriginJson(req)) return sendJson(res, 403, { message: 'Same-origin JSON only.' });
          running.simulator.configure(await readJson(req));
        } else if (req.method !== 'GET' && req.method !== 'HEAD') {
          return sendJson(res, 405, { message: 'GET or POST only.' });
        }
        sendJson(res, 200, { ...running.simulator.settings, linked: running.simulator.linked() });
      })().catch((error: unknown) => {
        // Never let one request take the demo down: answer, and keep serving.
        if (res.headersSent) return void res.destroy();
        const status = error instanceof BodyError ? error.status : 500;
        if (status === 413) res.setHeader('Connection', 'close');
        sendJson(res, status, { message: error instanceof BodyError ? error.message : 'The simulator could not apply that.' });
      });
      return;
    }
    next();
  };

  return {
    linkHosts: simulator ? new URL(simulator.url).host : 'profile.ayrshare.com',
    description: simulator
      ? `Ayrshare simulator on ${simulator.url} (set AYRSHARE_API_KEY and AYRSHARE_PROFILE_KEY to use the real Ayrshare)`
      : `Real Ayrshare (${useJwt ? 'generateJWT' : 'link sessions'}), Profile Key from AYRSHARE_PROFILE_KEY`,
    middleware,
    close: async () => simulator?.close(),
  };
}
