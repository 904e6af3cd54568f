// One "server process" for the status cache's multi-process test: its own pg pool, directory and
// handlers on the shared PostgreSQL, calling the simulator over HTTP. It says "ready", waits for
// "go" on stdin, makes COUNT status reads for USER_ID (every read would ask Ayrshare: freshMs 0)
// and prints one JSON line: the statuses and codes of its answers.
import { createInterface } from 'node:readline';
import { createAyrshareHandlers, createProfileDirectory } from '../../dist/server.js';
import { createPostgresProfileStore } from '../../dist/server-postgres.js';
import { SIMULATOR_API_KEY } from '../../dist/simulator.js';

const { DATABASE_URL, SIMULATOR_API_URL, USER_ID, COUNT = '1', MAX = '20', SECRET } = process.env;
const APP = 'https://app.example';
const store = createPostgresProfileStore({ connectionString: DATABASE_URL, max: 4 });
const profiles = createProfileDirectory({ apiKey: SIMULATOR_API_KEY, baseUrl: SIMULATOR_API_URL, store, secret: SECRET });
const handlers = createAyrshareHandlers({
  apiKey: SIMULATOR_API_KEY,
  user: () => USER_ID,
  profiles,
  allowedOrigins: [APP],
  baseUrl: SIMULATOR_API_URL,
  statusCache: { freshMs: 0, budget: { max: Number(MAX) } },
});
await profiles.migrate();
console.log('ready');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line !== 'go') continue;
  const answers = [];
  for (let i = 0; i < Number(COUNT); i++) {
    const response = await handlers.profile(new Request(`${APP}/api/social/status`, { headers: { Origin: APP } }));
    const body = await response.json();
    answers.push(response.status === 200 ? `200${response.headers.get('x-social-link-stale') ? ' stale' : ''}` : `${response.status} ${body.code}`);
  }
  console.log(JSON.stringify(answers));
  break;
}
lines.close();
await store.close();
