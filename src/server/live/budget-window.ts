// The arithmetic of the per-subject Ayrshare budget, shared by the in-process budget and the
// SQL stores. Ayrshare counts 300 calls per fixed 5-minute window, but where its windows start
// is not known: a plain fixed window of ours could spend its whole budget at the end of one
// window and again at the start of the next, twice the budget inside one of Ayrshare's. So a
// window is counted in slices of a tenth, and a call is allowed only while the slices that
// touch the last `windowMs` (the oldest one whole) hold fewer than `max`: then no span of
// `windowMs`, wherever it starts, ever holds more than `max` of our calls.

/** Slices per window: the budget is conservative by at most one slice (a tenth of it). */
export const BUDGET_SLICES = 10;

export interface BudgetSpend {
  /** The call may go to Ayrshare (and was counted). */
  allowed: boolean;
  /** Calls counted in the window, this one included when allowed. */
  used: number;
  /** When not allowed: milliseconds until a call would be (0 when allowed). */
  retryAfterMs: number;
}

export interface BudgetSlice {
  /** Start of the slice, in milliseconds since 1970. */
  start: number;
  used: number;
}

const sliceMs = (windowMs: number) => Math.max(1, Math.floor(windowMs / BUDGET_SLICES));

/** The start of the slice `now` falls in, and the oldest slice start still counted with it. */
export function sliceBounds(windowMs: number, now: number): { current: number; oldest: number } {
  const size = sliceMs(windowMs);
  const current = Math.floor(now / size) * size;
  return { current, oldest: current - size * BUDGET_SLICES };
}

/**
 * The slice to fill up to `max` so that no call is allowed before `until` (a slice leaves the
 * count a window and a slice after it starts): at the slice's granularity, at least until the
 * current slice ends, at most a window and a slice from now.
 */
export function blockingSlice(windowMs: number, now: number, until: number): number {
  const size = sliceMs(windowMs);
  const { current, oldest } = sliceBounds(windowMs, now);
  const wanted = Math.ceil((until - size * (BUDGET_SLICES + 1)) / size) * size;
  return Math.min(current, Math.max(oldest, wanted));
}

/**
 * Milliseconds until one more call fits, given the slices in the window: the oldest slices
 * leave the count one by one (a slice leaves once a whole window has passed after it ends).
 */
export function budgetRetryAfter(slices: readonly BudgetSlice[], windowMs: number, max: number, now: number): number {
  const size = sliceMs(windowMs);
  const { oldest } = sliceBounds(windowMs, now);
  const counted = slices.filter((slice) => slice.start >= oldest).sort((a, b) => a.start - b.start);
  let total = counted.reduce((sum, slice) => sum + slice.used, 0);
  for (const slice of counted) {
    if (total < max) break;
    total -= slice.used;
    if (total < max) return Math.max(1, slice.start + size * (BUDGET_SLICES + 1) - now);
  }
  return total < max ? 0 : size * (BUDGET_SLICES + 1);
}

/** 240 of Ayrshare's 300 per 5 minutes: the rest is left to anything else using the profile (its dashboard, another app). */
export const DEFAULT_BUDGET_MAX = 240;
export const DEFAULT_BUDGET_WINDOW_MS = 5 * 60_000;
