// Changes to one subject's linked accounts (a user's, or a host-keyed profile's), as the
// handlers pass them around: the webhook handler and the unlink handler publish them; the status
// cache drops its entry on each; the events handler pushes each to that subject's open streams.
// A hub is in-process here; the store-backed hub (store-hub.ts) carries the same changes
// between server processes.

export type StatusChangeType = 'link' | 'unlink' | 'refresh' | 'changed';

export interface StatusChange {
  /** Unique and increasing per hub: the Server-Sent Events `id`. */
  id: string;
  /** Whose accounts changed: the handlers' user id (or a hash of a host-given Profile Key). */
  subject: string;
  type: StatusChangeType;
  /** The network, when the change names one (Ayrshare id). */
  platform?: string;
  /** Ayrshare's `source`: `system` when Ayrshare unlinked a broken connection itself. */
  source?: 'user' | 'system';
  /** ISO time of publication. */
  at: string;
}

export type StatusChangeInput = Omit<StatusChange, 'id' | 'at'>;

export interface ChangeHub {
  /** Delivers to every subscriber in every process sharing the hub; resolves once sent. */
  publish(change: StatusChangeInput): Promise<StatusChange>;
  /** One subject's changes, until the returned function is called. */
  subscribe(subject: string, listener: (change: StatusChange) => void): () => void;
  /**
   * Every subject's changes (the status cache uses it to drop entries). Called before the
   * per-subject listeners of the same change, so a stream's re-read never meets a stale cache.
   */
  subscribeAll(listener: (change: StatusChange) => void): () => void;
  /** Changes after `lastId` still held for `subject` (for `Last-Event-ID`); `undefined` when too old to know. */
  since(subject: string, lastId: string): Promise<StatusChange[] | undefined>;
  close(): Promise<void>;
  /**
   * Resolves once changes published by other processes reach this hub's subscribers (a store
   * hub's LISTEN is in place); rejects when it cannot be. In-process hubs are always ready.
   */
  ready?(): Promise<void>;
  /** How many listeners are subscribed (per subject and to all): a leak check for tests and health pages. */
  subscriberCount?(): number;
}

type Listener = (change: StatusChange) => void;

/** The subscriber lists every hub keeps: all-listeners first, then the change's subject's. */
export function createFanout() {
  const all = new Set<Listener>();
  const bySubject = new Map<string, Set<Listener>>();
  const call = (listener: Listener, change: StatusChange) => {
    try {
      listener(change);
    } catch (error) {
      // One broken listener must not keep the change from the others.
      queueMicrotask(() => {
        throw error;
      });
    }
  };
  return {
    deliver(change: StatusChange) {
      for (const listener of [...all]) call(listener, change);
      for (const listener of [...(bySubject.get(change.subject) ?? [])]) call(listener, change);
    },
    subscribe(subject: string, listener: Listener): () => void {
      let set = bySubject.get(subject);
      if (!set) bySubject.set(subject, (set = new Set()));
      const mine = set;
      mine.add(listener);
      return () => {
        mine.delete(listener);
        if (mine.size === 0 && bySubject.get(subject) === mine) bySubject.delete(subject);
      };
    },
    subscribeAll(listener: Listener): () => void {
      all.add(listener);
      return () => void all.delete(listener);
    },
    count(): number {
      let total = all.size;
      for (const set of bySubject.values()) total += set.size;
      return total;
    },
    clear() {
      all.clear();
      bySubject.clear();
    },
  };
}

/** A hub for one process: what the handlers use when no store-backed hub is given. */
export function createMemoryChangeHub(options: { keep?: number } = {}): ChangeHub {
  const keep = options.keep ?? 1000;
  const fanout = createFanout();
  const recent: StatusChange[] = [];
  let sequence = 0;
  return {
    async publish(input) {
      const change: StatusChange = { ...input, id: String(++sequence), at: new Date().toISOString() };
      recent.push(change);
      if (recent.length > keep) recent.shift();
      fanout.deliver(change);
      return change;
    },
    subscribe: fanout.subscribe,
    subscribeAll: fanout.subscribeAll,
    async since(subject, lastId) {
      const last = Number(lastId);
      if (!/^\d{1,15}$/.test(lastId) || last > sequence) return undefined;
      const oldest = recent[0] ? Number(recent[0].id) : sequence + 1;
      if (last < oldest - 1) return undefined;
      return recent.filter((change) => change.subject === subject && Number(change.id) > last);
    },
    async close() {
      fanout.clear();
    },
    ready: async () => {},
    subscriberCount: fanout.count,
  };
}
