// The handlers' side of the status cache and the Ayrshare budget: whose budget a request spends
// (its subject), the cache built from the `statusCache` option, and a caller that spends from
// the budget before each Ayrshare call.
import { createMemoryBudget, createSharedBudget } from '../live/budget.js';
import type { ChangeHub } from '../live/changes.js';
import { createStatusCache, type StatusCache } from '../live/status-cache.js';
import { statusCacheSettings } from '../live/status-options.js';
import type { AyrshareHandlerOptions, EndpointContext } from './options.js';

const encoder = new TextEncoder();

/**
 * The subject of a host-given Profile Key: a hash, so neither the cache, the budget's rows nor a
 * published change ever holds the key itself.
 */
export async function keySubject(profileKey: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(profileKey)));
  return `key:${[...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** The cache (undefined for `statusCache: false`) and the subject of a signed-in `who`, dropped on every change to it. */
export function liveStatus(options: AyrshareHandlerOptions, changes: ChangeHub): Pick<EndpointContext, 'statusCache' | 'subjectOf'> {
  // With `profiles`, `who` is the user id; with `profileKey`, it is the key.
  const subjectOf = options.profileKey ? keySubject : async (who: string) => who;
  const settings = statusCacheSettings(options.statusCache);
  if (!settings) return { statusCache: undefined, subjectOf };
  const { profiles } = options;
  const limits = { max: settings.max, windowMs: settings.windowMs };
  const budget =
    typeof profiles?.spendBudget === 'function'
      ? createSharedBudget(limits, settings.now, (...args) => profiles.spendBudget(...args))
      : createMemoryBudget(limits, settings.now);
  const statusCache = createStatusCache(settings, budget);
  // Before the per-subject listeners (a stream's re-read), so that re-read never meets the old answer.
  changes.subscribeAll((change) => statusCache.invalidate(change.subject));
  return { statusCache, subjectOf };
}

/**
 * `call`, spending from `who`'s budget first (a refusal throws the 429 answer). `after`: what
 * the call may change — `linking` (a link may follow the URL handed out) or `changed` (drop the
 * cached answer once the call is done, whatever its outcome).
 */
export async function budgetedCall(context: EndpointContext, who: string, after?: 'linking' | 'changed'): Promise<EndpointContext['call']> {
  const { statusCache, call } = context;
  if (!statusCache) return call;
  const subject = await context.subjectOf(who);
  if (after === 'linking') statusCache.linking(subject);
  return async (path, init) => {
    try {
      return await statusCache.budgeted(subject, () => call(path, init));
    } finally {
      if (after === 'changed') statusCache.invalidate(subject);
    }
  };
}

export type { StatusCache };
