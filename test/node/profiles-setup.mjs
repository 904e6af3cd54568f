// What the profile directory tests share: a simulator called in process, a PGlite store, and a
// directory wired to both.
import { PGlite } from '@electric-sql/pglite';
import { after } from 'node:test';
import { createProfileDirectory } from '../../dist/server.js';
import { createPgliteProfileStore } from '../../dist/server-pglite.js';
import { SIMULATOR_API_KEY, createAyrshareSimulator } from '../../dist/simulator.js';

export const SECRET = '5RSMEmO28ownd/x1ChQccz/ml5tBxOHdsTdDtT6noJs=';
export const OTHER_SECRET = '5f1d2c3b4a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0a1';

/** `fetch` for the directory that answers from the simulator without a socket. */
export const simulatorFetch = (sim) => (url, init) => sim.fetch(new Request(url, init));

const opened = [];
// PGlite instances keep the process alive (and busy) until closed.
after(() => Promise.all(opened.splice(0).map((db) => db.close())));

/** A PGlite database in memory, closed when the test file ends. */
export function database() {
  const db = new PGlite();
  opened.push(db);
  return db;
}

export async function setup(options = {}) {
  const sim = options.sim ?? createAyrshareSimulator();
  const db = options.db ?? database();
  const store = options.store ?? createPgliteProfileStore({ db });
  const events = [];
  const directory = createProfileDirectory({
    apiKey: SIMULATOR_API_KEY,
    baseUrl: 'http://sim.test/api',
    store,
    secret: SECRET,
    fetch: simulatorFetch(sim),
    onEvent: (event) => events.push(event),
    ...options.directory,
  });
  return { sim, db, store, directory, events };
}

/** The simulator's profiles (title → accounts), from its own listing. */
export async function listed(sim) {
  const answer = await sim.fetch(
    new Request('http://sim.test/api/profiles?limit=100', { headers: { Authorization: `Bearer ${SIMULATOR_API_KEY}` } }),
  );
  return (await answer.json()).profiles;
}
