// An Ayrshare simulator: behaves like Ayrshare's API and linking page for everything the
// reference handlers and the element use, so the demo and the tests run offline. In memory,
// seeded with one profile that has LinkedIn and X linked. A Web `Request` → `Response` handler;
// `startAyrshareSimulator()` serves it on a free loopback port.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isNetworkId, NETWORK_IDS, NETWORKS, type NetworkId } from '../internal/networks.js';
import { toNodeHandler } from './node.js';

export const SIMULATOR_API_KEY = 'sim_api_key_0123456789';
export const SIMULATOR_PROFILE_KEY = 'sim_profile_key_0123456789';
export const SIMULATOR_PRIVATE_KEY = 'sim_private_key_0123456789';

const LINK_LIFETIME_MS = 5 * 60_000;
const RATE_LIMIT = 300;
const RATE_WINDOW_MS = 5 * 60_000;

interface Account {
  platform: NetworkId;
  displayName: string;
  username?: string;
  pageName?: string;
  profileUrl?: string;
  userImage?: string;
  id: string;
  created: string;
}

interface Profile {
  title: string;
  refId: string;
  created: string;
  accounts: Map<NetworkId, Account>;
  calls: number[];
}

interface LinkSession {
  /** The id to inspect or revoke it by (Ayrshare's `sessionId`): not a credential. */
  id: string;
  /** The bearer token in the linking URL. */
  token: string;
  /** `mode: "connect"`: the one network this session links directly. */
  connect?: NetworkId;
  profileKey: string;
  origin?: string;
  redirect?: string;
  allowedSocial?: NetworkId[];
  expiresAt: number;
  state: 'pending' | 'active' | 'expired' | 'revoked';
  useCount: number;
}

/** Switches that make the simulator misbehave, for the demo and the tests. */
export interface SimulatorSettings {
  /** Milliseconds every API call waits before answering. */
  delayMs: number;
  /** Every API call answers 500. */
  failing: boolean;
  /** Every API call answers 429, as past the 300-per-5-minutes limit. */
  rateLimited: boolean;
  /** New linking URLs are already expired. */
  expiredLinks: boolean;
  /** Direct connect (`mode: "connect"` + `network`, Ayrshare's Max Pack) is available. */
  directConnect: boolean;
  /**
   * Per-network health of linked accounts: `expiring` (10 days left, as LinkedIn's yearly
   * relink) or `needs-reconnect` (a dead token, as after a Meta security event).
   */
  health: Partial<Record<NetworkId, 'expiring' | 'needs-reconnect'>>;
}

export interface SimulatorOptions {
  apiKey?: string;
  privateKey?: string;
  /** Profile Keys to create; the first is seeded with LinkedIn and X. */
  profileKeys?: string[];
}

export interface AyrshareSimulator {
  fetch(request: Request): Promise<Response>;
  settings: SimulatorSettings;
  /** Linked network ids of a profile. */
  linked(profileKey?: string): NetworkId[];
  /** Links or unlinks one network behind the app's back, as a user elsewhere would. */
  toggle(network: NetworkId, profileKey?: string): void;
  /** Back to the seeded state and default settings. */
  reset(): void;
  /**
   * Applies switches from an untrusted object (the `/__simulator/settings` body, the demo's
   * controls): `reset`, `delayMs` (0–60000), `failing`, `rateLimited`, `expiredLinks`,
   * `directConnect`, `toggle` (a network id) and `health` (`{ <network>: "expiring" |
   * "needs-reconnect" | "healthy" }`; an unhealthy network is linked first). Unknown or
   * mistyped fields are ignored.
   */
  configure(changes: Record<string, unknown>): SimulatorSettings;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

function apiError(status: number, action: string, code: number, message: string, headers: Record<string, string> = {}) {
  return json(status, { action, status: 'error', code, message }, headers);
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function html(body: string, title: string, status = 200): Response {
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>${escapeHtml(title)}</title><link rel="stylesheet" href="/link.css"></head><body>${body}</body></html>`,
    {
      status,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        // Like Ayrshare's page: no framing, no inline script.
        'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'",
        'X-Frame-Options': 'DENY',
      },
    },
  );
}

function seedAccount(platform: NetworkId): Account {
  const base = { platform, id: `${platform}-${randomBytes(4).toString('hex')}`, created: new Date().toISOString() };
  switch (platform) {
    case 'linkedin':
      return { ...base, displayName: 'Acme Corp', profileUrl: 'https://www.linkedin.com/company/acme' };
    case 'twitter':
      return { ...base, displayName: 'Acme', username: 'acme', profileUrl: 'https://x.com/acme' };
    case 'facebook':
      return { ...base, displayName: 'Acme Page', pageName: 'Acme Page', profileUrl: 'https://www.facebook.com/acme' };
    default:
      return { ...base, displayName: `Acme on ${NETWORKS[platform].name}`, username: 'acme' };
  }
}

export function createAyrshareSimulator(options: SimulatorOptions = {}): AyrshareSimulator {
  const apiKey = options.apiKey ?? SIMULATOR_API_KEY;
  const privateKey = options.privateKey ?? SIMULATOR_PRIVATE_KEY;
  const profileKeys = options.profileKeys ?? [SIMULATOR_PROFILE_KEY];
  const profiles = new Map<string, Profile>();
  const sessions = new Map<string, LinkSession>();
  const defaults = (): SimulatorSettings => ({
    delayMs: 0,
    failing: false,
    rateLimited: false,
    expiredLinks: false,
    directConnect: true,
    health: {},
  });
  const settings: SimulatorSettings = defaults();
  const sessionsById = new Map<string, LinkSession>();

  function reset() {
    profiles.clear();
    sessions.clear();
    sessionsById.clear();
    Object.assign(settings, defaults());
    profileKeys.forEach((key, index) => {
      const accounts = new Map<NetworkId, Account>();
      if (index === 0) for (const id of ['linkedin', 'twitter'] as const) accounts.set(id, seedAccount(id));
      profiles.set(key, {
        title: index === 0 ? 'Acme workspace' : `Profile ${index + 1}`,
        refId: randomBytes(8).toString('hex'),
        created: new Date().toISOString(),
        accounts,
        calls: [],
      });
    });
  }
  reset();

  function newSession(profileKey: string, body: Record<string, unknown>): LinkSession {
    const lifetime = typeof body.expiresIn === 'number' && body.expiresIn > 0 ? body.expiresIn * 60_000 : LINK_LIFETIME_MS;
    const session: LinkSession = {
      id: randomBytes(12).toString('hex'),
      token: `ayr_ls_${randomBytes(16).toString('hex')}`,
      profileKey,
      expiresAt: settings.expiredLinks ? Date.now() - 1000 : Date.now() + lifetime,
      state: 'pending',
      useCount: 0,
    };
    if (typeof body.origin === 'string') session.origin = body.origin;
    if (typeof body.redirect === 'string') session.redirect = body.redirect;
    if (Array.isArray(body.allowedSocial)) session.allowedSocial = body.allowedSocial.filter(isNetworkId);
    if (body.mode === 'connect' && isNetworkId(body.network)) session.connect = body.network;
    sessions.set(session.token, session);
    sessionsById.set(session.id, session);
    return session;
  }

  function liveSession(id: string | null): LinkSession | 'expired' | undefined {
    const session = id ? sessions.get(id) : undefined;
    if (!session) return undefined;
    if (session.state === 'revoked' || session.expiresAt <= Date.now()) {
      if (session.state !== 'revoked') session.state = 'expired';
      return 'expired';
    }
    return session;
  }

  function rateHeaders(profile: Profile | undefined): Record<string, string> {
    const count = profile?.calls.length ?? 0;
    const oldest = profile?.calls[0] ?? Date.now();
    return {
      'x-ratelimit-max': String(RATE_LIMIT),
      'x-ratelimit-count': String(settings.rateLimited ? RATE_LIMIT + 1 : count),
      'x-ratelimit-reset': String(Math.max(1, Math.ceil((oldest + RATE_WINDOW_MS - Date.now()) / 1000))),
    };
  }

  async function readBody(request: Request): Promise<Record<string, unknown> | undefined> {
    try {
      const text = await request.text();
      const body = text ? (JSON.parse(text) as unknown) : {};
      return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }

  async function api(request: Request, path: string): Promise<Response> {
    if (settings.delayMs > 0) await sleep(settings.delayMs);
    const action = path.split('/').filter(Boolean).slice(-1)[0] ?? 'request';
    if (request.headers.get('authorization') !== `Bearer ${apiKey}`) {
      return apiError(401, 'authorization', 102, 'API Key not valid. Check your Authorization header.');
    }
    const body = request.method === 'GET' ? {} : await readBody(request);
    if (!body) return apiError(400, action, 101, 'Body is not valid JSON.');
    const profileKey =
      path === '/profiles/generateJWT' ? (typeof body.profileKey === 'string' ? body.profileKey : null) : request.headers.get('profile-key');
    const profile = profileKey ? profiles.get(profileKey) : undefined;
    if (!profileKey || !profile) {
      return apiError(401, action, 188, 'Profile-Key missing or not valid.');
    }
    // 300 requests per 5 minutes per profile.
    const now = Date.now();
    profile.calls = profile.calls.filter((at) => at > now - RATE_WINDOW_MS);
    if (settings.rateLimited || profile.calls.length >= RATE_LIMIT) {
      return apiError(429, action, 429, 'Rate limit exceeded: 300 requests per 5 minutes.', rateHeaders(profile));
    }
    profile.calls.push(now);
    const headers = rateHeaders(profile);
    if (settings.failing) return apiError(500, action, 500, 'Internal server error.', headers);

    const base = new URL(request.url).origin;
    if (path === '/profiles/link-sessions' && request.method === 'POST') {
      if (body.mode === 'connect') {
        if (!settings.directConnect) return apiError(403, action, 403, 'Direct connect requires the Max Pack.', headers);
        if (!isNetworkId(body.network)) return apiError(400, action, 101, 'mode "connect" needs a valid network.', headers);
      }
      const session = newSession(profileKey, body);
      const url = new URL('/', base);
      url.searchParams.set('session', session.token);
      url.searchParams.set('domain', 'sim');
      return json(200, {
        status: 'success',
        sessionId: session.id,
        url: url.href,
        expiresAt: new Date(session.expiresAt).toISOString(),
        emailSent: false,
        title: profile.title,
      }, headers);
    }
    const sessionPath = /^\/profiles\/link-sessions\/([\w-]+)$/.exec(path);
    if (sessionPath && (request.method === 'GET' || request.method === 'DELETE')) {
      const session = sessionsById.get(sessionPath[1] ?? '');
      if (!session || session.profileKey !== profileKey) return apiError(404, action, 502, 'Link session not found.', headers);
      liveSession(session.token);
      if (request.method === 'DELETE') session.state = 'revoked';
      return json(200, {
        status: 'success',
        sessionId: session.id,
        state: session.state,
        useCount: session.useCount,
        expiresAt: new Date(session.expiresAt).toISOString(),
      }, headers);
    }
    if (path === '/profiles/generateJWT' && request.method === 'POST') {
      if (body.privateKey !== privateKey) return apiError(400, action, 189, 'Private key not valid.', headers);
      if (typeof body.domain !== 'string' || !body.domain) return apiError(400, action, 107, 'Domain missing.', headers);
      const session = newSession(profileKey, body);
      const url = new URL('/', base);
      url.searchParams.set('domain', body.domain);
      url.searchParams.set('jwt', session.token);
      return json(200, { status: 'success', title: profile.title, token: session.token, url: url.href }, headers);
    }
    if (path === '/user' && request.method === 'GET') {
      const accounts = [...profile.accounts.values()].map((account) => withHealth(account));
      return json(200, {
        ...(accounts.length ? { activeSocialAccounts: accounts.map((a) => a.platform) } : {}),
        displayNames: accounts,
        created: profile.created,
        refId: profile.refId,
        title: profile.title,
        monthlyApiCalls: profile.calls.length,
        lastApiCall: new Date().toISOString(),
      }, headers);
    }
    if (path === '/profiles/social' && request.method === 'DELETE') {
      if (!isNetworkId(body.platform)) return apiError(400, action, 101, 'Platform not valid.', headers);
      // 200 even when the network was not linked, as Ayrshare does.
      profile.accounts.delete(body.platform);
      return json(200, { status: 'success', platform: body.platform }, headers);
    }
    return apiError(404, action, 404, 'Not found.', headers);
  }

  function linkingPage(url: URL): Response {
    const id = url.searchParams.get('session') ?? url.searchParams.get('jwt');
    const session = liveSession(id);
    if (session === 'expired') {
      return html(
        `<main class="card"><h1>This link has expired</h1><p>Linking links last 5 minutes. Close this window and start again from the app.</p></main>`,
        'Link expired',
        410,
      );
    }
    if (!session) {
      return html(`<main class="card"><h1>This link is not valid</h1><p>Close this window and start again from the app.</p></main>`, 'Link not valid', 404);
    }
    session.state = 'active';
    session.useCount++;
    const profile = profiles.get(session.profileKey)!;
    const offered = session.connect ? [session.connect] : session.allowedSocial?.length ? session.allowedSocial : NETWORK_IDS;
    const rows = offered
      .map((id) => {
        const linked = profile.accounts.has(id);
        return `<li data-network="${id}"${linked ? ' data-linked' : ''}><span class="name">${escapeHtml(NETWORKS[id].name)}</span>` +
          `<span class="state">${linked ? 'Linked' : ''}</span>` +
          `<button type="button" class="link" aria-label="${linked ? 'Reconnect' : 'Link'} ${escapeHtml(NETWORKS[id].name)}">${linked ? 'Reconnect' : 'Link'}</button></li>`;
      })
      .join('');
    return html(
      `<main class="card" data-session="${escapeHtml(session.token)}"${session.connect ? ` data-connect="${session.connect}"` : ''} data-origin="${escapeHtml(session.origin ?? '')}" data-redirect="${escapeHtml(session.redirect ?? '')}">` +
        `<p class="badge">Ayrshare simulator — nothing here reaches a real network</p>` +
        `<h1>Link your social accounts</h1><p class="muted">${escapeHtml(profile.title)}</p>` +
        `<ul class="networks">${rows}</ul>` +
        `<section id="consent" hidden aria-labelledby="consent-title"><h2 id="consent-title"></h2>` +
        `<p>The app will be able to post and read basic profile information. (Simulated consent step.)</p>` +
        `<div class="actions"><button type="button" id="allow" class="primary">Allow</button>` +
        `<button type="button" id="deny">Cancel</button><button type="button" id="error">Simulate an error</button></div></section>` +
        `<p id="message" role="status"></p>` +
        `<button type="button" id="done" class="primary">Done</button></main>` +
        `<script src="/link.js"></script>`,
      'Link your social accounts',
    );
  }

  async function connect(request: Request): Promise<Response> {
    const body = await readBody(request);
    const session = liveSession(typeof body?.session === 'string' ? body.session : null);
    if (session === 'expired') return json(410, { status: 'error', code: 503, message: 'This link has expired.' });
    if (!session || !body) return json(404, { status: 'error', code: 502, message: 'Link session not found.' });
    if (!isNetworkId(body.network)) return json(400, { status: 'error', message: 'Unknown network.' });
    const profile = profiles.get(session.profileKey)!;
    profile.accounts.set(body.network, seedAccount(body.network));
    // Linking again (a reconnect) gives the account a fresh token.
    delete settings.health[body.network];
    return json(200, { status: 'success', network: body.network });
  }

  /** An account as /user shows it, with the health fields Ayrshare sends when relinking is due. */
  function withHealth(account: Account): Account & { refreshDaysRemaining?: number; refreshRequired?: string | true } {
    const state = settings.health[account.platform];
    if (state === 'expiring') {
      return { ...account, refreshDaysRemaining: 10, refreshRequired: new Date(Date.now() + 10 * 86_400_000).toISOString() };
    }
    if (state === 'needs-reconnect') return { ...account, refreshRequired: true };
    return account;
  }

  function toggle(network: NetworkId, profileKey = profileKeys[0] ?? '') {
    const accounts = profiles.get(profileKey)?.accounts;
    if (!accounts) return;
    if (accounts.has(network)) accounts.delete(network);
    else accounts.set(network, seedAccount(network));
  }

  function configure(changes: Record<string, unknown>): SimulatorSettings {
    if (changes.reset === true) reset();
    if (typeof changes.delayMs === 'number') settings.delayMs = Math.max(0, Math.min(60_000, changes.delayMs));
    for (const key of ['failing', 'rateLimited', 'expiredLinks'] as const) {
      if (typeof changes[key] === 'boolean') settings[key] = changes[key];
    }
    if (typeof changes.directConnect === 'boolean') settings.directConnect = changes.directConnect;
    if (isNetworkId(changes.toggle)) toggle(changes.toggle);
    if (typeof changes.health === 'object' && changes.health !== null) {
      for (const [network, state] of Object.entries(changes.health as Record<string, unknown>)) {
        if (!isNetworkId(network)) continue;
        if (state === 'healthy') delete settings.health[network];
        if (state !== 'expiring' && state !== 'needs-reconnect') continue;
        settings.health[network] = state;
        const accounts = profiles.get(profileKeys[0] ?? '')?.accounts;
        if (accounts && !accounts.has(network)) accounts.set(network, seedAccount(network));
      }
    }
    return settings;
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname.startsWith('/api/')) return api(request, url.pathname.slice(4));
    if (url.pathname === '/' && request.method === 'GET') return linkingPage(url);
    if (url.pathname === '/link/connect' && request.method === 'POST') return connect(request);
    if (url.pathname === '/link.js') {
      return new Response(LINK_SCRIPT, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
    }
    if (url.pathname === '/link.css') {
      return new Response(LINK_CSS, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
    }
    if (url.pathname === '/__simulator/settings') {
      if (request.method === 'POST') {
        // Only same-origin JSON: a form or a page elsewhere must not flip the switches (a
        // cross-site form cannot send application/json, and browsers send its Origin).
        const origin = request.headers.get('origin');
        const isJson = (request.headers.get('content-type') ?? '').startsWith('application/json');
        if (!isJson || (origin !== null && origin !== url.origin)) {
          return json(403, { status: 'error', message: 'Same-origin JSON only.' });
        }
        const body = await readBody(request);
        if (body) configure(body);
      }
      return json(200, settings);
    }
    return new Response('Not found', { status: 404 });
  }

  return {
    fetch: handle,
    settings,
    linked: (profileKey = profileKeys[0] ?? '') => [...(profiles.get(profileKey)?.accounts.keys() ?? [])],
    toggle,
    configure,
    reset,
  };
}

export interface RunningSimulator {
  /** Its origin, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Its API base, for the handlers' `baseUrl`. */
  apiUrl: string;
  simulator: AyrshareSimulator;
  close(): Promise<void>;
}

/** Serves a simulator on loopback (a free port unless one is given). */
export async function startAyrshareSimulator(
  options: SimulatorOptions & { port?: number; host?: string } = {},
): Promise<RunningSimulator> {
  const simulator = createAyrshareSimulator(options);
  const server = createServer(toNodeHandler((request) => simulator.fetch(request)));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  return {
    url,
    apiUrl: `${url}/api`,
    simulator,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// The linking page's script: an external file, as Ayrshare's page allows no inline script.
const LINK_SCRIPT = `
const main = document.querySelector('main[data-session]');
if (main) {
  const session = main.dataset.session;
  const origin = main.dataset.origin;
  const redirect = main.dataset.redirect;
  const consent = document.getElementById('consent');
  const message = document.getElementById('message');
  let current = null;
  // Link completion events go to the opener, only at the session's exact origin.
  const post = (event, extra) => {
    if (origin && window.opener) window.opener.postMessage({ source: 'ayrshare', version: 1, event, ...extra }, origin);
  };
  const nameOf = (row) => row.querySelector('.name').textContent;
  post('connect:ready');
  for (const row of document.querySelectorAll('li[data-network]')) {
    row.querySelector('button.link').addEventListener('click', () => {
      current = row;
      document.getElementById('consent-title').textContent = 'Allow the app to use your ' + nameOf(row) + ' account?';
      consent.hidden = false;
      document.getElementById('allow').focus();
    });
  }
  const finish = () => { consent.hidden = true; current = null; };
  // Direct connect: straight to the one network's consent.
  if (main.dataset.connect) document.querySelector('li[data-network] button.link')?.click();
  document.getElementById('allow').addEventListener('click', async () => {
    const row = current;
    if (!row) return;
    const network = row.dataset.network;
    const answer = await fetch('/link/connect', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ session, network }) });
    finish();
    if (answer.ok) {
      row.setAttribute('data-linked', '');
      row.querySelector('.state').textContent = 'Linked';
      row.querySelector('button.link').textContent = 'Reconnect';
      message.textContent = nameOf(row) + ' linked.';
      post('connect:success', { network });
    } else {
      const body = await answer.json().catch(() => ({}));
      message.textContent = body.message || 'Linking failed.';
      post('connect:error', { network, code: body.code, message: body.message });
    }
  });
  document.getElementById('deny').addEventListener('click', () => {
    const row = current;
    finish();
    if (!row) return;
    message.textContent = 'Cancelled.';
    post('connect:cancelled', { network: row.dataset.network });
  });
  document.getElementById('error').addEventListener('click', () => {
    const row = current;
    finish();
    if (!row) return;
    message.textContent = nameOf(row) + ' could not be linked: the network refused the authorization.';
    post('connect:error', { network: row.dataset.network, code: 272, message: 'Authorization refused by the network.' });
  });
  document.getElementById('done').addEventListener('click', () => {
    if (origin) {
      post('connect:closed');
      window.close();
    } else if (redirect) {
      location.href = redirect;
    } else {
      window.close();
      message.textContent = 'You can close this window.';
    }
  });
}
`;

const LINK_CSS = `
:root { color-scheme: light dark; font: 16px/1.5 system-ui, sans-serif; }
body { margin: 0; background: light-dark(#f6f8fa, #0d1117); color: light-dark(#1f2328, #f0f6fc); }
.card { max-width: 34rem; margin: 1.5rem auto; padding: 1rem 1.5rem 1.5rem; background: light-dark(#fff, #151b23); border: 1px solid light-dark(#d1d9e0, #3d444d); border-radius: 12px; }
.badge { display: inline-block; font-size: 0.75rem; padding: 0.1rem 0.5rem; border-radius: 999px; background: #fff8c5; color: #6a4f00; }
.muted { color: light-dark(#59636e, #9198a1); margin-top: 0; }
.networks { list-style: none; padding: 0; display: grid; gap: 0.4rem; }
.networks li { display: flex; align-items: center; gap: 0.5rem; padding: 0.4rem 0.6rem; border: 1px solid light-dark(#d1d9e0, #3d444d); border-radius: 8px; }
.networks .name { flex: 1; font-weight: 600; }
.networks .state { color: #1a7f37; font-weight: 600; }
button { font: inherit; padding: 0.3rem 0.9rem; border-radius: 8px; border: 1px solid light-dark(#d1d9e0, #3d444d); background: transparent; color: inherit; cursor: pointer; }
.primary { background: #0969da; border-color: #0969da; color: #fff; }
#consent { margin: 1rem 0; padding: 1rem; border: 2px solid #0969da; border-radius: 8px; }
.actions { display: flex; gap: 0.5rem; flex-wrap: wrap; }
`;
