// The conformance suite every profile store passes: the PGlite and PostgreSQL stores here, and
// a host's own (another database) before it trusts the directory to it. The caller hands in its
// test runner's `describe` and `test` (node:test, Vitest, Jest and Mocha share the shape), so
// `social-link-button/server` imports no test framework and still bundles for any runtime.
// Each test uses its own random user ids, so the suite may run on a shared, non-empty database.
import { liveConformance, sleep } from './conformance-live.js';
import type { ProfileStore } from './store.js';

export interface ConformanceOptions {
  /** Your runner's `describe` and `test` (or `it`), e.g. from node:test. */
  describe: (name: string, body: () => void) => unknown;
  test: (name: string, body: () => Promise<void>) => unknown;
  /** Registers the tests under this name (default "profile store conformance"). */
  name?: string;
}

class ConformanceFailure extends Error {
  override readonly name = 'ConformanceFailure';
}
const show = (value: unknown) => (value instanceof Date ? value.toISOString() : JSON.stringify(value));
const assert = {
  ok(value: unknown, message = 'expected a truthy value'): void {
    if (!value) throw new ConformanceFailure(message);
  },
  equal(actual: unknown, expected: unknown, message = '') {
    if (!Object.is(actual, expected)) throw new ConformanceFailure(`${message ? `${message}: ` : ''}expected ${show(expected)}, got ${show(actual)}`);
  },
  deepEqual(actual: unknown, expected: unknown, message = '') {
    if (show(actual) !== show(expected)) throw new ConformanceFailure(`${message ? `${message}: ` : ''}expected ${show(expected)}, got ${show(actual)}`);
  },
};

type Factory = () => ProfileStore | Promise<ProfileStore>;

/**
 * Registers the suite. `makeStore` is called for each test (and twice where two processes are
 * played); the suite migrates and closes what it makes.
 * ```js
 * import { describe, test } from 'node:test';
 * import { profileStoreConformance } from 'social-link-button/server';
 * profileStoreConformance(() => createMyStore(process.env.DATABASE_URL), { describe, test });
 * ```
 */
export function profileStoreConformance(makeStore: Factory, options: ConformanceOptions): void {
  const { describe } = options;
  // Every test closes the stores it made, passing or failing.
  const test = (name: string, body: () => Promise<void>) =>
    options.test(name, async () => {
      try {
        await body();
      } finally {
        await closeAll();
      }
    });
  const made: ProfileStore[] = [];
  async function fresh(): Promise<ProfileStore> {
    const store = await makeStore();
    made.push(store);
    await store.migrate();
    return store;
  }
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  let counter = 0;
  const user = (label = 'user') => `${run}-${label}-${counter++}`;
  const title = (userId: string) => `conformance-${userId}`;
  const done = (n: string) => ({ refId: `ref-${n}`, keyCipher: `cipher-${n}`, keyId: 'k1' });
  /** Acquires until the lease on `userId` has expired on the database's clock (bounded). */
  async function takeOver(store: ProfileStore, userId: string, owner: string) {
    for (let i = 0; i < 200; i++) {
      const result = await store.acquire(userId, title(userId), owner, 60_000);
      if (result.acquired) return result;
      await sleep(10);
    }
    throw new Error('The expired lease was never taken over.');
  }

  describe(options.name ?? 'profile store conformance', () => {
    test('migrate is idempotent: twice on one store, and at once from two stores', async () => {
      const store = await fresh();
      await store.migrate();
      const [a, b] = [await makeStore(), await makeStore()];
      made.push(a, b);
      await Promise.all([a.migrate(), b.migrate(), a.migrate()]);
      assert.equal(await a.get(user()), undefined);
    });

    test('acquire writes one pending intent; a second owner does not get the live lease', async () => {
      const store = await fresh();
      const id = user();
      const first = await store.acquire(id, title(id), 'owner-a', 60_000);
      assert.equal(first.acquired, true);
      assert.equal(first.takeover, false);
      assert.equal(first.row.state, 'pending');
      assert.equal(first.row.title, title(id));
      assert.equal(first.row.leaseOwner, 'owner-a');
      const second = await store.acquire(id, title(id), 'owner-b', 60_000);
      assert.equal(second.acquired, false);
      assert.equal(second.row.leaseOwner, 'owner-a');
    });

    test('30 owners acquiring at once on two connections: exactly one gets the lease', async () => {
      const [a, b] = [await fresh(), await fresh()];
      const id = user();
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).acquire(id, title(id), `owner-${i}`, 60_000)),
      );
      assert.equal(results.filter((r) => r.acquired).length, 1);
    });

    test('an expired lease is taken over by exactly one of many owners', async () => {
      const [a, b] = [await fresh(), await fresh()];
      const id = user();
      await a.acquire(id, title(id), 'dead-owner', 1);
      const winner = await takeOver(a, id, 'owner-0');
      assert.equal(winner.takeover, true);
      assert.equal(winner.row.leaseOwner, 'owner-0');
      const again = await b.acquire(id, title(id), 'owner-1', 60_000);
      assert.equal(again.acquired, false, 'a fresh lease is not taken over');
      // Now all at once, on an expired lease.
      const other = user();
      await a.acquire(other, title(other), 'dead-owner', 1);
      await takeOver(a, other, 'owner-x');
      await a.release(other, 'owner-x');
      const racing = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).acquire(other, title(other), `racer-${i}`, 60_000)));
      assert.equal(racing.filter((r) => r.acquired).length, 1);
      assert.ok(racing.every((r) => !r.acquired || r.takeover));
    });

    test('only the lease holder completes or marks lost; completion clears the lease', async () => {
      const store = await fresh();
      const id = user();
      await store.acquire(id, title(id), 'owner-a', 60_000);
      assert.equal(await store.complete(id, 'owner-b', done('b')), false);
      assert.equal(await store.markLost(id, 'owner-b', 'ref-b'), false);
      assert.equal(await store.complete(id, 'owner-a', done('a')), true);
      const row = await store.get(id);
      assert.equal(row?.state, 'ready');
      assert.equal(row?.refId, 'ref-a');
      assert.equal(row?.keyCipher, 'cipher-a');
      assert.equal(row?.keyId, 'k1');
      assert.equal(row?.leaseOwner, null);
      assert.ok(row?.lastUsedAt instanceof Date);
      assert.equal(await store.complete(id, 'owner-a', done('again')), false, 'a ready row is final');
      const later = await store.acquire(id, title(id), 'owner-c', 60_000);
      assert.equal(later.acquired, false);
      assert.equal(later.row.state, 'ready');
    });

    test('a taken-over owner can no longer complete; release lets the next owner in at once', async () => {
      const store = await fresh();
      const id = user();
      await store.acquire(id, title(id), 'slow', 1);
      await takeOver(store, id, 'fast');
      assert.equal(await store.complete(id, 'slow', done('slow')), false);
      await store.release(id, 'slow');
      assert.equal((await store.acquire(id, title(id), 'third', 60_000)).acquired, false, "release by a non-holder does nothing");
      await store.release(id, 'fast');
      const next = await takeOver(store, id, 'third');
      assert.equal(next.takeover, true);
      assert.equal(await store.markLost(id, 'third', 'ref-lost'), true);
      const row = await store.get(id);
      assert.equal(row?.state, 'lost');
      assert.equal(row?.refId, 'ref-lost');
    });

    test('getByRefId, remove, and hostile ids stored exactly', async () => {
      const store = await fresh();
      const hostile = [`${user()}'); DROP TABLE social_link_profiles; --`, `${user()}-ünï-😀-"\\`, `${user()}`.padEnd(256, 'x')];
      for (const [i, id] of hostile.entries()) {
        await store.acquire(id, title(id), 'o', 60_000);
        await store.complete(id, 'o', done(`${run}-${i}`));
      }
      for (const [i, id] of hostile.entries()) {
        assert.equal((await store.get(id))?.userId, id);
        assert.equal((await store.getByRefId(`ref-${run}-${i}`))?.userId, id);
      }
      assert.equal(await store.getByRefId(`ref-${run}-none`), undefined);
      assert.equal(await store.remove(hostile[0] ?? ''), true);
      assert.equal(await store.remove(hostile[0] ?? ''), false);
      assert.equal(await store.get(hostile[0] ?? ''), undefined);
      assert.equal((await store.get(hostile[1] ?? ''))?.state, 'ready');
    });

    test('touch and unusedSince: ready rows by last use, oldest first, limited', async () => {
      const store = await fresh();
      const before = new Date(Date.now() - 60_000);
      const ids = [user('old'), user('mid'), user('new')];
      for (const id of ids) {
        await store.acquire(id, title(id), 'o', 60_000);
        await store.complete(id, 'o', done(id));
      }
      const pending = user('pending');
      await store.acquire(pending, title(pending), 'o', 60_000);
      await store.touch(ids[0] ?? '');
      const later = new Date(Date.now() + 60_000);
      const mine = (rows: { userId: string }[]) => rows.map((r) => r.userId).filter((id) => id.startsWith(run));
      const all = mine(await store.unusedSince(later, 10_000));
      assert.deepEqual(all.filter((id) => ids.includes(id) || id === pending), [ids[1], ids[2], ids[0]]);
      assert.deepEqual(mine(await store.unusedSince(before, 10_000)).filter((id) => ids.includes(id)), []);
      assert.equal((await store.unusedSince(later, 2)).length, 2);
    });

    test('encryptedWithOtherKeys pages by user id; replaceKey is a compare-and-set', async () => {
      const store = await fresh();
      const ids = [user('a'), user('b'), user('c')];
      for (const id of ids) {
        await store.acquire(id, title(id), 'o', 60_000);
        await store.complete(id, 'o', done(id));
      }
      const newKey = `k-${run}`;
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await store.encryptedWithOtherKeys(newKey, 1, after);
        if (!page.length) break;
        assert.equal(page.length, 1);
        seen.push(page[0]?.userId ?? '');
        after = page[0]?.userId;
      }
      assert.deepEqual(seen.filter((id) => ids.includes(id)), ids);
      assert.equal(await store.replaceKey(ids[0] ?? '', 'stale-cipher', { keyCipher: 'x', keyId: newKey }), false);
      assert.equal(await store.replaceKey(ids[0] ?? '', `cipher-${ids[0]}`, { keyCipher: 'new', keyId: newKey }), true);
      const row = await store.get(ids[0] ?? '');
      assert.equal(row?.keyCipher, 'new');
      assert.equal(row?.keyId, newKey);
      const rest = await store.encryptedWithOtherKeys(newKey, 10_000);
      assert.ok(!rest.some((r) => r.userId === ids[0]));
    });

    liveConformance({ test, fresh, user, assert });

    test('spendBudget: max per window, a refusal counts nothing, slices leave one by one', async () => {
      const store = await fresh();
      const [subject, windowMs, slice] = [user('budget'), 300_000, 30_000];
      const t = Math.floor(Date.now() / slice) * slice + 1000;
      const spent = [];
      for (let i = 0; i < 4; i++) spent.push(await store.spendBudget(subject, windowMs, 5, { now: t }));
      spent.push(await store.spendBudget(subject, windowMs, 5, { now: t + windowMs / 2 }));
      assert.deepEqual(spent.map((s) => [s.allowed, s.used]), [[true, 1], [true, 2], [true, 3], [true, 4], [true, 5]]);
      const refused = await store.spendBudget(subject, windowMs, 5, { now: t + windowMs / 2 });
      assert.deepEqual([refused.allowed, refused.used], [false, 5]);
      // The four of slice t leave when a whole window has passed after that slice ends.
      assert.equal(refused.retryAfterMs, windowMs + slice - 1000 - windowMs / 2);
      assert.equal((await store.spendBudget(subject, windowMs, 5, { now: t + windowMs + slice - 1001 })).allowed, false);
      const next = await store.spendBudget(subject, windowMs, 5, { now: t + windowMs + slice - 1000 });
      assert.deepEqual([next.allowed, next.used], [true, 2]);
      const later = await store.spendBudget(subject, windowMs, 5, { now: t + 3 * windowMs });
      assert.deepEqual([later.allowed, later.used], [true, 1], 'a window later all is spendable again');
    });

    test('spendBudget: 50 callers at once on two connections never spend past max', async () => {
      const [a, b] = [await fresh(), await fresh()];
      const subject = user('race');
      const now = Date.now();
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).spendBudget(subject, 300_000, 20, { now })));
      assert.equal(results.filter((r) => r.allowed).length, 20);
      assert.ok(results.every((r) => r.allowed || (r.used === 20 && r.retryAfterMs > 0)));
    });

    test('spendBudget: blockUntil stops a subject until then (to the slice); other subjects and windows are apart', async () => {
      const store = await fresh();
      const [subject, other] = [`${user('x')}'); DROP TABLE social_link_budget; --😀`, user('y')];
      const now = Math.floor(Date.now() / 30_000) * 30_000 + 1000;
      assert.equal((await store.spendBudget(subject, 300_000, 240, { now })).allowed, true);
      const blocked = await store.spendBudget(subject, 300_000, 240, { now, blockUntil: now + 120_000 });
      assert.equal(blocked.allowed, false);
      assert.ok(blocked.retryAfterMs >= 120_000 && blocked.retryAfterMs <= 150_000, `retry after ${blocked.retryAfterMs}`);
      assert.equal((await store.spendBudget(subject, 300_000, 240, { now: now + 119_000 })).allowed, false);
      assert.equal((await store.spendBudget(other, 300_000, 240, { now })).allowed, true);
      assert.equal((await store.spendBudget(subject, 60_000, 240, { now })).allowed, true);
      assert.equal((await store.spendBudget(subject, 300_000, 240, { now: now + blocked.retryAfterMs })).allowed, true);
      const whole = await store.spendBudget(other, 300_000, 240, { now, blockUntil: now + 10_000_000 });
      assert.ok(whole.retryAfterMs <= 330_000, 'never longer than a window and a slice');
    });
  });

  async function closeAll() {
    await Promise.all(made.splice(0).map((store) => store.close()));
  }
}
