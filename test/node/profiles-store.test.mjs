// Both shipped stores pass the exported conformance suite: PGlite in memory, and PostgreSQL
// when a server is available (scripts/postgres.mjs).
import { after, describe, test } from 'node:test';
import { profileStoreConformance } from '../../dist/server.js';
import { createPgliteProfileStore } from '../../dist/server-pglite.js';
import { createPostgresProfileStore } from '../../dist/server-postgres.js';
import { DATABASE_URL, postgresAvailable } from './profiles-postgres.mjs';

// One in-memory database shared by a test's stores, as two processes would share a server.
let shared;
profileStoreConformance(
  async () => {
    const { PGlite } = await import('@electric-sql/pglite');
    shared ??= new PGlite();
    return createPgliteProfileStore({ db: shared });
  },
  { describe, test, name: 'PGlite store conformance' },
);

if (postgresAvailable('profiles-store.test.mjs')) {
  profileStoreConformance(() => createPostgresProfileStore({ connectionString: DATABASE_URL, max: 4 }), {
    describe,
    test,
    name: 'PostgreSQL store conformance',
  });
}

after(() => shared?.close());
