// The `statusCache` option of createAyrshareHandlers, checked once when the handlers are made.
import { AyrshareOptionError, numberOption } from '../ayrshare/errors.js';
import { BUDGET_SLICES, DEFAULT_BUDGET_MAX, DEFAULT_BUDGET_WINDOW_MS } from './budget-window.js';

export interface StatusCacheOptions {
  /** Milliseconds a status answer is served without asking Ayrshare again (default 30000; 0: every read asks, still one call at a time). */
  freshMs?: number;
  /**
   * How old an answer may be and still be served, marked stale (`X-Social-Link-Stale: 1`, `Age`),
   * when the budget is spent or Ayrshare refuses with 429 (default 3600000, an hour). Older, or
   * no answer at all: 429 `{ code: "rate-limited" }` with `Retry-After`.
   */
  staleMs?: number;
  /** Subjects (users, or Profile Keys) kept in memory; the least recently read go first (default 10000). */
  maxSubjects?: number;
  /**
   * Ayrshare calls allowed per subject per window, for status reads, links and unlinks together
   * (default 240 per 300000 ms: Ayrshare allows 300 per 5 minutes and suspends a profile after
   * 1,000 refusals in a day). Kept in the profile store with `profiles`, so every server
   * instance spends from one count; in this process otherwise.
   */
  budget?: { max?: number; windowMs?: number };
  /** The clock, in milliseconds since 1970 (default Date.now): tests move it instead of waiting. */
  now?: () => number;
}

export interface StatusCacheSettings {
  freshMs: number;
  staleMs: number;
  maxSubjects: number;
  max: number;
  windowMs: number;
  now: () => number;
}

const DEFAULT_FRESH_MS = 30_000;
const DEFAULT_STALE_MS = 3_600_000;
const DEFAULT_MAX_SUBJECTS = 10_000;

const whole = (name: string, value: unknown, fallback: number, min: number) => numberOption(`statusCache.${name}`, value, fallback, { min });

/** The settings, or `undefined` for `statusCache: false` (every read goes to Ayrshare, unbudgeted). */
export function statusCacheSettings(option: StatusCacheOptions | false | undefined): StatusCacheSettings | undefined {
  if (option === false) return undefined;
  if (option !== undefined && (typeof option !== 'object' || option === null)) {
    throw new AyrshareOptionError('createAyrshareHandlers: statusCache must be an object of settings, or false.');
  }
  const { budget = {}, now = Date.now } = option ?? {};
  if (typeof now !== 'function') throw new AyrshareOptionError('createAyrshareHandlers: statusCache.now must be a function returning milliseconds.');
  if (typeof budget !== 'object' || budget === null) throw new AyrshareOptionError('createAyrshareHandlers: statusCache.budget must be an object.');
  return {
    freshMs: whole('freshMs', option?.freshMs, DEFAULT_FRESH_MS, 0),
    staleMs: whole('staleMs', option?.staleMs, DEFAULT_STALE_MS, 0),
    maxSubjects: whole('maxSubjects', option?.maxSubjects, DEFAULT_MAX_SUBJECTS, 1),
    max: whole('budget.max', budget.max, DEFAULT_BUDGET_MAX, 1),
    windowMs: whole('budget.windowMs', budget.windowMs, DEFAULT_BUDGET_WINDOW_MS, BUDGET_SLICES),
    now,
  };
}
