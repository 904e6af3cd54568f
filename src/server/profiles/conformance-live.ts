// The conformance suite's live part (registered by profileStoreConformance): webhook hookIds
// recorded exactly once under concurrency, changes kept with increasing ids and replayed per
// subject, and a change appended through one store heard by another store's listener.
import type { StatusChange } from '../live/changes.js';
import type { ProfileStore } from './store.js';

export interface LiveConformanceKit {
  test: (name: string, body: () => Promise<void>) => unknown;
  fresh: () => Promise<ProfileStore>;
  user: (label?: string) => string;
  assert: {
    ok(value: unknown, message?: string): void;
    equal(actual: unknown, expected: unknown, message?: string): void;
    deepEqual(actual: unknown, expected: unknown, message?: string): void;
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds (bounded): what another connection does arrives when it arrives. */
async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await sleep(10);
  }
  throw new Error(`Never happened: ${what}.`);
}

export function liveConformance({ test, fresh, user, assert }: LiveConformanceKit): void {
  test('rememberHook: true once, false for repeats, true again once forgotten or expired', async () => {
    const store = await fresh();
    const hook = user('hook');
    assert.equal(await store.rememberHook(hook, 60_000), true);
    assert.equal(await store.rememberHook(hook, 60_000), false);
    await store.forgetHook(hook);
    assert.equal(await store.rememberHook(hook, 1), true);
    await sleep(20);
    assert.equal(await store.rememberHook(hook, 60_000), true, 'an expired record is taken again');
    assert.equal(await store.rememberHook(hook, 60_000), false);
  });

  test('rememberHook: 50 concurrent calls with one hookId on two connections, exactly one true', async () => {
    const [a, b] = [await fresh(), await fresh()];
    const hook = `${user('hook')}-'; DROP TABLE social_link_hooks; --`;
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).rememberHook(hook, 60_000)));
    assert.equal(results.filter(Boolean).length, 1);
  });

  test('appendChange: increasing ids; changesSince replays one subject after an id, undefined when unknown', async () => {
    const store = await fresh();
    const [mine, other] = [user('subject'), user('other')];
    const first = await store.appendChange({ subject: mine, type: 'link', platform: 'instagram', source: 'user' });
    const middle = await store.appendChange({ subject: other, type: 'unlink' });
    const last = await store.appendChange({ subject: mine, type: 'unlink', platform: 'instagram', source: 'system' });
    assert.ok(BigInt(first.id) < BigInt(middle.id) && BigInt(middle.id) < BigInt(last.id), 'ids increase');
    assert.equal(first.subject, mine);
    assert.ok(!Number.isNaN(Date.parse(first.at)), 'at is a time');
    const replay = await store.changesSince(mine, first.id);
    assert.deepEqual(replay?.map((c) => [c.id, c.type, c.platform, c.source]), [[last.id, 'unlink', 'instagram', 'system']]);
    assert.deepEqual(await store.changesSince(mine, last.id), []);
    assert.equal(await store.changesSince(mine, String(BigInt(last.id) + 1000n)), undefined, 'an id from the future');
    for (const bad of ['', 'abc', '-1', '1e3', '9'.repeat(40)]) assert.equal(await store.changesSince(mine, bad), undefined, `lastId ${bad}`);
  });

  test('listenChanges: a change appended through one store reaches another store listening', async () => {
    const [a, b] = [await fresh(), await fresh()];
    const heard: StatusChange[] = [];
    const stop = await a.listenChanges((change) => heard.push(change));
    try {
      const subject = `${user('listen')}-ünï-😀-"\\`;
      const sent = await b.appendChange({ subject, type: 'refresh', platform: 'linkedin' });
      await eventually(() => heard.some((c) => c.id === sent.id), 'the listener heard the change');
      const got = heard.find((c) => c.id === sent.id);
      assert.deepEqual([got?.subject, got?.type, got?.platform, got?.source], [subject, 'refresh', 'linkedin', undefined]);
    } finally {
      await stop();
    }
    const after = await b.appendChange({ subject: user('after'), type: 'link' });
    await sleep(50);
    assert.ok(!heard.some((c) => c.id === after.id), 'nothing after stop');
  });
}
