// The profile directory's errors: a `code` a host can switch on (the handlers map them to
// answers) and a sentence an operator can act on. No Profile Key, secret or API key is ever
// formatted into one.
import type { AyrshareFailureReason } from '../ayrshare/profiles-client.js';

export type ProfileErrorCode =
  /** Empty, longer than 256 characters, or with control characters: a 4xx for the caller. */
  | 'invalid-user-id'
  /** An option the host passed is missing or malformed: fix the code that creates the directory. */
  | 'invalid-option'
  /** No secret, or not 32 bytes as base64 or hex. */
  | 'profile-secret-missing'
  | 'profile-secret-invalid'
  /** 32 bytes, but not random (one byte repeated, a short pattern). */
  | 'profile-secret-weak'
  /** The store failed or timed out: answer 503 with Retry-After; nothing was created. */
  | 'profiles-unavailable'
  /** Ayrshare refused or failed to create the profile: the user may retry. */
  | 'profile-create-failed'
  /** Ayrshare refused or failed to delete the profile. */
  | 'profile-delete-failed'
  /** A profile with this user's title and linked accounts exists, but its key was never stored. */
  | 'profile-key-lost'
  /** restore(): the key is not valid at Ayrshare, or opens another profile than this user's. */
  | 'profile-key-mismatch'
  /** A stored key does not decrypt: its secret is not among `secrets`, or the row was altered. */
  | 'profile-key-undecryptable';

export class ProfileError extends Error {
  override readonly name = 'ProfileError';
  readonly code: ProfileErrorCode;
  /** Seconds after which a retry may succeed (profiles-unavailable, profile-create-failed). */
  readonly retryAfter?: number;
  /** Ayrshare's id of the profile concerned, for an operator (profile-key-lost). */
  readonly refId?: string;

  constructor(code: ProfileErrorCode, message: string, extra: { retryAfter?: number; refId?: string; cause?: unknown } = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: redactedCause(extra.cause) });
    this.code = code;
    if (extra.retryAfter !== undefined) this.retryAfter = extra.retryAfter;
    if (extra.refId !== undefined) this.refId = extra.refId;
  }
}

/**
 * A store's or the network's error as a cause: its class, code and message only. Database
 * drivers put query parameters in some messages (`detail`, `where`), so those fields, which may
 * hold an encrypted key, are dropped.
 */
function redactedCause(cause: unknown): Error {
  if (!(cause instanceof Error)) return new Error(String(cause).slice(0, 200));
  const copy = new Error(cause.message.slice(0, 500));
  copy.name = cause.name;
  const code = (cause as { code?: unknown }).code;
  if (typeof code === 'string') (copy as Error & { code?: string }).code = code;
  return copy;
}

/** A profile exists at Ayrshare with linked accounts, its key never stored: for an operator. */
export const keyLost = (refId: string | null): ProfileError =>
  new ProfileError(
    'profile-key-lost',
    `This user's Ayrshare profile (refId ${refId ?? 'unknown'}) has linked accounts, but its Profile Key was never stored. Copy its key from Ayrshare's dashboard and call restore(userId, key) to keep the accounts, or call delete(userId) to drop the profile; see docs/going-live.md.`,
    refId ? { refId } : {},
  );

/** Why Ayrshare did not create (or let us check for) a profile, as a retryable error. */
export function createFailed(outcome: { reason: AyrshareFailureReason; status?: number; code?: number }): ProfileError {
  const said = outcome.status ? ` (HTTP ${outcome.status}${outcome.code ? `, code ${outcome.code}` : ''})` : '';
  if (outcome.reason === 'unreachable') {
    return new ProfileError('profile-create-failed', `Ayrshare did not answer the profile creation${said}; try again.`, { retryAfter: 5 });
  }
  if (outcome.reason === 'rate-limited') {
    return new ProfileError('profile-create-failed', `Ayrshare's rate limit stopped the profile creation${said}; try again in a minute.`, {
      retryAfter: 60,
    });
  }
  return new ProfileError(
    'profile-create-failed',
    `Ayrshare refused to create or find the profile${said}: check the API key is the primary one and the plan allows more profiles.`,
    { retryAfter: 30 },
  );
}


export const isProfileError = (error: unknown): error is ProfileError => error instanceof ProfileError;
