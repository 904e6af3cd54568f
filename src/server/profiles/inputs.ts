// Checks of what hosts and users hand the directory. User ids come from the host's sessions but
// may carry whatever a user typed at sign-up: bounded and printable, or refused as a 4xx.
import { ProfileError } from './errors.js';

export const MAX_USER_ID_LENGTH = 256;
// Control characters (C0, DEL, C1) and the line/paragraph separators that break logs.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export function checkUserId(userId: unknown): asserts userId is string {
  const ok =
    typeof userId === 'string' &&
    userId.length > 0 &&
    userId.length <= MAX_USER_ID_LENGTH &&
    !CONTROL.test(userId) &&
    // A lone surrogate would not survive a round trip through UTF-8 (the database, the HMAC).
    !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(userId);
  // The id itself is never quoted: it may be 10 KB of anything.
  if (!ok) {
    throw new ProfileError(
      'invalid-user-id',
      `The user id must be a string of 1 to ${MAX_USER_ID_LENGTH} characters with no control characters.`,
    );
  }
}

export function checkTitlePrefix(prefix: unknown): string {
  if (prefix === undefined) return 'slb';
  if (typeof prefix === 'string' && /^[a-z0-9][a-z0-9_-]{0,31}$/.test(prefix)) return prefix;
  throw new ProfileError('invalid-option', 'The title option must be 1 to 32 lowercase letters, digits, "-" or "_", e.g. "acme".');
}

/** A friendly linking-page header, or undefined (hidden) when the host's text is unusable. */
export function friendlyHeader(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed && trimmed.length <= 100 && !CONTROL.test(trimmed) ? trimmed : undefined;
}

export function positiveInteger(name: string, value: unknown, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= max) return value;
  throw new ProfileError('invalid-option', `The ${name} option must be a whole number from 1 to ${max}.`);
}

export function checkSecrets(options: { secret?: unknown; secrets?: unknown }): unknown[] {
  if (options.secrets !== undefined) {
    if (!Array.isArray(options.secrets)) {
      throw new ProfileError('invalid-option', 'The secrets option must be an array, newest secret first.');
    }
    return options.secrets;
  }
  return [options.secret];
}

/** Ayrshare's API base: an http(s) URL (http for the simulator on loopback). */
export function checkBaseUrl(value: unknown): string {
  if (value === undefined) return 'https://api.ayrshare.com/api';
  try {
    const url = new URL(String(value));
    if (typeof value === 'string' && (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password) return value;
  } catch {
    // Refused below.
  }
  throw new ProfileError('invalid-option', 'The baseUrl option must be an http(s) URL such as https://api.ayrshare.com/api.');
}
