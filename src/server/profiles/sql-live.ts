// The live half of the SQL store: webhook `hookId`s already handled, and recent changes, kept in
// the database every server process shares and told to each of them through LISTEN/NOTIFY. The
// notification carries the change itself (id, subject, type, platform, source, time: well under
// PostgreSQL's 8000-byte limit, and never a key); a listener that lost its connection reads the
// changes it missed from the table.
import * as z from 'zod/mini';
import type { StatusChange, StatusChangeInput } from '../live/changes.js';
import { CHANGES_CHANNEL, CHANGES_TABLE, HOOKS_TABLE } from './schema.js';
import type { LiveStore } from './store.js';

export interface SqlLiveClient {
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /**
   * LISTENs on `channel` on a connection of its own; `onResume` runs after it reconnected
   * (notifications may have been missed). Resolves once listening, with its stop function.
   */
  listen(channel: string, onPayload: (payload: string) => void, onResume: () => void): Promise<() => Promise<void>>;
}

/** Changes are kept a day (and at most this many rows) for `Last-Event-ID`. */
const CHANGES_KEEP_MS = 24 * 3_600_000;
const CHANGES_KEEP_ROWS = 100_000;
const PRUNE_EVERY_MS = 60_000;
/** A replay longer than this is answered "changed" (re-read) instead. */
const MAX_REPLAY = 500;
/** Subjects are user ids (at most 256 characters) or 64-hex hashes; the bound keeps NOTIFY small. */
const MAX_SUBJECT = 1024;

const T = CHANGES_TABLE;
const COLUMNS = `id::text AS id, subject, type, platform, source, created_at AS at`;

const changeRecord = z.object({
  id: z.string().check(z.regex(/^\d{1,18}$/)),
  subject: z.string(),
  type: z.enum(['link', 'unlink', 'refresh', 'changed']),
  platform: z.optional(z.nullable(z.string())),
  source: z.optional(z.nullable(z.enum(['user', 'system']))),
  at: z.union([z.string(), z.date()]),
});

/** A row or a notification as a change; undefined when it is not one of ours. */
function toChange(record: unknown): StatusChange | undefined {
  const parsed = changeRecord.safeParse(record);
  if (!parsed.success) return undefined;
  const { id, subject, type, platform, source, at } = parsed.data;
  const time = new Date(at);
  return {
    id,
    subject,
    type,
    ...(platform ? { platform } : {}),
    ...(source ? { source } : {}),
    at: Number.isNaN(time.getTime()) ? new Date().toISOString() : time.toISOString(),
  };
}

const bigint = (id: string) => BigInt(id);

export function createSqlLive(db: SqlLiveClient): LiveStore {
  let prunedAt = 0;
  /** At most once a minute per process, after a write, never in the caller's way. */
  function prune() {
    if (Date.now() - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = Date.now();
    void Promise.all([
      db.query(`DELETE FROM ${HOOKS_TABLE} WHERE keep_until < now()`),
      db.query(
        `DELETE FROM ${T} WHERE created_at < now() - $1 * interval '1 millisecond'
         OR id <= (SELECT max(id) FROM ${T}) - $2`,
        [CHANGES_KEEP_MS, CHANGES_KEEP_ROWS],
      ),
    ]).catch(() => {});
  }

  async function after(lastId: string, limit: number, subject?: string): Promise<StatusChange[]> {
    const { rows } = await db.query(
      `SELECT ${COLUMNS} FROM ${T} WHERE id > $1::bigint AND ($2::text IS NULL OR subject = $2) ORDER BY id LIMIT $3`,
      [lastId, subject ?? null, limit],
    );
    return rows.flatMap((row) => toChange(row) ?? []);
  }

  return {
    async rememberHook(hookId, keepMs) {
      const { rows } = await db.query(
        `INSERT INTO ${HOOKS_TABLE} (hook_id, keep_until) VALUES ($1, now() + $2 * interval '1 millisecond')
         ON CONFLICT (hook_id) DO UPDATE SET keep_until = EXCLUDED.keep_until WHERE ${HOOKS_TABLE}.keep_until <= now()
         RETURNING hook_id`,
        [hookId, keepMs],
      );
      prune();
      return rows.length > 0;
    },
    async forgetHook(hookId) {
      await db.query(`DELETE FROM ${HOOKS_TABLE} WHERE hook_id = $1`, [hookId]);
    },
    async appendChange(input: StatusChangeInput) {
      if (input.subject.length > MAX_SUBJECT) throw new RangeError(`A change's subject is longer than ${MAX_SUBJECT} characters.`);
      // One statement: the notification goes out when the row is committed, never without it.
      const { rows } = await db.query(
        `WITH added AS (INSERT INTO ${T} (subject, type, platform, source) VALUES ($1, $2, $3, $4) RETURNING *)
         SELECT ${COLUMNS},
           pg_notify('${CHANGES_CHANNEL}', json_build_object('id', id::text, 'subject', subject, 'type', type,
             'platform', platform, 'source', source, 'at', created_at)::text) AS notified
         FROM added`,
        [input.subject, input.type, input.platform ?? null, input.source ?? null],
      );
      const change = toChange(rows[0]);
      if (!change) throw new Error('The change was not stored.');
      prune();
      return change;
    },
    async changesSince(subject, lastId) {
      if (!/^\d{1,18}$/.test(lastId)) return undefined;
      const { rows } = await db.query(`SELECT min(id)::text AS lo, max(id)::text AS hi FROM ${T}`);
      const { lo, hi } = rows[0] ?? {};
      if (typeof lo !== 'string' || typeof hi !== 'string') return undefined;
      const last = bigint(lastId);
      // Past the newest (another database, a restored backup) or before the oldest kept: unknown.
      if (last > bigint(hi) || last < bigint(lo) - 1n) return undefined;
      const changes = await after(lastId, MAX_REPLAY + 1, subject);
      return changes.length > MAX_REPLAY ? undefined : changes;
    },
    async listenChanges(listener) {
      let newest = 0n;
      const pass = (change: StatusChange | undefined) => {
        if (!change) return;
        if (bigint(change.id) > newest) newest = bigint(change.id);
        listener(change);
      };
      const onPayload = (payload: string) => {
        let record: unknown;
        try {
          record = JSON.parse(payload);
        } catch {
          return;
        }
        pass(toChange(record));
      };
      const onResume = () => {
        // What was appended while the connection was down (the hub drops what it already passed on).
        void after(String(newest), MAX_REPLAY)
          .then((missed) => missed.forEach(pass))
          .catch(() => {});
      };
      const stop = await db.listen(CHANGES_CHANNEL, onPayload, onResume);
      const { rows } = await db.query(`SELECT coalesce(max(id), 0)::text AS hi FROM ${T}`);
      const hi = bigint(String(rows[0]?.hi ?? '0'));
      if (hi > newest) newest = hi;
      return stop;
    },
  };
}
