// One server process for the live multi-process tests: handlers over the shared PostgreSQL
// (webhook, events, unlink; the user is the X-Test-User header), on a loopback port it prints
// as "ready <port>". It stops when its stdin closes.
import { createServer } from 'node:http';
import { createAyrshareHandlers, createProfileDirectory, toNodeHandler } from '../../dist/server.js';
import { createPostgresProfileStore } from '../../dist/server-postgres.js';
import { SIMULATOR_API_KEY } from '../../dist/simulator.js';

const { DATABASE_URL, SIMULATOR_API_URL, SECRET, HOOK_SECRET } = process.env;
const store = createPostgresProfileStore({ connectionString: DATABASE_URL, max: 5 });
const directory = createProfileDirectory({ apiKey: SIMULATOR_API_KEY, baseUrl: SIMULATOR_API_URL, store, secret: SECRET });
await directory.migrate();
const handlers = createAyrshareHandlers({
  apiKey: SIMULATOR_API_KEY,
  baseUrl: SIMULATOR_API_URL,
  user: (request) => request.headers.get('x-test-user') ?? undefined,
  profiles: directory,
  allowedOrigins: ['https://app.example'],
  webhook: { secret: HOOK_SECRET },
});
const routes = { '/webhook': handlers.webhook, '/events': handlers.events, '/unlink': handlers.unlink };
const server = createServer((req, res) => {
  const handler = routes[new URL(req.url, 'http://x').pathname];
  if (!handler) return void res.writeHead(404).end();
  toNodeHandler(handler)(req, res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
console.log(`ready ${server.address().port}`);
process.stdin.resume();
process.stdin.on('end', async () => {
  server.closeAllConnections();
  server.close();
  await directory.changes.close();
  await store.close();
  process.exit(0);
});
