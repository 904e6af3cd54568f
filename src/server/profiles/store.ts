// The store interface the profile directory needs: one row per user, written as an intent
// (`pending`, with a lease) before Ayrshare is called and completed (`ready`, with the encrypted
// key) after. Implement it for another database and run `profileStoreConformance` on it.
// Times are the database's clock where several processes compare them (leases), so servers
// with skewed clocks still agree on who holds a lease.
import type { StatusChange, StatusChangeInput } from '../live/changes.js';

import type { BudgetSpend } from '../live/budget-window.js';

export type { BudgetSpend };

export type ProfileRowState =
  /** An intent: a process holds (or held) the lease to create the profile. */
  | 'pending'
  /** Created, its key stored. */
  | 'ready'
  /** Found in Ayrshare with linked accounts but no stored key: an operator must step in. */
  | 'lost';

export interface ProfileRow {
  userId: string;
  /** The Ayrshare title: fixed when the intent is written, to find the profile again. */
  title: string;
  state: ProfileRowState;
  refId: string | null;
  /** The encrypted Profile Key (see crypto.ts) and the id of the secret that encrypted it. */
  keyCipher: string | null;
  keyId: string | null;
  leaseOwner: string | null;
  leaseUntil: Date | null;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export interface AcquireResult {
  row: ProfileRow;
  /** This owner now holds the lease on a pending row. */
  acquired: boolean;
  /** The pending row existed before (a stale or released intent): Ayrshare may hold its profile. */
  takeover: boolean;
}

/**
 * What webhooks and the live hub keep in the store, so every server process shares them: the
 * `hookId`s already handled, and recent changes (for `Last-Event-ID`), told to every process.
 */
export interface LiveStore {
  /**
   * Records a webhook's `hookId` for `keepMs`: true the first time (or once its record expired),
   * false for a repeat. Atomic: of many concurrent calls with one id, exactly one gets true.
   */
  rememberHook(hookId: string, keepMs: number): Promise<boolean>;
  /** Drops a `hookId` record (its handling failed: Ayrshare's retry must not be taken for a repeat). */
  forgetHook(hookId: string): Promise<void>;
  /** Keeps a change (ids increase) and tells every process listening; prunes old ones (24 h). */
  appendChange(change: StatusChangeInput): Promise<StatusChange>;
  /** `subject`'s changes after `lastId`, oldest first; undefined when `lastId` is unknown or pruned. */
  changesSince(subject: string, lastId: string): Promise<StatusChange[] | undefined>;
  /**
   * Calls `listener` with every change appended by any process (this one too), from when the
   * returned promise resolves until its stop function is called. A store that can lose its
   * listening connection reconnects and passes on what it missed meanwhile.
   */
  listenChanges(listener: (change: StatusChange) => void): Promise<() => Promise<void>>;
}

export interface ProfileStore extends LiveStore {
  /** Creates or upgrades the schema; idempotent and safe to run from several processes at once. */
  migrate(): Promise<void>;
  get(userId: string): Promise<ProfileRow | undefined>;
  getByRefId(refId: string): Promise<ProfileRow | undefined>;
  /**
   * Writes a pending intent for `userId` if it has no row (INSERT … ON CONFLICT DO NOTHING), or
   * takes over a pending row whose lease has expired (a compare-and-set: one caller wins).
   * Either way the lease runs `leaseMs` from the database's now. Any other row is returned as is.
   */
  acquire(userId: string, title: string, owner: string, leaseMs: number): Promise<AcquireResult>;
  /** Pending → ready with the key, only while `owner` holds the lease; false if it lost it. */
  complete(userId: string, owner: string, done: { refId: string; keyCipher: string; keyId: string }): Promise<boolean>;
  /** Pending → lost (with the refId found), only while `owner` holds the lease. */
  markLost(userId: string, owner: string, refId: string): Promise<boolean>;
  /** Ends `owner`'s lease now, keeping the intent: the next acquire takes it over. */
  release(userId: string, owner: string): Promise<void>;
  /** Deletes the row; false if there was none. */
  remove(userId: string): Promise<boolean>;
  /** Records a use (a link or a status read). */
  touch(userId: string): Promise<void>;
  /** Ready rows last used (or, never used, created) before `before`, oldest first. */
  unusedSince(before: Date, limit: number): Promise<ProfileRow[]>;
  /** Ready rows whose key id is not `keyId`, by user id, after `afterUserId` when given. */
  encryptedWithOtherKeys(keyId: string, limit: number, afterUserId?: string): Promise<ProfileRow[]>;
  /** Replaces a row's encrypted key if it still holds `previousCipher` (a compare-and-set). */
  replaceKey(userId: string, previousCipher: string, next: { keyCipher: string; keyId: string }): Promise<boolean>;
  /**
   * Counts one Ayrshare call for `subject` (a user id, or a hash of a Profile Key) if it fits:
   * fewer than `max` counted in the slices touching the last `windowMs` before `now` (slices
   * of a tenth of the window, see live/budget-window.ts), atomically however many processes
   * spend at once. A refused call counts nothing. `blockUntil` (after Ayrshare answered 429)
   * fills one slice up to `max` so that no process is allowed before then (to the slice). Slices older than a window are deleted
   * as new ones start. `now` is the caller's clock (milliseconds since 1970).
   */
  spendBudget(subject: string, windowMs: number, max: number, options: { now: number; blockUntil?: number }): Promise<BudgetSpend>;
  /** Releases connections the store opened itself. */
  close(): Promise<void>;
}
