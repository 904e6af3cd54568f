// The reference host backend for Ayrshare: three framework-neutral handlers on Web `Request` →
// `Response` for the element's three endpoints. The API key, the private key and Profile Keys
// stay here: no answer carries them, and nothing here logs.
import { isNetworkId, NETWORK_IDS } from '../../protocol/networks.js';
import { linkUrlAnswer, linkUrlBody, profileStatusAnswer, unlinkBody } from '../../protocol/schemas.js';
import { callAyrshare as call, type CallInit, type ClientConfig, upstreamTimeout } from '../ayrshare/client.js';
import { accountsAnswer, isoFromMs, isoTime, linkingUrl } from '../ayrshare/outbound.js';
import { checkedJsonCall, readAllowed } from '../http/requests.js';
import { fail, json, originRefused, UpstreamError } from '../http/responses.js';

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
  /**
   * Milliseconds each call to Ayrshare may take (default 10000); then 504. Zero or less is the
   * default, more than 2^31−1 (Infinity too) is 2^31−1; not a number throws.
   */
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

const DEFAULT_LIFETIME_MS = 5 * 60_000;

/** The linking URL of Ayrshare's answer, when it is one the element may open (https). */
const linkingAnswerUrl = (answer: unknown) => linkingUrl(linkUrlAnswer.safeParse(answer).data?.url);
const noLinkingPage = () => fail(502, 'The social media service didn’t send a page for linking accounts.');

export function createAyrshareHandlers(options: AyrshareHandlerOptions): AyrshareHandlers {
  const base = (options.baseUrl ?? AYRSHARE_API).replace(/\/$/, '');
  const client: ClientConfig = {
    apiKey: options.apiKey,
    base,
    timeout: upstreamTimeout(options.timeout),
    fetch: options.fetch ?? fetch,
  };
  const callAyrshare = (path: string, init: CallInit) => call(client, path, init);

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
      const { network } = parsedBody.data;
      // Each id once (a body of 16 KiB holds a thousand repeats), all of them known ids.
      const networks = parsedBody.data.networks && [...new Set(parsedBody.data.networks)];
      if ((network !== undefined && !isNetworkId(network)) || (networks && !networks.every(isNetworkId))) {
        return fail(400, `Networks must be among ${NETWORK_IDS.join(', ')}.`);
      }
      // What the page may offer: the server's list, narrowed by what the element asks for.
      let offered: string[] | undefined = options.allowedSocial ? [...new Set(options.allowedSocial)] : undefined;
      const asked = new Set<string>(network !== undefined ? [network] : networks);
      if (asked.size) offered = offered ? offered.filter((id) => asked.has(id)) : [...asked];
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
        const url = linkingAnswerUrl(answer);
        if (!url) return noLinkingPage();
        const lifetime = options.expiresIn ? options.expiresIn * 60_000 : DEFAULT_LIFETIME_MS;
        // A host's expiresIn past year 2100 (or not a number) leaves the time out, never throws.
        const expiresAt = isoFromMs(requestedAt + lifetime);
        return json(200, expiresAt ? { url, expiresAt } : { url });
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
      const url = linkingAnswerUrl(answer);
      if (!url) return noLinkingPage();
      // Only the two fields the element reads, each re-serialized from its parsed value: never
      // Ayrshare's sessionId, title or anything else it adds.
      const expiresAt = isoTime(linkUrlAnswer.safeParse(answer).data?.expiresAt);
      return json(200, expiresAt ? { url, expiresAt } : { url });
    });

  const profile: Handler = (request) =>
    guarded(async () => {
      if (request.method !== 'GET') return fail(405, 'Use GET.', {}, { Allow: 'GET' });
      if (!readAllowed(options.allowedOrigins, request.headers)) return originRefused();
      const profileKey = await requireProfileKey(request);
      if (profileKey instanceof Response) return profileKey;
      const answer = await callAyrshare('/user', { method: 'GET', profileKey });
      const parsed = profileStatusAnswer.safeParse(answer);
      if (!parsed.success) return fail(502, 'The social media service sent an answer we couldn’t read.');
      return json(200, accountsAnswer(parsed.data.activeSocialAccounts ?? [], parsed.data.displayNames ?? []));
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
