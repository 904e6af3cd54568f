// Calls to Ayrshare: bounded in time (a clamped timeout) and in size (an answer is read only up
// to a cap), never following a redirect, and every failure mapped to our own answer.
import { ayrshareError } from '../../protocol/schemas.js';
import { parseJson, readCapped } from '../http/body.js';
import { fail } from '../http/responses.js';
import { AyrshareOptionError, mapUpstreamFailure, unreadableAnswer, UpstreamError } from './errors.js';
import { upstreamWait } from './outbound.js';

export const AYRSHARE_API = 'https://api.ayrshare.com/api';

export const DEFAULT_TIMEOUT_MS = 10_000;
// AbortSignal.timeout and setTimeout hold 32-bit delays: anything longer fires at once.
const MAX_TIMER_MS = 2 ** 31 - 1;
/**
 * The largest Ayrshare answer read: a real one is a few KiB; this leaves room for a profile with
 * every network and long names many times over, and bounds what a broken or hostile answer costs.
 */
export const MAX_UPSTREAM_BYTES = 4 * 1024 * 1024;

/**
 * The `timeout` option as a usable delay, as the element treats its own: not set, zero or
 * negative → the default; longer than timers hold (Infinity included) → the longest they hold;
 * fractions round up to whole milliseconds. Not a number is a mistake worth stopping for.
 */
export function upstreamTimeout(value: unknown): number {
  if (value === undefined) return DEFAULT_TIMEOUT_MS;
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new AyrshareOptionError(`createAyrshareHandlers: timeout must be a number of milliseconds (got ${typeof value === 'number' ? 'NaN' : typeof value}); leave it out for ${DEFAULT_TIMEOUT_MS}.`);
  }
  if (value <= 0) return DEFAULT_TIMEOUT_MS;
  return Math.min(Math.ceil(value), MAX_TIMER_MS);
}

export interface CallInit {
  method: string;
  profileKey?: string;
  /** generateJWT takes the Profile Key in its body, not as a header. */
  profileKeyHeader?: boolean;
  body?: unknown;
}

export interface ClientConfig {
  apiKey: string;
  base: string;
  timeout: number;
  fetch: typeof fetch;
}

/** Calls Ayrshare; resolves the parsed body of a 2xx non-error answer, else throws UpstreamError. */
export async function callAyrshare(config: ClientConfig, path: string, init: CallInit): Promise<unknown> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${config.apiKey}`,
    Accept: 'application/json',
  };
  if (init.profileKey && init.profileKeyHeader !== false) headers['Profile-Key'] = init.profileKey;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  let upstream: Response;
  let body: unknown;
  try {
    upstream = await config.fetch(`${config.base}${path}`, {
      method: init.method,
      headers,
      body: init.body === undefined ? null : JSON.stringify(init.body),
      // The timer covers the body too: a server can send headers and then trickle.
      signal: AbortSignal.timeout(config.timeout),
      // A redirect must never carry the API key or the Profile-Key to another host.
      redirect: 'error',
    });
    const raw = await readCapped(upstream, MAX_UPSTREAM_BYTES);
    if (raw === undefined) throw new UpstreamError(unreadableAnswer(), 0);
    body = parseJson(raw);
  } catch (error) {
    if (error instanceof UpstreamError) throw error;
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new UpstreamError(
      timedOut
        ? fail(504, 'The social media service took too long to answer.')
        : fail(502, 'The social media service couldn’t be reached.'),
    );
  }
  const errorStatus = ayrshareError.safeParse(body);
  if (!upstream.ok || (errorStatus.success && errorStatus.data.status === 'error')) {
    const wait = upstream.status === 429 ? upstreamWait(upstream.headers) : undefined;
    throw new UpstreamError(mapUpstreamFailure(upstream, body), upstream.status, wait);
  }
  if (body === undefined) throw new UpstreamError(unreadableAnswer());
  return body;
}

export interface ClientOptions {
  apiKey: string;
  /** Ayrshare's API base (default AYRSHARE_API). */
  baseUrl?: string | undefined;
  timeout?: number | undefined;
  fetch?: typeof fetch | undefined;
}

/** A caller bound to one account's key and settings, shared by every handler that needs Ayrshare. */
export function createAyrshareClient(options: ClientOptions): (path: string, init: CallInit) => Promise<unknown> {
  const config: ClientConfig = {
    apiKey: options.apiKey,
    base: (options.baseUrl ?? AYRSHARE_API).replace(/\/$/, ''),
    timeout: upstreamTimeout(options.timeout),
    fetch: options.fetch ?? fetch,
  };
  return (path, init) => callAyrshare(config, path, init);
}
