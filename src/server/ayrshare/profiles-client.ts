// The Ayrshare User Profiles calls the profile directory makes (../shared/AYRSHARE.md, "User
// profiles"): create, find by title or refId (following pagination), delete by title or by key.
// Answers are parsed at this boundary; failures come back as values, never with a key in them.
import * as z from 'zod/mini';

export interface ProfilesClientOptions {
  apiKey: string;
  /** e.g. https://api.ayrshare.com/api */
  baseUrl: string;
  fetch: typeof fetch;
  /** Milliseconds per call. */
  timeout: number;
}

export type AyrshareFailureReason =
  /** 400 code 146: the title is taken. */
  | 'duplicate'
  | 'not-found'
  | 'rate-limited'
  /** Any other answer from Ayrshare that is not a success. */
  | 'refused'
  /** No answer: network failure, timeout, or a body that is not Ayrshare's. */
  | 'unreachable';

export type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; reason: AyrshareFailureReason; status?: number; code?: number };

export interface ListedProfile {
  title: string;
  refId: string;
  suspended: boolean;
  activeSocialAccounts: string[];
}

const created = z.object({ refId: z.string(), profileKey: z.string(), title: z.optional(z.string()) });
const listed = z.object({
  profiles: z.array(z.unknown()),
  pagination: z.optional(z.object({ hasMore: z.optional(z.boolean()), nextCursor: z.optional(z.nullable(z.string())) })),
});
const listedEntry = z.object({
  title: z.string(),
  refId: z.string(),
  status: z.optional(z.string()),
  suspended: z.optional(z.boolean()),
  activeSocialAccounts: z.optional(z.array(z.string())),
});
const deleted = z.object({ refId: z.optional(z.string()) });
const userAnswer = z.object({ refId: z.string(), title: z.string() });
const failure = z.object({ code: z.optional(z.number()) });

const MAX_PAGES = 50;
const MAX_ANSWER_BYTES = 1024 * 1024;

export function createProfilesClient(options: ProfilesClientOptions) {
  const base = options.baseUrl.replace(/\/$/, '');

  async function call(method: string, path: string, init: { body?: unknown; profileKey?: string } = {}): Promise<Outcome<unknown>> {
    const headers: Record<string, string> = { Authorization: `Bearer ${options.apiKey}`, Accept: 'application/json' };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    if (init.profileKey !== undefined) headers['Profile-Key'] = init.profileKey;
    let response: Response;
    let body: unknown;
    try {
      response = await options.fetch(`${base}${path}`, {
        method,
        headers,
        body: init.body === undefined ? null : JSON.stringify(init.body),
        signal: AbortSignal.timeout(options.timeout),
        redirect: 'error',
      });
      const text = await response.text();
      if (text.length > MAX_ANSWER_BYTES) return { ok: false, reason: 'unreachable', status: response.status };
      body = text ? (JSON.parse(text) as unknown) : {};
    } catch {
      return { ok: false, reason: 'unreachable' };
    }
    if (response.ok) return { ok: true, value: body };
    const code = failure.safeParse(body).data?.code;
    const reason: AyrshareFailureReason =
      code === 146 ? 'duplicate' : response.status === 429 ? 'rate-limited' : response.status === 404 ? 'not-found' : response.status >= 500 ? 'unreachable' : 'refused';
    return { ok: false, reason, status: response.status, ...(code === undefined ? {} : { code }) };
  }

  function parsed<T>(outcome: Outcome<unknown>, schema: z.ZodMiniType<T>): Outcome<T> {
    if (!outcome.ok) return outcome;
    const result = schema.safeParse(outcome.value);
    return result.success ? { ok: true, value: result.data } : { ok: false, reason: 'unreachable' };
  }

  /** Every listed profile matching `filter` (exact), all pages. */
  async function find(filter: { title?: string; refId?: string }): Promise<Outcome<ListedProfile[]>> {
    const found: ListedProfile[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const query = new URLSearchParams();
      if (filter.title !== undefined) query.set('title', filter.title);
      if (filter.refId !== undefined) query.set('refId', filter.refId);
      if (cursor) query.set('cursor', cursor);
      const outcome = parsed(await call('GET', `/profiles?${query}`), listed);
      if (!outcome.ok) return outcome;
      for (const entry of outcome.value.profiles) {
        const profile = listedEntry.safeParse(entry).data;
        // The filter is exact on Ayrshare's side; checked again here in case it is not.
        if (!profile || (filter.title !== undefined && profile.title !== filter.title)) continue;
        if (filter.refId !== undefined && profile.refId !== filter.refId) continue;
        found.push({
          title: profile.title,
          refId: profile.refId,
          suspended: profile.suspended === true || profile.status === 'suspended',
          activeSocialAccounts: profile.activeSocialAccounts ?? [],
        });
      }
      const next = outcome.value.pagination;
      if (!next?.hasMore || !next.nextCursor || next.nextCursor === cursor) return { ok: true, value: found };
      cursor = next.nextCursor;
    }
    return { ok: true, value: found };
  }

  return {
    /** POST /api/profiles: the only answer that ever carries the new Profile Key. */
    async create(profile: { title: string; topHeader?: string }) {
      const body = profile.topHeader ? { title: profile.title, topHeader: profile.topHeader } : { title: profile.title, hideTopHeader: true };
      return parsed(await call('POST', '/profiles', { body }), created);
    },
    find,
    /** GET /api/user: which profile a key opens. */
    async user(profileKey: string): Promise<Outcome<{ refId: string; title: string }>> {
      return parsed(await call('GET', '/user', { profileKey }), userAnswer);
    },
    async deleteByTitle(title: string): Promise<Outcome<{ refId?: string }>> {
      return parsed(await call('DELETE', '/profiles', { body: { title } }), deleted);
    },
    async deleteByKey(profileKey: string): Promise<Outcome<{ refId?: string }>> {
      return parsed(await call('DELETE', '/profiles', { profileKey, body: {} }), deleted);
    },
  };
}

export type ProfilesClient = ReturnType<typeof createProfilesClient>;
