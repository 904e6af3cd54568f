// The profile directory's API: what `createProfileDirectory` takes and gives.
import type { ChangeHub } from '../live/changes.js';
import type { BudgetSpend, ProfileStore } from './store.js';

export interface ProfileDirectoryOptions {
  /** The Ayrshare account's primary API key (profiles are created with it). */
  apiKey: string;
  /** Ayrshare's API base (default https://api.ayrshare.com/api; the simulator's in tests). */
  baseUrl?: string;
  store: ProfileStore;
  /** 32 random bytes as base64 or hex, e.g. process.env.SOCIAL_LINK_PROFILE_SECRET. */
  secret?: string;
  /** Several secrets during a rotation: the first encrypts, all decrypt. */
  secrets?: readonly string[];
  /** Title prefix, to tell apps sharing one Ayrshare account apart (default "slb"). */
  title?: string;
  /** What Ayrshare's linking page shows as its header: a friendly text, or hidden when none. */
  topHeader?: string | ((userId: string) => string | undefined | Promise<string | undefined>);
  fetch?: typeof fetch;
  /** Milliseconds per Ayrshare call (default 10000). */
  timeout?: number;
  /** How long a process may hold a user's creation before another takes over (default 60000). */
  leaseMs?: number;
  /** How long `ensure` waits for another process's creation (default leaseMs + timeout). */
  waitMs?: number;
  /** Told of creations, recreations, deletions and lost keys (never with a key). */
  onEvent?: (event: ProfileEvent) => void;
}

export interface ProfileEvent {
  type: 'profile-created' | 'profile-recreated' | 'profile-deleted' | 'profile-key-lost';
  userId: string;
  refId?: string;
}

/** `profileKey` is not enumerable: logging or serialising this object does not show it. */
export interface EnsuredProfile {
  readonly profileKey: string;
  readonly refId: string;
  readonly created: boolean;
}

export interface FoundProfile {
  readonly profileKey: string;
  readonly refId: string;
  readonly userId: string;
}

export interface UnusedProfile {
  userId: string;
  refId: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export interface ProfileDirectory {
  /** The user's profile, created at Ayrshare on first call (exactly once, across processes). */
  ensure(userId: string): Promise<EnsuredProfile>;
  /** The user's profile if one is stored; never creates. */
  find(userId: string): Promise<FoundProfile | undefined>;
  /** A profile by Ayrshare's refId (webhooks name profiles by it). */
  findByRefId(refId: string): Promise<FoundProfile | undefined>;
  /** Deletes the user's profile at Ayrshare (irreversible) and here. */
  delete(userId: string): Promise<{ deleted: boolean; refId?: string }>;
  /** Records a use; the handlers call it on links and status reads. At most once a minute per user. */
  touch(userId: string): Promise<void>;
  /** Profiles not used since `before`, oldest first, to delete and stop paying for. */
  unusedSince(before: Date, options?: { limit?: number }): Promise<UnusedProfile[]>;
  /** Rewrites every key not under the first secret with it; then older secrets can go. */
  reencrypt(options?: { batch?: number }): Promise<{ rewritten: number; undecryptable: number }>;
  /**
   * Stores a key copied from Ayrshare's dashboard for a user whose key was lost
   * (`profile-key-lost`), keeping the accounts linked to it. The key must open this user's
   * profile (its title, and its refId when one was recorded), else `profile-key-mismatch`.
   */
  restore(userId: string, profileKey: string): Promise<{ refId: string }>;
  /** Creates or upgrades the store's tables (also done on first use). */
  migrate(): Promise<void>;
  /**
   * Changes to users' linked accounts, shared by every process on this store (PostgreSQL:
   * LISTEN/NOTIFY; PGlite: this process). The handlers publish to it and stream from it.
   */
  readonly changes: ChangeHub;
  /** Records a webhook's hookId for `keepMs`: true the first time, false for a repeat (atomic). */
  rememberHook(hookId: string, keepMs: number): Promise<boolean>;
  /** Forgets a hookId whose handling failed, so Ayrshare's retry is handled. */
  forgetHook(hookId: string): Promise<void>;
  /** The store's per-subject Ayrshare budget (ProfileStore.spendBudget), shared by every instance; the handlers' status cache spends it. */
  spendBudget(subject: string, windowMs: number, max: number, options: { now: number; blockUntil?: number }): Promise<BudgetSpend>;
}
