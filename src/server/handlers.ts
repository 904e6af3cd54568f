// The reference host backend for Ayrshare: three framework-neutral handlers on Web `Request` →
// `Response` for the element's three endpoints. The API key, the private key and Profile Keys
// stay here: no answer carries them, and nothing here logs.
import * as z from 'zod/mini';
import { isNetworkId, NETWORK_IDS } from '../networks.js';

export const AYRSHARE_API = 'https://api.ayrshare.com/api';

export interface AyrshareHandlerOptions {
  /** The Ayrshare account's API key (`Authorization: Bearer`). */
  apiKey: string;
  /** The signed-in user's Profile Key, from your session; `undefined` answers 401. */
  profileKey: (request: Request) => string | undefined | Promise<string | undefined>;
  /**
   * Origins allowed to ask for a linking URL (your app's, e.g. `https://app.example.com`); the
   * request's `Origin` must be one of them, and is passed to Ayrshare as `origin`, which turns on
   * its link completion events. A function decides per origin.
   */
  allowedOrigins: readonly string[] | ((origin: string) => boolean);
  /** `link-session` (Ayrshare's recommendation, default) or the legacy `generateJWT`. */
  linkMethod?: 'link-session' | 'generateJWT';
  /** generateJWT only: your Ayrshare domain and private key. */
  domain?: string;
  privateKey?: string;
  /** Where Done sends the popup when there is no `origin` (your callback page); a function
   * gets the request, to build it from the request's own URL. */
  redirect?: string | ((request: Request) => string | undefined);
  /**
   * Networks the linking page may offer (Ayrshare ids). The element's `networks` (the ids it
   * shows) and `network` (one row's Link or Reconnect) narrow it further, never widen it.
   */
  allowedSocial?: readonly string[];
  /**
   * Link a single network (a row's Link or Reconnect) with Ayrshare's direct connect
   * (`mode: "connect"` + `network`, Max Pack). If Ayrshare refuses, the handler falls back to
   * the usual page offering only that network. Link sessions only.
   */
  directConnect?: boolean;
  /** Log out of Ayrshare first: set when one browser links several profiles in turn. */
  logout?: boolean;
  /** Link lifetime in minutes (Ayrshare Max Pack). */
  expiresIn?: number;
  /** Milliseconds each call to Ayrshare may take (default 10000); then 504. */
  timeout?: number;
  /** Ayrshare's API base (default https://api.ayrshare.com/api; the simulator's for the demo). */
  baseUrl?: string;
  /** The fetch to call Ayrshare with (default: global fetch). */
  fetch?: typeof fetch;
  /** The largest request body accepted, in bytes (default 16 KiB); larger is 413. */
  maxBodyBytes?: number;
}

export type Handler = (request: Request) => Promise<Response>;

export interface AyrshareHandlers {
  /** `jwt-endpoint`: POST `{ origin }` → `{ url, expiresAt }`. */
  linkUrl: Handler;
  /** `profile-endpoint`: GET → `{ activeSocialAccounts, displayNames }`. */
  profile: Handler;
  /** `unlink-endpoint`: DELETE `{ platform }` → `{ status, platform }`. */
  unlink: Handler;
}

const DEFAULT_TIMEOUT = 10_000;
const DEFAULT_MAX_BODY_BYTES = 16 * 1024;
const DEFAULT_LIFETIME_MS = 5 * 60_000;

const text = z.catch(z.optional(z.string()), undefined);

const ayrshareError = z.object({
  status: z.optional(z.string()),
  code: z.catch(z.optional(z.union([z.number(), z.string()])), undefined),
  message: text,
});

const linkSessionAnswer = z.object({ url: z.string(), expiresAt: text });

const userAnswer = z.object({
  activeSocialAccounts: z.catch(z.optional(z.array(z.string())), undefined),
  displayNames: z.catch(
    z.optional(
      z.array(
        z.object({
          platform: z.string(),
          username: text,
          displayName: text,
          pageName: text,
          profileUrl: text,
          userImage: text,
          // Health: when LinkedIn (and others) must be relinked.
          refreshDaysRemaining: z.catch(z.optional(z.number()), undefined),
          refreshRequired: z.catch(z.optional(z.union([z.string(), z.boolean()])), undefined),
        }),
      ),
    ),
    undefined,
  ),
});

const unlinkBody = z.object({ platform: z.string() });

const linkUrlBody = z.object({
  origin: z.optional(z.string()),
  networks: z.optional(z.array(z.string())),
  network: z.optional(z.string()),
});

/** An answer to the browser: JSON, never cached. */
function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
  });
}

function fail(status: number, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return json(status, { status: 'error', message, ...extra }, headers);
}

/**
 * The page's origin is not in allowedOrigins. `code` lets the element tell the developer (in the
 * console) what to change, and the user something they can act on.
 */
function originRefused(): Response {
  return fail(403, 'This page isn’t allowed to link accounts.', { code: 'origin-not-allowed' });
}

class UpstreamError extends Error {
  constructor(
    readonly response: Response,
    /** Ayrshare's own HTTP status (0 when it could not be reached). */
    readonly upstreamStatus = 0,
  ) {
    super('Ayrshare call failed');
  }
}

// Auth failures are the host's configuration, not the user's doing: say so without detail.
const AUTH_CODES = new Set([102, 188, 189]);

// Ayrshare's codes that mean something to the person linking, in our own words. Ayrshare's own
// sentences never reach the browser: they can quote keys in forms no scrubbing catches.
const CODE_SENTENCES: [codes: number[], sentence: string][] = [
  [[156], 'That account isn’t linked any more.'],
  [[161, 272, 322], 'That account needs reconnecting.'],
  [[501, 502, 503], 'The link for connecting your accounts expired.'],
];

async function mapUpstreamFailure(upstream: Response, body: unknown): Promise<Response> {
  const parsed = ayrshareError.safeParse(body);
  const code = parsed.success ? parsed.data.code : undefined;
  const numericCode = typeof code === 'string' ? Number(code) : code;
  const known = CODE_SENTENCES.find(([codes]) => numericCode !== undefined && codes.includes(numericCode))?.[1];
  if (upstream.status === 429) {
    const retryAfter =
      upstream.headers.get('retry-after') ?? retryFromRateLimit(upstream.headers) ?? '60';
    return fail(429, 'Too many attempts right now. Please wait a minute.', {}, { 'Retry-After': retryAfter });
  }
  if (upstream.status === 401 || upstream.status === 403 || (numericCode !== undefined && AUTH_CODES.has(numericCode))) {
    // The host's keys are wrong: nothing the user can fix, so the sentence says who can.
    return fail(502, 'Linking accounts isn’t working on this site right now. Please contact support.', code === undefined ? {} : { code });
  }
  if (upstream.status >= 500) {
    return fail(502, 'The social media service isn’t responding right now.');
  }
  return fail(502, known ?? 'The social media service couldn’t do that right now.', code === undefined ? {} : { code });
}

function retryFromRateLimit(headers: Headers): string | undefined {
  const reset = Number(headers.get('x-ratelimit-reset'));
  if (!Number.isFinite(reset) || reset <= 0) return undefined;
  // Epoch seconds, or seconds from now.
  const seconds = reset > 1e9 ? reset - Math.floor(Date.now() / 1000) : reset;
  return String(Math.max(1, Math.ceil(seconds)));
}

/** Checks the browser's Origin against the allowed list. */
function originAllowed(allowed: AyrshareHandlerOptions['allowedOrigins'], origin: string | null): origin is string {
  if (!origin || origin === 'null') return false;
  return typeof allowed === 'function' ? allowed(origin) : allowed.includes(origin);
}

/**
 * The checks every state-changing call shares: the method, an allowed Origin (browsers always
 * send one on POST and DELETE), and a JSON body. Returns the origin and body, or the 4xx answer.
 */
const tooLarge = () => fail(413, 'The request is too large.', {}, { Connection: 'close' });

/** The body as text, or undefined once it passes `max` bytes (read no further than that). */
async function readCapped(request: Request, max: number): Promise<string | undefined> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) return undefined;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(await new Blob(chunks as BlobPart[]).arrayBuffer());
}

/**
 * The checks every state-changing call shares, cheapest first: the method, an allowed Origin
 * (browsers always send one on POST and DELETE), a signed-in user, then a JSON body of at most
 * `maxBodyBytes`. Returns what the handler needs, or the 4xx answer.
 */
async function checkedJsonCall(
  request: Request,
  method: 'POST' | 'DELETE',
  options: AyrshareHandlerOptions,
  requireProfileKey: (request: Request) => Promise<string | Response>,
): Promise<{ origin: string; body: unknown; profileKey: string } | Response> {
  if (request.method !== method) return fail(405, `Use ${method}.`, {}, { Allow: method });
  const origin = request.headers.get('origin');
  if (!originAllowed(options.allowedOrigins, origin)) return originRefused();
  const profileKey = await requireProfileKey(request);
  if (profileKey instanceof Response) return profileKey;
  const text = await readCapped(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  if (text === undefined) return tooLarge();
  try {
    return { origin, profileKey, body: text.trim() ? (JSON.parse(text) as unknown) : {} };
  } catch {
    return fail(400, 'The body must be JSON.');
  }
}

export function createAyrshareHandlers(options: AyrshareHandlerOptions): AyrshareHandlers {
  const base = (options.baseUrl ?? AYRSHARE_API).replace(/\/$/, '');
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const doFetch = options.fetch ?? fetch;

  /** Calls Ayrshare; resolves the parsed body of a 2xx non-error answer, else throws the mapped response. */
  async function callAyrshare(
    path: string,
    init: { method: string; profileKey?: string; profileKeyHeader?: boolean; body?: unknown },
  ): Promise<unknown> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${options.apiKey}`,
      Accept: 'application/json',
    };
    if (init.profileKey && init.profileKeyHeader !== false) headers['Profile-Key'] = init.profileKey;
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    let upstream: Response;
    let body: unknown;
    try {
      upstream = await doFetch(`${base}${path}`, {
        method: init.method,
        headers,
        body: init.body === undefined ? null : JSON.stringify(init.body),
        signal: AbortSignal.timeout(timeout),
        // A redirect must never carry the API key or the Profile-Key to another host.
        redirect: 'error',
      });
      const raw = await upstream.text();
      try {
        body = raw ? (JSON.parse(raw) as unknown) : {};
      } catch {
        body = undefined;
      }
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new UpstreamError(
        timedOut
          ? fail(504, 'The social media service took too long to answer.')
          : fail(502, 'The social media service couldn’t be reached.'),
      );
    }
    const errorStatus = ayrshareError.safeParse(body);
    if (!upstream.ok || (errorStatus.success && errorStatus.data.status === 'error')) {
      throw new UpstreamError(await mapUpstreamFailure(upstream, body), upstream.status);
    }
    if (body === undefined) throw new UpstreamError(fail(502, 'The social media service sent an answer we couldn’t read.'));
    return body;
  }

  async function guarded(run: () => Promise<Response>): Promise<Response> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof UpstreamError) return error.response;
      return fail(500, 'Internal error.');
    }
  }

  async function requireProfileKey(request: Request): Promise<string | Response> {
    const key = await options.profileKey(request);
    return key ? key : fail(401, 'Sign in to link social accounts.');
  }

  const linkUrl: Handler = (request) =>
    guarded(async () => {
      const call = await checkedJsonCall(request, 'POST', options, requireProfileKey);
      if (call instanceof Response) return call;
      const { origin, body, profileKey } = call;
      const parsedBody = linkUrlBody.safeParse(body);
      if (!parsedBody.success || (parsedBody.data.origin !== undefined && parsedBody.data.origin !== origin)) {
        return fail(400, 'The body must be { "origin": "<this page’s origin>", "networks"?: [ids], "network"?: id }.');
      }
      const { networks, network } = parsedBody.data;
      if ((network !== undefined && !isNetworkId(network)) || (networks && !networks.every(isNetworkId))) {
        return fail(400, `Networks must be among ${NETWORK_IDS.join(', ')}.`);
      }
      // What the page may offer: the server's list, narrowed by what the element asks for.
      let offered: string[] | undefined = options.allowedSocial ? [...options.allowedSocial] : undefined;
      const asked: readonly string[] | undefined = network !== undefined ? [network] : networks;
      if (asked?.length) offered = offered ? offered.filter((id) => asked.includes(id)) : [...asked];
      if (offered && offered.length === 0) return fail(400, 'That network isn’t available here.');

      const common: Record<string, unknown> = { origin };
      const redirect = typeof options.redirect === 'function' ? options.redirect(request) : options.redirect;
      if (redirect) common.redirect = redirect;
      if (offered) common.allowedSocial = offered;
      if (options.logout !== undefined) common.logout = options.logout;
      if (options.expiresIn !== undefined) common.expiresIn = options.expiresIn;

      if (options.linkMethod === 'generateJWT') {
        const requestedAt = Date.now();
        const answer = await callAyrshare('/profiles/generateJWT', {
          method: 'POST',
          profileKey,
          profileKeyHeader: false,
          body: { ...common, domain: options.domain, privateKey: options.privateKey, profileKey },
        });
        const parsed = linkSessionAnswer.safeParse(answer);
        if (!parsed.success) return fail(502, 'The social media service didn’t send a page for linking accounts.');
        const lifetime = options.expiresIn ? options.expiresIn * 60_000 : DEFAULT_LIFETIME_MS;
        return json(200, { url: parsed.data.url, expiresAt: new Date(requestedAt + lifetime).toISOString() });
      }

      let answer: unknown;
      if (options.directConnect && network !== undefined) {
        try {
          answer = await callAyrshare('/profiles/link-sessions', {
            method: 'POST',
            profileKey,
            body: { ...common, mode: 'connect', network },
          });
        } catch (error) {
          // No Max Pack, or the network has no direct connect: the grid page with only this
          // network does the same job in one more click. Rate limits and outages are not
          // retried.
          const refused = error instanceof UpstreamError && error.upstreamStatus > 0 && error.upstreamStatus < 500 && ![401, 429].includes(error.upstreamStatus);
          if (!refused) throw error;
        }
      }
      answer ??= await callAyrshare('/profiles/link-sessions', { method: 'POST', profileKey, body: common });
      const parsed = linkSessionAnswer.safeParse(answer);
      if (!parsed.success) return fail(502, 'The social media service didn’t send a page for linking accounts.');
      const result: { url: string; expiresAt?: string } = { url: parsed.data.url };
      if (parsed.data.expiresAt) result.expiresAt = parsed.data.expiresAt;
      return json(200, result);
    });

  const profile: Handler = (request) =>
    guarded(async () => {
      if (request.method !== 'GET') return fail(405, 'Use GET.', {}, { Allow: 'GET' });
      const origin = request.headers.get('origin');
      // Same-origin GETs often carry no Origin; one that does must be allowed. A cross-site GET
      // without one (an <img> or a link elsewhere) must not spend the profile's API quota.
      if (origin !== null && !originAllowed(options.allowedOrigins, origin)) return originRefused();
      if (origin === null && request.headers.get('sec-fetch-site') === 'cross-site') return originRefused();
      const profileKey = await requireProfileKey(request);
      if (profileKey instanceof Response) return profileKey;
      const answer = await callAyrshare('/user', { method: 'GET', profileKey });
      const parsed = userAnswer.safeParse(answer);
      if (!parsed.success) return fail(502, 'The social media service sent an answer we couldn’t read.');
      const activeSocialAccounts = parsed.data.activeSocialAccounts ?? [];
      const displayNames = (parsed.data.displayNames ?? [])
        .filter((entry) => activeSocialAccounts.includes(entry.platform))
        .map(({ platform, username, displayName, pageName, profileUrl, userImage, refreshDaysRemaining, refreshRequired }) =>
          JSON.parse(
            JSON.stringify({ platform, username, displayName, pageName, profileUrl, userImage, refreshDaysRemaining, refreshRequired }),
          ) as Record<string, unknown>,
        );
      return json(200, { activeSocialAccounts, displayNames });
    });

  const unlink: Handler = (request) =>
    guarded(async () => {
      const call = await checkedJsonCall(request, 'DELETE', options, requireProfileKey);
      if (call instanceof Response) return call;
      const parsed = unlinkBody.safeParse(call.body);
      if (!parsed.success || !isNetworkId(parsed.data.platform)) {
        return fail(400, `The body must be { "platform": "<one of ${NETWORK_IDS.join(', ')}>" }.`);
      }
      await callAyrshare('/profiles/social', { method: 'DELETE', profileKey: call.profileKey, body: { platform: parsed.data.platform } });
      return json(200, { status: 'success', platform: parsed.data.platform });
    });

  return { linkUrl, profile, unlink };
}
