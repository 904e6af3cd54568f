// The demo's backend, mounted in Vite's dev server: the reference handlers
// (`social-link-button/server`) in front of either the Ayrshare simulator (default) or the real
// Ayrshare (when AYRSHARE_API_KEY and AYRSHARE_PROFILE_KEY are set, e.g. in .env).
import { createAyrshareHandlers, toNodeHandler } from '../src/entries/server.js';
import { SIMULATOR_API_KEY } from '../src/simulator/simulator.js';
import { demoRoute, readJson, sendJson, type Middleware } from './demo-http.js';
import { demoWebhookOptions, EVENTS_PATH, registerDemoWebhook, WEBHOOK_PATH } from './demo-live.js';
import { openDemoUsers, userOf, type DemoUsers } from './demo-users.js';

export interface DemoEnv {
  AYRSHARE_API_KEY?: string;
  AYRSHARE_PROFILE_KEY?: string;
  /** Optional: use the legacy generateJWT with these. */
  AYRSHARE_PRIVATE_KEY?: string;
  AYRSHARE_DOMAIN?: string;
  /** Optional: "1" when the account has the Max Pack (direct connect for one network). */
  AYRSHARE_DIRECT_CONNECT?: string;
}

export interface DemoBackend {
  /** Where the element may open linking pages (its `allowed-hosts`). */
  linkHosts: string;
  /** A sentence for the console. */
  description: string;
  middleware: Middleware;
  /** Called once the dev server listens: registers the demo's webhook with the simulator. */
  listening(port: number): Promise<void>;
  close(): Promise<void>;
}

// The demo runs on loopback: any loopback page may ask for a linking URL.
const loopbackOrigin = (origin: string) => /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(origin);

export interface DemoOptions {
  /** Where simulator mode keeps its users' profiles: `.demo-data/`, or SOCIAL_LINK_DEMO_DATA. */
  dataDir: string;
}

export async function createDemoBackend(env: DemoEnv, options: DemoOptions): Promise<DemoBackend> {
  // SOCIAL_LINK_DEMO_SIMULATOR=1 forces the simulator (the end-to-end test sets it).
  const forceSimulator = process.env.SOCIAL_LINK_DEMO_SIMULATOR === '1';
  const real = !forceSimulator && Boolean(env.AYRSHARE_API_KEY && env.AYRSHARE_PROFILE_KEY);
  // Simulator mode: three signed-in users, each with their own profile (demo-users.ts).
  const users: DemoUsers | undefined = real ? undefined : await openDemoUsers(options.dataDir);
  const simulator = users?.simulator;

  const useJwt = Boolean(env.AYRSHARE_PRIVATE_KEY && env.AYRSHARE_DOMAIN);
  const handlers = createAyrshareHandlers({
    apiKey: real ? env.AYRSHARE_API_KEY! : SIMULATOR_API_KEY,
    // The real Ayrshare: the one profile named in the environment. The simulator: the signed-in
    // user's own profile, from the profile directory (created on their first link).
    ...(users
      ? { user: (request: Request) => userOf(request.headers.get('cookie')).id, profiles: users.profiles }
      : { profileKey: () => env.AYRSHARE_PROFILE_KEY }),
    allowedOrigins: loopbackOrigin,
    // Marked, so the callback page tells a finished flow from a visit (it claims nothing then).
    redirect: (request) => `${new URL(request.url).origin}/demo/callback.html?from=linking`,
    ...(simulator ? { baseUrl: simulator.apiUrl } : {}),
    // A row's Link or Reconnect opens that network directly where Ayrshare allows it (Max Pack),
    // else the page offering only that network.
    directConnect: !real || env.AYRSHARE_DIRECT_CONNECT === '1',
    ...(useJwt ? { linkMethod: 'generateJWT' as const, privateKey: env.AYRSHARE_PRIVATE_KEY, domain: env.AYRSHARE_DOMAIN } : {}),
    // Live status: the simulator's signed webhooks in, open pages told (demo-live.ts).
    ...(users ? { webhook: demoWebhookOptions(users) } : {}),
  });
  const routes: Record<string, Middleware> = {
    '/api/social/link-url': toNodeHandler(handlers.linkUrl),
    '/api/social/status': toNodeHandler(handlers.profile),
    '/api/social/unlink': toNodeHandler(handlers.unlink),
    [EVENTS_PATH]: toNodeHandler(handlers.events),
    // Without the webhook option (the real Ayrshare) it answers 404.
    [WEBHOOK_PATH]: toNodeHandler(handlers.webhook),
  };

  const middleware: Middleware = (req, res, next) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = routes[path];
    if (route) return route(req, res, next);
    if (path.startsWith('/api/demo/') && !users) return sendJson(res, 404, { message: 'The demo is using the real Ayrshare.' });
    if (users?.route(path, req, res)) return;
    if (path === '/api/demo/simulator' && users) {
      const running = users.simulator.simulator;
      const user = userOf(req.headers.cookie);
      return demoRoute(
        req,
        res,
        ['GET', 'HEAD', 'POST'],
        async () => {
          let key = await users.keyOf(user);
          if (req.method === 'POST') {
            const changes = await readJson(req);
            // "Ayrshare unlinks … (system)" acts on this user's profile only; no profile, nothing to unlink.
            if (!key) delete changes.systemUnlink;
            // The switches act on the signed-in user's profile; "reset" resets the switches and
            // that user's accounts, never the other users' profiles (the default user's is made again).
            if (changes.reset === true) {
              await users.resetAccounts(user);
              key ??= await users.keyOf(user);
            }
            running.configure({ ...changes, reset: changes.reset === true ? 'settings' : undefined }, key);
            // A switch changes Ayrshare's side behind the app's back, and not every change has a
            // webhook (health, reset): the demo says so itself, so the status cache drops this
            // user's answer and open pages re-read, as a webhook would make them.
            await users.profiles.changes.publish({ subject: user.id, type: 'changed' }).catch(() => {});
          }
          // `calls`: what reached the simulator since it started, e.g. "POST /api/profiles".
          sendJson(res, 200, { ...running.settings, linked: key ? running.linked(key) : [], calls: running.calls });
        },
        'The simulator could not apply that.',
      );
    }
    next();
  };

  return {
    linkHosts: simulator ? new URL(simulator.url).host : 'profile.ayrshare.com',
    description: simulator
      ? `Ayrshare simulator on ${simulator.url}, users' data in ${options.dataDir} (set AYRSHARE_API_KEY and AYRSHARE_PROFILE_KEY to use the real Ayrshare)`
      : `Real Ayrshare (${useJwt ? 'generateJWT' : 'link sessions'}), Profile Key from AYRSHARE_PROFILE_KEY`,
    middleware,
    listening: async (port) => void (users && (await registerDemoWebhook(users, port))),
    close: async () => users?.close(),
  };
}
