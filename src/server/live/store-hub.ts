// The hub over a profile store: changes are kept in the store (so `since` answers for every
// process) and told to every process listening on it (PostgreSQL's LISTEN/NOTIFY; PGlite's in
// its own process). A change published here reaches this process's subscribers at once; its
// notification, when it comes back, is recognised by id and not passed on twice.
import type { LiveStore } from '../profiles/store.js';
import { createFanout, type ChangeHub, type StatusChange } from './changes.js';

/** Ids of changes already passed on, remembered this long (a notification's echo comes far sooner). */
const SEEN = 2048;

export interface StoreChangeHubOptions {
  /** Runs before the first store call (the directory's migration). */
  prepare?: () => Promise<void>;
}

export function createStoreChangeHub(store: LiveStore, options: StoreChangeHubOptions = {}): ChangeHub {
  const fanout = createFanout();
  const seen = new Set<string>();
  let listening: Promise<() => Promise<void>> | undefined;
  let closed = false;

  function pass(change: StatusChange) {
    if (closed || seen.has(change.id)) return;
    seen.add(change.id);
    if (seen.size > SEEN) seen.delete(seen.values().next().value as string);
    fanout.deliver(change);
  }

  function ready(): Promise<void> {
    if (closed) return Promise.reject(new Error('The change hub is closed.'));
    listening ??= (async () => {
      await options.prepare?.();
      return store.listenChanges(pass);
    })().catch((error: unknown) => {
      // Not remembered: the next subscriber or ready() tries again.
      listening = undefined;
      throw error;
    });
    return listening.then(() => undefined);
  }

  return {
    async publish(input) {
      await options.prepare?.();
      const change = await store.appendChange(input);
      pass(change);
      return change;
    },
    subscribe(subject, listener) {
      ready().catch(() => {});
      return fanout.subscribe(subject, listener);
    },
    subscribeAll(listener) {
      ready().catch(() => {});
      return fanout.subscribeAll(listener);
    },
    async since(subject, lastId) {
      await options.prepare?.();
      return store.changesSince(subject, lastId);
    },
    ready,
    subscriberCount: fanout.count,
    async close() {
      closed = true;
      fanout.clear();
      const stop = await listening?.catch(() => undefined);
      listening = undefined;
      await stop?.();
    },
  };
}
