// A throwaway PostgreSQL server for the tests and the bench, from Debian's server binaries
// (/usr/lib/postgresql/<version>/bin). initdb and postgres refuse to run as root, so as root
// they run as the `postgres` user (runuser), in a temporary folder it owns. Loopback only, a
// free port, no fsync (the data is thrown away), stopped and deleted at the end — also when
// the process fails or is interrupted.
//   node scripts/postgres.mjs     starts one, prints its URL, stops on Ctrl-C
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The newest Debian PostgreSQL server binaries here, or undefined. */
export function findPostgres() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')) && existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function postgresUser() {
  const found = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  return found.status === 0 ? { uid: Number(found.stdout), gid: Number(gid.stdout) } : undefined;
}

/**
 * Starts a server; resolves `{ url, stop }`, or undefined (with `reason`) when this machine has
 * no PostgreSQL binaries. Throws when they exist but the server does not start.
 */
export async function startPostgres() {
  const bin = findPostgres();
  if (!bin) return { reason: 'no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)' };
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? postgresUser() : undefined;
  if (asRoot && !owner) return { reason: 'running as root and there is no `postgres` user to run PostgreSQL as' };
  const dir = mkdtempSync(join(tmpdir(), 'slb-postgres-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const run = (tool, args) => {
    const command = owner ? 'runuser' : join(bin, tool);
    const argv = owner ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args;
    return spawnSync(command, argv, { encoding: 'utf8', cwd: dir });
  };
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    rmSync(dir, { recursive: true, force: true });
    process.off('exit', stop);
    for (const signal of ['SIGINT', 'SIGTERM']) process.off(signal, onSignal);
  };
  const onSignal = (signal) => {
    stop();
    process.kill(process.pid, signal);
  };
  process.on('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, onSignal);
  try {
    const init = run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr.trim()}`);
    const port = await freePort();
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${dir} -c fsync=off -c max_connections=200`;
    const started = run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
    if (started.status !== 0) throw new Error(`PostgreSQL did not start: ${started.stderr.trim() || started.stdout.trim()}`);
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startPostgres();
  if (!server.url) {
    console.error(`No PostgreSQL: ${server.reason}.`);
    process.exit(1);
  }
  console.log(`SOCIAL_LINK_TEST_DATABASE_URL=${server.url}`);
  console.log('Ctrl-C stops it and deletes its data.');
  setInterval(() => {}, 1 << 30);
}
