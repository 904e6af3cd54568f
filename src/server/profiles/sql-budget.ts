// The budget counter of the SQL stores (ProfileStore.spendBudget): one row per subject and slice,
// spent by one INSERT … ON CONFLICT DO UPDATE whose condition sees the slice's latest count
// (the conflicting row is locked and re-read), so fifty callers at once never spend past `max`.
import { blockingSlice, budgetRetryAfter, sliceBounds, type BudgetSpend } from '../live/budget-window.js';
import { BUDGET_TABLE } from './schema.js';

const B = BUDGET_TABLE;

interface Queries {
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

// $1 subject, $2 window_ms, $3 current slice, $4 max, $5 oldest slice counted. `before` is what
// the earlier slices of the window hold; the current slice may take what is left.
const SPEND = `WITH before AS (
    SELECT coalesce(sum(used), 0)::int AS used FROM ${B}
    WHERE subject = $1 AND window_ms = $2 AND slice_start >= $5 AND slice_start < $3
  )
  INSERT INTO ${B} AS b (subject, window_ms, slice_start, used)
  SELECT $1, $2, $3, 1 FROM before WHERE before.used < $4
  ON CONFLICT (subject, window_ms, slice_start) DO UPDATE SET used = b.used + 1
    WHERE b.used + (SELECT used FROM before) < $4
  RETURNING b.used + (SELECT used FROM before) AS used, (xmax = 0) AS inserted`;

// After an upstream 429: one slice holds `max`, so nothing is allowed until it leaves the count.
const BLOCK = `INSERT INTO ${B} AS b (subject, window_ms, slice_start, used) VALUES ($1, $2, $3, $4)
  ON CONFLICT (subject, window_ms, slice_start) DO UPDATE SET used = greatest(b.used, $4)`;

// Slices a whole window old, a few at a time, skipping rows another process is deleting (two
// deletes taking the same rows in different orders would deadlock).
const PRUNE = `DELETE FROM ${B} WHERE ctid IN (
    SELECT ctid FROM ${B} WHERE slice_start < $1 - window_ms - window_ms / 10 LIMIT 100 FOR UPDATE SKIP LOCKED
  )`;

export async function spendBudget(
  db: Queries,
  subject: string,
  windowMs: number,
  max: number,
  options: { now: number; blockUntil?: number },
): Promise<BudgetSpend> {
  const { now, blockUntil } = options;
  const { current, oldest } = sliceBounds(windowMs, now);
  let spent: Record<string, unknown> | undefined;
  if (blockUntil === undefined) spent = (await db.query(SPEND, [subject, windowMs, current, max, oldest])).rows[0];
  else await db.query(BLOCK, [subject, windowMs, blockingSlice(windowMs, now, blockUntil), max]);
  if (spent) {
    // A new slice: time to drop what no window counts any more.
    if (spent.inserted === true) await db.query(PRUNE, [now]).catch(() => {});
    return { allowed: true, used: Number(spent.used), retryAfterMs: 0 };
  }
  const { rows: slices } = await db.query(
    `SELECT slice_start, used FROM ${B} WHERE subject = $1 AND window_ms = $2 AND slice_start >= $3`,
    [subject, windowMs, oldest],
  );
  const counted = slices.map((row) => ({ start: Number(row.slice_start), used: Number(row.used) }));
  const used = counted.reduce((sum, slice) => sum + slice.used, 0);
  return { allowed: false, used, retryAfterMs: budgetRetryAfter(counted, windowMs, max, now) };
}
