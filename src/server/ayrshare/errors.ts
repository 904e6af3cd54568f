// Ayrshare's failures as our own answers: its sentences never reach the browser (they can quote
// keys in forms no scrubbing catches), only a bounded code and a sentence of ours.
import { ayrshareError } from '../../protocol/schemas.js';
import { fail } from '../http/responses.js';
import { retryAfter, upstreamCode } from './outbound.js';

/** A configuration mistake, thrown when the handlers are created: `code` and a sentence to act on. */
export class AyrshareOptionError extends TypeError {
  readonly code = 'invalid-option';
}

/**
 * A numeric option of createAyrshareHandlers (`name` as the host writes it, e.g. `events.retryMs`):
 * `fallback` when left out, else a number from `min` (to `max` when given; a whole number unless
 * `whole` is false), or an AyrshareOptionError saying so.
 */
export function numberOption(name: string, value: unknown, fallback: number, range: { min: number; max?: number; whole?: boolean }): number {
  if (value === undefined) return fallback;
  const { min, max = Number.MAX_SAFE_INTEGER, whole = true } = range;
  if (typeof value === 'number' && (whole ? Number.isInteger(value) : Number.isFinite(value)) && value >= min && value <= max) return value;
  const within = range.max === undefined ? `, at least ${min} (leave it out for ${fallback})` : ` from ${min} to ${max}`;
  throw new AyrshareOptionError(`createAyrshareHandlers: ${name} must be a ${whole ? 'whole ' : ''}number${within}.`);
}

/** A call to Ayrshare that failed, with the answer the browser gets for it. */
export class UpstreamError extends Error {
  constructor(
    readonly response: Response,
    /** Ayrshare's own HTTP status (0 when it could not be reached). */
    readonly upstreamStatus = 0,
    /** After a 429: the seconds Ayrshare's headers say its window still runs, when they say. */
    readonly upstreamWaitS?: number,
  ) {
    super('Ayrshare call failed');
  }
}

export const unreadableAnswer = () => fail(502, 'The social media service sent an answer we couldn’t read.');

// Auth failures are the host's configuration, not the user's doing: say so without detail.
const AUTH_CODES = new Set([102, 188, 189]);

// Ayrshare's codes that mean something to the person linking, in our own words.
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
