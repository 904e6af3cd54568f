// The store both shipped databases share: PGlite and PostgreSQL speak the same SQL, so each
// store only says how to run a query and a locked migration transaction. Parameterised queries
// only; the database's clock decides leases.
import { CREATE_MIGRATIONS_TABLE, MIGRATIONS, MIGRATIONS_TABLE, PROFILES_TABLE } from './schema.js';
import { createSqlLive, type SqlLiveClient } from './sql-live.js';
import { spendBudget } from './sql-budget.js';
import type { AcquireResult, ProfileRow, ProfileStore } from './store.js';

export interface SqlClient {
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export interface SqlDatabase extends SqlClient, SqlLiveClient {
  /** Runs `work` in one transaction on one connection, holding the cross-process migration lock. */
  lockedTransaction(work: (client: SqlClient) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

const T = PROFILES_TABLE;
const lease = (param: string) => `now() + ${param} * interval '1 millisecond'`;

function toRow(record: Record<string, unknown>): ProfileRow {
  const date = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string | Date));
  const textOrNull = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    userId: String(record.user_id),
    title: String(record.title),
    state: record.state as ProfileRow['state'],
    refId: textOrNull(record.ref_id),
    keyCipher: textOrNull(record.key_cipher),
    keyId: textOrNull(record.key_id),
    leaseOwner: textOrNull(record.lease_owner),
    leaseUntil: date(record.lease_until),
    createdAt: date(record.created_at) ?? new Date(0),
    lastUsedAt: date(record.last_used_at),
  };
}

export function createSqlProfileStore(db: SqlDatabase): ProfileStore {
  let migrated: Promise<void> | undefined;
  const first = async (text: string, params: unknown[]) => {
    const { rows } = await db.query(text, params);
    return rows[0] ? toRow(rows[0]) : undefined;
  };
  const changed = async (text: string, params: unknown[]) => (await db.query(text, params)).rows.length > 0;

  async function migrate(): Promise<void> {
    await db.lockedTransaction(async (client) => {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const { rows } = await client.query(`SELECT version FROM ${MIGRATIONS_TABLE}`);
      const applied = new Set(rows.map((row) => Number(row.version)));
      for (const migration of MIGRATIONS) {
        if (applied.has(migration.version)) continue;
        for (const statement of migration.statements) await client.query(statement);
        await client.query(`INSERT INTO ${MIGRATIONS_TABLE} (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
      }
    });
  }

  return {
    ...createSqlLive(db),
    migrate() {
      // Once per store; a failure is not remembered, so the next call tries again.
      migrated ??= migrate().catch((error: unknown) => {
        migrated = undefined;
        throw error;
      });
      return migrated;
    },
    get: (userId) => first(`SELECT * FROM ${T} WHERE user_id = $1`, [userId]),
    getByRefId: (refId) => first(`SELECT * FROM ${T} WHERE ref_id = $1 ORDER BY created_at LIMIT 1`, [refId]),
    async acquire(userId, title, owner, leaseMs): Promise<AcquireResult> {
      const inserted = await first(
        `INSERT INTO ${T} (user_id, title, state, lease_owner, lease_until) VALUES ($1, $2, 'pending', $3, ${lease('$4')})
         ON CONFLICT DO NOTHING RETURNING *`,
        [userId, title, owner, leaseMs],
      );
      if (inserted) return { row: inserted, acquired: true, takeover: false };
      const taken = await first(
        `UPDATE ${T} SET lease_owner = $2, lease_until = ${lease('$3')}, updated_at = now()
         WHERE user_id = $1 AND state = 'pending' AND lease_until <= now() RETURNING *`,
        [userId, owner, leaseMs],
      );
      if (taken) return { row: taken, acquired: true, takeover: true };
      const row = await first(`SELECT * FROM ${T} WHERE user_id = $1`, [userId]);
      // No row for this user yet the insert conflicted: another user holds this title.
      if (!row) throw new Error('The profile title is already used by another user.');
      return { row, acquired: false, takeover: false };
    },
    complete: (userId, owner, done) =>
      changed(
        `UPDATE ${T} SET state = 'ready', ref_id = $3, key_cipher = $4, key_id = $5, lease_owner = NULL,
         lease_until = NULL, last_used_at = now(), updated_at = now()
         WHERE user_id = $1 AND state = 'pending' AND lease_owner = $2 RETURNING user_id`,
        [userId, owner, done.refId, done.keyCipher, done.keyId],
      ),
    markLost: (userId, owner, refId) =>
      changed(
        `UPDATE ${T} SET state = 'lost', ref_id = $3, lease_owner = NULL, lease_until = NULL, updated_at = now()
         WHERE user_id = $1 AND state = 'pending' AND lease_owner = $2 RETURNING user_id`,
        [userId, owner, refId],
      ),
    async release(userId, owner) {
      await db.query(
        `UPDATE ${T} SET lease_until = now(), updated_at = now() WHERE user_id = $1 AND state = 'pending' AND lease_owner = $2`,
        [userId, owner],
      );
    },
    remove: (userId) => changed(`DELETE FROM ${T} WHERE user_id = $1 RETURNING user_id`, [userId]),
    async touch(userId) {
      await db.query(`UPDATE ${T} SET last_used_at = now() WHERE user_id = $1`, [userId]);
    },
    async unusedSince(before, limit) {
      const { rows } = await db.query(
        `SELECT * FROM ${T} WHERE state = 'ready' AND coalesce(last_used_at, created_at) < $1
         ORDER BY coalesce(last_used_at, created_at), user_id LIMIT $2`,
        [before, limit],
      );
      return rows.map(toRow);
    },
    async encryptedWithOtherKeys(keyId, limit, afterUserId) {
      const { rows } = await db.query(
        `SELECT * FROM ${T} WHERE state = 'ready' AND key_id IS DISTINCT FROM $1 AND ($3::text IS NULL OR user_id > $3)
         ORDER BY user_id LIMIT $2`,
        [keyId, limit, afterUserId ?? null],
      );
      return rows.map(toRow);
    },
    replaceKey: (userId, previousCipher, next) =>
      changed(
        `UPDATE ${T} SET key_cipher = $3, key_id = $4, updated_at = now() WHERE user_id = $1 AND key_cipher = $2 RETURNING user_id`,
        [userId, previousCipher, next.keyCipher, next.keyId],
      ),
    spendBudget: (subject, windowMs, max, options) => spendBudget(db, subject, windowMs, max, options),
    close: () => db.close(),
  };
}
