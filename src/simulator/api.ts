// The simulated Ayrshare API (/api/…): link sessions, generateJWT, /user and unlinking, with
// Ayrshare's authentication, rate limit (300 per 5 minutes per profile) and error answers.
import { isNetworkId } from '../protocol/networks.js';
import { readJsonObject } from '../server/http/body.js';
import { json } from '../server/http/responses.js';
import { apiError, EXPIRING_DAYS, type Account, type Profile, type SimulatorState } from './state.js';

const RATE_LIMIT = 300;
const RATE_WINDOW_MS = 5 * 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The API handler for `state`. */
export function simulatedApi(state: SimulatorState): (request: Request, path: string) => Promise<Response> {
  const { settings, healthDates, profiles, sessionsById, apiKey, privateKey, newSession, liveSession } = state;

  function rateHeaders(profile: Profile | undefined): Record<string, string> {
    const count = profile?.calls.length ?? 0;
    const oldest = profile?.calls[0] ?? Date.now();
    return {
      'x-ratelimit-max': String(RATE_LIMIT),
      'x-ratelimit-count': String(settings.rateLimited ? RATE_LIMIT + 1 : count),
      'x-ratelimit-reset': String(Math.max(1, Math.ceil((oldest + RATE_WINDOW_MS - Date.now()) / 1000))),
    };
  }

  /** An account as /user shows it, with the health fields Ayrshare sends when relinking is due. */
  function withHealth(account: Account): Account & { refreshDaysRemaining?: number; refreshRequired?: string | true } {
    const state = settings.health[account.platform];
    if (state === 'expiring') {
      const by = healthDates[account.platform] ?? new Date(Date.now() + EXPIRING_DAYS * 86_400_000).toISOString();
      const days = Math.max(0, Math.ceil((Date.parse(by) - Date.now()) / 86_400_000));
      return { ...account, refreshDaysRemaining: days, refreshRequired: by };
    }
    if (state === 'needs-reconnect') return { ...account, refreshRequired: true };
    return account;
  }

  async function api(request: Request, path: string): Promise<Response> {
    if (settings.delayMs > 0) await sleep(settings.delayMs);
    const action = path.split('/').filter(Boolean).slice(-1)[0] ?? 'request';
    if (request.headers.get('authorization') !== `Bearer ${apiKey}`) {
      return apiError(401, 'authorization', 102, 'API Key not valid. Check your Authorization header.');
    }
    const body = request.method === 'GET' ? {} : await readJsonObject(request);
    if (!body) return apiError(400, action, 101, 'Body is not valid JSON.');
    const profileKey =
      path === '/profiles/generateJWT' ? (typeof body.profileKey === 'string' ? body.profileKey : null) : request.headers.get('profile-key');
    const profile = profileKey ? profiles.get(profileKey) : undefined;
    if (!profileKey || !profile) {
      return apiError(401, action, 188, 'Profile-Key missing or not valid.');
    }
    if (profile.suspended) return apiError(403, action, 403, 'Profile is suspended.');
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
      if (profile.accounts.delete(body.platform)) state.socialEvent(profileKey, 'unlink', 'user', body.platform);
      return json(200, { status: 'success', platform: body.platform }, headers);
    }
    return apiError(404, action, 404, 'Not found.', headers);
  }

  return api;
}
