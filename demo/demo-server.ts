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
} from '../src/server/simulator.js';

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

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as unknown;
    return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export async function createDemoBackend(env: DemoEnv): Promise<DemoBackend> {
  // SOCIAL_LINK_DEMO_SIMULATOR=1 forces the simulator (the end-to-end test sets it).
  const forceSimulator = process.env.SOCIAL_LINK_DEMO_SIMULATOR === '1';
  const real = !forceSimulator && Boolean(env.AYRSHARE_API_KEY && env.AYRSHARE_PROFILE_KEY);
  let simulator: RunningSimulator | undefined;
  if (!real) simulator = await startAyrshareSimulator();

  const useJwt = Boolean(env.AYRSHARE_PRIVATE_KEY && env.AYRSHARE_DOMAIN);
  const handlers = createAyrshareHandlers({
    apiKey: real ? env.AYRSHARE_API_KEY! : SIMULATOR_API_KEY,
    // A real app looks the Profile Key up from the signed-in user's session.
    profileKey: () => (real ? env.AYRSHARE_PROFILE_KEY : SIMULATOR_PROFILE_KEY),
    allowedOrigins: loopbackOrigin,
    redirect: (request) => `${new URL(request.url).origin}/demo/callback.html`,
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
          // Only same-origin JSON (the demo page's own fetch): not a form or a page elsewhere.
          const origin = req.headers.origin;
          const host = req.headers.host;
          const json = (req.headers['content-type'] ?? '').startsWith('application/json');
          if (!json || (origin !== undefined && new URL(origin).host !== host)) {
            return sendJson(res, 403, { message: 'Same-origin JSON only.' });
          }
          running.simulator.configure(await readJson(req));
        }
        sendJson(res, 200, { ...running.simulator.settings, linked: running.simulator.linked() });
      })();
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
