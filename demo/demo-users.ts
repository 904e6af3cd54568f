// The demo's signed-in users (simulator mode): three fixed users, switched by a cookie, each
// given their own Ayrshare profile on first link by the profile directory, which keeps its keys
// in PGlite in the data folder (.demo-data/, or SOCIAL_LINK_DEMO_DATA). The simulator keeps its
// profiles there too, so a restarted demo still opens every stored key.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { createProfileDirectory, isProfileError, type ProfileDirectory, type ProfileEvent } from '../src/entries/server.js';
import { createPgliteProfileStore } from '../src/entries/server-pglite.js';
import type { NetworkId } from '../src/protocol/networks.js';
import { SIMULATOR_API_KEY, startAyrshareSimulator, type RunningSimulator } from '../src/simulator/simulator.js';
import { BodyError, demoRoute, readJson, sendJson } from './demo-http.js';

export const DEMO_USERS = [
  { id: 'demo-ada', name: 'Ada' },
  { id: 'demo-grace', name: 'Grace' },
  { id: 'demo-linus', name: 'Linus' },
] as const;
export type DemoUser = (typeof DEMO_USERS)[number];
const DEFAULT_USER: DemoUser = DEMO_USERS[0];
/** What the default user starts with (the page has always opened with these two linked). */
const SEEDED: readonly NetworkId[] = ['linkedin', 'twitter'];
const COOKIE = 'demo-user';
const EVENTS_KEPT = 50;

/** The user a request's cookie names; no cookie, or one naming no demo user: the default user. */
export function userOf(cookieHeader: string | null | undefined): DemoUser {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, value] = part.split('=').map((s) => s.trim());
    if (name !== COOKIE) continue;
    const user = DEMO_USERS.find((u) => u.id === value);
    if (user) return user;
  }
  return DEFAULT_USER;
}

export interface DemoEvent {
  seq: number;
  at: string;
  text: string;
}

export interface DemoUsers {
  simulator: RunningSimulator;
  profiles: ProfileDirectory;
  /** The current user's Profile Key, if they have a profile (for the simulator's switches). */
  keyOf(user: DemoUser): Promise<string | undefined>;
  /** The user's accounts back to where the demo starts: LinkedIn and X for the default user, none for others. */
  resetAccounts(user: DemoUser): Promise<void>;
  /** The folder's webhook signing secret (made once, like the profile secret). */
  webhookSecret: string;
  /** Adds a line to the server's event feed (every /api/demo/user answer carries it). */
  note(text: string): void;
  /** `/api/demo/user` and `/api/demo/delete-my-data`; false for other paths. */
  route(path: string, req: IncomingMessage, res: ServerResponse): boolean;
  close(): Promise<void>;
}

/** A folder's secret: 32 random bytes made on first start, owner-only. `fresh` when just made. */
function folderSecret(dataDir: string, name = 'secret'): { secret: string; fresh: boolean } {
  const file = join(dataDir, name);
  const made = randomBytes(32).toString('base64');
  try {
    writeFileSync(file, `${made}\n`, { flag: 'wx', mode: 0o600 });
    return { secret: made, fresh: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { secret: readFileSync(file, 'utf8').trim(), fresh: false };
  }
}

/**
 * PGlite is one process's: a second demo on the same folder would corrupt it. The folder's lock
 * names the process using it; one left by a process that ended (Ctrl-C runs no clean-up) is taken
 * over. Returns the function that releases it.
 */
function lockFolder(dataDir: string): () => void {
  const file = join(dataDir, 'lock');
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
    }
    const holder = Number(readFileSync(file, 'utf8').trim());
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && running(holder)) {
      throw new Error(`Another demo (process ${holder}) is using ${dataDir}: stop it first, or give this one its own folder with SOCIAL_LINK_DEMO_DATA.`);
    }
    rmSync(file, { force: true });
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Vite restarts its server (when vite.config.ts or what it imports changes) by making the new one
// before closing the old: both would open the folder's database at once. So the folder stays
// open in this process, shared, until its last user closes (kept on globalThis, as the
// restarted config is a new module).
interface Shared {
  users: Promise<DemoUsers>;
  count: number;
}
const registry: Map<string, Shared> = ((globalThis as Record<symbol, unknown>)[Symbol.for('social-link-button.demo-users')] ??= new Map()) as Map<string, Shared>;

/** The demo users of `dataDir`; each call's `close()` ends its share, the last one closes. */
export async function openDemoUsers(dataDir: string): Promise<DemoUsers> {
  const folder = resolve(dataDir);
  let shared = registry.get(folder);
  if (!shared) {
    const opening: Shared = { users: openFolder(folder), count: 0 };
    registry.set(folder, opening);
    opening.users.catch(() => registry.delete(folder));
    shared = opening;
  }
  shared.count++;
  const entry = shared;
  const users = await entry.users.catch((error: unknown) => {
    entry.count--;
    throw error;
  });
  let ended = false;
  return {
    ...users,
    close: async () => {
      if (ended) return;
      ended = true;
      if (--entry.count > 0) return;
      registry.delete(folder);
      await users.close();
    },
  };
}

async function openFolder(dataDir: string): Promise<DemoUsers> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const unlock = lockFolder(dataDir);
  try {
    return await openLocked(dataDir, unlock);
  } catch (error) {
    unlock();
    throw error;
  }
}

async function openLocked(dataDir: string, unlock: () => void): Promise<DemoUsers> {
  const { secret, fresh } = folderSecret(dataDir);
  // No built-in profile: every profile is a demo user's, made by the directory.
  const simulator = await startAyrshareSimulator({ directConnect: false, profileKeys: [], stateFile: join(dataDir, 'simulator.json') });
  const store = createPgliteProfileStore({ dataDir: join(dataDir, 'profiles') });

  const events: DemoEvent[] = [];
  let seq = 0;
  const note = (text: string) => {
    events.push({ seq: ++seq, at: new Date().toISOString(), text });
    if (events.length > EVENTS_KEPT) events.shift();
  };
  const names: Record<ProfileEvent['type'], string> = {
    'profile-created': 'profile created',
    'profile-recreated': 'profile recreated',
    'profile-deleted': 'profile deleted',
    'profile-key-lost': 'profile key lost',
  };
  const profiles = createProfileDirectory({
    apiKey: SIMULATOR_API_KEY,
    baseUrl: simulator.apiUrl,
    store,
    secret,
    title: 'slb-demo',
    topHeader: 'Acme Scheduler',
    onEvent(event) {
      const who = DEMO_USERS.find((u) => u.id === event.userId)?.name ?? event.userId;
      note(`${names[event.type]} for ${who}`);
    },
  });

  const keyOf = async (user: DemoUser) => (await profiles.find(user.id))?.profileKey;

  async function resetAccounts(user: DemoUser) {
    const wanted = user === DEFAULT_USER ? SEEDED : [];
    // The default user starts with a profile; the others get theirs on their first link.
    const key = user === DEFAULT_USER ? (await profiles.ensure(user.id)).profileKey : await keyOf(user);
    if (!key) return;
    const linked = simulator.simulator.linked(key);
    for (const network of new Set([...linked, ...wanted])) {
      if (linked.includes(network) !== wanted.includes(network)) simulator.simulator.toggle(network, key);
    }
  }

  try {
    // A new data folder: the default user starts with LinkedIn and X linked, as the demo always has.
    if (fresh) await resetAccounts(DEFAULT_USER);
  } catch (error) {
    await Promise.allSettled([simulator.close(), store.close()]);
    throw error;
  }

  const state = (user: DemoUser) => ({ user: user.id, users: DEMO_USERS, events });

  function route(path: string, req: IncomingMessage, res: ServerResponse): boolean {
    const user = userOf(req.headers.cookie);
    if (path === '/api/demo/user') {
      demoRoute(req, res, ['GET', 'HEAD', 'POST'], async () => {
        if (req.method !== 'POST') return sendJson(res, 200, state(user));
        const body = await readJson(req);
        const chosen = DEMO_USERS.find((u) => u.id === body.user);
        if (!chosen || Object.keys(body).length !== 1) throw new BodyError(400, `Send {"user": …} naming one of ${DEMO_USERS.map((u) => u.id).join(', ')}.`);
        // HttpOnly: the page's scripts never see it; SameSite=Strict: no other site switches it.
        const cookie = `${COOKIE}=${chosen.id}; Path=/; HttpOnly; SameSite=Strict`;
        sendJson(res, 200, state(chosen), { 'Set-Cookie': cookie });
      });
      return true;
    }
    if (path === '/api/demo/delete-my-data') {
      demoRoute(req, res, ['POST'], async () => {
        const body = await readJson(req);
        if (Object.keys(body).length) throw new BodyError(400, 'Send an empty JSON object: {}.');
        try {
          const { deleted } = await profiles.delete(user.id);
          sendJson(res, 200, { deleted, ...state(user) });
        } catch (error) {
          if (!isProfileError(error)) throw error;
          sendJson(res, 503, { message: 'The profile could not be deleted now; try again.', code: error.code, ...state(user) });
        }
      });
      return true;
    }
    return false;
  }

  let closed: Promise<unknown> | undefined;
  return {
    simulator,
    profiles,
    keyOf,
    resetAccounts,
    webhookSecret: folderSecret(dataDir, 'webhook-secret').secret,
    note,
    route,
    close: async () => {
      closed ??= Promise.allSettled([simulator.close(), store.close()]).then(unlock);
      await closed;
    },
  };
}
