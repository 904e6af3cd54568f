// The handlers' answers to the browser: JSON, never cached, in our own words — Ayrshare's
// sentences never pass through.
import { ayrshareError } from '../../protocol/schemas.js';
import { retryAfter, upstreamCode } from '../ayrshare/outbound.js';

/** An answer to the browser: JSON, never cached. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
  });
}

export function fail(status: number, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return json(status, { status: 'error', message, ...extra }, headers);
}

/**
 * The page's origin is not in allowedOrigins. `code` lets the element tell the developer (in the
 * console) what to change, and the user something they can act on.
 */
export function originRefused(): Response {
  return fail(403, 'This page isn’t allowed to link accounts.', { code: 'origin-not-allowed' });
}

export class UpstreamError extends Error {
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

export function mapUpstreamFailure(upstream: Response, body: unknown): Response {
  const parsed = ayrshareError.safeParse(body);
  // Only a bounded integer code passes: a string of any length would carry upstream text.
  const code = parsed.success ? upstreamCode(parsed.data.code) : undefined;
  const withCode = code === undefined ? {} : { code };
  const known = CODE_SENTENCES.find(([codes]) => code !== undefined && codes.includes(code))?.[1];
  if (upstream.status === 429) {
    return fail(429, 'Too many attempts right now. Please wait a minute.', {}, { 'Retry-After': retryAfter(upstream.headers) });
  }
  if (upstream.status === 401 || upstream.status === 403 || (code !== undefined && AUTH_CODES.has(code))) {
    // The host's keys are wrong: nothing the user can fix, so the sentence says who can.
    return fail(502, 'Linking accounts isn’t working on this site right now. Please contact support.', withCode);
  }
  if (upstream.status >= 500) {
    return fail(502, 'The social media service isn’t responding right now.');
  }
  return fail(502, known ?? 'The social media service couldn’t do that right now.', withCode);
}

/** A body larger than the handlers read: the socket is not kept for the rest of it. */
export const tooLarge = () => fail(413, 'The request is too large.', {}, { Connection: 'close' });
