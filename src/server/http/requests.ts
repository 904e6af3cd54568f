// What every handler checks of a browser's request before spending an Ayrshare call, cheapest
// first: the method, the Origin, a signed-in user, then (POST and DELETE) a bounded JSON body.
import { HANDLER_BODY_BYTES, parseJson, readCapped } from './body.js';
import { fail, originRefused, tooLarge } from './responses.js';

/** Origins allowed to call a handler: a list, or a function deciding per origin. */
export type AllowedOrigins = readonly string[] | ((origin: string) => boolean);

/** Checks the browser's Origin against the allowed list. */
export function originAllowed(allowed: AllowedOrigins, origin: string | null): origin is string {
  if (!origin || origin === 'null') return false;
  return typeof allowed === 'function' ? allowed(origin) : allowed.includes(origin);
}

/**
 * Whether a GET that spends an Ayrshare call may go ahead. An Origin, when sent, must be allowed.
 * Without one, the browser's Fetch Metadata must say the page's own script asked
 * (`Sec-Fetch-Site: same-origin` and a `cors`/`same-origin` fetch) or the user did (`none`:
 * typed or bookmarked). A sibling subdomain or another port is `same-site`: its `<img>`, prefetch,
 * `no-cors` fetch or link carries the user's cookie but no Origin, and is refused. So is a
 * request with neither header (a browser too old for Fetch Metadata, plain http off this
 * machine, or another server) without the element's X-Requested-With: nothing shows who asked,
 * and each call spends the profile's quota.
 */
export function readAllowed(allowed: AllowedOrigins, headers: Headers): boolean {
  const origin = headers.get('origin');
  if (origin !== null) return originAllowed(allowed, origin);
  const site = headers.get('sec-fetch-site');
  if (site === 'none') return true;
  // No Origin and no Fetch Metadata (plain http off localhost, Safari before 16.4): the element
  // marks its own same-origin reads with X-Requested-With, which no <img>, prefetch, navigation
  // or no-cors fetch can carry (and a cross-origin fetch that sets it sends an Origin).
  if (site === null && headers.has('x-requested-with')) return true;
  const mode = headers.get('sec-fetch-mode');
  return site === 'same-origin' && (mode === null || mode === 'cors' || mode === 'same-origin');
}

export interface CallChecks {
  allowedOrigins: AllowedOrigins;
  /** Who is signed in (a Profile Key, or a user id for the profile directory); none answers 401. */
  signedIn: (request: Request) => string | undefined | Promise<string | undefined>;
  /** The largest body read (POST and DELETE), in bytes; larger is 413. */
  maxBodyBytes?: number | undefined;
}

/** A call that passed: its Origin (empty on a GET sent without one), user and parsed body. */
export interface CheckedCall {
  origin: string;
  /** What `signedIn` answered. */
  who: string;
  body: unknown;
}

/**
 * The checks every endpoint shares. Browsers always send an Origin on POST and DELETE; a GET
 * goes by readAllowed. Returns what the handler needs, or the 4xx answer.
 */
export async function checkedCall(request: Request, method: 'GET' | 'POST' | 'DELETE', checks: CallChecks): Promise<CheckedCall | Response> {
  if (request.method !== method) return fail(405, `Use ${method}.`, {}, { Allow: method });
  const origin = request.headers.get('origin');
  const allowed = method === 'GET' ? readAllowed(checks.allowedOrigins, request.headers) : originAllowed(checks.allowedOrigins, origin);
  if (!allowed) return originRefused();
  const who = await checks.signedIn(request);
  if (who === undefined || who === null) return fail(401, 'Sign in to link social accounts.');
  if (method === 'GET') return { origin: origin ?? '', who, body: undefined };
  const text = await readCapped(request, checks.maxBodyBytes ?? HANDLER_BODY_BYTES);
  if (text === undefined) return tooLarge();
  const body = parseJson(text);
  if (body === undefined) return fail(400, 'The body must be JSON.');
  return { origin: origin ?? '', who, body };
}
