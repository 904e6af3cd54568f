// The directory's operator tools: moving stored keys to the newest secret after a rotation,
// and restoring a key copied from Ayrshare's dashboard after `profile-key-lost`.
import type { ProfilesClient } from '../ayrshare/profiles-client.js';
import type { Keyring } from './crypto.js';
import { createFailed, ProfileError } from './errors.js';
import { checkUserId, positiveInteger } from './inputs.js';
import type { ProfileRow, ProfileStore } from './store.js';

/** What the directory shares with these tools. */
export interface DirectoryContext {
  store: ProfileStore;
  keyring: Keyring;
  client: ProfilesClient;
  owner: string;
  leaseMs: number;
  prefix: string;
  stored<T>(work: () => Promise<T>): Promise<T>;
  ready(): Promise<void>;
  open(row: ProfileRow): Promise<string>;
}

export async function reencrypt(ctx: DirectoryContext, { batch }: { batch?: number } = {}) {
  const size = positiveInteger('batch', batch, 100, 10_000);
  await ctx.ready();
  const current = await ctx.keyring.currentKeyId();
  let rewritten = 0;
  let undecryptable = 0;
  let after: string | undefined;
  for (;;) {
    const rows = await ctx.stored(() => ctx.store.encryptedWithOtherKeys(current, size, after));
    for (const row of rows) {
      const profileKey = await ctx.open(row).catch(() => undefined);
      if (!profileKey || !row.keyCipher) {
        undecryptable++;
        continue;
      }
      const sealed = await ctx.keyring.encrypt(row.userId, profileKey);
      // A compare-and-set: a row changed meanwhile (deleted, recreated) is left as it now is.
      const next = { keyCipher: sealed.cipher, keyId: sealed.keyId };
      if (await ctx.stored(() => ctx.store.replaceKey(row.userId, row.keyCipher ?? '', next))) rewritten++;
    }
    if (rows.length < size) return { rewritten, undecryptable };
    after = rows[rows.length - 1]?.userId;
  }
}

export async function restore(ctx: DirectoryContext, userId: string, profileKey: string): Promise<{ refId: string }> {
  checkUserId(userId);
  if (typeof profileKey !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(profileKey)) {
    throw new ProfileError('invalid-option', "restore needs the Profile Key exactly as Ayrshare's dashboard shows it.");
  }
  await ctx.ready();
  const row = await ctx.stored(() => ctx.store.get(userId));
  if (row?.state === 'ready') {
    throw new ProfileError('invalid-option', 'This user already has a stored Profile Key; delete(userId) first to replace the profile.');
  }
  const title = row?.title ?? (await ctx.keyring.title(ctx.prefix, userId));
  const profile = await ctx.client.user(profileKey);
  if (!profile.ok && (profile.reason === 'unreachable' || profile.reason === 'rate-limited')) throw createFailed(profile);
  const expected = row?.refId ? `the profile with refId ${row.refId}` : `the profile titled ${title}`;
  if (!profile.ok || profile.value.title !== title || (row?.refId && row.refId !== profile.value.refId)) {
    throw new ProfileError('profile-key-mismatch', `This Profile Key does not open this user's profile: copy the key of ${expected} from Ayrshare's dashboard.`);
  }
  // Replace whatever intent or lost marker is there with a ready row holding this key.
  await ctx.stored(() => ctx.store.remove(userId));
  const lease = await ctx.stored(() => ctx.store.acquire(userId, title, ctx.owner, ctx.leaseMs));
  const sealed = await ctx.keyring.encrypt(userId, profileKey);
  const done = { refId: profile.value.refId, keyCipher: sealed.cipher, keyId: sealed.keyId };
  if (!lease.acquired || lease.takeover || !(await ctx.stored(() => ctx.store.complete(userId, ctx.owner, done)))) {
    throw new ProfileError('profiles-unavailable', "Another server began creating this user's profile meanwhile; run restore again.", { retryAfter: 5 });
  }
  return { refId: profile.value.refId };
}
