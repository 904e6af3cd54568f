// The simulated User Profiles API, as ../shared/AYRSHARE.md describes Ayrshare's: the documented
// paths (POST/GET/PATCH/DELETE /api/profiles) and the ones Ayrshare's own Node SDK calls
// (POST/PUT/DELETE /api/profiles/profile), since real clients use both. Keys are returned once,
// at creation; titles are unique; deletions are limited to 8 per second.
import { randomBytes } from 'node:crypto';
import { isNetworkId } from '../protocol/networks.js';
import { readJsonObject } from '../server/http/body.js';
import { json } from '../server/http/responses.js';
import { apiError, type Profile, type SimulatorState } from './state.js';

const DELETES_PER_SECOND = 8;
const DEFAULT_PAGE = 25;
const MAX_PAGE = 100;

/**
 * Thrown when the `dropCreateAnswer` fault is `"reset"`: the profile was created, then the
 * connection is cut. `startAyrshareSimulator` destroys the socket, as a real network failure
 * does; called in process, `fetch` rejects with it as a failing `fetch` would.
 */
export class DroppedAnswer extends TypeError {
  constructor() {
    super('fetch failed: the connection was reset');
  }
}

type Answer = Promise<Response | undefined>;

/** The profiles API for `state`: undefined for a path it does not own. */
export function simulatedProfilesApi(state: SimulatorState): (request: Request, path: string) => Answer {
  const { profiles, settings, apiKey } = state;
  const deletions: number[] = [];

  const sameTitle = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  const titleTaken = (title: string, except?: Profile) =>
    [...profiles.values()].some((p) => p !== except && sameTitle(p.title, title));

  function listed(profile: Profile) {
    const active = [...profile.accounts.keys()];
    return {
      status: profile.suspended ? 'suspended' : 'active',
      title: profile.title,
      ...(typeof profile.options?.displayTitle === 'string' ? { displayTitle: profile.options.displayTitle } : {}),
      refId: profile.refId,
      created: profile.created,
      createdUTC: profile.created,
      ...(active.length ? { activeSocialAccounts: active } : {}),
      ...(profile.suspended ? { suspended: true } : {}),
    };
  }

  function list(url: URL): Response {
    const title = url.searchParams.get('title');
    const refId = url.searchParams.get('refId');
    const active = url.searchParams.get('hasActiveSocialAccounts');
    const limit = Math.max(1, Math.min(MAX_PAGE, Number(url.searchParams.get('limit')) || DEFAULT_PAGE));
    const cursor = url.searchParams.get('cursor');
    const offset = cursor === null ? '0' : Buffer.from(cursor, 'base64url').toString();
    if (!/^\d{1,9}$/.test(offset)) return apiError(400, 'profiles', 101, 'Cursor not valid.');
    const start = Number(offset);
    const matching = [...profiles.values()].filter(
      (p) =>
        (title === null || p.title === title) &&
        (refId === null || p.refId === refId) &&
        (active === null || (active === 'true') === p.accounts.size > 0),
    );
    const page = matching.slice(start, start + limit);
    const hasMore = start + limit < matching.length;
    const now = new Date();
    return json(200, {
      profiles: page.map(listed),
      count: matching.length,
      lastUpdated: now.toISOString(),
      nextUpdate: new Date(now.getTime() + 60_000).toISOString(),
      pagination: {
        hasMore,
        nextCursor: hasMore ? Buffer.from(String(start + limit)).toString('base64url') : null,
        limit,
      },
    });
  }

  async function create(body: Record<string, unknown>): Promise<Response> {
    const title = typeof body.title === 'string' ? body.title.trim() : '';
    if (!title) return apiError(400, 'create', 101, 'Title is required.');
    if (title.length > 500) return apiError(400, 'create', 101, 'Title too long.');
    if (titleTaken(title)) return apiError(400, 'create', 146, 'Profile title already exists.');
    const profileKey = `sim_pk_${randomBytes(16).toString('hex')}`;
    const profile: Profile = {
      title,
      refId: randomBytes(20).toString('hex'),
      created: new Date().toISOString(),
      accounts: new Map(),
      calls: [],
      options: pick(body),
    };
    profiles.set(profileKey, profile);
    if (settings.dropCreateAnswer === 'reset') throw new DroppedAnswer();
    // A black-holed connection: the profile exists, the answer never comes.
    if (settings.dropCreateAnswer === 'hang') return new Promise<Response>(() => {});
    return json(200, { status: 'success', title, refId: profile.refId, profileKey });
  }

  function update(profile: Profile, body: Record<string, unknown>): Response {
    if (profile.suspended) return apiError(403, 'update', 403, 'Profile is suspended.');
    if (typeof body.title === 'string') {
      const title = body.title.trim();
      if (!title) return apiError(400, 'update', 101, 'Title is required.');
      if (titleTaken(title, profile)) return apiError(400, 'update', 146, 'Profile title already exists.');
      profile.title = title;
    }
    profile.options = { ...profile.options, ...pick(body) };
    return json(200, { status: 'success', refId: profile.refId });
  }

  function remove(key: string, profile: Profile): Response {
    const now = Date.now();
    while (deletions.length && (deletions[0] ?? 0) <= now - 1000) deletions.shift();
    if (deletions.length >= DELETES_PER_SECOND) {
      return apiError(429, 'delete', 429, 'At most 8 profile deletions per second.');
    }
    deletions.push(now);
    profiles.delete(key);
    for (const session of state.sessionsById.values()) if (session.profileKey === key) session.state = 'revoked';
    return json(200, { status: 'success', refId: profile.refId });
  }

  function byKey(request: Request, body: Record<string, unknown>): [string, Profile] | undefined {
    const key = request.headers.get('profile-key') ?? (typeof body.profileKey === 'string' ? body.profileKey : '');
    const profile = profiles.get(key);
    return profile ? [key, profile] : undefined;
  }

  return async (request, path) => {
    const sdk = path === '/profiles/profile';
    if (path !== '/profiles' && !sdk) return undefined;
    const method = request.method;
    const known = sdk ? ['POST', 'PUT', 'DELETE'] : ['GET', 'POST', 'PATCH', 'DELETE'];
    if (!known.includes(method)) return undefined;
    if (settings.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, settings.delayMs));
    if (request.headers.get('authorization') !== `Bearer ${apiKey}`) {
      return apiError(401, 'authorization', 102, 'API Key not valid. Check your Authorization header.');
    }
    if (settings.failing) return apiError(500, 'profiles', 500, 'Internal server error.');
    if (method === 'GET') return list(new URL(request.url));
    const body = await readJsonObject(request);
    if (!body) return apiError(400, 'profiles', 101, 'Body is not valid JSON.');
    if (method === 'POST') return create(body);
    const found = byKey(request, body);
    if (method === 'DELETE' && !found && typeof body.title === 'string') {
      const entry = [...profiles.entries()].find(([, p]) => p.title === body.title);
      return entry ? remove(...entry) : apiError(404, 'delete', 147, 'Profile title not found.');
    }
    if (!found) return apiError(400, method === 'DELETE' ? 'delete' : 'update', 144, 'Profile Key not found.');
    return method === 'DELETE' ? remove(...found) : update(found[1], body);
  };
}

/** The settable fields a create or update body carries, kept so tests can see what was sent. */
function pick(body: Record<string, unknown>): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const field of ['topHeader', 'subHeader', 'displayTitle'] as const) {
    if (typeof body[field] === 'string') options[field] = body[field];
  }
  for (const field of ['hideTopHeader', 'hideTitle', 'messagingActive'] as const) {
    if (typeof body[field] === 'boolean') options[field] = body[field];
  }
  if (Array.isArray(body.disableSocial)) options.disableSocial = body.disableSocial.filter(isNetworkId);
  if (Array.isArray(body.tags)) options.tags = body.tags.filter((t) => typeof t === 'string');
  return options;
}
