// The profile endpoint's cache, one entry per subject (a user id, or a hash of a Profile Key):
// answers while fresh, one Ayrshare call in flight per subject however many reads arrive, and
// every call to Ayrshare for a subject spent from its budget (budget.ts). An entry is dropped on
// each published change for its subject and on this server's own link and unlink; a generation
// number keeps a call that was in flight across such a drop from storing its older answer.
import { LINK_LIFETIME_MS } from '../../protocol/link.js';
import { UpstreamError } from '../ayrshare/errors.js';
import { retryAfterSeconds, type accountsAnswer } from '../ayrshare/outbound.js';
import { fail } from '../http/responses.js';
import type { Budget } from './budget.js';
import type { StatusCacheSettings } from './status-options.js';

export type StatusAnswer = ReturnType<typeof accountsAnswer>;

export interface StatusRead {
  answer: StatusAnswer;
  /** Milliseconds since the answer was asked of Ayrshare (0: just now). */
  ageMs: number;
  /** Served past the budget or an upstream 429: older than the freshness promised. */
  stale: boolean;
}

/** A call refused by the budget, before Ayrshare was asked: 429 `rate-limited` with Retry-After. */
export class BudgetRefusal extends UpstreamError {
  constructor(readonly retryAfterMs: number) {
    const seconds = retryAfterSeconds(retryAfterMs / 1000);
    super(
      fail(429, 'Too many requests for this account right now. Please try again in a few minutes.', { code: 'rate-limited' }, { 'Retry-After': String(seconds) }),
      0,
    );
  }
}

/**
 * After this server hands out a linking URL, a link may complete in the popup at any moment
 * (and without webhooks nothing says so): for a link's lifetime, reads are not served from the
 * cache (still one call in flight, still within the budget), so every re-read the element makes
 * during and after the flow sees the new account.
 */
const LINKING_FRESH_MS = 0;

interface Entry {
  generation: number;
  answer?: StatusAnswer;
  askedAt: number;
  loading?: Promise<StatusAnswer> | undefined;
  linkingUntil: number;
}

export interface StatusCache {
  /** The subject's status, from the cache or from `load` (which spends through `budgeted`). */
  read(subject: string, load: () => Promise<StatusAnswer>, signal?: AbortSignal): Promise<StatusRead>;
  /** Runs one Ayrshare call for `subject` if its budget allows, else throws BudgetRefusal. */
  budgeted<T>(subject: string, run: () => Promise<T>): Promise<T>;
  /** Drops the subject's answer: the next read asks Ayrshare. */
  invalidate(subject: string): void;
  /** Drops it, and keeps answers barely fresh while a link handed out may complete. */
  linking(subject: string): void;
  /** Subjects held (a bound the tests check). */
  readonly size: number;
}

/** Resolves as `work` does, or rejects when `signal` aborts first; `work` itself runs on for others. */
function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

export function createStatusCache(settings: StatusCacheSettings, budget: Budget): StatusCache {
  const { freshMs, staleMs, maxSubjects, now, windowMs } = settings;
  const entries = new Map<string, Entry>();
  let generation = 0;

  /** The subject's entry, made most recently used; the least recently used goes past the bound. */
  function entryOf(subject: string): Entry {
    const entry = entries.get(subject) ?? { generation: ++generation, askedAt: 0, linkingUntil: 0 };
    entries.delete(subject);
    entries.set(subject, entry);
    if (entries.size > maxSubjects) entries.delete(entries.keys().next().value as string);
    return entry;
  }

  function start(subject: string, entry: Entry, load: () => Promise<StatusAnswer>): Promise<StatusAnswer> {
    const { generation: asked } = entry;
    const askedAt = now();
    const loading = load().then((answer) => {
      // Dropped (a change, or evicted) while in flight: this answer may predate the change.
      if (entries.get(subject) === entry && entry.generation === asked) Object.assign(entry, { answer, askedAt });
      return answer;
    });
    entry.loading = loading;
    // A failure is never stored; the next read asks again.
    const settle = () => {
      if (entry.loading === loading) entry.loading = undefined;
    };
    loading.then(settle, settle);
    return loading;
  }

  function drop(subject: string): Entry | undefined {
    const entry = entries.get(subject);
    if (entry) Object.assign(entry, { generation: ++generation, answer: undefined, loading: undefined });
    return entry;
  }

  const cache: StatusCache = {
    async read(subject, load, signal) {
      const entry = entryOf(subject);
      const fresh = now() < entry.linkingUntil ? Math.min(freshMs, LINKING_FRESH_MS) : freshMs;
      if (entry.answer && now() - entry.askedAt < fresh) return { answer: entry.answer, ageMs: now() - entry.askedAt, stale: false };
      const kept = entry.answer && { answer: entry.answer, askedAt: entry.askedAt };
      try {
        return { answer: await abortable(entry.loading ?? start(subject, entry, load), signal), ageMs: 0, stale: false };
      } catch (error) {
        // Past the budget, the last answer (marked) is better than none, unless it is too old.
        const refused = error instanceof BudgetRefusal || (error instanceof UpstreamError && error.upstreamStatus === 429);
        if (refused && kept && now() - kept.askedAt <= staleMs) return { answer: kept.answer, ageMs: now() - kept.askedAt, stale: true };
        throw error;
      }
    },
    async budgeted(subject, run) {
      const spent = await budget.spend(subject);
      if (!spent.allowed) throw new BudgetRefusal(spent.retryAfterMs);
      try {
        return await run();
      } catch (error) {
        if (error instanceof UpstreamError && error.upstreamStatus === 429) {
          // Something else spends this profile's limit too: stop every instance until Ayrshare's
          // window ends (a whole window when it does not say) rather than retry into it: 1,000
          // refusals a day suspend the profile. The browser gets Ayrshare's 429 as it came.
          const waitMs = error.upstreamWaitS === undefined ? windowMs : error.upstreamWaitS * 1000;
          await budget.spend(subject, now() + waitMs);
        }
        throw error;
      }
    },
    invalidate(subject) {
      drop(subject);
    },
    linking(subject) {
      const entry = drop(subject) ?? entryOf(subject);
      entry.linkingUntil = now() + LINK_LIFETIME_MS;
    },
    get size() {
      return entries.size;
    },
  };
  return cache;
}
