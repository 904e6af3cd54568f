// Both shipped stores pass the exported conformance suite: PGlite in memory, and PostgreSQL
// when a server is available (scripts/postgres.mjs).
import { after } from 'node:test';
import { profileStoreConformance } from '../../dist/server.js';
import { createPgliteProfileStore } from '../../dist/server-pglite.js';
import { createPostgresProfileStore } from '../../dist/server-postgres.js';
import { DATABASE_URL, postgresAvailable } from './profiles-postgres.mjs';

// One in-memory database shared by a test's stores, as two processes would share a server.
let shared;
await profileStoreConformance(
  async () => {
    const { PGlite } = await import('@electric-sql/pglite');
    shared ??= new PGlite();
    return createPgliteProfileStore({ db: shared });
  },
  { name: 'PGlite store conformance' },
);

if (postgresAvailable('profiles-store.test.mjs')) {
  await profileStoreConformance(() => createPostgresProfileStore({ connectionString: DATABASE_URL, max: 4 }), {
    name: 'PostgreSQL store conformance',
  });
}

after(() => shared?.close());
