// What may leave a handler, field by field: everything taken from Ayrshare's answers is parsed
// to its type, bounded and re-serialized here, so that upstream text (a sentence quoting a key,
// a script URL, a megabyte of anything) never reaches the browser as it came.
import { MAX_RETRY_AFTER_S } from '../../protocol/limits.js';
import { displayNameEntry } from '../../protocol/schemas.js';

/** Ayrshare's error codes are small integers; anything else is not passed on. */
const MAX_CODE = 99_999;
/** A link URL carries a JWT or a session token: a few KiB at most. */
const MAX_URL_LENGTH = 8192;
/** Names and handles shown in a row. */
const MAX_TEXT_LENGTH = 256;
/** Network ids as Ayrshare names them (`gmb`, `twitter`); unknown ones are kept (docs/contract.md §3). */
const NETWORK_ID = /^[a-z0-9][a-z0-9_-]{0,31}$/i;
/** More linked accounts than any Ayrshare profile can have (it supports 13 networks). */
export const MAX_ACCOUNTS = 64;
/** Retry-After, in seconds: at least 1, at most MAX_RETRY_AFTER_S; 60 when Ayrshare gives none. */
export const DEFAULT_RETRY_AFTER_S = 60;
/** Times outside 2000..2100 are a broken clock or a broken answer, never a real expiry. */
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);
/** Health: a renewal due in more days than this is not a date anyone acts on. */
const MAX_DAYS = 36_500;

/** An upstream error code as a bounded integer (a number, or a string of digits), else undefined. */
export function upstreamCode(value: unknown): number | undefined {
  const code = typeof value === 'string' && /^\d{1,5}$/.test(value) ? Number(value) : value;
  return typeof code === 'number' && Number.isInteger(code) && code >= 0 && code <= MAX_CODE ? code : undefined;
}

/** A date string as ISO 8601, only when it parses to a date in a sane range. */
export function isoTime(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 64) return undefined;
  return isoFromMs(Date.parse(value));
}

/** Milliseconds since 1970 as ISO 8601, only in a sane range (never a RangeError). */
export function isoFromMs(time: number): string | undefined {
  return Number.isFinite(time) && time >= EARLIEST && time <= LATEST ? new Date(time).toISOString() : undefined;
}

function parsedUrl(value: unknown): URL | undefined {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The linking URL, re-serialized, only when it is `https:` (or `http:` on this machine: the
 * simulator). The element checks its host against `allowed-hosts` too.
 */
export function linkingUrl(value: unknown): string | undefined {
  const url = parsedUrl(value);
  if (!url || url.username || url.password) return undefined;
  const ok = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  return ok && url.href.length <= MAX_URL_LENGTH ? url.href : undefined;
}

/** A profile link or avatar: http(s) only, re-serialized (the element narrows avatars further). */
export function webUrl(value: unknown): string | undefined {
  const url = parsedUrl(value);
  const ok = url && (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
  return ok && url.href.length <= MAX_URL_LENGTH ? url.href : undefined;
}

/** A name shown as text: a non-empty string of bounded length, without control characters. */
export function shortText(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_TEXT_LENGTH) return undefined;
  return /[\u0000-\u001f\u007f]/.test(value) ? undefined : value;
}

export function networkId(value: unknown): string | undefined {
  return typeof value === 'string' && NETWORK_ID.test(value) ? value : undefined;
}

/** `refreshDaysRemaining`: a finite number of days a person could wait. */
export function days(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_DAYS ? value : undefined;
}

/** `refreshRequired`: a boolean, or the time the link must be renewed by. */
export function refreshRequired(value: unknown): boolean | string | undefined {
  return typeof value === 'boolean' ? value : isoTime(value);
}

/**
 * Seconds to wait after a 429, as the digits of a bounded integer: Ayrshare's `Retry-After`
 * (seconds or an HTTP date), else its `X-RateLimit-Reset` (epoch seconds or seconds from now),
 * else a minute.
 */
export function retryAfter(headers: Headers, now = Date.now()): string {
  return String(upstreamWait(headers, now) ?? DEFAULT_RETRY_AFTER_S);
}

/** The seconds Ayrshare says to wait (1..MAX_RETRY_AFTER_S), or undefined when its headers say nothing usable. */
export function upstreamWait(headers: Headers, now = Date.now()): number | undefined {
  const seconds = retryAfterHeader(headers.get('retry-after'), now) ?? rateLimitReset(headers.get('x-ratelimit-reset'), now);
  return seconds === undefined ? undefined : retryAfterSeconds(seconds);
}

/** A wait as whole Retry-After seconds: rounded up, at least 1, at most MAX_RETRY_AFTER_S. */
export function retryAfterSeconds(seconds: number): number {
  return Math.min(MAX_RETRY_AFTER_S, Math.max(1, Math.ceil(seconds)));
}

function retryAfterHeader(value: string | null, now: number): number | undefined {
  if (value === null || value.length > 64) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isFinite(date) ? (date - now) / 1000 : undefined;
}

function rateLimitReset(value: string | null, now: number): number | undefined {
  if (value === null || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  const reset = Number(value);
  if (!Number.isFinite(reset) || reset <= 0) return undefined;
  return reset > 1e9 ? reset - now / 1000 : reset;
}

/**
 * The profile answer from Ayrshare's `/user`, in one pass over each list: linked ids unique,
 * well-formed and at most MAX_ACCOUNTS; one `displayNames` entry per linked id (the first), with
 * only the fields the element reads, each of its type. A malformed entry or field drops only itself.
 */
export function accountsAnswer(active: readonly unknown[], entries: readonly unknown[]) {
  const linked = new Set<string>();
  for (const raw of active) {
    const id = networkId(raw);
    if (id !== undefined) linked.add(id);
    if (linked.size === MAX_ACCOUNTS) break;
  }
  const named = new Map<string, Record<string, unknown>>();
  for (const raw of entries) {
    const entry = displayNameEntry.safeParse(raw);
    if (!entry.success || !linked.has(entry.data.platform) || named.has(entry.data.platform)) continue;
    const { platform } = entry.data;
    const kept: Record<string, unknown> = { platform };
    for (const field of ['username', 'displayName', 'pageName'] as const) {
      const value = shortText(entry.data[field]);
      if (value !== undefined) kept[field] = value;
    }
    for (const field of ['profileUrl', 'userImage'] as const) {
      const value = webUrl(entry.data[field]);
      if (value !== undefined) kept[field] = value;
    }
    // Health: when LinkedIn (and others) must be relinked.
    const remaining = days(entry.data.refreshDaysRemaining);
    if (remaining !== undefined) kept.refreshDaysRemaining = remaining;
    const required = refreshRequired(entry.data.refreshRequired);
    if (required !== undefined) kept.refreshRequired = required;
    named.set(platform, kept);
    if (named.size === linked.size) break;
  }
  return { activeSocialAccounts: [...linked], displayNames: [...named.values()] };
}
