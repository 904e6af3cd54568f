// Who may call Ayrshare for a subject, and when: the per-subject budget (budget-window.ts),
// kept in the profile store so every server instance spends from one count, or in this process
// when there is no store (or it is unreachable: a read must not fail because the budget's
// database did). After Ayrshare answers 429 anyway (something else spends the profile's
// limit), the subject is blocked until Ayrshare's window ends (its headers say when; a whole
// window when they do not), here and in the store, so no instance calls into that window again.
import { blockingSlice, budgetRetryAfter, sliceBounds, type BudgetSlice, type BudgetSpend } from './budget-window.js';

export interface BudgetLimits {
  max: number;
  windowMs: number;
}

/** The store's counter (ProfileStore.spendBudget's shape). */
export type SpendBudget = (subject: string, windowMs: number, max: number, options: { now: number; blockUntil?: number }) => Promise<BudgetSpend>;

export interface Budget {
  /** Counts one call for `subject` if it fits; `blockUntil` (after an upstream 429) allows none before then. */
  spend(subject: string, blockUntil?: number): Promise<BudgetSpend>;
}

/** Subjects kept by the in-process budget; the least recently spent go first. */
const MEMORY_SUBJECTS = 10_000;

/** The budget of one process: the same slices as the stores', in a bounded map. */
export function createMemoryBudget(limits: BudgetLimits, now: () => number, maxSubjects = MEMORY_SUBJECTS): Budget {
  const { max, windowMs } = limits;
  const bySubject = new Map<string, BudgetSlice[]>();
  return {
    async spend(subject, blockUntil) {
      const at = now();
      const { current, oldest } = sliceBounds(windowMs, at);
      const slices = (bySubject.get(subject) ?? []).filter((slice) => slice.start >= oldest);
      bySubject.delete(subject);
      bySubject.set(subject, slices);
      if (bySubject.size > maxSubjects) bySubject.delete(bySubject.keys().next().value as string);
      const start = blockUntil === undefined ? current : blockingSlice(windowMs, at, blockUntil);
      let slice = slices.find((s) => s.start === start);
      if (!slice) slices.push((slice = { start, used: 0 }));
      if (blockUntil !== undefined) slice.used = Math.max(slice.used, max);
      const used = slices.reduce((sum, s) => sum + s.used, 0);
      if (blockUntil === undefined && used < max) {
        slice.used += 1;
        return { allowed: true, used: used + 1, retryAfterMs: 0 };
      }
      return { allowed: false, used: Math.max(used, max), retryAfterMs: budgetRetryAfter(slices, windowMs, max, at) };
    },
  };
}

/**
 * The store's budget, this process's when the store fails. A blocked subject is also blocked
 * here, so a store that cannot record it still does not let this process call again.
 */
export function createSharedBudget(limits: BudgetLimits, now: () => number, spendBudget: SpendBudget): Budget {
  const local = createMemoryBudget(limits, now);
  const { max, windowMs } = limits;
  const blockedUntil = new Map<string, number>();
  return {
    async spend(subject, blockUntil) {
      const at = now();
      if (blockUntil !== undefined) {
        blockedUntil.delete(subject);
        blockedUntil.set(subject, blockUntil);
        if (blockedUntil.size > MEMORY_SUBJECTS) blockedUntil.delete(blockedUntil.keys().next().value as string);
        const here = await local.spend(subject, blockUntil);
        return spendBudget(subject, windowMs, max, { now: at, blockUntil }).catch(() => here);
      }
      const blocked = (blockedUntil.get(subject) ?? 0) - at;
      if (blocked > 0) return { allowed: false, used: max, retryAfterMs: blocked };
      try {
        return await spendBudget(subject, windowMs, max, { now: at });
      } catch {
        return local.spend(subject);
      }
    },
  };
}
