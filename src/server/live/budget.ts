// Who may call Ayrshare for a subject, and when: the per-subject budget (budget-window.ts),
// kept in the profile store so every server instance spends from one count, or in this process
// when there is no store (or it is unreachable: a read must not fail because the budget's
// database did). After Ayrshare answers 429 anyway (something else spends the profile's
// limit), the subject's whole budget is spent, here and in the store, so no instance calls
// into that window again.
import { budgetRetryAfter, sliceBounds, type BudgetSlice, type BudgetSpend } from './budget-window.js';

export interface BudgetLimits {
  max: number;
  windowMs: number;
}

/** The store's counter (ProfileStore.spendBudget's shape). */
export type SpendBudget = (subject: string, windowMs: number, max: number, options: { now: number; exhaust?: boolean }) => Promise<BudgetSpend>;

export interface Budget {
  /** Counts one call for `subject` if it fits; `exhaust` spends all that is left (after an upstream 429). */
  spend(subject: string, exhaust?: boolean): Promise<BudgetSpend>;
}

/** Subjects kept by the in-process budget; the least recently spent go first. */
const MEMORY_SUBJECTS = 10_000;

/** The budget of one process: the same slices as the stores', in a bounded map. */
export function createMemoryBudget(limits: BudgetLimits, now: () => number, maxSubjects = MEMORY_SUBJECTS): Budget {
  const { max, windowMs } = limits;
  const bySubject = new Map<string, BudgetSlice[]>();
  return {
    async spend(subject, exhaust = false) {
      const at = now();
      const { current, oldest } = sliceBounds(windowMs, at);
      const slices = (bySubject.get(subject) ?? []).filter((slice) => slice.start >= oldest);
      bySubject.delete(subject);
      bySubject.set(subject, slices);
      if (bySubject.size > maxSubjects) bySubject.delete(bySubject.keys().next().value as string);
      let slice = slices.find((s) => s.start === current);
      if (!slice) slices.push((slice = { start: current, used: 0 }));
      const used = slices.reduce((sum, s) => sum + s.used, 0);
      if (exhaust) slice.used += Math.max(0, max - used);
      else if (used < max) {
        slice.used += 1;
        return { allowed: true, used: used + 1, retryAfterMs: 0 };
      }
      return { allowed: false, used: Math.max(used, max), retryAfterMs: budgetRetryAfter(slices, windowMs, max, at) };
    },
  };
}

/**
 * The store's budget, this process's when the store fails. An exhausted subject is also
 * exhausted here, so a store that cannot record it still does not let this process call again.
 */
export function createSharedBudget(limits: BudgetLimits, now: () => number, spendBudget: SpendBudget): Budget {
  const local = createMemoryBudget(limits, now);
  const { max, windowMs } = limits;
  const blockedUntil = new Map<string, number>();
  return {
    async spend(subject, exhaust = false) {
      const at = now();
      if (exhaust) {
        blockedUntil.delete(subject);
        blockedUntil.set(subject, at + windowMs);
        if (blockedUntil.size > MEMORY_SUBJECTS) blockedUntil.delete(blockedUntil.keys().next().value as string);
        await local.spend(subject, true);
        return spendBudget(subject, windowMs, max, { now: at, exhaust: true }).catch(() => ({ allowed: false, used: max, retryAfterMs: windowMs }));
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
