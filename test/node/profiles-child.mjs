// One "server process" for the multi-process profile tests: its own pg pool and directory on
// the shared PostgreSQL, calling the simulator over HTTP. It says "ready" once migrated, waits
// for "go" on stdin so all processes start together, runs COUNT ensures at once for USER_ID,
// and prints one JSON line: a hash per result (not the keys) or the error code.
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { createProfileDirectory } from '../../dist/server.js';
import { createPostgresProfileStore } from '../../dist/server-postgres.js';
import { SIMULATOR_API_KEY } from '../../dist/simulator.js';

const { DATABASE_URL, SIMULATOR_API_URL, USER_ID, COUNT = '1', LEASE_MS = '60000', SECRET } = process.env;
const store = createPostgresProfileStore({ connectionString: DATABASE_URL, max: 5 });
const directory = createProfileDirectory({
  apiKey: SIMULATOR_API_KEY,
  baseUrl: SIMULATOR_API_URL,
  store,
  secret: SECRET,
  leaseMs: Number(LEASE_MS),
});
await directory.migrate();
console.log('ready');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line !== 'go') continue;
  const results = await Promise.all(
    Array.from({ length: Number(COUNT) }, () =>
      directory.ensure(USER_ID).then(
        (profile) => createHash('sha256').update(profile.profileKey).digest('hex'),
        (error) => `error:${error.code}`,
      ),
    ),
  );
  console.log(JSON.stringify(results));
  break;
}
lines.close();
await store.close();
