// The handlers' side of the status cache and the Ayrshare budget: the cache built from the
// `statusCache` option, and a caller that spends from a subject's budget before each Ayrshare
// call. Whose subject a request is comes from keySource (profile-keys.ts).
import { createMemoryBudget, createSharedBudget } from '../live/budget.js';
import type { ChangeHub } from '../live/changes.js';
import { createStatusCache, type StatusCache } from '../live/status-cache.js';
import { statusCacheSettings } from '../live/status-options.js';
import type { AyrshareHandlerOptions, EndpointContext } from './options.js';

/** The cache (undefined for `statusCache: false`), each subject's entry dropped on every change to it. */
export function liveStatus(options: AyrshareHandlerOptions, changes: ChangeHub): StatusCache | undefined {
  const settings = statusCacheSettings(options.statusCache);
  if (!settings) return undefined;
  const { profiles } = options;
  const limits = { max: settings.max, windowMs: settings.windowMs };
  const budget =
    typeof profiles?.spendBudget === 'function'
      ? createSharedBudget(limits, settings.now, (...args) => profiles.spendBudget(...args))
      : createMemoryBudget(limits, settings.now);
  const statusCache = createStatusCache(settings, budget);
  // Before the per-subject listeners (a stream's re-read), so that re-read never meets the old answer.
  changes.subscribeAll((change) => statusCache.invalidate(change.subject));
  return statusCache;
}

/**
 * `call`, spending from `subject`'s budget first (a refusal throws the 429 answer). `after`: what
 * the call may change — `linking` (a link may follow the URL handed out) or `changed` (drop the
 * cached answer once the call is done, whatever its outcome).
 */
export function budgetedCall(context: EndpointContext, subject: string, after?: 'linking' | 'changed'): EndpointContext['call'] {
  const { statusCache, call } = context;
  if (!statusCache) return call;
  if (after === 'linking') statusCache.linking(subject);
  return async (path, init) => {
    try {
      return await statusCache.budgeted(subject, () => call(path, init));
    } finally {
      if (after === 'changed') statusCache.invalidate(subject);
    }
  };
}

