// The store for more than one server: PostgreSQL through node-postgres, a pool. Leases and
// `INSERT … ON CONFLICT` make one process create each user's profile; migrations take an
// advisory lock so servers starting together migrate once.
import pg from 'pg';
import { listenOnPool } from './pg-listener.js';
import { MIGRATION_LOCK_KEY } from './schema.js';
import { createSqlProfileStore } from './sql-store.js';
import type { ProfileStore } from './store.js';

export interface PostgresProfileStoreOptions {
  /** e.g. process.env.DATABASE_URL; or pass `pool`. */
  connectionString?: string;
  /** Your own pool instead (the store then leaves it open on close). */
  pool?: pg.Pool;
  /** Connections in the store's own pool (default 10). */
  max?: number;
  /** Milliseconds to wait for a connection or a query before failing (default 5000). */
  timeout?: number;
}

export function createPostgresProfileStore(options: PostgresProfileStoreOptions): ProfileStore {
  if (!options.pool && !options.connectionString) {
    throw Object.assign(new Error('createPostgresProfileStore needs a connectionString (e.g. process.env.DATABASE_URL) or a pool.'), {
      code: 'invalid-option',
    });
  }
  const timeout = options.timeout ?? 5000;
  const pool =
    options.pool ??
    new pg.Pool({
      connectionString: options.connectionString,
      max: options.max ?? 10,
      connectionTimeoutMillis: timeout,
      query_timeout: timeout,
      // The listening connection stays open for hours: let TCP notice a dead peer.
      keepAlive: true,
    });
  // An idle client's error (the server restarted) must not crash the host: the next query
  // gets a fresh connection or fails as profiles-unavailable.
  if (!options.pool) pool.on('error', () => {});
  const listeners = new Set<Promise<() => Promise<void>>>();
  return createSqlProfileStore({
    query: (text, params) => pool.query(text, params),
    async lockedTransaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
        await work(client);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    listen: (channel, onPayload, onResume) => {
      const stop = listenOnPool(pool, channel, onPayload, onResume);
      listeners.add(stop);
      return stop.then((end) => async () => {
        listeners.delete(stop);
        await end();
      });
    },
    close: async () => {
      // A listener holds a pooled connection: end it first, or pool.end() waits for it forever.
      await Promise.all([...listeners].map((stop) => stop.then((end) => end(), () => {})));
      listeners.clear();
      if (!options.pool) await pool.end();
    },
  });
}
