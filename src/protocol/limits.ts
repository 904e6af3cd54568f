// Bounds both halves hold to (docs/contract.md §3 and §5).

/**
 * The longest wait a 429 may ask for, in seconds: the server caps what it passes on to this, and
 * the element reads a longer one as "wait a moment" (a wait past an hour is no plan a user can
 * follow).
 */
export const MAX_RETRY_AFTER_S = 3600;
