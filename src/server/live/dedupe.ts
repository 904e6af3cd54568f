// Webhook ids already handled, for a host without a profile directory: in this process only
// (several server processes each keep their own, so a retry that lands elsewhere counts again;
// the profile directory's store shares them). Bounded, oldest dropped first.
export interface HookRecord {
  /** True the first time `hookId` is seen within `keepMs`; false for a repeat. */
  remember(hookId: string, keepMs: number): Promise<boolean>;
  forget(hookId: string): Promise<void>;
}

export function createMemoryHookRecord(max = 100_000): HookRecord {
  const until = new Map<string, number>();
  return {
    async remember(hookId, keepMs) {
      const now = Date.now();
      const kept = until.get(hookId);
      if (kept !== undefined && kept > now) return false;
      until.delete(hookId);
      until.set(hookId, now + keepMs);
      // Insertion order is expiry order (one keepMs per handler): drop from the front.
      for (const [id, end] of until) {
        if (end > now && until.size <= max) break;
        until.delete(id);
      }
      return true;
    },
    async forget(hookId) {
      until.delete(hookId);
    },
  };
}
