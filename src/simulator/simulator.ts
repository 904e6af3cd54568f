// An Ayrshare simulator: behaves like Ayrshare's API and linking page for everything the
// reference handlers and the element use, so the demo and the tests run offline. In memory,
// seeded with one profile that has LinkedIn and X linked (`stateFile` keeps profiles on disk).
// A Web `Request` → `Response` handler; `startAyrshareSimulator()` serves it on a free port.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isNetworkId, type NetworkId } from '../protocol/networks.js';
import { simulatedApi } from './api.js';
import { simulatedLinkingPage } from './linking-page.js';
import { LINK_LIFETIME_MS } from '../protocol/link.js';
import { readJsonObject } from '../server/http/body.js';
import { toNodeHandler } from '../server/http/node.js';
import { json } from '../server/http/responses.js';
import { DroppedAnswer, simulatedProfilesApi } from './profiles.js';
import { applyHealth } from './health-switch.js';
import { keepProfiles } from './state-file.js';
import { simulatedWebhooks, type WebhookDelivery } from './webhooks.js';
import {
  seedAccount,
  type Account,
  type LinkSession,
  type Profile,
  type SimulatorSettings,
  type SimulatorState,
} from './state.js';

export type { SimulatorSettings } from './state.js';
export type { WebhookDelivery } from './webhooks.js';

export const SIMULATOR_API_KEY = 'sim_api_key_0123456789';
export const SIMULATOR_PROFILE_KEY = 'sim_profile_key_0123456789';
export const SIMULATOR_PRIVATE_KEY = 'sim_private_key_0123456789';

export interface SimulatorOptions {
  apiKey?: string;
  privateKey?: string;
  /** Profile Keys to create; the first is seeded with LinkedIn and X. */
  profileKeys?: string[];
  /** Whether direct connect (Max Pack) is on after start and after `reset()`; default true. */
  directConnect?: boolean;
  /** A JSON file keeping profiles and linked accounts across restarts (src/simulator/state-file.ts). */
  stateFile?: string;
}

export interface AyrshareSimulator {
  fetch(request: Request): Promise<Response>;
  settings: SimulatorSettings;
  /** Linked network ids of a profile (default: the first of `profileKeys`). */
  linked(profileKey?: string): NetworkId[];
  /** Links or unlinks one network behind the app's back, as a user elsewhere would. */
  toggle(network: NetworkId, profileKey?: string): void;
  /** Back to the seeded state and default settings. */
  reset(): void;
  /**
   * Applies switches from an untrusted object (the `/__simulator/settings` body, the demo's
   * controls): `reset`, `delayMs` (0–60000), `failing`, `rateLimited`, `expiredLinks`,
   * `directConnect`, `toggle` (a network id) and `health` (`{ <network>: "expiring" |
   * "needs-reconnect" | "healthy" }`; an unhealthy network is linked first) and
   * `dropCreateAnswer` (`false`, `"reset"` or `"hang"`: profiles are created, their answer lost);
   * webhooks: `systemUnlink` (a network id: Ayrshare unlinks it, `source: "system"`, from
   * `profileKey`'s profile when one is passed, else from every profile), `webhookEncoding` (`hex`/`base64`), `webhookDuplicate`, `webhookFailFirst`,
   * `webhookRetryDelaysMs` and `webhookRotationGraceMs`. Unknown or mistyped fields are ignored.
   * `reset: "settings"` resets the switches only, keeping profiles. `toggle` and `health` act on
   * `profileKey`'s profile (default: the first of `profileKeys`).
   */
  configure(changes: Record<string, unknown>, profileKey?: string): SimulatorSettings;
  /** API calls received since the last reset, per `"<METHOD> <path>"`, e.g. `"POST /api/profiles"`. */
  calls: Record<string, number>;
  /** Suspends (or reinstates) a profile, as Ayrshare does after abuse: its calls answer 403. */
  suspend(profileKey: string, suspended?: boolean): void;
  /** A profile's key as Ayrshare's dashboard shows it (the API returns it only at creation). */
  dashboardKey(title: string): string | undefined;
  /** Webhook delivery attempts since the last reset, oldest first (the last 1000). */
  webhookDeliveries: readonly WebhookDelivery[];
  /** Cancels pending webhook deliveries and retries and forgets registrations (`close()` does this). */
  stopDeliveries(): void;
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
    directConnect: options.directConnect ?? true,
    health: {},
    dropCreateAnswer: false,
    webhookEncoding: 'hex',
    webhookDuplicate: false,
    webhookFailFirst: false,
    webhookRetryDelaysMs: [5000, 30_000],
    webhookRotationGraceMs: 86_400_000,
  });
  const settings: SimulatorSettings = defaults();
  const sessionsById = new Map<string, LinkSession>();
  const healthDates: SimulatorState['healthDates'] = {};
  const calls: Record<string, number> = {};
  let persist = () => {};

  function resetSettings() {
    Object.assign(settings, defaults());
    for (const id of Object.keys(healthDates)) delete healthDates[id as NetworkId];
  }

  function reset() {
    webhooks?.reset();
    profiles.clear();
    sessions.clear();
    sessionsById.clear();
    for (const route of Object.keys(calls)) delete calls[route];
    resetSettings();
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
    persist();
  }
  let webhooks: ReturnType<typeof simulatedWebhooks> | undefined;
  reset();
  if (options.stateFile) persist = keepProfiles(options.stateFile, profiles);

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

  const socialEvent: SimulatorState['socialEvent'] = (...event) => webhooks?.socialEvent(...event);
  const state: SimulatorState = { apiKey, privateKey, profiles, sessionsById, settings, healthDates, newSession, liveSession, socialEvent };
  webhooks = simulatedWebhooks(state);
  const api = simulatedApi(state);
  const profilesApi = simulatedProfilesApi(state);
  const page = simulatedLinkingPage(state);

  function toggle(network: NetworkId, profileKey = profileKeys[0] ?? '') {
    const accounts = profiles.get(profileKey)?.accounts;
    if (!accounts) return;
    const linked = accounts.has(network);
    if (linked) accounts.delete(network);
    else accounts.set(network, seedAccount(network));
    socialEvent(profileKey, linked ? 'unlink' : 'link', 'user', network);
    persist();
  }

  function configure(changes: Record<string, unknown>, given?: string): SimulatorSettings {
    const profileKey = given ?? profileKeys[0] ?? '';
    if (changes.reset === true) reset();
    if (changes.reset === 'settings') resetSettings();
    if (typeof changes.delayMs === 'number' && Number.isFinite(changes.delayMs)) {
      settings.delayMs = Math.max(0, Math.min(60_000, Math.round(changes.delayMs)));
    }
    for (const key of ['failing', 'rateLimited', 'expiredLinks'] as const) {
      if (typeof changes[key] === 'boolean') settings[key] = changes[key];
    }
    if (typeof changes.directConnect === 'boolean') settings.directConnect = changes.directConnect;
    if ([false, 'reset', 'hang'].includes(changes.dropCreateAnswer as string)) settings.dropCreateAnswer = changes.dropCreateAnswer as false;
    if (isNetworkId(changes.toggle)) toggle(changes.toggle, profileKey);
    webhooks?.configure(changes, given);
    applyHealth(state, changes.health, profileKey);
    persist();
    return settings;
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname.startsWith('/api/')) {
      const route = `${request.method} ${url.pathname}`;
      calls[route] = (calls[route] ?? 0) + 1;
      const path = url.pathname.slice(4);
      return (await webhooks?.api(request, path)) ?? (await profilesApi(request, path)) ?? api(request, path);
    }
    const answer = await page(request, url);
    if (answer) return answer;
    if (url.pathname === '/__simulator/settings') {
      if (request.method === 'POST') {
        // Only same-origin JSON: a form or a page elsewhere must not flip the switches (a
        // cross-site form cannot send application/json, and browsers send its Origin).
        const origin = request.headers.get('origin');
        const isJson = (request.headers.get('content-type') ?? '').startsWith('application/json');
        if (!isJson || (origin !== null && origin !== url.origin)) {
          return json(403, { status: 'error', message: 'Same-origin JSON only.' });
        }
        const body = await readJsonObject(request);
        if (body) configure(body);
      }
      return json(200, settings);
    }
    return new Response('Not found', { status: 404 });
  }

  return {
    // Whatever a call changed (a link, a new profile…) is on disk before its answer leaves.
    fetch: (request) => handle(request).finally(persist),
    settings,
    linked: (profileKey = profileKeys[0] ?? '') => [...(profiles.get(profileKey)?.accounts.keys() ?? [])],
    toggle,
    configure,
    reset,
    calls,
    suspend(profileKey, suspended = true) {
      const profile = profiles.get(profileKey);
      if (profile) profile.suspended = suspended;
      persist();
    },
    dashboardKey: (title) => [...profiles].find(([, profile]) => profile.title === title)?.[0],
    webhookDeliveries: webhooks.deliveries,
    stopDeliveries: () => webhooks?.reset(),
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
  const server = createServer((req, res) =>
    toNodeHandler((request) =>
      simulator.fetch(request).catch((error: unknown) => {
        if (!(error instanceof DroppedAnswer)) throw error;
        req.socket.destroy();
        return new Promise<Response>(() => {});
      }),
    )(req, res),
  );
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
        // Pending webhook retries stop; the profiles stay as they are (a stateFile keeps them).
        simulator.stopDeliveries();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

