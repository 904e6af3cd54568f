// The profile directory: one Ayrshare User Profile per user of the host, created on first need,
// exactly once across processes, its key encrypted at rest, and nothing lost when a process dies
// between Ayrshare's answer and the database write (the intent row and its lease, store.ts).
import { createProfilesClient, type Outcome } from '../ayrshare/profiles-client.js';
import type { ChangeHub } from '../live/changes.js';
import { createStoreChangeHub } from '../live/store-hub.js';
import { createKeyring } from './crypto.js';
import { createFailed, keyLost, ProfileError } from './errors.js';
import { checkBaseUrl, checkSecrets, checkTitlePrefix, checkUserId, friendlyHeader, positiveInteger } from './inputs.js';
import { reencrypt, restore, type DirectoryContext } from './maintenance.js';
import type { ProfileRow } from './store.js';
import type { EnsuredProfile, ProfileDirectory, ProfileDirectoryOptions, ProfileEvent } from './directory-types.js';

export type * from './directory-types.js';

const TOUCH_EVERY_MS = 60_000;
const DELETE_SPACING_MS = 125; // Ayrshare: at most 8 profile deletions per second.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createProfileDirectory(options: ProfileDirectoryOptions): ProfileDirectory {
  if (typeof options?.apiKey !== 'string' || !options.apiKey.trim()) {
    throw new ProfileError('invalid-option', 'The apiKey option is missing: pass your Ayrshare API key.');
  }
  const store = options.store;
  if (!store || typeof store.acquire !== 'function') {
    throw new ProfileError('invalid-option', 'The store option is missing: pass createPgliteProfileStore() or createPostgresProfileStore(…).');
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new ProfileError('invalid-option', 'The fetch option must be a function like the global fetch.');
  }
  const baseUrl = checkBaseUrl(options.baseUrl);
  const keyring = createKeyring(checkSecrets(options));
  const prefix = checkTitlePrefix(options.title);
  const timeout = positiveInteger('timeout', options.timeout, 10_000, 120_000);
  const leaseMs = positiveInteger('leaseMs', options.leaseMs, 60_000, 3_600_000);
  const waitMs = positiveInteger('waitMs', options.waitMs, leaseMs + timeout, 3_600_000);
  const client = createProfilesClient({
    apiKey: options.apiKey,
    baseUrl,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    timeout,
  });
  const owner = crypto.randomUUID();
  const inFlight = new Map<string, Promise<EnsuredProfile>>();
  const touched = new Map<string, number>();
  let migrated: Promise<void> | undefined;
  let nextDelete = 0;

  const emit = (event: ProfileEvent) => {
    try {
      options.onEvent?.(event);
    } catch {
      // A host's listener must not break a creation that already happened.
    }
  };

  /** Runs a store call; any failure of the store is profiles-unavailable, with nothing created. */
  async function stored<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ProfileError) throw error;
      throw new ProfileError('profiles-unavailable', 'The profile store is unreachable or failed; try again in a few seconds.', {
        retryAfter: 5,
        cause: error,
      });
    }
  }

  function ready(): Promise<void> {
    migrated ??= stored(() => store.migrate()).catch((error: unknown) => {
      migrated = undefined;
      throw error;
    });
    return migrated;
  }

  async function open(row: ProfileRow): Promise<string> {
    if (!row.keyCipher || !row.keyId) throw new ProfileError('profile-key-undecryptable', 'A ready profile row has no stored key.');
    return keyring.decrypt(row.userId, { cipher: row.keyCipher, keyId: row.keyId });
  }

  function hidingKey<T extends object>(fields: T, profileKey: string): T & { readonly profileKey: string } {
    return Object.defineProperty(fields, 'profileKey', { value: profileKey, enumerable: false }) as T & { profileKey: string };
  }

  /** Ayrshare allows 8 profile deletions per second: this process spaces its own. */
  async function spacedDelete<T>(work: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
    for (let attempt = 0; ; attempt++) {
      const wait = Math.max(0, nextDelete - Date.now());
      nextDelete = Math.max(Date.now(), nextDelete) + DELETE_SPACING_MS;
      if (wait) await sleep(wait);
      const outcome = await work();
      // Another process's deletions share the limit: back off a second and try again.
      if (outcome.ok || outcome.reason !== 'rate-limited' || attempt >= 2) return outcome;
      await sleep(1000);
    }
  }

  async function header(userId: string): Promise<string | undefined> {
    try {
      return friendlyHeader(typeof options.topHeader === 'function' ? await options.topHeader(userId) : options.topHeader);
    } catch {
      return undefined;
    }
  }

  /** The lease holder's work: check what a dead predecessor left at Ayrshare, then create. */
  async function createAsHolder(userId: string, row: ProfileRow, takeover: boolean): Promise<EnsuredProfile | undefined> {
    let recreated = false;
    for (let attempt = 0; attempt < 2; attempt++) {
      if (takeover || attempt > 0) {
        const found = await client.find({ title: row.title });
        if (!found.ok) throw createFailed(found);
        const existing = found.value[0];
        if (existing && (existing.activeSocialAccounts.length > 0 || existing.suspended)) {
          await stored(() => store.markLost(userId, owner, existing.refId));
          emit({ type: 'profile-key-lost', userId, refId: existing.refId });
          throw keyLost(existing.refId);
        }
        if (existing) {
          const removed = await spacedDelete(() => client.deleteByTitle(row.title));
          if (!removed.ok && removed.reason !== 'not-found') throw createFailed(removed);
          recreated = true;
        }
      }
      const made = await client.create({ title: row.title, topHeader: await header(userId) });
      if (!made.ok && made.reason === 'duplicate') continue; // Made before the intent was lost: look again.
      if (!made.ok) throw createFailed(made);
      const { profileKey, refId } = made.value;
      const sealed = await keyring.encrypt(userId, profileKey);
      // If this write fails, the key is dropped: the row stays pending, and the next ensure finds
      // the profile, still unlinked, by its title and replaces it. Handing out a key that is not
      // stored would let the user link accounts to a profile nobody can reach again.
      const completed = await stored(() => store.complete(userId, owner, { refId, keyCipher: sealed.cipher, keyId: sealed.keyId }));
      if (!completed) {
        // Our lease was taken over (we were too slow) or the row deleted: this key is stored
        // nowhere, so remove its profile and let the caller read what the new holder made.
        await spacedDelete(() => client.deleteByKey(profileKey));
        return undefined;
      }
      emit({ type: recreated ? 'profile-recreated' : 'profile-created', userId, refId });
      return hidingKey({ refId, created: true }, profileKey);
    }
    throw new ProfileError('profile-create-failed', 'Ayrshare reports the profile title as taken but does not list it; try again.', {
      retryAfter: 30,
    });
  }

  async function ensureOnce(userId: string): Promise<EnsuredProfile> {
    await ready();
    const deadline = Date.now() + waitMs;
    let pause = 20;
    for (;;) {
      const current = await stored(() => store.get(userId));
      if (current?.state === 'ready') return hidingKey({ refId: current.refId ?? '', created: false }, await open(current));
      if (current?.state === 'lost') throw keyLost(current.refId);
      if (current?.state === 'pending' && current.leaseOwner === owner) {
        // Our own earlier attempt, which failed and could not end its lease (no other ensure for
        // this user runs in this process): end it now rather than wait for it to expire.
        await stored(() => store.release(userId, owner));
      }
      const title = current?.title ?? (await keyring.title(prefix, userId));
      const lease = await stored(() => store.acquire(userId, title, owner, leaseMs));
      if (lease.acquired) {
        try {
          const made = await createAsHolder(userId, lease.row, lease.takeover);
          if (made) return made;
        } catch (error) {
          if (!(error instanceof ProfileError && error.code === 'profile-key-lost')) {
            // Keep the intent but end the lease: the next attempt checks Ayrshare for a profile
            // this one may have created before failing.
            await store.release(userId, owner).catch(() => {});
          }
          throw error;
        }
        continue;
      }
      if (lease.row.state !== 'pending') continue;
      if (Date.now() >= deadline) {
        throw new ProfileError('profiles-unavailable', "Another server is still creating this user's profile; try again in a few seconds.", {
          retryAfter: 5,
        });
      }
      await sleep(pause);
      pause = Math.min(pause * 2, 250);
    }
  }

  const context: DirectoryContext = { store, keyring, client, owner, leaseMs, prefix, stored, ready, open };
  let changes: ChangeHub | undefined;
  /** Made on first use: a directory nobody streams from opens no listening connection. */
  const hub = () => (changes ??= createStoreChangeHub(store, { prepare: ready }));
  return {
    get changes() {
      return hub();
    },
    rememberHook: async (hookId, keepMs) => (await ready(), stored(() => store.rememberHook(hookId, keepMs))),
    forgetHook: async (hookId) => (await ready(), stored(() => store.forgetHook(hookId))),
    ensure(userId) {
      // A rejected promise, never a synchronous throw: callers chain .catch on it.
      try {
        checkUserId(userId);
      } catch (error) {
        return Promise.reject(error);
      }
      let running = inFlight.get(userId);
      if (!running) {
        running = ensureOnce(userId).finally(() => inFlight.delete(userId));
        inFlight.set(userId, running);
      }
      return running;
    },

    async find(userId) {
      checkUserId(userId);
      await ready();
      const row = await stored(() => store.get(userId));
      if (row?.state === 'lost') throw keyLost(row.refId);
      if (row?.state !== 'ready') return undefined;
      return hidingKey({ refId: row.refId ?? '', userId }, await open(row));
    },

    async findByRefId(refId) {
      if (typeof refId !== 'string' || !/^[\w-]{1,200}$/.test(refId)) return undefined;
      await ready();
      const row = await stored(() => store.getByRefId(refId));
      if (row?.state !== 'ready') return undefined;
      return hidingKey({ refId, userId: row.userId }, await open(row));
    },

    async delete(userId) {
      checkUserId(userId);
      await ready();
      const row = await stored(() => store.get(userId));
      if (!row) return { deleted: false };
      let outcome: Outcome<unknown> | undefined;
      const profileKey = row.state === 'ready' ? await open(row).catch(() => undefined) : undefined;
      if (profileKey) outcome = await spacedDelete(() => client.deleteByKey(profileKey));
      // No usable key (pending, lost, or a key Ayrshare no longer knows): by the title instead.
      if (!outcome?.ok) outcome = await spacedDelete(() => client.deleteByTitle(row.title));
      if (!outcome.ok && outcome.reason !== 'not-found') {
        throw new ProfileError('profile-delete-failed', `Ayrshare did not delete the profile (HTTP ${outcome.status ?? 'none'}); try again.`, {
          retryAfter: 5,
          ...(row.refId ? { refId: row.refId } : {}),
        });
      }
      await stored(() => store.remove(userId));
      touched.delete(userId);
      // Every server's cached status and every open page of this user learn that nothing is linked now.
      await hub().publish({ subject: userId, type: 'changed' }).catch(() => {});
      emit({ type: 'profile-deleted', userId, ...(row.refId ? { refId: row.refId } : {}) });
      return row.refId ? { deleted: true, refId: row.refId } : { deleted: true };
    },

    async touch(userId) {
      checkUserId(userId);
      const now = Date.now();
      if (now - (touched.get(userId) ?? 0) < TOUCH_EVERY_MS) return;
      // Bounded: a flood of distinct users must not grow this map without end.
      if (touched.size >= 10_000) touched.clear();
      touched.set(userId, now);
      await ready();
      await stored(() => store.touch(userId));
    },

    async unusedSince(before, { limit } = {}) {
      if (!(before instanceof Date) || Number.isNaN(before.getTime())) {
        throw new ProfileError('invalid-option', 'unusedSince needs a valid Date, e.g. new Date(Date.now() - 90 * 86400000).');
      }
      const count = positiveInteger('limit', limit, 100, 10_000);
      await ready();
      const rows = await stored(() => store.unusedSince(before, count));
      return rows.map((row) => ({ userId: row.userId, refId: row.refId ?? '', createdAt: row.createdAt, lastUsedAt: row.lastUsedAt }));
    },

    reencrypt: (options) => reencrypt(context, options),
    restore: (userId, profileKey) => restore(context, userId, profileKey),
    migrate: ready,
    async spendBudget(subject, windowMs, max, budget) {
      await ready();
      return stored(() => store.spendBudget(subject, windowMs, max, budget));
    },
  };
}
