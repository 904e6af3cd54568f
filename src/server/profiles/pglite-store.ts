// The embedded store: PGlite (PostgreSQL compiled to WebAssembly) in this process. In memory
// for tests, a folder on disk for one server and the demo. One process only: for several
// servers, use the PostgreSQL store.
import { PGlite } from '@electric-sql/pglite';
import { createSqlProfileStore } from './sql-store.js';
import type { ProfileStore } from './store.js';

export interface PgliteProfileStoreOptions {
  /** A folder to keep the database in (created if missing); omitted: in memory. */
  dataDir?: string;
  /** Your own PGlite instance instead (the store then leaves it open on close). */
  db?: PGlite;
}

export function createPgliteProfileStore(options: PgliteProfileStoreOptions = {}): ProfileStore {
  const owned = !options.db;
  const db = options.db ?? new PGlite(options.dataDir);
  return createSqlProfileStore({
    query: (text, params) => db.query<Record<string, unknown>>(text, params),
    // One connection in one process: PGlite's transaction holds it exclusively, which is all
    // the locking migrations need here.
    lockedTransaction: async (work) => {
      await db.transaction((tx) => work({ query: (text, params) => tx.query<Record<string, unknown>>(text, params) }));
    },
    // One process, one connection that never drops: nothing to resume. PGlite tells its own
    // session's NOTIFYs, so changes reach this process's hub as PostgreSQL's would.
    listen: async (channel, onPayload) => {
      const stop = await db.listen(channel, onPayload);
      return async () => {
        if (!db.closed) await stop();
      };
    },
    close: async () => {
      if (owned && !db.closed) await db.close();
    },
  });
}
